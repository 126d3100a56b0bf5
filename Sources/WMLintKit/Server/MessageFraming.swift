/// The base protocol of the Language Server Protocol: each message is a header (`Content-Length: N`, optionally
/// `Content-Type`, each line ending in `\r\n`), an empty line, and `N` bytes of JSON.
///
/// The reader takes bytes as they come and hands back whole messages. A header it cannot read is reported as a
/// ``Frame/malformed(_:)`` frame and skipped up to its empty line, so that one bad message does not end the
/// session; a body over ``maxContentLength`` is skipped as it arrives, never buffered.
struct FrameReader {
    /// One unit read from the stream.
    enum Frame: Equatable {
        /// A message body.
        case message([UInt8])
        /// A header that could not be read, or a body that was too large, with the reason.
        case malformed(String)
    }

    /// The largest body accepted, in bytes.
    static let maxContentLength = 64 * 1024 * 1024
    /// The longest header accepted, in bytes.
    static let maxHeaderLength = 8 * 1024

    private var buffer: [UInt8] = []
    /// The start of the unread bytes in ``buffer``.
    private var start = 0
    /// The body length of the header already read, waiting for its body.
    private var pendingLength: Int?
    /// Bytes of a too-large body still to skip.
    private var skipping = 0

    /// Adds bytes read from the stream.
    mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, or `nil` when more bytes are needed.
    mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let skipped = Swift.min(skipping, buffer.count - start)
                start += skipped
                skipping -= skipped
                compact()
                if skipping > 0 { return nil }
            }
            if let length = pendingLength {
                guard buffer.count - start >= length else { return nil }
                let body = Array(buffer[start..<(start + length)])
                start += length
                pendingLength = nil
                compact()
                return .message(body)
            }
            guard let end = headerEnd() else {
                if buffer.count - start > Self.maxHeaderLength {
                    // No empty line in sight: drop what was read up to its last line break.
                    let lastBreak = buffer[start...].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? buffer.count
                    start = lastBreak
                    compact()
                    return .malformed("the message header is longer than \(Self.maxHeaderLength) bytes")
                }
                return nil
            }
            let header = Array(buffer[start..<end.headerEnd])
            start = end.bodyStart
            switch Self.contentLength(header) {
            case .success(let length):
                if length > Self.maxContentLength {
                    skipping = length
                    return .malformed("the message body is \(length) bytes, over the limit of \(Self.maxContentLength)")
                }
                pendingLength = length
            case .failure(let problem):
                compact()
                return .malformed(problem.message)
            }
        }
    }

    private mutating func compact() {
        if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Where the header that starts at ``start`` ends: the `\r\n\r\n` (or, leniently, `\n\n`) after it.
    private func headerEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var index = start
        let count = buffer.count
        while index < count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < count && buffer[index + 1] == UInt8(ascii: "\n") { return (index, index + 2) }
                if index + 2 < count && buffer[index + 1] == UInt8(ascii: "\r")
                    && buffer[index + 2] == UInt8(ascii: "\n")
                {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    struct HeaderProblem: Error {
        var message: String
    }

    /// The `Content-Length` of a header (its fields, without the empty line).
    static func contentLength(_ header: [UInt8]) -> Result<Int, HeaderProblem> {
        let text = String(decoding: header, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let field = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if field.isEmpty { continue }
            guard let colon = field.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "the header line '\(field.prefix(80))' has no ':'"))
            }
            let name = field[..<colon].lowercased()
            let value = field[field.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0 else {
                    return .failure(HeaderProblem(message: "Content-Length '\(value.prefix(40))' is not a byte count"))
                }
                length = parsed
            }
        }
        guard let length else { return .failure(HeaderProblem(message: "the message header has no Content-Length")) }
        return .success(length)
    }

    /// The frame of a message body: its header and the body.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
