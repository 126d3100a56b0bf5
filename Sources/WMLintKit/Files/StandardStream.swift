#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output or standard error of this process, written unbuffered.
public enum StandardStream: Sendable, Hashable {
    case output, error

    var descriptor: Int32 {
        switch self {
        case .output: 1
        case .error: 2
        }
    }

    /// What the stream is called in a message.
    var name: String {
        switch self {
        case .output: "standard output"
        case .error: "standard error"
        }
    }

    /// Writes all of `text` (nothing for an empty text), retrying short and interrupted writes.
    ///
    /// Throws a write failure naming the stream and the system's reason when a write fails.
    public func write(_ text: String) throws(WMLintError) {
        var text = text
        let failure = text.withUTF8 { FileSystem.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        if let failure { throw .writeFailed("cannot write to \(name): \(failure)") }
    }

    /// Makes a write to a pipe whose reader has gone fail with `EPIPE`, as any other write error does, instead of
    /// ending the process by `SIGPIPE` with nothing said.
    static func reportsBrokenPipes() {
        #if canImport(Glibc)
            _ = Glibc.signal(SIGPIPE, SIG_IGN)
        #elseif canImport(Darwin)
            _ = Darwin.signal(SIGPIPE, SIG_IGN)
        #endif
    }
}
