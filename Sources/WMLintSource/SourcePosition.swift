/// A place in a source text: a UTF-8 byte offset.
///
/// Offsets are 0-based and count bytes, never characters. Line and column are derived for display only,
/// by ``LineTable``.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    /// 0-based UTF-8 byte offset from the start of the file.
    public var offset: Int

    public init(offset: Int) {
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// A half-open range of UTF-8 byte offsets; an empty range is an insertion point.
public typealias SourceRange = Range<SourcePosition>

extension Range where Bound == SourcePosition {
    /// The range from byte `start` (inclusive) to byte `end` (exclusive), both 0-based UTF-8 offsets.
    public static func bytes(_ start: Int, _ end: Int) -> SourceRange {
        SourcePosition(offset: start)..<SourcePosition(offset: Swift.max(start, end))
    }

    /// The range as plain byte offsets.
    public var offsets: Range<Int> { lowerBound.offset..<upperBound.offset }
}

/// A display position in a file.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// 1-based line number; lines end at `\n` (a `\r` before it belongs to the line).
    public var line: Int
    /// 1-based column, counted in Unicode scalar values.
    public var column: Int
    /// 1-based column, counted in UTF-16 code units (for LSP and JavaScript consumers).
    public var utf16Column: Int
    /// 0-based UTF-8 byte offset.
    public var offset: Int

    public init(line: Int, column: Int, utf16Column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.offset = offset
    }
}
