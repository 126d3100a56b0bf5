import WMLintSource

/// What reading one word found.
struct WordRead {
    /// Local offset of the word's first byte.
    var start: Int
    /// Local offset just past the word.
    var end: Int
    /// Local offset where the decoded text begins (after an opening quote): the insertion point of an empty word.
    var contentStart: Int
    /// The word has quotes, escapes, continuations or expansions: its text differs from its bytes.
    var quoted = false
    /// How many expansions the word holds.
    var expansions = 0
    /// The word has a fault, kept in ``ShellLexer/readError`` until the next word is read (a plain word has none).
    var hasError = false
    /// A plain word (no quote, escape or expansion) read without recording: its decoded bytes are its source
    /// bytes, copied into the scratch only when needed (``ShellLexer/recordPlain(_:depth:)``).
    var isPlain = false
}

/// Kinds of nesting for ``ShellLexer/skipNested(_:)``.
private let nestParen: UInt8 = 1
private let nestBrace: UInt8 = 2
private let nestDouble: UInt8 = 3
private let nestBackquote: UInt8 = 4

extension ShellLexer {
    /// Reads the word at the position: a plain word without recording it when the fast paths are taken
    /// (``readPlainWord()``), else with ``readWord(depth:record:)``.
    @inline(__always)
    mutating func readAnyWord(depth: Int, record: Bool) -> WordRead {
        (fastPaths ? readPlainWord() : nil) ?? readWord(depth: depth, record: record)
    }

    /// Reads a plain word at the position: bytes that are not special, up to where ``ShellCursor/endsWord(at:)``
    /// says. Returns `nil` (the position unchanged) when the word has more (a quote, escape or expansion), or is
    /// empty.
    @inline(__always)
    mutating func readPlainWord() -> WordRead? {
        let start = cursor.position
        guard let end = cursor.plainWordEnd(from: start) else { return nil }
        cursor.position = end
        return WordRead(start: start, end: end, contentStart: start, isPlain: true)
    }

    /// Puts the decoded bytes of `word`, the word just read, into `pool[depth]` if a plain read left them out.
    @inline(__always)
    mutating func recordPlain(_ word: WordRead, depth: Int) {
        guard word.isPlain else { return }
        pool[depth].reset()
        pool[depth].appendRun(cursor, word.start, word.end)
    }

