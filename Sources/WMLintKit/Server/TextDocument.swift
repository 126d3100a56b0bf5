import WMLintSource

/// How an LSP position's `character` counts: UTF-8 bytes or UTF-16 code units (the protocol's default).
enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// An LSP position: a 0-based line and a 0-based column in the negotiated encoding's units.
struct LSPPosition: Hashable, Sendable {
    var line: Int
    var character: Int

    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }
}

/// The text of a document and the conversions between byte offsets and LSP positions.
///
/// Lines end at `\n`; a `\r` before it is part of the line (as in the rest of wmlint's positions). Positions
/// past the end of a line, or of the text, are clamped to it, as the protocol asks.
struct DocumentText: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var lines: LineTable

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lines = LineTable(bytes)
    }

    /// The position of the 0-based UTF-8 offset `offset` (clamped into the text).
    func position(of offset: Int, encoding: PositionEncoding) -> LSPPosition {
        let offset = Swift.min(Swift.max(offset, 0), bytes.count)
        let line = lines.lineIndex(of: offset)
        let start = lines.lineStarts[line]
        switch encoding {
        case .utf8:
            return LSPPosition(line: line, character: offset - start)
        case .utf16:
            var units = 0
            var index = start
            while index < offset {
                let byte = bytes[index]
                // A lead byte counts its scalar: one unit, two for a four-byte sequence (a surrogate pair).
                if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
            return LSPPosition(line: line, character: units)
        }
    }

    /// The 0-based UTF-8 offset of `position`; a line past the end is the end of the text, a character past the
    /// end of its line is the line's end, and one inside a character is that character's start.
    func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lines.lineStarts.count else { return bytes.count }
        let range = lines.lineRange(at: position.line)
        let target = Swift.max(position.character, 0)
        switch encoding {
        case .utf8:
            var offset = Swift.min(range.lowerBound + target, range.upperBound)
            while offset > range.lowerBound && offset < range.upperBound && bytes[offset] & 0xC0 == 0x80 {
                offset -= 1
            }
            return offset
        case .utf16:
            var units = 0
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                let width = byte >= 0xF0 ? 2 : 1
                if units + width > target { return index }
                units += width
                index += 1
                while index < range.upperBound && bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
            return range.upperBound
        }
    }

    /// Replaces the bytes between two positions with `text` (an incremental change).
    mutating func replace(from start: LSPPosition, to end: LSPPosition, with text: String, encoding: PositionEncoding) {
        let lower = offset(of: start, encoding: encoding)
        let upper = Swift.max(lower, offset(of: end, encoding: encoding))
        bytes.replaceSubrange(lower..<upper, with: text.utf8)
        lines = LineTable(bytes)
    }

    /// Replaces the whole text (a full change).
    mutating func replaceAll(with text: String) {
        bytes = Array(text.utf8)
        lines = LineTable(bytes)
    }

    /// The LSP range of a byte range.
    func range(_ range: SourceRange, encoding: PositionEncoding) -> JSONValue {
        .object([
            ("start", position(of: range.lowerBound.offset, encoding: encoding).json),
            ("end", position(of: range.upperBound.offset, encoding: encoding).json),
        ])
    }
}
