/// The quoting context at a place in a shell script, and how to write a value there so that the shell reads
/// exactly that value back.
public enum ShellQuoteContext: Hashable, Sendable {
    /// Outside any quotes (also inside `$(…)` or `` `…` `` at top level): blanks and metacharacters are special.
    case unquoted
    /// Inside `'…'`: nothing is special but `'` itself.
    case singleQuoted
    /// Inside `"…"`: `"`, `\`, `$` and `` ` `` are special.
    case doubleQuoted
    /// Inside `$'…'` (ANSI-C quoting): `'` and `\` are special.
    case dollarSingleQuoted
    /// Inside the body of a here-document whose delimiter is unquoted: `\`, `$` and `` ` `` are special.
    case heredoc
    /// Inside a comment or the body of a here-document whose delimiter is quoted: bytes are taken as they are.
    case literal
}

/// Re-quoting of replacement values for the place in a shell script where they land (inside a quoted
/// shell word the replacement is quoted for that context).
///
/// The context is worked out by one forward scan of the script's bytes from its start, which follows quotes,
/// `$'…'`, backslash escapes, `$(…)` and `` `…` `` nesting (each with its own quoting), comments and
/// here-document bodies. It is a scanner for quoting only: it does not check syntax, and on malformed text
/// (an unterminated quote) it reports the context the shell would be in at that byte.
public enum ShellQuoting {
    /// The quoting context at each of `offsets` (0-based UTF-8 byte offsets into `bytes`), in the order given.
    ///
    /// The context at an offset is the one in force for a byte inserted there: at the offset of an opening
    /// quote it is the context outside the quotes, just after it the context inside. One pass over the bytes
    /// up to the largest offset, whatever the number of offsets. Offsets past the end are clamped.
    public static func contexts(in bytes: [UInt8], at offsets: [Int]) -> [ShellQuoteContext] {
        guard !offsets.isEmpty else { return [] }
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var results = [ShellQuoteContext](repeating: .unquoted, count: offsets.count)
        var scanner = ContextScanner(bytes: bytes)
        for index in order {
            results[index] = scanner.advance(to: min(max(offsets[index], 0), bytes.count))
        }
        return results
    }

    /// The quoting context at one offset (see ``contexts(in:at:)``).
    public static func context(in bytes: [UInt8], at offset: Int) -> ShellQuoteContext {
        contexts(in: bytes, at: [offset])[0]
    }

    /// Whether `value` holds a character that is special in `context` (so that it must be re-quoted there).
    public static func needsQuoting(_ value: String, in context: ShellQuoteContext) -> Bool {
        value.utf8.contains { isSpecial($0, in: context) }
    }