    /// Reads the word at the position; with `record`, decodes it into `pool[depth]`.
    mutating func readWord(depth: Int, record: Bool) -> WordRead {
        let start = cursor.position
        let savedError = wordError
        let savedQuoted = wordQuoted
        let savedExpansions = wordExpansions
        wordError = nil
        wordQuoted = false
        wordExpansions = 0
        if record { pool[depth].reset() }
        var contentStart = start
        let first = cursor.peek(at: start)
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            contentStart = start + 1
        } else if first == UInt8(ascii: "$"),
            cursor.peek(at: start + 1) == UInt8(ascii: "'") || cursor.peek(at: start + 1) == UInt8(ascii: "\"")
        {
            contentStart = start + 2
        }
        scan: while !cursor.isAtEnd {
            let byte = cursor.current
            if !isWordSpecial(byte) {
                let run = cursor.position
                cursor.advance()
                while !cursor.isAtEnd && !isWordSpecial(cursor.current) { cursor.advance() }
                if record { pool[depth].appendRun(cursor, run, cursor.position) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                wordQuoted = true
                let next = cursor.peek(ahead: 1)
                if cursor.position + 1 >= cursor.count {
                    if record { pool[depth].append(byte, cursor.position, cursor.position + 1) }
                    cursor.advance()
                } else if next == UInt8(ascii: "\n") {
                    cursor.advance(2)
                } else {
                    if record { pool[depth].append(next, cursor.position, cursor.position + 2) }
                    cursor.advance(2)
                }
            case UInt8(ascii: "'"):
                wordQuoted = true
                readSingleQuoted(depth: depth, record: record)
            case UInt8(ascii: "\""):
                wordQuoted = true
                readDoubleQuoted(depth: depth, record: record)
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: record, inDouble: false)
            case UInt8(ascii: "`"):
                readBackquote(depth: depth, record: record, inDouble: false)
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                // The word ends here, unless a process substitution starts it.
                guard cursor.position == start, cursor.peek(ahead: 1) == UInt8(ascii: "(") else {
                    break scan
                }
                // Process substitution `<(…)`: a command list.
                let open = cursor.position
                readSubstitution(depth: depth, open: open, length: 2)
                noteExpansion(open, depth: depth, record: record)
            case UInt8(ascii: "("):
                // The word ends here, unless an array value follows `NAME=`.
                guard isAssignmentPrefix(start, cursor.position) else { break scan }
                // An array assignment `NAME=(…)`: its value is not a string.
                let open = cursor.position
                cursor.advance()
                if !skipNested([nestParen]) {
                    fail("unterminated array assignment starting here; expected ')'", open, open + 1)
                }
                noteExpansion(open, depth: depth, record: record)
            default:
                // A blank, newline, `;`, `&`, `|` or `)`: the word ends, as ``ShellCursor/endsWord(at:)`` says.
                break scan
            }
        }
        let read = WordRead(
            start: start,
            end: cursor.position,
            contentStart: contentStart,
            quoted: wordQuoted,
            expansions: wordExpansions,
            hasError: wordError != nil
        )
        if wordError != nil { readError = wordError }
        wordError = savedError
        wordQuoted = savedQuoted
        wordExpansions = savedExpansions
        return read
    }

    /// Whether `start..<end` is `NAME=` or `NAME+=`.
    func isAssignmentPrefix(_ start: Int, _ end: Int) -> Bool {
        guard end > start + 1, cursor[end - 1] == UInt8(ascii: "="), isNameStart(cursor[start]) else { return false }
        var position = start + 1
        while position < end - 1 && isNameByte(cursor[position]) { position += 1 }
        if position == end - 2 && cursor[position] == UInt8(ascii: "+") { position += 1 }
        return position == end - 1
    }

    /// Records the expansion `open..<cursor.position` just read; its text, as written, joins the word when it is kept.
    mutating func noteExpansion(_ open: Int, depth: Int, record: Bool) {
        wordQuoted = true
        wordExpansions += 1
        guard record else { return }
        pool[depth].expansions.append(open..<cursor.position)
        pool[depth].expansionIndices.append(pool[depth].bytes.count)
    }

    /// Reads `'…'` at the position.
    mutating func readSingleQuoted(depth: Int, record: Bool) {
        let open = cursor.position
        let from = cursor.position + 1
        let close = cursor.find(UInt8(ascii: "'"), from: from) ?? cursor.count
        if record { pool[depth].appendRun(cursor, from, Swift.min(close, cursor.count)) }
        if close >= cursor.count {
            fail("unterminated single-quoted string starting here; expected a closing quote", open, open + 1)
            cursor.position = cursor.count
        } else {
            cursor.position = close + 1
        }
    }

    /// Reads `"…"` at the position.
    mutating func readDoubleQuoted(depth: Int, record: Bool) {
        let open = cursor.position
        cursor.advance()
        while !cursor.isAtEnd {
            let byte = cursor.current
            if !isDoubleQuoteSpecial(byte) {
                let run = cursor.position
                cursor.advance()
                while !cursor.isAtEnd && !isDoubleQuoteSpecial(cursor.current) {
                    cursor.advance()
                }
                if record { pool[depth].appendRun(cursor, run, cursor.position) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                cursor.advance()
                return
            case UInt8(ascii: "\\"):
                if cursor.position + 1 < cursor.count {
                    let next = cursor[cursor.position + 1]
                    if next == UInt8(ascii: "\n") {
                        cursor.advance(2)
                        continue
                    }
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$")
                        || next == UInt8(ascii: "`")
                    {
                        if record { pool[depth].append(next, cursor.position, cursor.position + 2) }
                        cursor.advance(2)
                        continue
                    }
                }
                if record { pool[depth].append(byte, cursor.position, cursor.position + 1) }
                cursor.advance()
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: record, inDouble: true)
            default:
                readBackquote(depth: depth, record: record, inDouble: true)
            }
        }
        fail("unterminated double-quoted string starting here; expected a closing quote", open, open + 1)
    }

    /// Reads what starts with `$` at the position: an expansion, `$'…'`, `$"…"`, or a literal `$`.
    mutating func readDollar(depth: Int, record: Bool, inDouble: Bool) {
        let open = cursor.position
        guard cursor.position + 1 < cursor.count else {
            if record { pool[depth].append(UInt8(ascii: "$"), cursor.position, cursor.position + 1) }
            cursor.advance()
            return
        }
        let next = cursor[cursor.position + 1]
        switch next {
        case UInt8(ascii: "("):
            if cursor.peek(ahead: 2) == UInt8(ascii: "(") {
                cursor.advance(3)
                if !readArithmetic(depth: depth + 1, open: open) {
                    fail("unterminated arithmetic expansion starting here; expected '))'", open, open + 3)
                }
            } else {
                readSubstitution(depth: depth, open: open, length: 2)
            }
        case UInt8(ascii: "{"):
            cursor.advance(2)
            readBrace(depth: depth + 1, open: open, inDouble: inDouble)
        case UInt8(ascii: "'") where !inDouble:
            wordQuoted = true
            readANSIC(depth: depth, record: record)
            return
        case UInt8(ascii: "\"") where !inDouble:
            wordQuoted = true
            cursor.advance()
            readDoubleQuoted(depth: depth, record: record)
            return
        default:
            if isNameStart(next) {
                cursor.advance(2)
                while !cursor.isAtEnd && isNameByte(cursor.current) { cursor.advance() }
            } else if isSpecialParameter(next) {
                cursor.advance(2)
            } else {
                if record { pool[depth].append(UInt8(ascii: "$"), cursor.position, cursor.position + 1) }
                cursor.advance()
                return
            }
        }
        noteExpansion(open, depth: depth, record: record)
    }

    /// Reads the command list of `$(…)` or `<(…)` opened at `open` (`length` bytes of opener).
    mutating func readSubstitution(depth: Int, open: Int, length: Int) {
        cursor.position = open + length
        if depth + 1 > maxDepth {
            depthLimit(open, open + length)
            if !skipNested([nestParen]) {
                fail("unterminated command substitution starting here; expected ')'", open, open + length)
            }
            return
        }
        let savedError = wordError
        let savedQuoted = wordQuoted
        let savedExpansions = wordExpansions
        let closed = scanList(depth: depth + 1, closer: .paren)
        wordError = savedError
        wordQuoted = savedQuoted
        wordExpansions = savedExpansions
        if !closed {
            fail("unterminated command substitution starting here; expected ')'", open, open + length)
        }
    }

    /// Reads the body of `$((…))` or `((…))` after its opener at `open`; returns whether `))` closed it.
    mutating func readArithmetic(depth: Int, open: Int) -> Bool {
        if depth > maxDepth {
            depthLimit(open, open + 2)
            return skipNested([nestParen, nestParen])
        }
        var level = 0
        while !cursor.isAtEnd {
            switch cursor.current {
            case UInt8(ascii: "("):
                level += 1
                cursor.advance()
            case UInt8(ascii: ")"):
                cursor.advance()
                if level == 0 {
                    if cursor.peek(at: cursor.position) == UInt8(ascii: ")") { cursor.advance() }
                    return true
                }
                level -= 1
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: false, inDouble: false)
            case UInt8(ascii: "`"):
                readBackquote(depth: depth, record: false, inDouble: false)
            case UInt8(ascii: "'"):
                readSingleQuoted(depth: depth, record: false)
            case UInt8(ascii: "\""):
                readDoubleQuoted(depth: depth, record: false)
            case UInt8(ascii: "\\"):
                cursor.position = Swift.min(cursor.position + 2, cursor.count)
            default:
                cursor.advance()
            }
        }
        return false
    }

    /// Reads the body of `${…}` after its opener at `open`.
    mutating func readBrace(depth: Int, open: Int, inDouble: Bool) {
        if depth > maxDepth {
            depthLimit(open, open + 2)
            if !skipNested([nestBrace]) {
                fail("unterminated parameter expansion starting here; expected '}'", open, open + 2)
            }
            return
        }
        while !cursor.isAtEnd {
            switch cursor.current {
            case UInt8(ascii: "}"):
                cursor.advance()
                return
            case UInt8(ascii: "\\"):
                cursor.position = Swift.min(cursor.position + 2, cursor.count)
            case UInt8(ascii: "'"):
                if inDouble { cursor.advance() } else { readSingleQuoted(depth: depth, record: false) }
            case UInt8(ascii: "\""):
                readDoubleQuoted(depth: depth, record: false)
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: false, inDouble: inDouble)
            case UInt8(ascii: "`"):
                readBackquote(depth: depth, record: false, inDouble: inDouble)
            default:
                cursor.advance()
            }
        }
        fail("unterminated parameter expansion starting here; expected '}'", open, open + 2)
    }

    /// Reads `` `…` `` at the position, scanning its body (with `\$`, `` \` `` and `\\` unescaped) for commands.
    mutating func readBackquote(depth: Int, record: Bool, inDouble: Bool) {
        let open = cursor.position
        var close = cursor.position + 1
        while close < cursor.count {
            let byte = cursor[close]
            if byte == UInt8(ascii: "\\") {
                close += 2
                continue
            }
            if byte == UInt8(ascii: "`") { break }
            close += 1
        }
        if close >= cursor.count {
            fail("unterminated backquote substitution starting here; expected a closing '`'", open, open + 1)
            cursor.position = cursor.count
        } else {
            if depth + 1 > maxDepth {
                depthLimit(open, open + 1)
            } else {
                scanBackquoted(from: open + 1, to: close, inDouble: inDouble, depth: depth + 1)
            }
            cursor.position = close + 1
        }
        noteExpansion(open, depth: depth, record: record)
    }

    /// Scans the body `from..<to` of a backquote substitution as a script of its own, mapped into the file.
    mutating func scanBackquoted(from: Int, to: Int, inDouble: Bool, depth: Int) {
        var bytes: [UInt8] = []
        var map = OffsetMap.Builder()
        var position = from
        while position < to {
            let byte = cursor[position]
            if byte == UInt8(ascii: "\\"), position + 1 < to {
                let next = cursor[position + 1]
                if next == UInt8(ascii: "\\") || next == UInt8(ascii: "`") || next == UInt8(ascii: "$")
                    || (inDouble && next == UInt8(ascii: "\""))
                {
                    bytes.append(next)
                    map.append(start: fileStart(position), end: fileEnd(position + 2))
                    position += 2
                    continue
                }
            }
            bytes.append(byte)
            map.append(start: fileStart(position), end: fileEnd(position + 1))
            position += 1
        }
        let inner = SourceText(bytes: bytes, path: text.path, map: map.map(endOffset: fileStart(to)))
        scanInner(inner, openedAt: from) { _ = $0.scanList(depth: depth, closer: .end) }
    }

    /// Reads `$'…'` at the position (the `$`), decoding its escapes as bash does.
    mutating func readANSIC(depth: Int, record: Bool) {
        let open = cursor.position
        cursor.advance(2)
        // After `\0` bash drops the rest of the string.
        var truncated = false
        var scratch: [UInt8] = []
        while !cursor.isAtEnd {
            let byte = cursor.current
            if byte == UInt8(ascii: "'") {
                cursor.advance()
                return
            }
            if byte != UInt8(ascii: "\\") || cursor.position + 1 >= cursor.count {
                if record && !truncated { pool[depth].append(byte, cursor.position, cursor.position + 1) }
                cursor.advance()
                continue
            }
            let escape = cursor.position
            let letter = cursor[cursor.position + 1]
            cursor.advance(2)
            var value: UInt32?
            var isScalar = false
            switch letter {
            case UInt8(ascii: "n"): value = 10
            case UInt8(ascii: "t"): value = 9
            case UInt8(ascii: "r"): value = 13
            case UInt8(ascii: "a"): value = 7
            case UInt8(ascii: "b"): value = 8
            case UInt8(ascii: "f"): value = 12
            case UInt8(ascii: "v"): value = 11
            case UInt8(ascii: "e"), UInt8(ascii: "E"): value = 27
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"): value = UInt32(letter)
            case UInt8(ascii: "x") where cursor.peek(at: cursor.position) == UInt8(ascii: "{"):
                // `\x{HHH…}`: any number of digits, the low byte kept; no digits is a NUL.
                cursor.advance()
                var number: UInt32 = 0
                while !cursor.isAtEnd, let digit = shellHexValue(cursor.current) {
                    number = number &* 16 &+ digit
                    cursor.advance()
                }
                if cursor.peek(at: cursor.position) == UInt8(ascii: "}") { cursor.advance() }
                value = number & 0xFF
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let limit = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : 8
                var digits = 0
                var number: UInt32 = 0
                while digits < limit && !cursor.isAtEnd,
                    let digit = shellHexValue(cursor.current)
                {
                    number = number &* 16 &+ digit
                    digits += 1
                    cursor.advance()
                }
                if digits > 0 {
                    value = number
                    isScalar = letter != UInt8(ascii: "x")
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var number = UInt32(letter - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3 && !cursor.isAtEnd && cursor.current >= UInt8(ascii: "0")
                    && cursor.current <= UInt8(ascii: "7")
                {
                    number = number * 8 + UInt32(cursor.current - UInt8(ascii: "0"))
                    digits += 1
                    cursor.advance()
                }
                value = number & 0xFF
            case UInt8(ascii: "c"):
                if !cursor.isAtEnd && cursor.current != UInt8(ascii: "'") {
                    let control = cursor.current
                    cursor.advance()
                    // `\c\\` is the control character of `\`, both backslashes consumed.
                    if control == UInt8(ascii: "\\") && cursor.peek(at: cursor.position) == UInt8(ascii: "\\") {
                        cursor.advance()
                    }
                    if control == UInt8(ascii: "?") {
                        value = 0x7F
                    } else {
                        let upper =
                            control >= UInt8(ascii: "a") && control <= UInt8(ascii: "z") ? control - 32 : control
                        value = UInt32(upper & 0x1F)
                    }
                }
            default:
                break
            }
            guard record && !truncated else {
                if value == 0 { truncated = true }
                continue
            }
            guard let value else {
                // Not an escape: the backslash and what follows stay.
                for position in escape..<cursor.position {
                    pool[depth].append(cursor[position], position, position + 1)
                }
                continue
            }
            if value == 0 {
                truncated = true
                continue
            }
            if isScalar {
                guard let scalar = Unicode.Scalar(value) else {
                    for position in escape..<cursor.position {
                        pool[depth].append(cursor[position], position, position + 1)
                    }
                    continue
                }
                scratch.removeAll(keepingCapacity: true)
                appendShellUTF8(scalar, to: &scratch)
                for unit in scratch { pool[depth].append(unit, escape, cursor.position) }
            } else {
                pool[depth].append(UInt8(truncatingIfNeeded: value), escape, cursor.position)
            }
        }
        fail("unterminated ANSI-C string starting here; expected a closing quote", open, open + 2)
    }

    /// Skips nested constructs past the depth limit with an explicit stack (`kinds`: innermost last); returns
    /// whether all of them were closed.
    mutating func skipNested(_ kinds: [UInt8]) -> Bool {
        var stack = kinds
        while !cursor.isAtEnd, let top = stack.last {
            let byte = cursor.current
            if byte == UInt8(ascii: "\\") {
                cursor.advance(2)
                continue
            }
            if top == nestBackquote {
                if byte == UInt8(ascii: "`") { stack.removeLast() }
                cursor.advance()
                continue
            }
            if top == nestDouble {
                switch byte {
                case UInt8(ascii: "\""):
                    stack.removeLast()
                    cursor.advance()
                case UInt8(ascii: "`"):
                    stack.append(nestBackquote)
                    cursor.advance()
                case UInt8(ascii: "$"):
                    pushDollar(&stack)
                default:
                    cursor.advance()
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"):
                let from = cursor.position + 1
                if let close = cursor.find(UInt8(ascii: "'"), from: from) {
                    cursor.position = close + 1
                } else {
                    cursor.position = cursor.count
                }
            case UInt8(ascii: "\""):
                stack.append(nestDouble)
                cursor.advance()
            case UInt8(ascii: "`"):
                stack.append(nestBackquote)
                cursor.advance()
            case UInt8(ascii: "$"):
                pushDollar(&stack)
            case UInt8(ascii: "("):
                if top == nestParen { stack.append(nestParen) }
                cursor.advance()
            case UInt8(ascii: ")"):
                if top == nestParen { stack.removeLast() }
                cursor.advance()
            case UInt8(ascii: "}"):
                if top == nestBrace { stack.removeLast() }
                cursor.advance()
            default:
                cursor.advance()
            }
        }
        cursor.position = Swift.min(cursor.position, cursor.count)
        return stack.isEmpty
    }

    private mutating func pushDollar(_ stack: inout [UInt8]) {
        let next = cursor.peek(ahead: 1)
        if next == UInt8(ascii: "(") {
            stack.append(nestParen)
            cursor.advance(2)
        } else if next == UInt8(ascii: "{") {
            stack.append(nestBrace)
            cursor.advance(2)
        } else {
            cursor.advance()
        }
    }
}
