import WMLintSource

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The offset of the first `byte` in the `count` bytes at `pointer`, or `nil`.
@inline(__always)
func memoryChar(_ pointer: UnsafePointer<UInt8>, _ byte: UInt8, _ count: Int) -> Int? {
    guard count > 0, let found = memchr(pointer, Int32(byte), count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(pointer)
}

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
    /// Reads a plain word at `index`: bytes that are not special up to a blank, newline, operator or the end.
    /// Returns `nil` (the offset unchanged) when the word has more (a quote, escape or expansion), or is empty.
    @inline(__always)
    mutating func readPlainWord() -> WordRead? {
        let start = index
        var end = start
        while end < count && !isWordSpecial(buffer[end]) { end += 1 }
        guard end > start else { return nil }
        if end < count {
            switch buffer[end] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
                UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                break
            default:
                return nil
            }
        }
        index = end
        return WordRead(start: start, end: end, contentStart: start, isPlain: true)
    }

    /// Puts the decoded bytes of `word`, the word just read, into `pool[depth]` if a plain read left them out.
    @inline(__always)
    mutating func recordPlain(_ word: WordRead, depth: Int) {
        guard word.isPlain else { return }
        pool[depth].reset()
        pool[depth].appendRun(buffer, word.start, word.end)
    }

    /// Reads the word at `index`; with `record`, decodes it into `pool[depth]`.
    mutating func readWord(depth: Int, record: Bool) -> WordRead {
        let start = index
        let savedError = wordError
        let savedQuoted = wordQuoted
        let savedExpansions = wordExpansions
        wordError = nil
        wordQuoted = false
        wordExpansions = 0
        if record { pool[depth].reset() }
        var contentStart = start
        let first = peek(start)
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            contentStart = start + 1
        } else if first == UInt8(ascii: "$"),
            peek(start + 1) == UInt8(ascii: "'") || peek(start + 1) == UInt8(ascii: "\"")
        {
            contentStart = start + 2
        }
        scan: while index < count {
            let byte = buffer[index]
            if !isWordSpecial(byte) {
                let run = index
                index += 1
                while index < count && !isWordSpecial(buffer[index]) { index += 1 }
                if record { pool[depth].appendRun(buffer, run, index) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                wordQuoted = true
                let next = peek(index + 1)
                if index + 1 >= count {
                    if record { pool[depth].append(byte, index, index + 1) }
                    index += 1
                } else if next == UInt8(ascii: "\n") {
                    index += 2
                } else {
                    if record { pool[depth].append(next, index, index + 2) }
                    index += 2
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
                guard index == start, peek(index + 1) == UInt8(ascii: "(") else { break scan }
                // Process substitution `<(…)`: a command list.
                let open = index
                readSubstitution(depth: depth, open: open, length: 2)
                noteExpansion(open, depth: depth, record: record)
            case UInt8(ascii: "("):
                guard isAssignmentPrefix(start, index) else { break scan }
                // An array assignment `NAME=(…)`: its value is not a string.
                let open = index
                index += 1
                if !skipNested([nestParen]) {
                    fail("unterminated array assignment starting here; expected ')'", open, open + 1)
                }
                noteExpansion(open, depth: depth, record: record)
            default:
                break scan
            }
        }
        let read = WordRead(
            start: start,
            end: index,
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
        guard end > start + 1, buffer[end - 1] == UInt8(ascii: "="), isNameStart(buffer[start]) else { return false }
        var position = start + 1
        while position < end - 1 && isNameByte(buffer[position]) { position += 1 }
        if position == end - 2 && buffer[position] == UInt8(ascii: "+") { position += 1 }
        return position == end - 1
    }

    /// Records the expansion `open..<index` just read; its text, as written, joins the word when it is kept.
    mutating func noteExpansion(_ open: Int, depth: Int, record: Bool) {
        wordQuoted = true
        wordExpansions += 1
        guard record else { return }
        pool[depth].expansions.append(open..<index)
        pool[depth].expansionIndices.append(pool[depth].bytes.count)
    }

    /// Reads `'…'` at `index`.
    mutating func readSingleQuoted(depth: Int, record: Bool) {
        let open = index
        let from = index + 1
        var close = count
        if from < count, let base = buffer.baseAddress,
            let found = memoryChar(base + from, UInt8(ascii: "'"), count - from)
        {
            close = from + found
        }
        if record { pool[depth].appendRun(buffer, from, Swift.min(close, count)) }
        if close >= count {
            fail("unterminated single-quoted string starting here; expected a closing quote", open, open + 1)
            index = count
        } else {
            index = close + 1
        }
    }

    /// Reads `"…"` at `index`.
    mutating func readDoubleQuoted(depth: Int, record: Bool) {
        let open = index
        index += 1
        while index < count {
            let byte = buffer[index]
            if !isDoubleQuoteSpecial(byte) {
                let run = index
                index += 1
                while index < count && !isDoubleQuoteSpecial(buffer[index]) { index += 1 }
                if record { pool[depth].appendRun(buffer, run, index) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                if index + 1 < count {
                    let next = buffer[index + 1]
                    if next == UInt8(ascii: "\n") {
                        index += 2
                        continue
                    }
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$")
                        || next == UInt8(ascii: "`")
                    {
                        if record { pool[depth].append(next, index, index + 2) }
                        index += 2
                        continue
                    }
                }
                if record { pool[depth].append(byte, index, index + 1) }
                index += 1
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: record, inDouble: true)
            default:
                readBackquote(depth: depth, record: record, inDouble: true)
            }
        }
        fail("unterminated double-quoted string starting here; expected a closing quote", open, open + 1)
    }

    /// Reads what starts with `$` at `index`: an expansion, `$'…'`, `$"…"`, or a literal `$`.
    mutating func readDollar(depth: Int, record: Bool, inDouble: Bool) {
        let open = index
        guard index + 1 < count else {
            if record { pool[depth].append(UInt8(ascii: "$"), index, index + 1) }
            index += 1
            return
        }
        let next = buffer[index + 1]
        switch next {
        case UInt8(ascii: "("):
            if peek(index + 2) == UInt8(ascii: "(") {
                index += 3
                if !readArithmetic(depth: depth + 1, open: open) {
                    fail("unterminated arithmetic expansion starting here; expected '))'", open, open + 3)
                }
            } else {
                readSubstitution(depth: depth, open: open, length: 2)
            }
        case UInt8(ascii: "{"):
            index += 2
            readBrace(depth: depth + 1, open: open, inDouble: inDouble)
        case UInt8(ascii: "'") where !inDouble:
            wordQuoted = true
            readANSIC(depth: depth, record: record)
            return
        case UInt8(ascii: "\"") where !inDouble:
            wordQuoted = true
            index += 1
            readDoubleQuoted(depth: depth, record: record)
            return
        default:
            if isNameStart(next) {
                index += 2
                while index < count && isNameByte(buffer[index]) { index += 1 }
            } else if isSpecialParameter(next) {
                index += 2
            } else {
                if record { pool[depth].append(UInt8(ascii: "$"), index, index + 1) }
                index += 1
                return
            }
        }
        noteExpansion(open, depth: depth, record: record)
    }

    /// Reads the command list of `$(…)` or `<(…)` opened at `open` (`length` bytes of opener).
    mutating func readSubstitution(depth: Int, open: Int, length: Int) {
        index = open + length
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
        while index < count {
            switch buffer[index] {
            case UInt8(ascii: "("):
                level += 1
                index += 1
            case UInt8(ascii: ")"):
                index += 1
                if level == 0 {
                    if peek(index) == UInt8(ascii: ")") { index += 1 }
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
                index = Swift.min(index + 2, count)
            default:
                index += 1
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
        while index < count {
            switch buffer[index] {
            case UInt8(ascii: "}"):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index = Swift.min(index + 2, count)
            case UInt8(ascii: "'"):
                if inDouble { index += 1 } else { readSingleQuoted(depth: depth, record: false) }
            case UInt8(ascii: "\""):
                readDoubleQuoted(depth: depth, record: false)
            case UInt8(ascii: "$"):
                readDollar(depth: depth, record: false, inDouble: inDouble)
            case UInt8(ascii: "`"):
                readBackquote(depth: depth, record: false, inDouble: inDouble)
            default:
                index += 1
            }
        }
        fail("unterminated parameter expansion starting here; expected '}'", open, open + 2)
    }

    /// Reads `` `…` `` at `index`, scanning its body (with `\$`, `` \` `` and `\\` unescaped) for commands.
    mutating func readBackquote(depth: Int, record: Bool, inDouble: Bool) {
        let open = index
        var close = index + 1
        while close < count {
            let byte = buffer[close]
            if byte == UInt8(ascii: "\\") {
                close += 2
                continue
            }
            if byte == UInt8(ascii: "`") { break }
            close += 1
        }
        if close >= count {
            fail("unterminated backquote substitution starting here; expected a closing '`'", open, open + 1)
            index = count
        } else {
            if depth + 1 > maxDepth {
                depthLimit(open, open + 1)
            } else {
                scanBackquoted(from: open + 1, to: close, inDouble: inDouble, depth: depth + 1)
            }
            index = close + 1
        }
        noteExpansion(open, depth: depth, record: record)
    }

    /// Scans the body `from..<to` of a backquote substitution as a script of its own, mapped into the file.
    mutating func scanBackquoted(from: Int, to: Int, inDouble: Bool, depth: Int) {
        var bytes: [UInt8] = []
        var map = OffsetMap.Builder()
        var position = from
        while position < to {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\\"), position + 1 < to {
                let next = buffer[position + 1]
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
        let reported = output.depthReported
        let innerScopes = scopes + [-(fileStart(from) + 1)]
        let found = inner.bytes.withUnsafeBufferPointer { buffer in
            var lexer = ShellLexer(buffer: buffer, text: inner, maxDepth: maxDepth, scopes: innerScopes)
            lexer.output.depthReported = reported
            _ = lexer.scanList(depth: depth, closer: .end)
            return lexer.output
        }
        output.merge(found)
    }

    /// Reads `$'…'` at `index` (the `$`), decoding its escapes as bash does.
    mutating func readANSIC(depth: Int, record: Bool) {
        let open = index
        index += 2
        // After `\0` bash drops the rest of the string.
        var truncated = false
        var scratch: [UInt8] = []
        while index < count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "'") {
                index += 1
                return
            }
            if byte != UInt8(ascii: "\\") || index + 1 >= count {
                if record && !truncated { pool[depth].append(byte, index, index + 1) }
                index += 1
                continue
            }
            let escape = index
            let letter = buffer[index + 1]
            index += 2
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
            case UInt8(ascii: "x") where peek(index) == UInt8(ascii: "{"):
                // `\x{HHH…}`: any number of digits, the low byte kept; no digits is a NUL.
                index += 1
                var number: UInt32 = 0
                while index < count, let digit = shellHexValue(buffer[index]) {
                    number = number &* 16 &+ digit
                    index += 1
                }
                if peek(index) == UInt8(ascii: "}") { index += 1 }
                value = number & 0xFF
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let limit = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : 8
                var digits = 0
                var number: UInt32 = 0
                while digits < limit && index < count, let digit = shellHexValue(buffer[index]) {
                    number = number &* 16 &+ digit
                    digits += 1
                    index += 1
                }
                if digits > 0 {
                    value = number
                    isScalar = letter != UInt8(ascii: "x")
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var number = UInt32(letter - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3 && index < count && buffer[index] >= UInt8(ascii: "0")
                    && buffer[index] <= UInt8(ascii: "7")
                {
                    number = number * 8 + UInt32(buffer[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                value = number & 0xFF
            case UInt8(ascii: "c"):
                if index < count && buffer[index] != UInt8(ascii: "'") {
                    let control = buffer[index]
                    index += 1
                    // `\c\\` is the control character of `\`, both backslashes consumed.
                    if control == UInt8(ascii: "\\") && peek(index) == UInt8(ascii: "\\") { index += 1 }
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
                for position in escape..<index { pool[depth].append(buffer[position], position, position + 1) }
                continue
            }
            if value == 0 {
                truncated = true
                continue
            }
            if isScalar {
                guard let scalar = Unicode.Scalar(value) else {
                    for position in escape..<index { pool[depth].append(buffer[position], position, position + 1) }
                    continue
                }
                scratch.removeAll(keepingCapacity: true)
                appendShellUTF8(scalar, to: &scratch)
                for unit in scratch { pool[depth].append(unit, escape, index) }
            } else {
                pool[depth].append(UInt8(truncatingIfNeeded: value), escape, index)
            }
        }
        fail("unterminated ANSI-C string starting here; expected a closing quote", open, open + 2)
    }

    /// Skips nested constructs past the depth limit with an explicit stack (`kinds`: innermost last); returns
    /// whether all of them were closed.
    mutating func skipNested(_ kinds: [UInt8]) -> Bool {
        var stack = kinds
        while index < count, let top = stack.last {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if top == nestBackquote {
                if byte == UInt8(ascii: "`") { stack.removeLast() }
                index += 1
                continue
            }
            if top == nestDouble {
                switch byte {
                case UInt8(ascii: "\""):
                    stack.removeLast()
                    index += 1
                case UInt8(ascii: "`"):
                    stack.append(nestBackquote)
                    index += 1
                case UInt8(ascii: "$"):
                    pushDollar(&stack)
                default:
                    index += 1
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"):
                let from = index + 1
                if from < count, let base = buffer.baseAddress,
                    let found = memoryChar(base + from, UInt8(ascii: "'"), count - from)
                {
                    index = from + found + 1
                } else {
                    index = count
                }
            case UInt8(ascii: "\""):
                stack.append(nestDouble)
                index += 1
            case UInt8(ascii: "`"):
                stack.append(nestBackquote)
                index += 1
            case UInt8(ascii: "$"):
                pushDollar(&stack)
            case UInt8(ascii: "("):
                if top == nestParen { stack.append(nestParen) }
                index += 1
            case UInt8(ascii: ")"):
                if top == nestParen { stack.removeLast() }
                index += 1
            case UInt8(ascii: "}"):
                if top == nestBrace { stack.removeLast() }
                index += 1
            default:
                index += 1
            }
        }
        index = Swift.min(index, count)
        return stack.isEmpty
    }

    private mutating func pushDollar(_ stack: inout [UInt8]) {
        let next = peek(index + 1)
        if next == UInt8(ascii: "(") {
            stack.append(nestParen)
            index += 2
        } else if next == UInt8(ascii: "{") {
            stack.append(nestBrace)
            index += 2
        } else {
            index += 1
        }
    }
}