    /// `value` written so that, placed in `context`, the shell reads exactly `value`.
    ///
    /// - In single quotes, `'` becomes `'\''` (close, escaped quote, reopen).
    /// - In double quotes, `"`, `\`, `$` and `` ` `` get a backslash.
    /// - In `$'…'`, `'` and `\` get a backslash.
    /// - Unquoted, a value holding blanks or metacharacters is wrapped in single quotes (a newline cannot be
    ///   escaped with a backslash there: backslash-newline is a line continuation); with `isWholeWord`, an empty
    ///   value becomes `''` so that the word does not vanish.
    /// - In a here-document body, `\`, `$` and `` ` `` get a backslash; in a comment or a quoted here-document the
    ///   value is kept as it is.
    ///
    /// A value with nothing special in `context` is returned unchanged.
    public static func quote(_ value: String, for context: ShellQuoteContext, isWholeWord: Bool = false) -> String {
        if context == .unquoted && isWholeWord && value.isEmpty { return "''" }
        guard needsQuoting(value, in: context) else { return value }
        switch context {
        case .literal:
            return value
        case .unquoted:
            return "'" + escapeQuotes(value) + "'"
        case .singleQuoted:
            return escapeQuotes(value)
        case .doubleQuoted, .dollarSingleQuoted, .heredoc:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(value.utf8.count + 8)
            for byte in value.utf8 {
                if isSpecial(byte, in: context) { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `'` replaced by `'\''`.
    private static func escapeQuotes(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: [UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "'")])
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `byte` is special in `context`.
    static func isSpecial(_ byte: UInt8, in context: ShellQuoteContext) -> Bool {
        switch context {
        case .literal:
            return false
        case .singleQuoted:
            return byte == UInt8(ascii: "'")
        case .dollarSingleQuoted:
            return byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\")
        case .doubleQuoted:
            return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "$")
                || byte == UInt8(ascii: "`")
        case .heredoc:
            return byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`")
        case .unquoted:
            return isUnquotedSpecial(byte)
        }
    }

    /// Blanks, newlines, quotes and the metacharacters `| & ; ( ) < > $ \ `` ` `` * ? [ ] # ~ = % { } !`
    /// (globbing, comments, tilde, brace and history expansion included, to be safe), and control bytes.
    static func isUnquotedSpecial(_ byte: UInt8) -> Bool {
        if byte < 0x20 || byte == 0x7F { return true }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "|"), UInt8(ascii: "&"),
            UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "$"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "?"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }
}

/// A forward scanner that tracks the quoting context byte by byte.
private struct ContextScanner {
    private enum Frame: Equatable {
        /// Top level, or inside `$(…)`: counts the open parentheses of the substitution.
        case command(parens: Int)
        /// Inside `$((…))`: counts open parentheses; `<<` is a shift and `#` no comment there.
        case arithmetic(parens: Int)
        /// Inside `` `…` ``.
        case backquote
        case single
        case double
        case dollarSingle
        case comment
        /// Inside `${…}`: counts open braces.
        case parameter(braces: Int)
    }

    private struct PendingHeredoc {
        var delimiter: [UInt8]
        var stripsTabs: Bool
        var isQuoted: Bool
    }

    private let bytes: [UInt8]
    private var index = 0
    private var stack: [Frame] = [.command(parens: 0)]
    private var pending: [PendingHeredoc] = []
    /// The here-document body being read, with the offset where its current line starts.
    private var heredoc: PendingHeredoc?
    /// Whether the previous byte ends a word (so `#` starts a comment).
    private var atWordStart = true
    /// The bound on frames: beyond it nesting is not followed (the context stays that of the deepest frame).
    private let maxDepth = 256

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Scans up to `offset` and returns the context for a byte inserted there.
    mutating func advance(to offset: Int) -> ShellQuoteContext {
        while index < offset { step() }
        if let heredoc { return heredoc.isQuoted ? .literal : .heredoc }
        switch stack.last ?? .command(parens: 0) {
        case .command, .backquote, .arithmetic: return .unquoted
        case .single: return .singleQuoted
        case .double: return .doubleQuoted
        case .dollarSingle: return .dollarSingleQuoted
        case .comment: return .literal
        case .parameter:
            // Inside `${…}` the word after an operator is quoted like the text around the expansion.
            for frame in stack.reversed() {
                switch frame {
                case .double: return .doubleQuoted
                case .command, .backquote, .arithmetic: return .unquoted
                default: continue
                }
            }
            return .unquoted
        }
    }

    private func peek(_ at: Int) -> UInt8 {
        at < bytes.count ? bytes[at] : 0
    }

    private mutating func push(_ frame: Frame) {
        if stack.count < maxDepth { stack.append(frame) }
    }

    private mutating func pop() {
        if stack.count > 1 { stack.removeLast() }
    }

    /// Consumes at least one byte.
    private mutating func step() {
        if heredoc != nil {
            stepHeredoc()
            return
        }
        let byte = bytes[index]
        switch stack.last ?? .command(parens: 0) {
        case .single:
            if byte == UInt8(ascii: "'") { pop() }
            index += 1
        case .dollarSingle:
            if byte == UInt8(ascii: "\\") {
                index += 2
            } else {
                if byte == UInt8(ascii: "'") { pop() }
                index += 1
            }
        case .comment:
            if byte == UInt8(ascii: "\n") {
                pop()
                newline()
            } else {
                index += 1
            }
        case .double:
            switch byte {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                pop()
                index += 1
            case UInt8(ascii: "$"): dollar()
            case UInt8(ascii: "`"):
                push(.backquote)
                index += 1
            default: index += 1
            }
        case .parameter(let braces):
            switch byte {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "'"):
                // Single quotes inside `${…}` quote, except within double quotes where they are literal.
                if !stack.dropLast().contains(.double) { push(.single) }
                index += 1
            case UInt8(ascii: "\""):
                push(.double)
                index += 1
            case UInt8(ascii: "$"): dollar()
            case UInt8(ascii: "{"):
                stack[stack.count - 1] = .parameter(braces: braces + 1)
                index += 1
            case UInt8(ascii: "}"):
                if braces <= 1 { pop() } else { stack[stack.count - 1] = .parameter(braces: braces - 1) }
                index += 1
            default: index += 1
            }
        case .command, .backquote:
            stepCommand(byte)
        case .arithmetic(let parens):
            switch byte {
            case UInt8(ascii: "("):
                stack[stack.count - 1] = .arithmetic(parens: parens + 1)
                index += 1
            case UInt8(ascii: ")"):
                if parens <= 1 { pop() } else { stack[stack.count - 1] = .arithmetic(parens: parens - 1) }
                index += 1
            case UInt8(ascii: "#"), UInt8(ascii: "<"):
                index += 1
            default:
                stepCommand(byte)
            }
        }
    }

    private mutating func stepCommand(_ byte: UInt8) {
        let wordStart = atWordStart
        atWordStart = false
        switch byte {
        case UInt8(ascii: "\\"):
            index += 2
        case UInt8(ascii: "'"):
            push(.single)
            index += 1
        case UInt8(ascii: "\""):
            push(.double)
            index += 1
        case UInt8(ascii: "$"):
            dollar()
        case UInt8(ascii: "`"):
            if stack.last == .backquote { pop() } else { push(.backquote) }
            index += 1
        case UInt8(ascii: "#") where wordStart:
            push(.comment)
            index += 1
        case UInt8(ascii: "("):
            if case .command(let parens) = stack.last, stack.count > 1 {
                stack[stack.count - 1] = .command(parens: parens + 1)
            }
            atWordStart = true
            index += 1
        case UInt8(ascii: ")"):
            if case .command(let parens) = stack.last, stack.count > 1 {
                if parens <= 1 { pop() } else { stack[stack.count - 1] = .command(parens: parens - 1) }
            }
            atWordStart = true
            index += 1
        case UInt8(ascii: "<") where peek(index + 1) == UInt8(ascii: "<") && peek(index + 2) != UInt8(ascii: "<"):
            heredocOperator()
        case UInt8(ascii: "\n"):
            atWordStart = true
            newline()
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
            UInt8(ascii: "<"), UInt8(ascii: ">"):
            atWordStart = true
            index += 1
        default:
            index += 1
        }
    }

    /// At `$`: `$'`, `$"`, `$(`, `${`, or a plain byte.
    private mutating func dollar() {
        let next = peek(index + 1)
        let inDouble = stack.last == .double || stack.contains(.double) && isParameterTop
        switch next {
        case UInt8(ascii: "'") where !inDouble:
            push(.dollarSingle)
            index += 2
        case UInt8(ascii: "\"") where !inDouble:
            push(.double)
            index += 2
        case UInt8(ascii: "(") where peek(index + 2) == UInt8(ascii: "("):
            push(.arithmetic(parens: 2))
            index += 3
        case UInt8(ascii: "("):
            push(.command(parens: 1))
            atWordStart = true
            index += 2
        case UInt8(ascii: "{"):
            push(.parameter(braces: 1))
            index += 2
        default:
            index += 1
        }
    }

    private var isParameterTop: Bool {
        if case .parameter = stack.last { return true }
        return false
    }

    /// At `<<` (not `<<<`): reads the delimiter word and queues the here-document.
    private mutating func heredocOperator() {
        index += 2
        var stripsTabs = false
        if peek(index) == UInt8(ascii: "-") {
            stripsTabs = true
            index += 1
        }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        var delimiter: [UInt8] = []
        var isQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                isQuoted = true
                index += 1
                while index < bytes.count, bytes[index] != byte {
                    delimiter.append(bytes[index])
                    index += 1
                }
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                isQuoted = true
                if index + 1 < bytes.count { delimiter.append(bytes[index + 1]) }
                index += 2
            } else if ShellQuoting.isUnquotedSpecial(byte) && byte != UInt8(ascii: "$") {
                break
            } else {
                delimiter.append(byte)
                index += 1
            }
        }
        index = min(index, bytes.count)
        atWordStart = true
        if !delimiter.isEmpty {
            pending.append(PendingHeredoc(delimiter: delimiter, stripsTabs: stripsTabs, isQuoted: isQuoted))
        }
    }

    /// At a newline outside quotes: consumes it and starts the first pending here-document body.
    private mutating func newline() {
        index += 1
        if !pending.isEmpty { heredoc = pending.removeFirst() }
    }

    /// Inside a here-document body, at the start of a line: consumes the whole line, ending the body at the
    /// delimiter line. `$(…)` inside an unquoted body is not followed (a rare case; the body's own context is kept).
    private mutating func stepHeredoc() {
        guard let current = heredoc else { return }
        var lineStart = index
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if current.stripsTabs {
            while lineStart < end, bytes[lineStart] == UInt8(ascii: "\t") { lineStart += 1 }
        }
        var lineEnd = end
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let isDelimiter = bytes[lineStart..<lineEnd].elementsEqual(current.delimiter)
        if isDelimiter {
            heredoc = pending.isEmpty ? nil : pending.removeFirst()
            index = min(end + 1, bytes.count)
            if heredoc == nil { atWordStart = true }
            return
        }
        // Stop at the byte the caller asked for: the body context holds for every byte of the line.
        index = min(end + 1, bytes.count)
    }
}
