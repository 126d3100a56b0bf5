public import WMLintSource

/// Finds `aws …` commands in a POSIX shell script and splits them into words, as the shell would.
///
/// One linear pass over the bytes. Words are decoded (quotes removed, escapes and continuations processed) only
/// where a command can start and in `aws` commands; every other word is only stepped over. Nested
/// `$(…)`, `${…}`, `$((…))` and backquotes are scanned recursively up to `maxDepth` levels; deeper levels are
/// skipped with an explicit stack and reported once as `input-limit`.
///
/// A `\r` is an ordinary byte, as it is for bash: in a file with CRLF line endings it stays at the end of each
/// line's last word, and a `\` before `\r\n` escapes the `\r` instead of continuing the line.
///
/// Choices where the shell offers no friendly behaviour:
/// - A UTF-8 byte order mark at the start of the text is skipped (bash would glue it to the first word).
/// - An unterminated quote, substitution or expansion is reported on its opening delimiter only (the `"`, `$(`,
///   `${`, `` ` ``, `$'` or `$((`), not on the rest of the file it swallows.
/// - The text of an expansion is kept as written in ``ShellWord/text``, continuations inside `$(…)` included.
/// - A command's range runs from its first token (assignment, wrapper or redirection) to its last, redirection
///   targets included; redirection targets are never words.
/// - The insertion point after a word's text (the last entry of its map's `starts`) is just past the source of
///   the last decoded byte (before a closing quote), or inside the quotes of an empty quoted word.
/// - Not modelled: brace expansion (`{a,b}`), globbing, tilde expansion, aliases, `$VAR` split by a line
///   continuation, and `((` that bash would read as two nested subshells.
public enum ShellScanner {
    /// Scans the script `text` (a shell file, or a code block mapped into a Markdown or workflow file).
    ///
    /// Nesting of substitutions and subshells deeper than `maxDepth` stops the scan of that part.
    public static func scan(_ text: SourceText, maxDepth: Int = 256) -> ShellScript {
        scan(text, maxDepth: maxDepth, options: Options())
    }

    /// How a scan goes about its work; what it finds is the same under every option.
    package struct Options: Sendable {
        /// Whether the fast paths are taken: the shortcuts that step over ordinary commands and simple words, or
        /// build a word straight from its source bytes, after one read of them. Without them every word goes
        /// through the general word reader and word builder, which is what the tests and the shell fuzz target
        /// compare the fast paths with.
        package var fastPaths: Bool

        package init(fastPaths: Bool = true) {
            self.fastPaths = fastPaths
        }
    }

    /// Scans the script `text` as ``scan(_:maxDepth:)`` does, with `options`.
    package static func scan(_ text: SourceText, maxDepth: Int = 256, options: Options) -> ShellScript {
        let output = ShellCursor.over(text.bytes) { cursor in
            var lexer = ShellLexer(cursor: cursor, text: text, maxDepth: maxDepth, fastPaths: options.fastPaths)
            let bytes = text.bytes
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                lexer.cursor.position = 3
            }
            _ = lexer.scanList(depth: 0, closer: .end)
            return lexer.output
        }
        let ordered = output.commands.enumerated().sorted { lhs, rhs in
            lhs.element.range.lowerBound != rhs.element.range.lowerBound
                ? lhs.element.range.lowerBound < rhs.element.range.lowerBound : lhs.offset < rhs.offset
        }
        return ShellScript(
            commands: ordered.map(\.element),
            bindings: output.bindings,
            comments: output.comments,
            diagnostics: output.diagnostics
        )
    }
}

/// A fault met while reading a word, turned into a ``Diagnostic`` only for a command that is kept.
struct ShellFault: Equatable {
    /// The `shell-syntax` message (unused for nesting past the limit).
    var message: StaticString
    /// Local offset of the first offending byte.
    var start: Int
    /// Local offset just past the offending bytes.
    var end: Int
    /// Nesting past the depth limit (`input-limit`) rather than a syntax error.
    var isLimit = false

    static func == (lhs: ShellFault, rhs: ShellFault) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.isLimit == rhs.isLimit
    }
}

/// What a scan collects.
struct ShellOutput {
    var commands: [ShellCommand] = []
    var bindings: [ShellBinding] = []
    var comments: [SourceRange] = []
    var diagnostics: [Diagnostic] = []
    /// Nesting past the depth limit has been reported (once per script).
    var depthReported = false

    /// Adds what the scan of a text of its own inside this one (a backquote or here-document body) found.
    mutating func merge(_ other: ShellOutput) {
        commands += other.commands
        bindings += other.bindings
        comments += other.comments
        if !depthReported {
            diagnostics += other.diagnostics
            depthReported = other.depthReported
        }
    }
}

/// Where a command list ends.
enum ListCloser {
    /// At the end of the text.
    case end
    /// At an unmatched `)`: the body of `$(…)` or `<(…)`.
    case paren
}

/// What the words of the command being read are.
enum CommandPhase: Equatable {
    /// At a place where a command can start: assignments, reserved words, wrappers or the command name.
    case start
    /// After a wrapper: its options, then assignments (for `env`, `sudo`, `time`) and the command name.
    case wrapper(Wrapper)
    /// An `aws` command: every word is kept.
    case aws
    /// Another command: its words are stepped over.
    case other
    /// `export`, `readonly`, `local`, `declare` or `typeset`: `exported` once the words export (`export`, `-x`),
    /// `flagged` once a flag makes the values other than plain text (`-a`, `-i`, `-n`, …).
    case declaration(exported: Bool, flagged: Bool)
    /// After `function`: the function's name.
    case functionName
    /// After `case`, up to `in`.
    case caseHeader
}

/// The simple command being read.
struct PendingCommand {
    /// What the next word of the command is.
    var phase = CommandPhase.start
    /// Local offset of the command's first token, or -1.
    var start = -1
    /// Local offset just past the command's last token.
    var end = -1
    /// The assignments that set an `aws` command's environment, built once its name is known.
    var assignments: [ShellAssignment] = []
    /// How many assignments before the command name are held undecoded in ``ShellLexer/held``: most commands are
    /// not `aws`, so their assignments are never built.
    var heldCount = 0
    /// The first slot of ``ShellLexer/held`` that the command's held assignments take.
    var heldFrom = 0
    /// The words of an `aws` command, from the `aws` word on.
    var words: [ShellWord] = []
    /// The first fault met in the command's words.
    var error: ShellFault?
    /// Words still to skip as arguments of a wrapper option (`sudo -u USER`, `timeout -s SIGNAL`).
    var optionArguments = 0
    /// `timeout` still needs its duration.
    var needsDuration = false
    /// No further wrapper options: the next plain word is an assignment or the command name.
    var optionsDone = false

    /// Back to a command not yet started, keeping no storage that needs releasing when there is none.
    @inline(__always)
    mutating func reset() {
        if !assignments.isEmpty || !words.isEmpty {
            self = PendingCommand()
            return
        }
        phase = .start
        start = -1
        end = -1
        error = nil
        optionArguments = 0
        needsDuration = false
        optionsDone = false
        heldCount = 0
        heldFrom = 0
    }

