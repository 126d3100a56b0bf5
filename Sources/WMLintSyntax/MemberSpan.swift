public import WMLintSource

/// The bytes to delete to remove one member of a mapping, separators included, so the text stays valid.
public enum MemberSpan {
    /// The file range removing the member whose key starts at `keyRange` and whose value ends at `valueRange`,
    /// in `text` (JSON, shorthand or YAML; flow or block style); `nil` when the bytes cannot be located.
    public static func removalRange(keyRange: SourceRange, valueRange: SourceRange, in text: SourceText)
        -> SourceRange?
    {
        guard let key = StringContent.localRange(of: keyRange, in: text),
            let value = StringContent.localRange(of: valueRange, in: text)
        else { return nil }
        let bytes = text.bytes
        let start = key.lowerBound
        let end = max(value.upperBound, start)
        // A separator after the member: remove the member and it (and the rest of the line when nothing follows).
        var after = end
        while after < bytes.count, isBlank(bytes[after]) { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: ",") {
            var stop = after + 1
            while stop < bytes.count, isBlank(bytes[stop]) { stop += 1 }
            if let lineStart = lineStartIfIndented(start, bytes), stop < bytes.count, isNewline(bytes[stop]) {
                return text.fileRange(lineStart, lineEnd(stop, bytes))
            }
            return text.fileRange(start, stop)
        }
        // A separator before it: remove from the separator.
        var before = start
        while before > 0, isBlank(bytes[before - 1]) || isNewline(bytes[before - 1]) { before -= 1 }
        if before > 0, bytes[before - 1] == UInt8(ascii: ",") {
            return text.fileRange(before - 1, end)
        }
        // A block mapping entry: remove its whole line(s).
        if let lineStart = lineStartIfIndented(start, bytes) {
            var stop = end
            while stop < bytes.count, isBlank(bytes[stop]) { stop += 1 }
            // A comment after a blank ends the line (YAML): it is about the member and goes with it. (In JSON a
            // comment is a syntax error, and a shorthand value runs to the end of its text.)
            if stop > end, stop < bytes.count, bytes[stop] == UInt8(ascii: "#") {
                while stop < bytes.count, !isNewline(bytes[stop]) { stop += 1 }
            }
            if stop >= bytes.count || isNewline(bytes[stop]) {
                return text.fileRange(lineStart, lineEnd(stop, bytes))
            }
        }
        return text.fileRange(start, end)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isNewline(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// The start of the line holding `offset` when only blanks precede it on that line.
    private static func lineStartIfIndented(_ offset: Int, _ bytes: [UInt8]) -> Int? {
        var index = offset
        while index > 0, isBlank(bytes[index - 1]) { index -= 1 }
        return index == 0 || isNewline(bytes[index - 1]) ? index : nil
    }

    /// Just past the line break at or after `offset` (`\r\n` counted once), or the end of the text.
    private static func lineEnd(_ offset: Int, _ bytes: [UInt8]) -> Int {
        var index = offset
        while index < bytes.count, !isNewline(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }
}
