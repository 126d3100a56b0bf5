public import WMLintSource

/// Maps the characters of a string value back to the file, through quotes and escapes.
///
/// Parsers give each node one range; rules that point at part of a value (the partition of an ARN) need to know
/// where each character of the decoded value sits. This re-reads the value's own bytes, only for the few values
/// a rule inspects, so parsers stay lean.
public enum StringContent {
    /// A map from each UTF-8 byte of `value` (the decoded string held by `node`) to the file, or `nil` when the
    /// bytes cannot be matched to the value (then callers use the node's whole range).
    public static func map(of node: SyntaxNode, value: String, in text: SourceText) -> OffsetMap? {
        map(of: node.range, value: value, in: text)
    }

    /// ``map(of:value:in:)`` for the string value `value` written at `range` (a file range) of `text`.
    public static func map(of range: SourceRange, value: String, in text: SourceText) -> OffsetMap? {
        guard let local = localRange(of: range, in: text) else { return nil }
        if text.bytes[local].elementsEqual(value.utf8) {
            // Written as it reads: the text's own map, cut to the value.
            return text.map?.slice(local) ?? .contiguous(base: local.lowerBound, count: local.count)
        }
        let raw = Array(text.bytes[local])
        let decoded = Array(value.utf8)
        var pieces: [(start: Int, end: Int)]?
        if raw == decoded {
            pieces = raw.indices.map { (local.lowerBound + $0, local.lowerBound + $0 + 1) }
        } else if raw.count >= 2, let quote = raw.first, quote == raw.last,
            quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
        {
            pieces = decodeQuoted(raw, base: local.lowerBound, into: decoded.count)
            if let found = pieces, !matches(found, raw: raw, base: local.lowerBound, decoded: decoded) {
                pieces = nil
            }
        }
        guard let pieces, pieces.count == decoded.count else { return nil }
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(pieces.count + 1)
        ends.reserveCapacity(pieces.count)
        for piece in pieces {
            let range = text.fileRange(piece.start, piece.end)
            starts.append(range.lowerBound.offset)
            ends.append(range.upperBound.offset)
        }
        let contentStart = raw == decoded ? local.lowerBound : local.lowerBound + 1
        starts.append(ends.last ?? text.fileRange(contentStart, contentStart).lowerBound.offset)
        return OffsetMap(starts: starts, ends: ends)
    }

    /// The local byte range of `range` (a file range) in `text`.
    static func localRange(of range: SourceRange, in text: SourceText) -> Range<Int>? {
        guard let map = text.map else {
            let lower = range.lowerBound.offset
            let upper = range.upperBound.offset
            guard lower >= 0, upper <= text.bytes.count, lower <= upper else { return nil }
            return lower..<upper
        }
        let count = text.bytes.count
        guard map.count == count else { return nil }
        // First decoded byte that starts at the range's start, last one that ends at its end.
        let lower = map.firstIndex(startingAtLeast: range.lowerBound.offset)
        var upper = map.firstIndex(endingAtLeast: range.upperBound.offset)
        if upper < count, map.end(of: upper) == range.upperBound.offset { upper += 1 }
        guard lower <= upper, upper <= count else { return nil }
        return lower..<upper
    }

    /// Decodes a quoted value's escapes (JSON's `\"`, `\\`, `\/`, `\n`…, `\uXXXX`; shorthand's `\'` `\"` `\\`),
    /// recording for each decoded byte the local bytes it came from.
    private static func decodeQuoted(_ raw: [UInt8], base: Int, into expected: Int) -> [(start: Int, end: Int)]? {
        var pieces: [(start: Int, end: Int)] = []
        pieces.reserveCapacity(expected)
        var index = 1
        let end = raw.count - 1
        while index < end {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                let next = raw[index + 1]
                if next == UInt8(ascii: "u"), index + 6 <= end, let scalar = hexScalar(raw[(index + 2)..<(index + 6)]) {
                    let length = String(scalar).utf8.count
                    for _ in 0..<length { pieces.append((base + index, base + index + 6)) }
                    index += 6
                } else {
                    pieces.append((base + index, base + index + 2))
                    index += 2
                }
            } else {
                pieces.append((base + index, base + index + 1))
                index += 1
            }
        }
        return pieces
    }

    /// Whether the decoded pieces plausibly spell `decoded`: every unescaped byte equals its decoded byte.
    private static func matches(_ pieces: [(start: Int, end: Int)], raw: [UInt8], base: Int, decoded: [UInt8]) -> Bool {
        guard pieces.count == decoded.count else { return false }
        for (index, piece) in pieces.enumerated() where piece.end - piece.start == 1 {
            if raw[piece.start - base] != decoded[index] { return false }
        }
        return true
    }

    private static func hexScalar(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
