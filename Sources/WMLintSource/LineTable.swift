/// Start offsets of the lines of a text, for turning byte offsets into display positions.
///
/// Built in one pass over the bytes. Lookups clamp out-of-range offsets, so they never trap.
public struct LineTable: Sendable {
    /// 0-based UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Total length of the text in bytes.
    public let count: Int

    public init(_ bytes: [UInt8]) {
        lineStarts = ByteScan.lineStarts(bytes)
        count = bytes.count
    }

    /// The 0-based index of the line holding `offset` (clamped into the text).
    public func lineIndex(of offset: Int) -> Int {
        let offset = Swift.min(Swift.max(offset, 0), count)
        // The last line starting at or before the offset (the first line starts at 0).
        return Swift.max(partitionPoint(in: 0..<lineStarts.count) { lineStarts[$0] <= offset } - 1, 0)
    }

    /// The byte range of line `index` (0-based), without its `\n` terminator.
    public func lineRange(at index: Int) -> Range<Int> {
        let index = Swift.min(Swift.max(index, 0), lineStarts.count - 1)
        let start = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : count
        return start..<Swift.max(start, end)
    }

    /// The display location of `offset` in `bytes` (the bytes this table was built from); clamps, never traps.
    ///
    /// An offset inside a multi-byte sequence is counted as the start of that scalar's column.
    public func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let offset = Swift.min(Swift.max(offset, 0), Swift.min(count, bytes.count))
        let line = lineIndex(of: offset)
        var scalars = 0
        var utf16 = 0
        var index = lineStarts[line]
        while index < offset {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                utf16 += byte >= 0xF0 ? 2 : 1
            }
            index += 1
        }
        return SourceLocation(line: line + 1, column: scalars + 1, utf16Column: utf16 + 1, offset: offset)
    }
}
