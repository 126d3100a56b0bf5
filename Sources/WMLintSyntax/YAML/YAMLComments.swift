public import WMLintSource

/// Finds the comments of a YAML document (for suppression comments), beside the loader that reads its values.
///
/// A `#` starts a comment at the start of a line or after a blank, outside single- and double-quoted scalars and
/// outside the content of block scalars (`|`, `>`). The scanner knows YAML's quoting and block scalar indentation
/// well enough for that, nothing more: it never fails, and on malformed YAML it may miss comments after an
/// unterminated quote (libyaml reports the fault itself).
public enum YAMLComments {
    /// The file ranges of the comments, `#` included, each ending before its line break (a `\r` before the `\n` is
    /// left out), in source order.
    public static func scan(_ bytes: [UInt8]) -> [SourceRange] {
        var scanner = Scanner(buffer: bytes)
        scanner.run()
        return scanner.comments
    }

    private struct Scanner {
        /// The document's bytes.
        let buffer: [UInt8]
        let count: Int
        var comments: [SourceRange] = []
        var index = 0
        var lineStart = 0
        /// Depth of `[`/`{` flow collections.
        var flowDepth = 0
        /// Whether a node may begin here (so a quote opens a quoted scalar, `|`/`>` a block scalar).
        var atNodeStart = true
        /// Whether the previous byte was a blank or a line break (so `#` starts a comment).
        var afterBlank = true
        /// The column of the key or `-` that introduced the value about to begin on this line; -1 when none.
        var parentColumn = -1
        /// The column where the current key or scalar began on this line; -1 when none.
        var tokenColumn = -1

        init(buffer: [UInt8]) {
            self.buffer = buffer
            count = buffer.count
            if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                index = 3
                lineStart = 3
            }
        }

        @inline(__always) func byte(_ offset: Int) -> UInt8 { offset < count ? buffer[offset] : 0 }

