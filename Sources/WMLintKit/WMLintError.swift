/// A failure of the run itself (exit 2): bad usage, a named path that cannot be read, an invalid configuration,
/// a fixed file that cannot be written.
///
/// Malformed input is never a `WMLintError`: it is a diagnostic.
public struct WMLintError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case usage
        case unreadablePath
        case config
        case writeFailed
    }

    let kind: Kind
    public let message: String

    public static func usage(_ message: String) -> WMLintError { WMLintError(kind: .usage, message: message) }
    public static func unreadablePath(_ message: String) -> WMLintError {
        WMLintError(kind: .unreadablePath, message: message)
    }
    public static func config(_ message: String) -> WMLintError { WMLintError(kind: .config, message: message) }
    /// A file that `--fix` could not write (the original is left as it was).
    public static func writeFailed(_ message: String) -> WMLintError {
        WMLintError(kind: .writeFailed, message: message)
    }

    public var description: String { message }
}
