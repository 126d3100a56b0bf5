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

    /// Writes all of `text` (nothing for an empty text), retrying interrupted writes.
    ///
    /// Throws a write failure naming the stream and the system's reason when a write fails.
    public func write(_ text: String) throws(WMLintError) {
        var text = text
        let failure: String? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Self.systemWrite(
                    descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written < 0 { return strerror(errno).map { String(cString: $0) } ?? "error \(errno)" }
                if written == 0 { return "short write" }
                offset += written
            }
            return nil
        }
        if let failure { throw .writeFailed("cannot write to \(name): \(failure)") }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #elseif canImport(Darwin)
            Darwin.write(descriptor, bytes, count)
        #endif
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
