/// Maps a decoded text back to the file bytes it came from.
///
/// A shell word loses its quotes, escapes and continuations when decoded; JSON or shorthand parsed from that
/// word still reports positions in the file through this map. Every decoded byte `i` came from the file bytes
/// `starts[i]..<ends[i]` (0-based UTF-8 offsets); `starts.count == decoded byte count + 1`, the last entry being
/// the insertion point after the text.
public struct OffsetMap: Hashable, Sendable {
    /// For each decoded byte, the 0-based file offset of the first source byte that produced it; plus one final
    /// entry for the end of the text.
    public var starts: [Int]
    /// For each decoded byte, the 0-based file offset just past the source bytes that produced it.
    public var ends: [Int]

    public init(starts: [Int], ends: [Int]) {
        self.starts = starts
        self.ends = ends
    }

    /// The identity map of a text that sits unchanged at `base` in the file, `count` bytes long.
    public static func contiguous(base: Int, count: Int) -> OffsetMap {
        OffsetMap(starts: Array(base...(base + count)), ends: Array((base + 1)..<(base + count + 1)))
    }

    /// The file range of decoded bytes `local` (clamped).
    public func fileRange(_ local: Range<Int>) -> SourceRange {
        guard !starts.isEmpty else { return .bytes(0, 0) }
        let last = starts.count - 1
        let lower = Swift.min(Swift.max(local.lowerBound, 0), last)
        let upper = Swift.min(Swift.max(local.upperBound, lower), last)
        if upper == lower {
            return .bytes(starts[lower], starts[lower])
        }
        return .bytes(starts[lower], ends[upper - 1])
    }
}

/// A text to parse: its bytes, the file it lives in, and how its offsets map into that file.
public struct SourceText: Sendable {
    /// The bytes to parse (after shell decoding, for a word).
    public var bytes: [UInt8]
    /// The path of the file holding the text, as shown in diagnostics.
    public var path: String
    /// How offsets in `bytes` map to file offsets; `nil` when `bytes` is the whole file, unchanged.
    public var map: OffsetMap?

    public init(bytes: [UInt8], path: String, map: OffsetMap? = nil) {
        self.bytes = bytes
        self.path = path
        self.map = map
    }

    public init(file: SourceFile) {
        self.init(bytes: file.bytes, path: file.path)
    }

    /// The file range of the 0-based byte range `local` of ``bytes``.
    @inline(__always)
    public func fileRange(_ local: Range<Int>) -> SourceRange {
        guard let map else { return .bytes(local.lowerBound, local.upperBound) }
        return map.fileRange(local)
    }

    /// The file range of `start..<end`, both 0-based offsets in ``bytes``.
    @inline(__always)
    public func fileRange(_ start: Int, _ end: Int) -> SourceRange {
        fileRange(start..<Swift.max(start, end))
    }
}
