/// Start offsets of the lines of a text, for turning byte offsets into display positions.
///
/// Built in one pass over the bytes. Lookups clamp out-of-range offsets, so they never trap.
public struct LineTable: Sendable {
    /// 0-based UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Total length of the text in bytes.
    public let count: Int

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // Thirty-two bytes at a time. With `x = w ^ 0x0A…`, a byte `b` of `x` is 0 (a '\n' in `w`) exactly
                // when neither `(b & 0x7F) + 0x7F` nor `b` has its high bit set: an exact mask, no carries. A
                // block with no line feed (most of them) is passed over after one combined test.
                let highs: UInt64 = 0x8080_8080_8080_8080
                let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                @inline(__always)
                func lineFeeds(_ offset: Int) -> UInt64 {
                    let word =
                        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                        ^ 0x0A0A_0A0A_0A0A_0A0A
                    return ~(((word & lows) &+ lows) | word) & highs
                }
                while index &+ 32 <= count {
                    let masks = (
                        lineFeeds(index), lineFeeds(index &+ 8), lineFeeds(index &+ 16), lineFeeds(index &+ 24)
                    )
                    if masks.0 | masks.1 | masks.2 | masks.3 != 0 {
                        Self.record(masks.0, at: index, in: &starts)
                        Self.record(masks.1, at: index &+ 8, in: &starts)
                        Self.record(masks.2, at: index &+ 16, in: &starts)
                        Self.record(masks.3, at: index &+ 24, in: &starts)
                    }
                    index &+= 32
                }
                while index &+ 8 <= count {
                    Self.record(lineFeeds(index), at: index, in: &starts)
                    index &+= 8
                }
            }
            while index < count {
                if buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                index += 1
            }
        }
        lineStarts = starts
        count = bytes.count
    }

    /// Appends to `starts` the start of the line after each line feed flagged in `mask` (the high bit of a byte),
    /// the word at 0-based byte offset `offset`.
    @inline(__always)
    private static func record(_ mask: UInt64, at offset: Int, in starts: inout [Int]) {
        var found = mask
        while found != 0 {
            starts.append(offset &+ found.trailingZeroBitCount &>> 3 &+ 1)
            found &= found &- 1
        }
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
