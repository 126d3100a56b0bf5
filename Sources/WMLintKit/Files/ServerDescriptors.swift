#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls of `wmlint server`'s transport: its own descriptor for protocol messages, and reads and
/// writes of raw frames.
///
/// The only place the server touches descriptors or memory without a bounds check; the transport above it
/// works on arrays.
enum ServerDescriptors {
    /// Keeps standard output for protocol messages alone: returns a duplicate of descriptor 1 and points
    /// descriptor 1 at standard error, so that nothing else written there can break the stream; makes a write to
    /// a client that has gone fail instead of raising `SIGPIPE`. `nil` when the descriptor cannot be duplicated.
    static func takeStandardOutput() -> Int32? {
        let output = dup(1)
        guard output >= 0 else { return nil }
        _ = dup2(2, 1)
        StandardStream.reportsBrokenPipes()
        return output
    }

    /// Reads from standard input into the start of `chunk` (at most `chunk.count` bytes), retrying interrupted
    /// reads: the number of bytes read, 0 at the end of the input, or a negative number on failure.
    static func readStandardInput(into chunk: inout [UInt8]) -> Int {
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in read(0, buffer.baseAddress, buffer.count) }
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Writes all of `bytes` to `descriptor`; the failure's text, or `nil`.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { FileSystem.writeAll($0, to: descriptor) }
    }
}