    /// Widens the command's range to take in the token at local offsets `start..<end`.
    mutating func note(_ start: Int, _ end: Int) {
        if self.start < 0 { self.start = start }
        self.end = Swift.max(self.end, end)
    }
}

/// An assignment word before a command name, kept until the command turns out to be `aws`.
struct HeldAssignment {
    /// What reading the word found.
    var read: WordRead
    /// The decoded word, unless it is plain (then its source bytes are its text).
    var scratch = WordScratch()
}

/// The scanner's state over one text: the bytes, the position, and what was found so far.
struct ShellLexer {
    /// The bytes of ``text`` and the position in them: all reads of the bytes go through it.
    var cursor: ShellCursor
    /// The text being scanned: its path, and its map into the file when it is not the file itself.
    let text: SourceText
    /// How deep substitutions and subshells are scanned.
    let maxDepth: Int
    /// Whether the fast paths are taken (``ShellScanner/Options/fastPaths``).
    let fastPaths: Bool
    /// Per nesting level, the scratch of the word being decoded there.
    var pool: [WordScratch] = []
    /// The here-documents opened on the current line, whose bodies start after its newline.
    var heredocs: [PendingHeredoc] = []
    /// What the scan has found so far.
    var output = ShellOutput()
    /// The first fault of the word being read.
    var wordError: ShellFault?
    /// The fault of the last word read that had one (see ``WordRead/hasError``).
    var readError: ShellFault?
    /// Assignment words held by the commands being read (innermost last), in slots reused from command to command;
    /// ``heldUsed`` slots are taken.
    var held: [HeldAssignment] = []
    var heldUsed = 0
    /// The word being read has quotes, escapes, continuations or expansions.
    var wordQuoted = false
    /// How many expansions the word being read holds.
    var wordExpansions = 0
    /// Storage reused by ``makeWord(depth:decodedFrom:sourceStart:sourceEnd:read:)`` to join a word's decoded bytes
    /// with the text of its expansions, so that a word allocates only what it keeps.
    var joined = WordScratch()
    /// The scopes around the position, outermost first (see ``ShellCommand/scopes``).
    var scopes: [Int]
    /// How many of ``scopes`` belong to the command lists around the current one (its `}` and `)` never close them).
    var scopeBase: Int
    /// How many `if`, `case` and loops are open around the position.
    var conditionals = 0
    /// The command being read follows `&&`, `||` or `|`.
    var afterOperator = false
    /// Local offset of the first token of the last command finished, or -1.
    var finishedStart = -1

    /// A lexer over `cursor`, at the bytes of `text`, inside `scopes` (a substitution scanned as a text of its own
    /// passes its own scope last).
    init(cursor: ShellCursor, text: SourceText, maxDepth: Int, fastPaths: Bool, scopes: [Int] = [0]) {
        self.cursor = cursor
        self.text = text
        self.maxDepth = maxDepth
        self.fastPaths = fastPaths
        self.scopes = scopes
        self.scopeBase = scopes.count
    }

    // MARK: Offsets

    /// The file offset of the start of local byte `local` (or of the end of the text).
    @inline(__always)
    func fileStart(_ local: Int) -> Int {
        guard let map = text.map else { return local }
        return map.start(of: local)
    }

    /// The file offset just past the source of local byte `local - 1`.
    @inline(__always)
    func fileEnd(_ local: Int) -> Int {
        guard let map = text.map, map.count > 0, local > 0 else { return fileStart(local) }
        return map.end(of: local - 1)
    }

    // MARK: Diagnostics

    /// The diagnostic of `fault`.
    func diagnostic(_ fault: ShellFault) -> Diagnostic {
        Diagnostic(
            rule: fault.isLimit ? .inputLimit : .shellSyntax,
            message: fault.isLimit
                ? "substitutions nested deeper than \(maxDepth) levels; the inner levels are not scanned"
                : fault.message.description,
            path: text.path,
            range: text.fileRange(fault.start, Swift.min(fault.end, cursor.count))
        )
    }

    mutating func fail(_ message: StaticString, _ start: Int, _ end: Int) {
        if wordError == nil { wordError = ShellFault(message: message, start: start, end: end) }
    }

    /// Reports nesting past the limit at `start..<end`, once per script, and on the word being read.
    mutating func depthLimit(_ start: Int, _ end: Int) {
        let fault = ShellFault(message: "", start: start, end: end, isLimit: true)
        if wordError == nil { wordError = fault }
        if !output.depthReported {
            output.depthReported = true
            output.diagnostics.append(diagnostic(fault))
        }
    }

    // MARK: Command lists

