public import WMLintSource

/// Plans an edit of a shell word's value on the word's structure: its quoted pieces (`'…'`, `"…"`, `$'…'`,
/// unquoted text), where each opens and closes.
///
/// An edit arrives as the file range of decoded bytes of a word (from the first source byte of its first decoded
/// byte to just past the source of its last) and the value those bytes should become. Written as it is, such an
/// edit could take a closing quote's partner with it (`Status=INACTIVE,LifetimeInDays="30"` losing `LifetimeInDays=30`
/// but keeping the `"`). Planned on the pieces instead:
/// - the new value is written into the first piece the range touches, quoted for that piece;
/// - every piece the range covers whole goes, quotes included, and a piece it covers in part keeps its quotes;
/// - a removal that covers its first piece whole takes that piece's opening quote too;
/// - a word that would vanish becomes `''`.
public enum ShellWordEdit {
    /// A quoting state inside a word.
    private enum Piece: Equatable {
        case unquoted, single, double, dollarSingle

        var closer: String {
            switch self {
            case .unquoted: ""
            case .single, .dollarSingle: "'"
            case .double: "\""
            }
        }

        init?(_ context: ShellQuoteContext) {
            switch context {
            case .unquoted: self = .unquoted
            case .singleQuoted: self = .single
            case .doubleQuoted: self = .double
            case .dollarSingleQuoted: self = .dollarSingle
            case .heredoc, .literal: return nil
            }
        }
    }

    /// The offsets whose quoting contexts ``plan(range:value:in:contexts:)`` reads for an edit of `range`.
    public static func contextOffsets(for range: Range<Int>) -> [Int] {
        [range.lowerBound, max(range.lowerBound - 1, 0), max(range.lowerBound - 2, 0), range.upperBound]
    }

    /// The edit that makes the decoded bytes at `range` (0-based UTF-8 file offsets, half-open) read `value`, given
    /// the contexts at ``contextOffsets(for:)`` in that order; `nil` when the range is not inside one static word
    /// (the caller then quotes the value for the context at its start).
    public static func plan(range: Range<Int>, value: String, in bytes: [UInt8], contexts: [ShellQuoteContext])
        -> (range: Range<Int>, replacement: String)?
    {
        guard contexts.count == 4, let first = Piece(contexts[0]), !range.isEmpty, range.upperBound <= bytes.count
        else { return nil }
        let start = range.lowerBound
        let end = range.upperBound
        // Walk the range, noting where the first piece closes and the last one opens.
        var state = first
        var index = start
        var firstClose: Int?
        var lastOpen: (offset: Int, opener: String)?
        while index < end {
            let byte = bytes[index]
            switch state {
            case .unquoted:
                switch byte {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "'"):
                    lastOpen = (index, "'")
                    state = .single
                    index += 1
                case UInt8(ascii: "\""):
                    lastOpen = (index, "\"")
                    state = .double
                    index += 1
                case UInt8(ascii: "$"):
                    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                    if next == UInt8(ascii: "'") {
                        lastOpen = (index, "$'")
                        state = .dollarSingle
                        index += 2
                    } else if next == UInt8(ascii: "\"") {
                        lastOpen = (index, "$\"")
                        state = .double
                        index += 2
                    } else {
                        return nil
                    }
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"),
                    UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
                    UInt8(ascii: ">"), UInt8(ascii: "`"):
                    return nil
                default: index += 1
                }
            case .single:
                if byte == UInt8(ascii: "'") {
                    if firstClose == nil { firstClose = index }
                    state = .unquoted
                }
                index += 1
            case .double, .dollarSingle:
                if byte == UInt8(ascii: "\\") {
                    index += 2
                } else if byte == (state == .double ? UInt8(ascii: "\"") : UInt8(ascii: "'")) {
                    if firstClose == nil { firstClose = index }
                    state = .unquoted
                    index += 1
                } else if state == .double && (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`")) {
                    return nil
                } else {
                    index += 1
                }
            }
            // A transition inside an unquoted first piece counts as its end too.
            if first == .unquoted, firstClose == nil, lastOpen != nil { firstClose = lastOpen?.offset }
        }
        guard index == end else { return nil }
        let last = state
        // Whether the range starts at its first piece's first byte, and the opening quote's offset.
        let openerLength = first == .dollarSingle ? 2 : (first == .unquoted ? 0 : 1)
        let ownsFirst: Bool
        if first == .unquoted {
            ownsFirst = false
        } else {
            let outside = first == .dollarSingle ? contexts[2] : contexts[1]
            ownsFirst = start >= openerLength && Piece(outside) == .unquoted
        }
        let ownsLast =
            last != .unquoted && end < bytes.count && bytes[end] == UInt8(ascii: last == .double ? "\"" : "'")
        let lastEnd = ownsLast ? end + 1 : end
        let isSinglePiece = firstClose == nil && lastOpen == nil

        var lower = start
        var replacement: String
        if isSinglePiece {
            if value.isEmpty && ownsFirst && ownsLast {
                lower = start - openerLength
                replacement = ""
            } else {
                // Within one piece: the caller's quoting for the context at the start is the plan.
                return nil
            }
        } else if value.isEmpty && ownsFirst {
            lower = start - openerLength
            replacement = ""
        } else {
            replacement = ShellQuoting.quote(value, for: contexts[0]) + first.closer
        }
        if !isSinglePiece && !ownsLast && last != .unquoted, let lastOpen {
            replacement += lastOpen.opener
        }
        let upper = isSinglePiece ? (ownsLast && value.isEmpty && ownsFirst ? lastEnd : end) : lastEnd
        if replacement.isEmpty && isBoundary(bytes, before: lower) && isBoundary(bytes, after: upper) {
            replacement = "''"
        }
        return (lower..<upper, replacement)
    }

    private static func isBoundary(_ bytes: [UInt8], before offset: Int) -> Bool {
        offset == 0 || isBlank(bytes[offset - 1])
    }

    private static func isBoundary(_ bytes: [UInt8], after offset: Int) -> Bool {
        offset >= bytes.count || isBlank(bytes[offset])
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"),
            UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
            UInt8(ascii: ">"):
            true
        default:
            false
        }
    }
}
