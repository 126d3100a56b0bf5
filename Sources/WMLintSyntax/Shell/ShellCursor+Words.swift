// Where words end, and the words the fast paths step over from one read of their bytes.

extension ShellCursor {
    /// Whether an unquoted word ends before local offset `offset`: at the end of the text, a blank, a newline,
    /// `;`, `&`, `|`, `)`, `<` or `>`. The one place that says so: the word reader ends a word at these bytes too,
    /// and at a `(` that opens neither an array value nor a process substitution, which only it can tell.
    @inline(__always)
    func endsWord(at offset: Int) -> Bool {
        offset >= count || Self.endsWord(self[offset])
    }

    /// Whether `byte` ends an unquoted word (``endsWord(at:)``).
    @inline(__always)
    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            true
        default:
            false
        }
    }

    /// Whether a `<` or `>` stands at local offset `offset`: a word of digits ending there is an IO number.
    @inline(__always)
    func startsRedirection(at offset: Int) -> Bool {
        offset < count && (self[offset] == UInt8(ascii: "<") || self[offset] == UInt8(ascii: ">"))
    }

    /// The local offset just past the plain word at `start` — bytes that are not special, ending where
    /// ``endsWord(at:)`` says — or `nil` when the word has more (a quote, escape, expansion or `(`) or is empty.
    @inline(__always)
    func plainWordEnd(from start: Int) -> Int? {
        var end = start
        while end < count && !isWordSpecial(self[end]) { end += 1 }
        guard end > start, endsWord(at: end) else { return nil }
        return end
    }

    /// Whether the bytes `start..<end` hold a `=` (the word may be an assignment).
    @inline(__always)
    func holdsEquals(_ start: Int, _ end: Int) -> Bool {
        if end - start <= 8 {
            // One read: a zero byte in the packed bytes xor `=` (bytes past the word are zero, never `=`).
            let equals = packed(start, end) ^ 0x3D3D_3D3D_3D3D_3D3D
            return (equals &- 0x0101_0101_0101_0101) & ~equals & 0x8080_8080_8080_8080 != 0
        }
        var position = start
        while position < end && self[position] != UInt8(ascii: "=") { position += 1 }
        return position < end
    }

    /// The local offset just past the word at `start` if it is made only of plain bytes, `'…'`, `$'…'`, `"…"`
    /// without escapes or substitutions, and `$NAME` or `$1`-like parameters (in double quotes or not), and ends
    /// where ``endsWord(at:)`` says; `nil` for any other word. With `braces`, `${…}` without quotes, escapes or
    /// expansions inside is stepped over too.
    ///
    /// Such a word has no fault and no nested command: stepping over it is all the word reader would do
    /// without recording (``ShellLexer/readWord(depth:record:)``).
    func simpleWordEnd(from start: Int, braces: Bool) -> Int? {
        var position = start
        while position < count {
            let byte = self[position]
            if !isWordSpecial(byte) {
                position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "'"):
                guard let close = singleQuoteClose(after: position) else { return nil }
                position = close + 1
            case UInt8(ascii: "\""):
                position += 1
                inQuotes: while true {
                    guard position < count else { return nil }
                    let inner = self[position]
                    if !isDoubleQuoteSpecial(inner) {
                        position += 1
                        continue
                    }
                    switch inner {
                    case UInt8(ascii: "\""):
                        position += 1
                        break inQuotes
                    case UInt8(ascii: "$"):
                        guard let next = parameterEnd(at: position, braces: braces) else { return nil }
                        position = next
                    case UInt8(ascii: "\\"):
                        // An escape or a continuation: the next byte, whatever it is, is not special here.
                        guard position + 1 < count else { return nil }
                        position += 2
                    default:
                        return nil
                    }
                }
            case UInt8(ascii: "$"):
                if position + 1 < count && self[position + 1] == UInt8(ascii: "'") {
                    guard let close = ansiCClose(after: position + 1) else { return nil }
                    position = close + 1
                } else {
                    guard let next = parameterEnd(at: position, braces: braces) else { return nil }
                    position = next
                }
            default:
                // The end of the word, or a backslash, backquote or `(`.
                return position > start && Self.endsWord(byte) ? position : nil
            }
        }
        return position > start ? position : nil
    }

    /// The local offset of the `'` closing the single quote opened at `open`, or `nil`.
    @inline(__always)
    func singleQuoteClose(after open: Int) -> Int? {
        find(UInt8(ascii: "'"), from: open + 1)
    }

    /// The local offset of the `'` closing `$'…'` opened at `open` (the quote), or `nil` when it is unterminated
    /// or holds a `\c` escape (which can take a backslash after it).
    func ansiCClose(after open: Int) -> Int? {
        var position = open + 1
        while position < count {
            let byte = self[position]
            if byte == UInt8(ascii: "'") { return position }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < count, self[position + 1] != UInt8(ascii: "c") else { return nil }
                position += 2
                continue
            }
            position += 1
        }
        return nil
    }

    /// The local offset just past `$NAME` or a special parameter (`$1`, `$@`, …) at `dollar`, or with `braces`
    /// `${…}` holding no quote, backslash, `$` or backquote; `nil` for any other use of `$`.
    @inline(__always)
    func parameterEnd(at dollar: Int, braces: Bool = false) -> Int? {
        guard dollar + 1 < count else { return nil }
        let next = self[dollar + 1]
        if next == UInt8(ascii: "{") {
            guard braces else { return nil }
            var position = dollar + 2
            while position < count {
                switch self[position] {
                case UInt8(ascii: "}"):
                    return position + 1
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "`"):
                    return nil
                default:
                    position += 1
                }
            }
            return nil
        }
        if isNameStart(next) {
            var position = dollar + 2
            while position < count && isNameByte(self[position]) { position += 1 }
            return position
        }
        return isSpecialParameter(next) ? dollar + 2 : nil
    }
}