    /// Skips blanks and line continuations.
    @inline(__always)
    mutating func skipBlanks() {
        while !cursor.isAtEnd {
            let byte = cursor.current
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                cursor.advance()
            } else if byte == UInt8(ascii: "\\") && cursor.peek(ahead: 1) == UInt8(ascii: "\n") {
                cursor.advance(2)
            } else {
                return
            }
        }
    }

    /// Scans commands until the end of the text or, for `.paren`, an unmatched `)` (consumed).
    ///
    /// Returns whether the closer was found (always `true` for `.end`).
    mutating func scanList(depth: Int, closer: ListCloser) -> Bool {
        while pool.count <= depth + 1 { pool.append(WordScratch()) }
        // The body of a substitution is a scope of its own, named by its `(`; what it opens closes with it.
        let outer = (scopes.count, scopeBase, conditionals, afterOperator)
        if closer == .paren {
            enterScope(at: cursor.position - 1)
            scopeBase = scopes.count
            afterOperator = false
        }
        defer {
            if closer == .paren {
                scopes.removeLast(scopes.count - outer.0)
                (scopeBase, conditionals, afterOperator) = (outer.1, outer.2, outer.3)
            }
        }
        var command = PendingCommand()
        var parens = 0
        var cases = 0
        var inPattern = false
        while true {
            skipBlanks()
            guard !cursor.isAtEnd else {
                finish(&command, depth: depth)
                return closer == .end
            }
            let byte = cursor.current
            if byte == UInt8(ascii: "\n") {
                if case .caseHeader = command.phase {
                    cursor.advance()
                } else {
                    finish(&command, depth: depth)
                    cursor.advance()
                }
                readHeredocBodies(depth: depth)
                continue
            }
            if byte == UInt8(ascii: "#") {
                readComment()
                continue
            }
            if inPattern {
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "&"):
                    cursor.advance()
                case UInt8(ascii: ")"):
                    cursor.advance()
                    inPattern = false
                default:
                    let start = cursor.position
                    let word = readAnyWord(depth: depth, record: false)
                    if !word.quoted && ShellKeyword(cursor, word.start, word.end) == .esac {
                        closeCase(&cases, inPattern: &inPattern)
                    }
                    if cursor.position == start { cursor.advance() }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ";"):
                finish(&command, depth: depth)
                let next = cursor.peek(ahead: 1)
                if next == UInt8(ascii: ";") {
                    cursor.advance(cursor.peek(ahead: 2) == UInt8(ascii: "&") ? 3 : 2)
                    if cases > 0 { inPattern = true }
                } else if next == UInt8(ascii: "&") {
                    cursor.advance(2)
                    if cases > 0 { inPattern = true }
                } else {
                    cursor.advance()
                }
            case UInt8(ascii: "&"):
                let next = cursor.peek(ahead: 1)
                if next == UInt8(ascii: ">") {
                    readRedirection(&command, depth: depth, operatorStart: cursor.position)
                } else {
                    finish(&command, depth: depth)
                    separate(conditionalNext: next == UInt8(ascii: "&"), subshell: next != UInt8(ascii: "&"))
                    cursor.advance(next == UInt8(ascii: "&") ? 2 : 1)
                }
            case UInt8(ascii: "|"):
                finish(&command, depth: depth)
                let next = cursor.peek(ahead: 1)
                separate(conditionalNext: true, subshell: next != UInt8(ascii: "|"))
                cursor.advance(next == UInt8(ascii: "|") || next == UInt8(ascii: "&") ? 2 : 1)
            case UInt8(ascii: "("):
                var atStart = command.start < 0
                if case .start = command.phase {} else { atStart = false }
                finish(&command, depth: depth)
                if atStart && cursor.peek(ahead: 1) == UInt8(ascii: "(") {
                    // `(( … ))`: an arithmetic command, no commands inside but substitutions.
                    let open = cursor.position
                    cursor.advance(2)
                    if !readArithmetic(depth: depth + 1, open: open) {
                        cursor.position = Swift.min(cursor.position, cursor.count)
                    }
                } else {
                    parens += 1
                    enterScope(at: cursor.position)
                    cursor.advance()
                }
            case UInt8(ascii: ")"):
                finish(&command, depth: depth)
                cursor.advance()
                if parens > 0 {
                    parens -= 1
                    leaveScope()
                } else if closer == .paren {
                    return true
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                if cursor.peek(ahead: 1) == UInt8(ascii: "(") {
                    readCommandWord(&command, depth: depth, cases: &cases, inPattern: &inPattern)
                } else {
                    readRedirection(&command, depth: depth, operatorStart: cursor.position)
                }
            default:
                if fastPaths {
                    // The fast paths: when one read of the word's bytes is enough for the command's phase, an
                    // ordinary command's words are stepped over (and what follows them, with `skipOrdinary`), a
                    // simple declared value or `aws` word is built straight from its source bytes. What they find
                    // is what `readCommandWord` finds, as the tests check with `Options(fastPaths: false)`.
                    switch command.phase {
                    case .other:
                        if skipPlainArgument(&command) || skipQuotedArgument(&command, depth: depth) {
                            skipOrdinary(&command, depth: depth)
                            continue
                        }
                    case .start:
                        if skipCommandName(&command) {
                            skipOrdinary(&command, depth: depth)
                            continue
                        }
                    case .declaration(let exported, let flagged):
                        if readSimpleDeclaration(&command, exported: exported, flagged: flagged) { continue }
                    case .aws:
                        if readSimpleAWSWord(&command) { continue }
                    case .caseHeader:
                        // A quoted word is never the `in` that ends the header, and its faults are never reported.
                        if skipQuotedArgument(&command, depth: depth) { continue }
                    default:
                        break
                    }
                }
                readCommandWord(&command, depth: depth, cases: &cases, inPattern: &inPattern)
            }
        }
    }

    // MARK: Fast paths

    /// Steps over what follows in ordinary commands, the commands that are not read: blanks, the words that
    /// ``skipCommandName(_:)`` and ``ShellCursor/simpleWordEnd(from:braces:)`` step over, and the separators `;`,
    /// `&`, `|`, `&&`, `||`, `|&` and newlines (with no here-document pending) between them. Stops at the start of
    /// anything else (a comment, redirection, parenthesis, `;;`, a word with an escape or substitution, a command
    /// that is read), which the main loop of ``scanList(depth:closer:)`` reads.
    mutating func skipOrdinary(_ command: inout PendingCommand, depth: Int) {
        while !cursor.isAtEnd {
            let byte = cursor.current
            if !isWordSpecial(byte) {
                // A plain word, unless a comment starts here or it may be an IO number.
                guard byte != UInt8(ascii: "#"), let end = cursor.plainWordEnd(from: cursor.position),
                    !cursor.startsRedirection(at: end)
                else { return }
                switch command.phase {
                case .other:
                    break
                case .start:
                    guard Self.isOrdinaryName(cursor, cursor.position, end, &command) else { return }
                default:
                    return
                }
                cursor.position = end
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                cursor.advance()
            case UInt8(ascii: ";"):
                let next = cursor.peek(ahead: 1)
                guard next != UInt8(ascii: ";") && next != UInt8(ascii: "&") else { return }
                finish(&command, depth: depth)
                cursor.advance()
            case UInt8(ascii: "|"):
                let next = cursor.peek(ahead: 1)
                finish(&command, depth: depth)
                separate(conditionalNext: true, subshell: next != UInt8(ascii: "|"))
                cursor.advance(next == UInt8(ascii: "|") || next == UInt8(ascii: "&") ? 2 : 1)
            case UInt8(ascii: "&"):
                let next = cursor.peek(ahead: 1)
                guard next != UInt8(ascii: ">") else { return }
                finish(&command, depth: depth)
                separate(conditionalNext: next == UInt8(ascii: "&"), subshell: next != UInt8(ascii: "&"))
                cursor.advance(next == UInt8(ascii: "&") ? 2 : 1)
            case UInt8(ascii: "\n"):
                // A newline does not end a `case` header.
                if case .caseHeader = command.phase { return }
                guard heredocs.isEmpty else { return }
                finish(&command, depth: depth)
                cursor.advance()
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "$"):
                guard case .other = command.phase, skipQuotedArgument(&command, depth: depth) else { return }
            default:
                return
            }
        }
    }

    /// Steps over a plain word at the position among the arguments of a command that is not read (most words of a
    /// script). Returns `false`, the position unchanged, when the word needs
    /// ``readCommandWord(_:depth:cases:inPattern:)``: it has a quote, escape or expansion, or it may be an IO
    /// number (a redirection follows).
    @inline(__always)
    mutating func skipPlainArgument(_ command: inout PendingCommand) -> Bool {
        let start = cursor.position
        guard let end = cursor.plainWordEnd(from: start), !cursor.startsRedirection(at: end) else { return false }
        cursor.position = end
        command.note(start, end)
        return true
    }

    /// Steps over a plain word at the position where a command can start, when one read of its bytes shows that it
    /// needs nothing more (``isOrdinaryName(_:_:_:_:)``). Returns `false`, the position unchanged, for every other
    /// word (``readCommandWord(_:depth:cases:inPattern:)`` reads it).
    @inline(__always)
    mutating func skipCommandName(_ command: inout PendingCommand) -> Bool {
        guard let end = cursor.plainWordEnd(from: cursor.position), !cursor.startsRedirection(at: end),
            Self.isOrdinaryName(cursor, cursor.position, end, &command)
        else { return false }
        cursor.position = end
        return true
    }

    /// Decides the plain word `start..<end` at a command start from one read of its bytes: `true` for a reserved
    /// word that only separates commands (`!`, `then`, `else`, `elif`, `do`; the command stays unstarted) and for
    /// the name of a command that is not read (the command becomes ``CommandPhase/other``); `false`, the command
    /// unchanged, for every word that ``startsOver(at:command:cases:inPattern:)`` or ``name(_:depth:command:)``
    /// must see: a word that opens or closes a scope or a conditional (`{`, `}`, `if`, `fi`, `case`, `esac`,
    /// loops), sets the phase of the words after it (`function`, a declaration), `aws`, a wrapper, or a word with
    /// a `=` (maybe an assignment).
    ///
    /// Static, as are the other helpers that only read bytes: a method of the lexer would copy the lexer at each
    /// call from a mutating one.
    @inline(__always)
    static func isOrdinaryName(_ cursor: ShellCursor, _ start: Int, _ end: Int, _ command: inout PendingCommand) -> Bool
    {
        guard !cursor.holdsEquals(start, end) else { return false }
        switch CommandName(cursor, start, end) {
        case .aws, .wrapper:
            return false
        case .keyword(let word):
            // At a command start, the general path reads it, unless it only separates commands; after an
            // assignment or a redirection it is a command name.
            if command.start < 0 && command.heldCount == 0 { return word == .separator }
        case .other:
            break
        }
        command.phase = .other
        return true
    }

    /// Reads a declared `NAME=value` (or `NAME+=value`) word at the position whose value's text sits unchanged in
    /// the source: plain bytes and `$NAME` parameters, or one `"…"` of those, or one `'…'`. Returns `false`, the
    /// position unchanged, for any other word (``readCommandWord(_:depth:cases:inPattern:)`` decodes it).
    mutating func readSimpleDeclaration(_ command: inout PendingCommand, exported: Bool, flagged: Bool) -> Bool {
        let start = cursor.position
        guard text.map == nil, isNameStart(cursor[start]) else { return false }
        var nameEnd = start + 1
        while nameEnd < cursor.count && isNameByte(cursor[nameEnd]) { nameEnd += 1 }
        var valueStart = nameEnd
        if cursor.peek(at: valueStart) == UInt8(ascii: "+") { valueStart += 1 }
        guard cursor.peek(at: valueStart) == UInt8(ascii: "=") else { return false }
        valueStart += 1
        guard let (value, end) = Self.sourceTextWord(cursor, at: valueStart) else { return false }
        cursor.position = end
        command.note(start, end)
        bind(
            ShellAssignment(name: cursor.string(start, nameEnd), value: value, range: .bytes(start, end)),
            plain: !flagged && valueStart == nameEnd + 1,
            exported: exported
        )
        return true
    }

    /// Reads a word of an `aws` command at the position that starts with a quote or `$` and whose text sits
    /// unchanged in the source (as ``sourceTextWord(_:at:)`` reads it). Returns `false`, the position unchanged, for
    /// any other word.
    mutating func readSimpleAWSWord(_ command: inout PendingCommand) -> Bool {
        let first = cursor.current
        guard text.map == nil,
            first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "$"),
            let (word, end) = Self.sourceTextWord(cursor, at: cursor.position)
        else { return false }
        command.note(cursor.position, end)
        command.words.append(word)
        cursor.position = end
        return true
    }

    /// The word at local offset `start`, and the offset just past it, when its text sits unchanged in the source:
    /// plain bytes and `$NAME` or `$1`-like parameters, or one `"…"` of those, or one `'…'`, ending where
    /// ``ShellCursor/endsWord(at:)`` says; `nil` for any other word (or an empty text). The word is what
    /// ``makeWord(depth:decodedFrom:sourceStart:sourceEnd:read:)`` makes of it, for a text that is the file itself.
    static func sourceTextWord(_ cursor: ShellCursor, at start: Int) -> (word: ShellWord, end: Int)? {
        // The text, `textStart..<textEnd`: the bytes inside one quote, or the whole word when it has none.
        var textStart = start
        var textEnd = start
        var dollars = 0
        let first = cursor.peek(at: start)
        if first == UInt8(ascii: "'") {
            guard let close = cursor.singleQuoteClose(after: start) else { return nil }
            textStart += 1
            textEnd = close
        } else {
            let quoted = first == UInt8(ascii: "\"")
            if quoted { textStart += 1 }
            var position = textStart
            scan: while position < cursor.count {
                let byte = cursor[position]
                if !(quoted ? isDoubleQuoteSpecial(byte) : isWordSpecial(byte)) {
                    position += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "$"):
                    // A parameter's text is kept whole only up to its length limit.
                    guard let next = cursor.parameterEnd(at: position), next - position <= Self.keptExpansionBytes
                    else { return nil }
                    dollars += 1
                    position = next
                case UInt8(ascii: "\""):
                    guard quoted else { return nil }
                    break scan
                default:
                    // An escape, backquote or other quote; unquoted, the end of the word or more of it.
                    guard !quoted else { return nil }
                    break scan
                }
            }
            if quoted && position == cursor.count { return nil }
            textEnd = position
        }
        let end = textEnd + (textStart > start ? 1 : 0)
        guard cursor.endsWord(at: end), textStart < textEnd else { return nil }
        var expansions: [SourceRange] = []
        if dollars > 0 {
            expansions.reserveCapacity(dollars)
            var position = textStart
            while position < textEnd {
                if cursor[position] == UInt8(ascii: "$"), let next = cursor.parameterEnd(at: position) {
                    expansions.append(.bytes(position, next))
                    position = next
                } else {
                    position += 1
                }
            }
        }
        guard let word = sourceWord(cursor, textStart, textEnd, range: start..<end, expansions: expansions) else {
            return nil
        }
        return (word, end)
    }

    /// Steps over a word at the position that starts with a quote or `$` among the arguments of a command that is
    /// not read, scanning its substitutions for commands. Returns `false`, the position unchanged, for any other
    /// word.
    ///
    /// Such a word is never an IO number, and a fault in it is never reported (only `aws` commands report theirs).
    @inline(__always)
    mutating func skipQuotedArgument(_ command: inout PendingCommand, depth: Int) -> Bool {
        let first = cursor.current
        guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "$") else {
            return false
        }
        if let end = cursor.simpleWordEnd(from: cursor.position, braces: depth < maxDepth) {
            command.note(cursor.position, end)
            cursor.position = end
            return true
        }
        let word = readWord(depth: depth, record: false)
        command.note(word.start, word.end)
        return true
    }

    // MARK: Comments and here-documents

    /// Records the comment at the position (a `#` at a token start) and moves to its end (the newline stays).
    mutating func readComment() {
        let start = cursor.position
        let end = cursor.find(UInt8(ascii: "\n"), from: start) ?? cursor.count
        cursor.position = end
        var last = end
        if last > start + 1 && cursor[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        output.comments.append(text.fileRange(start, last))
    }

    /// Skips the bodies of the here-documents opened on the line just ended; in the body of one whose delimiter
    /// is unquoted, the command substitutions are scanned, since the shell runs them.
    mutating func readHeredocBodies(depth: Int) {
        guard !heredocs.isEmpty else { return }
        let pending = heredocs
        heredocs.removeAll()
        for heredoc in pending {
            let bodyStart = cursor.position
            while !cursor.isAtEnd {
                let lineStart = cursor.position
                let lineEnd = cursor.find(UInt8(ascii: "\n"), from: lineStart) ?? cursor.count
                cursor.position = Swift.min(lineEnd + 1, cursor.count)
                var start = lineStart
                if heredoc.stripsTabs {
                    while start < lineEnd && cursor[start] == UInt8(ascii: "\t") { start += 1 }
                }
                if cursor.bytes(start, lineEnd, equal: heredoc.delimiter) {
                    if heredoc.expands { scanHeredocExpansions(bodyStart, lineStart, depth: depth) }
                    break
                }
                if cursor.isAtEnd && heredoc.expands { scanHeredocExpansions(bodyStart, cursor.count, depth: depth) }
            }
        }
    }

    /// Scans the substitutions (`$(…)`, `${…}`, `$((…))`, backquotes) in the expanded here-document body
    /// `from..<to`, as inside double quotes. The body is scanned as a text of its own, mapped into the file, so that
    /// a substitution left open in it (a lone backquote in prose) ends with the body, as in the shell.
    mutating func scanHeredocExpansions(_ from: Int, _ to: Int, depth: Int) {
        guard (from..<to).contains(where: { cursor[$0] == UInt8(ascii: "$") || cursor[$0] == UInt8(ascii: "`") })
        else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from)
        var map = OffsetMap.Builder()
        for position in from..<to {
            bytes.append(cursor[position])
            map.append(start: fileStart(position), end: fileEnd(position + 1))
        }
        let inner = SourceText(bytes: bytes, path: text.path, map: map.map(endOffset: fileStart(to)))
        scanInner(inner, openedAt: from) { $0.scanExpandedText(depth: depth) }
    }

    /// Scans `inner`, a text of its own mapped into the file (the body of a backquote substitution or of an
    /// expanded here-document that starts at local offset `start`), with `body`, in a scope of its own named by
    /// its start, and merges what it finds.
    mutating func scanInner(_ inner: SourceText, openedAt start: Int, _ body: (inout ShellLexer) -> Void) {
        let reported = output.depthReported
        let innerScopes = scopes + [-(fileStart(start) + 1)]
        let found = ShellCursor.over(inner.bytes) { cursor in
            var lexer = ShellLexer(
                cursor: cursor, text: inner, maxDepth: maxDepth, fastPaths: fastPaths, scopes: innerScopes)
            lexer.output.depthReported = reported
            body(&lexer)
            return lexer.output
        }
        output.merge(found)
    }

    /// Scans the whole text as the body of an expanded here-document: only its substitutions hold commands.
    mutating func scanExpandedText(depth: Int) {
        cursor.position = 0
        while !cursor.isAtEnd {
            switch cursor.current {
            case UInt8(ascii: "\\"): cursor.advance(2)
            case UInt8(ascii: "$"): readDollar(depth: depth, record: false, inDouble: true)
            case UInt8(ascii: "`"): readBackquote(depth: depth, record: false, inDouble: true)
            default: cursor.advance()
            }
        }
    }

    /// Reads a redirection operator at the position (after an optional IO number) and its target word.
    mutating func readRedirection(_ command: inout PendingCommand, depth: Int, operatorStart: Int) {
        let first = cursor.current
        let next = cursor.peek(ahead: 1)
        var heredoc = false
        var stripsTabs = false
        if first == UInt8(ascii: "&") {
            cursor.advance(cursor.peek(ahead: 2) == UInt8(ascii: ">") ? 3 : 2)
        } else if first == UInt8(ascii: "<") && next == UInt8(ascii: "<") {
            let third = cursor.peek(ahead: 2)
            if third == UInt8(ascii: "<") {
                cursor.advance(3)
            } else if third == UInt8(ascii: "-") {
                cursor.advance(3)
                heredoc = true
                stripsTabs = true
            } else {
                cursor.advance(2)
                heredoc = true
            }
        } else if next == UInt8(ascii: ">") || next == UInt8(ascii: "&") || next == UInt8(ascii: "|")
            || (first == UInt8(ascii: "<") && next == UInt8(ascii: ">"))
        {
            cursor.advance(2)
        } else {
            cursor.advance()
        }
        command.note(operatorStart, cursor.position)
        skipBlanks()
        guard !cursor.isAtEnd else { return }
        let target = cursor.current
        if isWordSpecial(target) && target != UInt8(ascii: "\"") && target != UInt8(ascii: "'")
            && target != UInt8(ascii: "$") && target != UInt8(ascii: "\\") && target != UInt8(ascii: "`")
        {
            return
        }
        if fastPaths && !heredoc, let end = cursor.simpleWordEnd(from: cursor.position, braces: depth < maxDepth) {
            command.note(cursor.position, end)
            cursor.position = end
            return
        }
        let word = readWord(depth: depth, record: heredoc)
        if command.error == nil && word.hasError { command.error = readError }
        command.note(word.start, word.end)
        if heredoc {
            // The delimiter is the word after quote removal, with any `$` text kept as written.
            let delimiter = Array(makeWord(depth: depth, read: word).text.utf8)
            heredocs.append(PendingHeredoc(delimiter: delimiter, stripsTabs: stripsTabs, expands: !word.quoted))
        }
    }

    /// Closes the command being read: an `aws` command is added to the output.
    @inline(__always)
    mutating func finish(_ command: inout PendingCommand, depth: Int) {
        // A command with nothing read yet is left as it is (most separators end no command).
        if command.start < 0, case .start = command.phase, command.error == nil { return }
        finishedStart = command.start
        if command.heldCount > 0 {
            // Assignments with no command name after them set the shell's variables.
            if case .start = command.phase { bindHeld(command, depth: depth) }
            heldUsed = command.heldFrom
        }
        afterOperator = false
        guard case .aws = command.phase, !command.words.isEmpty else {
            command.reset()
            return
        }
        emit(&command)
    }

    /// Adds the `aws` command just read to the output, and makes `command` ready for the next one.
    mutating func emit(_ command: inout PendingCommand) {
        // Exactly as many words as read: a script's commands are all kept until they are linted. Storage that holds
        // exactly the words is handed over as it is; other storage is copied from.
        let words = command.words.count == command.words.capacity ? command.words : command.words.map { $0 }
        output.commands.append(
            ShellCommand(
                assignments: command.assignments,
                words: words,
                range: text.fileRange(command.start, command.end),
                syntaxError: command.error.map { diagnostic($0) },
                scopes: scopes
            )
        )
        // Room for as many words in the next `aws` command (most commands of a script are alike).
        command.words = []
        command.words.reserveCapacity(words.count)
        command.assignments = []
        command.reset()
    }

    /// Reads one word of a command and moves the command's phase on.
    mutating func readCommandWord(
        _ command: inout PendingCommand, depth: Int, cases: inout Int, inPattern: inout Bool
    ) {
        let record: Bool
        switch command.phase {
        case .other, .functionName, .caseHeader: record = false
        default: record = true
        }
        let word = readAnyWord(depth: depth, record: record)
        if cursor.position == word.start {
            // Nothing could be read (a stray byte): step over it.
            cursor.advance()
            return
        }
        // An IO number: `2>&1`, `3<file`.
        if !word.quoted, cursor.startsRedirection(at: cursor.position),
            (word.start..<word.end).allSatisfy({ cursor[$0] >= UInt8(ascii: "0") && cursor[$0] <= UInt8(ascii: "9") })
        {
            readRedirection(&command, depth: depth, operatorStart: word.start)
            return
        }
        if command.error == nil && word.hasError { command.error = readError }
        switch command.phase {
        case .other:
            command.note(word.start, word.end)
        case .functionName:
            command.reset()
        case .caseHeader:
            if !word.quoted && ShellKeyword(cursor, word.start, word.end) == .in {
                cases += 1
                inPattern = true
                command.reset()
            }
        case .aws:
            command.note(word.start, word.end)
            command.words.append(makeWord(depth: depth, read: word))
        case .declaration(var exported, var flagged):
            command.note(word.start, word.end)
            recordPlain(word, depth: depth)
            let bytes = pool[depth].bytes
            if !word.quoted, let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                // Flags: `-x` exports, `+x` does not; `-r` and `-g` leave the value as it is; any other flag
                // (`-a`, `-i`, `-n`, `-f`, `-l`, …) makes it something else than the text written.
                for flag in bytes.dropFirst() {
                    if flag == UInt8(ascii: "x") {
                        exported = first == UInt8(ascii: "-")
                    } else if flag != UInt8(ascii: "r") && flag != UInt8(ascii: "g") {
                        // `export -n` un-exports, `export -f` names functions.
                        if flag == UInt8(ascii: "n") || flag == UInt8(ascii: "f") { exported = false }
                        flagged = true
                    }
                }
                command.phase = .declaration(exported: exported, flagged: flagged)
            } else if let valueStart = assignmentValueStart(word),
                let assignment = makeAssignment(depth: depth, read: word)
            {
                bind(assignment, plain: !flagged && cursor[valueStart - 2] != UInt8(ascii: "+"), exported: exported)
            } else if !word.quoted, let name = variableName(bytes) {
                output.bindings.append(
                    ShellBinding(
                        name: name, kind: flagged || !exported ? .other : .export,
                        range: text.fileRange(word.start, word.end), isExported: exported, scope: scopes.last ?? 0,
                        isConditional: isConditional))
            }
        case .start:
            if command.start < 0 && command.heldCount == 0 && !word.quoted,
                startsOver(at: word, command: &command, cases: &cases, inPattern: &inPattern)
            {
                return
            }
            if assignmentValueStart(word) != nil {
                command.note(word.start, word.end)
                hold(word, depth: depth, command: &command)
                return
            }
            command.note(word.start, word.end)
            name(word, depth: depth, command: &command)
        case .wrapper(let wrapper):
            command.note(word.start, word.end)
            recordPlain(word, depth: depth)
            wrapperWord(wrapper, word, depth: depth, command: &command)
        }
    }

    /// Handles a reserved word at a command start; returns whether `word` was one.
    mutating func startsOver(
        at word: WordRead, command: inout PendingCommand, cases: inout Int, inPattern: inout Bool
    ) -> Bool {
        let start = word.start
        let end = word.end
        guard case .keyword(let reserved) = CommandName(cursor, start, end) else { return false }
        switch reserved {
        case .separator:
            return true
        case .openGroup:
            enterScope(at: start)
            return true
        case .closeGroup:
            leaveScope()
            return true
        case .openConditional:
            conditionals += 1
            return true
        case .closeConditional:
            if conditionals > 0 { conditionals -= 1 }
            return true
        case .loop:
            // Its words are stepped over, as another command's.
            conditionals += 1
            command.phase = .other
            command.note(start, end)
            return true
        case .case:
            conditionals += 1
            command.phase = .caseHeader
            return true
        case .esac:
            closeCase(&cases, inPattern: &inPattern)
            return true
        case .function:
            command.phase = .functionName
            return true
        case .declaration(let exported):
            command.note(start, end)
            command.phase = .declaration(exported: exported, flagged: false)
            return true
        }
    }

    /// Leaves the patterns of a `case` at its `esac`.
    mutating func closeCase(_ cases: inout Int, inPattern: inout Bool) {
        if cases > 0 { cases -= 1 }
        if conditionals > 0 { conditionals -= 1 }
        inPattern = false
    }

    /// Opens the scope of a group, subshell or substitution whose opening is local byte `start`.
    mutating func enterScope(at start: Int) {
        scopes.append(fileStart(start) + 1)
    }

    /// Closes the innermost scope opened in the current command list.
    mutating func leaveScope() {
        if scopes.count > scopeBase { scopes.removeLast() }
    }

    /// Classifies the command name `word` (``CommandName``): `aws`, a wrapper, or another command.
    mutating func name(_ word: WordRead, depth: Int, command: inout PendingCommand) {
        // A plain name is classified on its source bytes, before they are copied: most names are neither `aws` nor
        // a wrapper. A name with an expansion is not known.
        let kind =
            word.isPlain
            ? CommandName(cursor, word.start, word.end)
            : word.expansions == 0 ? CommandName(decoded: pool[depth].bytes) : .other
        switch kind {
        case .aws:
            recordPlain(word, depth: depth)
            command.phase = .aws
            command.words.append(makeWord(depth: depth, read: word))
            buildHeld(&command, depth: depth)
        case .wrapper(let wrapper):
            recordPlain(word, depth: depth)
            command.phase = .wrapper(wrapper)
            buildHeld(&command, depth: depth)
            command.optionArguments = 0
            command.optionsDone = false
            command.needsDuration = wrapper == .timeout
        case .keyword, .other:
            command.phase = .other
        }
    }

    /// Reads a word after a wrapper: an option, an option's argument, an assignment or the command name.
    mutating func wrapperWord(_ wrapper: Wrapper, _ word: WordRead, depth: Int, command: inout PendingCommand) {
        let bytes = pool[depth].bytes
        if command.optionArguments > 0 {
            command.optionArguments -= 1
            return
        }
        if !command.optionsDone, let first = bytes.first, first == UInt8(ascii: "-"), bytes.count > 1 {
            if bytes == Array("--".utf8) {
                command.optionsDone = true
                return
            }
            let option = String(decoding: bytes, as: UTF8.self)
            if option.hasPrefix("--") {
                if !option.contains("=") && wrapper.longOptionsWithArgument.contains(option) {
                    command.optionArguments = 1
                }
                if wrapper == .env && option.hasPrefix("--split-string") { command.phase = .other }
                return
            }
            let letters = bytes.dropFirst()
            if wrapper == .command && (letters.contains(UInt8(ascii: "v")) || letters.contains(UInt8(ascii: "V"))) {
                command.phase = .other
                return
            }
            if wrapper == .env && letters.contains(UInt8(ascii: "S")) {
                command.phase = .other
                return
            }
            let withArgument = wrapper.shortOptionsWithArgument
            for (position, letter) in letters.enumerated() where withArgument.contains(letter) {
                // The argument is the rest of this word, or the next word.
                if position == letters.count - 1 { command.optionArguments = 1 }
                break
            }
            return
        }
        if wrapper == .env && bytes == [UInt8(ascii: "-")] { return }
        command.optionsDone = true
        if command.needsDuration {
            command.needsDuration = false
            return
        }
        if wrapper.takesAssignments, let assignment = makeAssignment(depth: depth, read: word) {
            command.assignments.append(assignment)
            return
        }
        name(word, depth: depth, command: &command)
    }

    // MARK: Words out

    /// Bytes of an expansion's text kept in a word (`$(…)`, `${…}`); the rest is left out.
    static let keptExpansionBytes = 256

    /// The word just read (decoded into `pool[depth]` unless plain), as a ``ShellWord``.
    mutating func makeWord(depth: Int, read word: WordRead) -> ShellWord {
        if word.isPlain, text.map == nil,
            let plain = Self.sourceWord(cursor, word.start, word.end, range: word.start..<word.end, expansions: [])
        {
            return plain
        }
        recordPlain(word, depth: depth)
        return makeWord(depth: depth, decodedFrom: 0, sourceStart: word.start, sourceEnd: word.end, read: word)
    }

    /// The word a decoded text copied unchanged from the source bytes `start..<end` (not empty) makes, spanning the
    /// local bytes `range`, built without copying the bytes first; `nil` when they are not UTF-8. Only for a text
    /// that is the file itself (local offsets are file offsets).
    static func sourceWord(
        _ cursor: ShellCursor, _ start: Int, _ end: Int, range: Range<Int>, expansions: [SourceRange]
    ) -> ShellWord? {
        guard start < end, cursor.isValidUTF8(start, end) else { return nil }
        return ShellWord(
            text: cursor.string(start, end),
            map: .contiguous(base: start, count: end - start),
            range: .bytes(range.lowerBound, range.upperBound),
            expansions: expansions
        )
    }

    /// The word ``makeWord(depth:decodedFrom:sourceStart:sourceEnd:read:)`` makes when its decoded bytes
    /// `from...` and the kept text of its expansions, in order, are consecutive bytes of the source (a word like
    /// `"$HOME/bin:$PATH"`); `nil` otherwise.
    static func contiguousWord(
        _ cursor: ShellCursor, _ scratch: WordScratch, from: Int, firstExpansion: Int, sourceStart: Int, sourceEnd: Int
    ) -> ShellWord? {
        let total = scratch.bytes.count
        var first = -1
        // The source offset where the next piece must start.
        var expected = -1
        var expansion = firstExpansion
        var position = from
        while position <= total {
            while expansion < scratch.expansionIndices.count && scratch.expansionIndices[expansion] <= position {
                let source = scratch.expansions[expansion]
                guard source.count <= Self.keptExpansionBytes, first < 0 || source.lowerBound == expected else {
                    return nil
                }
                if first < 0 { first = source.lowerBound }
                expected = source.upperBound
                expansion += 1
            }
            guard position < total else { break }
            let next =
                expansion < scratch.expansionIndices.count
                ? Swift.min(Swift.max(scratch.expansionIndices[expansion], position + 1), total) : total
            guard let start = scratch.map.stepStart(of: position..<next), first < 0 || start == expected else {
                return nil
            }
            if first < 0 { first = start }
            expected = start + (next - position)
            position = next
        }
        guard first >= 0 else { return nil }
        var expansions: [SourceRange] = []
        if firstExpansion < scratch.expansions.count {
            expansions.reserveCapacity(scratch.expansions.count - firstExpansion)
            for item in firstExpansion..<scratch.expansions.count {
                let source = scratch.expansions[item]
                expansions.append(.bytes(source.lowerBound, source.upperBound))
            }
        }
        return sourceWord(cursor, first, expected, range: sourceStart..<sourceEnd, expansions: expansions)
    }

    /// The decoded bytes `decodedFrom...` of the word just read, as a ``ShellWord`` spanning
    /// `sourceStart..<sourceEnd`.
    mutating func makeWord(depth: Int, decodedFrom: Int, sourceStart: Int, sourceEnd: Int, read word: WordRead)
        -> ShellWord
    {
        let scratch = pool[depth]
        let total = scratch.bytes.count
        let from = Swift.min(decodedFrom, total)
        let emptyPoint = Swift.max(sourceStart, Swift.min(word.contentStart, sourceEnd))
        var firstExpansion = 0
        while firstExpansion < scratch.expansionIndices.count && scratch.expansionIndices[firstExpansion] < from {
            firstExpansion += 1
        }
        // Shortcuts for a text that is the file itself: a word whose text is consecutive source bytes, and one with
        // no expansion to put back whose text is UTF-8.
        let inFile = fastPaths && text.map == nil
        if inFile,
            let contiguous = Self.contiguousWord(
                cursor, scratch, from: from, firstExpansion: firstExpansion, sourceStart: sourceStart,
                sourceEnd: sourceEnd)
        {
            return contiguous
        }
        if inFile && scratch.expansions.isEmpty && ShellCursor.isValidUTF8(scratch.bytes, from: from) {
            // The common case: no expansion to put back, offsets already in the file, text already UTF-8.
            return ShellWord(
                text: String(decoding: scratch.bytes[from...], as: UTF8.self),
                map: scratch.map.map(from: from, endOffset: from < total ? scratch.map.end(of: total - 1) : emptyPoint),
                range: text.fileRange(sourceStart, sourceEnd)
            )
        }
        // The decoded bytes with the text of expansions put back, in local offsets, in storage kept from word to
        // word (taken out of `joined` while in use, and put back).
        var local = joined.bytes
        var localMap = joined.map
        joined = WordScratch()
        local.removeAll(keepingCapacity: true)
        localMap.removeAll()
        defer {
            joined.bytes = local
            joined.map = localMap
        }
        var expansion = firstExpansion
        var kept = total - from
        for item in firstExpansion..<scratch.expansions.count {
            kept += Swift.min(scratch.expansions[item].count, Self.keptExpansionBytes)
        }
        local.reserveCapacity(kept)
        // Each expansion is one run and splits at most one run of the decoded bytes.
        localMap.reserveCapacity(scratch.map.runCount + 2 * (scratch.expansions.count - firstExpansion))
        var position = from
        while position <= total {
            while expansion < scratch.expansionIndices.count && scratch.expansionIndices[expansion] <= position {
                // An expansion's text is kept as written, but only its start: a word holding one is not statically
                // known, and an unterminated `$(` running to the end of the file must not be copied at every level.
                let source = scratch.expansions[expansion].prefix(Self.keptExpansionBytes)
                cursor.append(source.lowerBound, source.upperBound, to: &local)
                localMap.appendStep(start: source.lowerBound, count: source.count)
                expansion += 1
            }
            guard position < total else { break }
            let next =
                expansion < scratch.expansionIndices.count
                ? Swift.min(Swift.max(scratch.expansionIndices[expansion], position + 1), total) : total
            local.append(contentsOf: scratch.bytes[position..<next])
            localMap.append(contentsOf: scratch.map, range: position..<next)
            position = next
        }
        let tail = local.isEmpty ? emptyPoint : localMap.end(of: local.count - 1)
        var expansions: [SourceRange] = []
        expansions.reserveCapacity(scratch.expansions.count - firstExpansion)
        for item in firstExpansion..<scratch.expansions.count {
            expansions.append(text.fileRange(scratch.expansions[item]))
        }
        if inFile && ShellCursor.isValidUTF8(local, from: 0) {
            return ShellWord(
                text: String(decoding: local, as: UTF8.self),
                map: localMap.map(endOffset: tail),
                range: text.fileRange(sourceStart, sourceEnd),
                expansions: expansions
            )
        }
        // Offsets into the file, and U+FFFD for each byte that is not UTF-8.
        var bytes: [UInt8] = []
        var map = OffsetMap.Builder()
        bytes.reserveCapacity(local.count)
        ShellCursor.over(local) { decoded in
            var position = 0
            while position < decoded.count {
                let length = decoded.utf8SequenceLength(at: position)
                if length == 0 {
                    // Not UTF-8 (from `$'\xFF'`): U+FFFD stands for the byte, and maps to its source.
                    let start = fileStart(localMap.start(of: position))
                    let end = fileEnd(localMap.end(of: position))
                    bytes += [0xEF, 0xBF, 0xBD]
                    map.appendConstant(start: start, end: end, count: 3)
                    position += 1
                    continue
                }
                for offset in position..<(position + length) {
                    bytes.append(decoded[offset])
                    map.append(start: fileStart(localMap.start(of: offset)), end: fileEnd(localMap.end(of: offset)))
                }
                position += length
            }
        }
        return ShellWord(
            text: String(decoding: bytes, as: UTF8.self),
            map: map.map(endOffset: fileStart(tail)),
            range: text.fileRange(sourceStart, sourceEnd),
            expansions: expansions
        )
    }

    /// The local offset of the value of `word` if it is a `NAME=value` (or `NAME+=value`) assignment.
    @inline(__always)
    func assignmentValueStart(_ word: WordRead) -> Int? {
        guard word.start < word.end, isNameStart(cursor[word.start]) else { return nil }
        var position = word.start + 1
        while position < word.end && isNameByte(cursor[position]) { position += 1 }
        if position < word.end && cursor[position] == UInt8(ascii: "+") { position += 1 }
        guard position < word.end, cursor[position] == UInt8(ascii: "=") else { return nil }
        return position + 1
    }

    /// Holds the assignment word just read (decoded into `pool[depth]` unless plain) for `command`.
    mutating func hold(_ word: WordRead, depth: Int, command: inout PendingCommand) {
        if command.heldCount == 0 { command.heldFrom = heldUsed }
        if heldUsed == held.count { held.append(HeldAssignment(read: word)) }
        held[heldUsed].read = word
        // The decoded bytes change places with the slot's old scratch: nothing is copied.
        if !word.isPlain { swap(&held[heldUsed].scratch, &pool[depth]) }
        heldUsed += 1
        command.heldCount += 1
    }

    /// Builds the assignments `command` holds, now that its name is `aws` or a wrapper (the decoded name in
    /// `pool[depth]` is no longer needed: each held word is put back there in turn).
    mutating func buildHeld(_ command: inout PendingCommand, depth: Int) {
        guard command.heldCount > 0 else { return }
        for slot in command.heldFrom..<(command.heldFrom + command.heldCount) {
            let word = held[slot].read
            if !word.isPlain { swap(&held[slot].scratch, &pool[depth]) }
            if let assignment = makeAssignment(depth: depth, read: word) {
                command.assignments.append(assignment)
            }
        }
        heldUsed = command.heldFrom
        command.heldCount = 0
    }

    /// Records the assignments `command` holds as variable bindings: it ended with no command name.
    mutating func bindHeld(_ command: PendingCommand, depth: Int) {
        for slot in command.heldFrom..<(command.heldFrom + command.heldCount) {
            let word = held[slot].read
            if let name = substitutedName(word) {
                // `NAME=$(…)`: a value no script reading knows, recorded without building it.
                output.bindings.append(
                    ShellBinding(
                        name: name, kind: .other, range: text.fileRange(word.start, word.end), isExported: false,
                        scope: scopes.last ?? 0, isConditional: isConditional))
                continue
            }
            if !word.isPlain { swap(&held[slot].scratch, &pool[depth]) }
            guard let valueStart = assignmentValueStart(word),
                let assignment = makeAssignment(depth: depth, read: word)
            else { continue }
            // `NAME=(…)` is an array: its value word is empty and the `(` follows at once.
            let isArray = word.end == valueStart && cursor.peek(at: word.end) == UInt8(ascii: "(")
            let isAppend = cursor[valueStart - 2] == UInt8(ascii: "+")
            bind(assignment, plain: !isArray && !isAppend, exported: false)
        }
    }

    /// The name `word` assigns when its value holds a command substitution (`$(…)` or backquotes).
    func substitutedName(_ word: WordRead) -> String? {
        guard word.expansions > 0, let valueStart = assignmentValueStart(word) else { return nil }
        var position = valueStart
        while position < word.end {
            let byte = cursor[position]
            if byte == UInt8(ascii: "`")
                || (byte == UInt8(ascii: "$") && cursor.peek(at: position + 1) == UInt8(ascii: "("))
            {
                var nameEnd = word.start + 1
                while nameEnd < word.end && isNameByte(cursor[nameEnd]) { nameEnd += 1 }
                return cursor.string(word.start, nameEnd)
            }
            position += 1
        }
        return nil
    }

    /// Records `assignment` as a binding of its variable in the innermost scope.
    mutating func bind(_ assignment: ShellAssignment, plain: Bool, exported: Bool) {
        output.bindings.append(
            ShellBinding(
                name: assignment.name, kind: plain ? .assignment(assignment.value) : .other, range: assignment.range,
                isExported: exported, scope: scopes.last ?? 0, isConditional: isConditional))
    }

    /// Whether a statement here may not run: inside `if`, `case` or a loop, or after `&&`, `||` or `|`.
    var isConditional: Bool { conditionals > 0 || afterOperator }

    /// After the command just finished, a separator: `conditionalNext` for `&&`, `||` and `|` (the next command
    /// may not run), `subshell` for `|` and `&` (the finished one runs in a subshell, so its bindings do not
    /// reach the script).
    @inline(__always)
    mutating func separate(conditionalNext: Bool, subshell: Bool) {
        if subshell, finishedStart >= 0 {
            let from = fileStart(finishedStart)
            var binding = output.bindings.count - 1
            while binding >= 0 && output.bindings[binding].range.lowerBound.offset >= from {
                output.bindings[binding].isConditional = true
                binding -= 1
            }
        }
        afterOperator = conditionalNext
    }

    /// `bytes` if they are a variable's name.
    func variableName(_ bytes: [UInt8]) -> String? {
        guard let first = bytes.first, isNameStart(first), bytes.allSatisfy(isNameByte) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The word just read as a `NAME=value` (or `NAME+=value`) assignment, if it is one.
    mutating func makeAssignment(depth: Int, read word: WordRead) -> ShellAssignment? {
        guard let valueStart = assignmentValueStart(word) else { return nil }
        recordPlain(word, depth: depth)
        var nameEnd = word.start + 1
        while nameEnd < word.end && isNameByte(cursor[nameEnd]) { nameEnd += 1 }
        let name = cursor.string(word.start, nameEnd)
        let value = makeWord(
            depth: depth,
            decodedFrom: valueStart - word.start,
            sourceStart: valueStart,
            sourceEnd: word.end,
            read: WordRead(start: valueStart, end: word.end, contentStart: valueStart)
        )
        return ShellAssignment(name: name, value: value, range: text.fileRange(word.start, word.end))
    }
}
