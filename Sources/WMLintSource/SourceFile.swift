import Synchronization

/// A file's bytes and the name it is shown under, with a lazily built ``LineTable``.
public final class SourceFile: Sendable {
    /// The path as shown in diagnostics (relative to the current directory when possible).
    public let path: String
    /// The file's raw bytes, exactly as read.
    public let bytes: [UInt8]
    private let table = Mutex<LineTable?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The line table, built on first use.
    public var lineTable: LineTable {
        table.withLock { cached in
            if let cached { return cached }
            let built = LineTable(bytes)
            cached = built
            return built
        }
    }

    /// The display location of a 0-based UTF-8 offset; clamps, never traps.
    public func location(of offset: Int) -> SourceLocation {
        lineTable.location(of: offset, in: bytes)
    }

    /// The text of the bytes in `range`, clamped, with invalid UTF-8 repaired.
    public func text(in range: Range<Int>) -> String {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), bytes.count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
