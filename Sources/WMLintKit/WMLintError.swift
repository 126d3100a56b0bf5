/// A failure of the run itself (exit 2): bad usage, a named path that cannot be read, an invalid configuration.
///
/// Malformed input is never a `WMLintError`: it is a diagnostic.
public struct WMLintError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case usage
        case unreadablePath
        case config
    }

    let kind: Kind
    public let message: String

    public static func usage(_ message: String) -> WMLintError { WMLintError(kind: .usage, message: message) }
    public static func unreadablePath(_ message: String) -> WMLintError {
        WMLintError(kind: .unreadablePath, message: message)
    }
    public static func config(_ message: String) -> WMLintError { WMLintError(kind: .config, message: message) }

    public var description: String { message }
}
