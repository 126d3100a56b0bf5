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
        if Self.closedAtStart[Int(descriptor)] {
            throw .writeFailed("cannot write to \(name): it was closed when wmlint started")
        }
        var text = text
        let failure = text.withUTF8 { FileSystem.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        if let failure { throw .writeFailed("cannot write to \(name): \(failure)") }
    }

    /// Which of the descriptors 0, 1 and 2 were closed when the process started. Each of them is then opened on
    /// `/dev/null` (the first access does it; the executable makes it first thing), so that no file the run opens
    /// takes the number of a standard stream and receives its text; a write to a stream that was closed fails.
    public static let closedAtStart: [Bool] = (0...2).map { (descriptor: Int32) -> Bool in
        guard fcntl(descriptor, F_GETFD) == -1 else { return false }
        let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
        if opened >= 0, opened != descriptor {
            // Not the lowest free number: move it there.
            _ = dup2(opened, descriptor)
            _ = close(opened)
        }
        return true
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