        @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }

        /// Whether the byte ends a token: a blank, a line break or the end of the text.
        @inline(__always) func isBreakOrBlank(_ offset: Int) -> Bool {
            let value = byte(offset)
            return offset >= count || Self.isBlank(value) || value == UInt8(ascii: "\n")
        }

        mutating func newLine(at offset: Int) {
            index = offset
            lineStart = offset
            afterBlank = true
            tokenColumn = -1
            if flowDepth == 0 {
                atNodeStart = true
                parentColumn = -1
            }
        }

        mutating func run() {
            while index < count {
                let value = buffer[index]
                if value == UInt8(ascii: "\n") {
                    newLine(at: index + 1)
                    continue
                }
                if Self.isBlank(value) {
                    afterBlank = true
                    index += 1
                    while index < count && buffer[index] == UInt8(ascii: " ") { index += 1 }
                    continue
                }
                if value == UInt8(ascii: "#") && afterBlank {
                    readComment()
                    continue
                }
                let column = index - lineStart
                if column == 0 && isDocumentMarker() {
                    index += 3
                    flowDepth = 0
                    atNodeStart = true
                    parentColumn = -1
                    afterBlank = false
                    continue
                }
                if atNodeStart && readNodeStart(value, column: column) { continue }
                readInside(value)
            }
        }

        /// `---` or `...` at the start of a line, followed by a blank, a line break or the end.
        func isDocumentMarker() -> Bool {
            let first = buffer[index]
            guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
            return byte(index + 1) == first && byte(index + 2) == first && isBreakOrBlank(index + 3)
        }

        /// Records the comment at `index` and moves to its line break.
        mutating func readComment() {
            let start = index
            let end = ByteScan.firstIndex(of: UInt8(ascii: "\n"), in: buffer, from: start) ?? count
            var last = end
            if last > start + 1 && buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
            comments.append(.bytes(start, last))
            index = end
        }

        /// Handles a byte where a node may begin; returns false to let ``readInside(_:)`` take it as plain text.
        mutating func readNodeStart(_ value: UInt8, column: Int) -> Bool {
            switch value {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                if tokenColumn < 0 { tokenColumn = column }
                readQuoted(value)
                atNodeStart = false
                afterBlank = false
                return true
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                guard flowDepth == 0 else { return false }
                readBlockScalar()
                return true
            case UInt8(ascii: "-"), UInt8(ascii: "?"):
                guard isBreakOrBlank(index + 1) else { break }
                parentColumn = column
                index += 1
                afterBlank = false
                return true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                index += 1
                afterBlank = false
                return true
            case UInt8(ascii: "!"), UInt8(ascii: "&"):
                // A tag or an anchor: the node itself follows.
                while !isBreakOrBlank(index) && !(flowDepth > 0 && isFlowIndicator(buffer[index])) { index += 1 }
                afterBlank = false
                return true
            default:
                break
            }
            if tokenColumn < 0 { tokenColumn = column }
            atNodeStart = false
            return false
        }

        @inline(__always) func isFlowIndicator(_ value: UInt8) -> Bool {
            value == UInt8(ascii: ",") || value == UInt8(ascii: "[") || value == UInt8(ascii: "]")
                || value == UInt8(ascii: "{") || value == UInt8(ascii: "}")
        }

        /// Handles a byte inside plain text: indicators that end a key or open a flow node.
        mutating func readInside(_ value: UInt8) {
            switch value {
            case UInt8(ascii: ":"):
                if flowDepth > 0 {
                    atNodeStart = true
                } else if isBreakOrBlank(index + 1) {
                    atNodeStart = true
                    parentColumn = tokenColumn
                    tokenColumn = -1
                }
            case UInt8(ascii: ","):
                if flowDepth > 0 { atNodeStart = true }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if flowDepth > 0 {
                    flowDepth += 1
                    atNodeStart = true
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flowDepth > 0 { flowDepth -= 1 }
            default:
                if !atNodeStart {
                    // The rest of a word of plain text: only blanks, breaks and indicators matter.
                    index += 1
                    while index < count && Self.isOrdinary(buffer[index]) { index += 1 }
                    afterBlank = false
                    return
                }
            }
            index += 1
            afterBlank = false
        }

        /// Whether a byte inside plain text is only text: not a blank, a break, `#` or an indicator.
        @inline(__always) static func isOrdinary(_ value: UInt8) -> Bool {
            if value >= 0x40 {
                return value != UInt8(ascii: "[") && value != UInt8(ascii: "]") && value != UInt8(ascii: "{")
                    && value != UInt8(ascii: "}")
            }
            // One bit per byte below 0x40 that matters: tab, line feed, carriage return, space, '#', ',', ':'.
            let special: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x23 | 1 << 0x2C | 1 << 0x3A
            return special >> UInt64(value) & 1 == 0
        }

        /// Skips a quoted scalar starting at `index` (the quote), across lines; `''` and `\` escapes kept inside.
        mutating func readQuoted(_ quote: UInt8) {
            index += 1
            while index < count {
                let value = buffer[index]
                if value == UInt8(ascii: "\n") {
                    lineStart = index + 1
                } else if quote == UInt8(ascii: "\"") && value == UInt8(ascii: "\\") {
                    if byte(index + 1) == UInt8(ascii: "\n") { lineStart = index + 2 }
                    index += 2
                    continue
                } else if value == quote {
                    if quote == UInt8(ascii: "'") && byte(index + 1) == quote {
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                index += 1
            }
            index = count
        }

        /// Skips a block scalar: its header (and a comment after it) and its more-indented content lines.
        mutating func readBlockScalar() {
            index += 1
            var explicit = 0
            while index < count {
                let value = buffer[index]
                if value >= UInt8(ascii: "1") && value <= UInt8(ascii: "9") {
                    explicit = Int(value - UInt8(ascii: "0"))
                } else if value != UInt8(ascii: "+") && value != UInt8(ascii: "-") {
                    break
                }
                index += 1
            }
            // The rest of the header line: blanks and perhaps a comment (anything else is malformed; skip it).
            while index < count && buffer[index] != UInt8(ascii: "\n") {
                if buffer[index] == UInt8(ascii: "#") && Self.isBlank(byte(index - 1)) {
                    readComment()
                    break
                }
                index += 1
            }
            guard index < count else { return }
            index += 1
            let parent = parentColumn
            var contentIndent = explicit > 0 ? max(parent, 0) + explicit : -1
            // Content lines: blank ones, or indented at least `contentIndent` (found from the first non-blank line).
            var line = index
            while line < count {
                var cursor = line
                while cursor < count && buffer[cursor] == UInt8(ascii: " ") { cursor += 1 }
                let spaces = cursor - line
                while cursor < count && (buffer[cursor] == UInt8(ascii: "\t") || buffer[cursor] == UInt8(ascii: "\r")) {
                    cursor += 1
                }
                let isBlankLine = cursor >= count || buffer[cursor] == UInt8(ascii: "\n")
                if !isBlankLine {
                    if contentIndent < 0 {
                        guard spaces > max(parent, 0) else { break }
                        contentIndent = spaces
                    }
                    if spaces < contentIndent { break }
                }
                guard let found = ByteScan.firstIndex(of: UInt8(ascii: "\n"), in: buffer, from: line) else {
                    line = count
                    break
                }
                line = found + 1
            }
            newLine(at: line)
        }
    }
}
