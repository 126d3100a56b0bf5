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
        var output = ShellOutput()
        text.bytes.withUnsafeBufferPointer { buffer in
            var lexer = ShellLexer(buffer: buffer, text: text, maxDepth: maxDepth)
            let bytes = text.bytes
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                lexer.index = 3
            }
            _ = lexer.scanList(depth: 0, closer: .end)
            output = lexer.output
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
    var message: StaticString
    /// Local offsets of the offending bytes.
    var start: Int
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
    var depthReported = false

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

/// A command wrapper that runs the command named after its own options.
enum Wrapper {
    case sudo, env, exec, command, nohup, nice, timeout, time

    /// The wrapper whose name packs, as ``Reserved`` packs words, to `key`; `nil` for any other word. A word
    /// that ends in a NUL byte packs as the word without it, so callers compare only keys of words without one.
    init?(key: UInt64) {
        switch key {
        case Reserved.sudo: self = .sudo
        case Reserved.env: self = .env
        case Reserved.exec: self = .exec
        case Reserved.command: self = .command
        case Reserved.nohup: self = .nohup
        case Reserved.nice: self = .nice
        case Reserved.timeout: self = .timeout
        case Reserved.time: self = .time
        default: return nil
        }
    }

    /// The wrapper named `name`, if it is one.
    init?(name: [UInt8]) {
        guard name.count <= 8, name.last != 0 else { return nil }
        self.init(key: name.withUnsafeBufferPointer { $0.packed(0, $0.count) })
    }

    /// Whether `NAME=value` words after the wrapper's options set the environment of the command.
    var takesAssignments: Bool { self == .sudo || self == .env || self == .time }
}

/// Reserved words, builtins and wrappers that change how the words after them are read, packed as
/// ``ShellLexer/packed(_:_:)`` packs a word (compared only with words of their length).
enum Reserved {
    /// `word` packed; the constants below are literals so that reading them costs nothing (a test checks them).
    static func pack(_ word: StaticString) -> UInt64 {
        var value: UInt64 = 0
        for offset in (0..<word.utf8CodeUnitCount).reversed() {
            value = value << 8 | UInt64(word.utf8Start[offset])
        }
        return value
    }

    static let `if`: UInt64 = 0x6669  // "if"
    static let `do`: UInt64 = 0x6F64  // "do"
    static let fi: UInt64 = 0x6966  // "fi"
    static let `for`: UInt64 = 0x72_6F66  // "for"
    static let esac: UInt64 = 0x6361_7365  // "esac"
    static let `case`: UInt64 = 0x6573_6163  // "case"
    static let then: UInt64 = 0x6E65_6874  // "then"
    static let `else`: UInt64 = 0x6573_6C65  // "else"
    static let elif: UInt64 = 0x6669_6C65  // "elif"
    static let done: UInt64 = 0x656E_6F64  // "done"
    static let `while`: UInt64 = 0x65_6C69_6877  // "while"
    static let until: UInt64 = 0x6C_6974_6E75  // "until"
    static let export: UInt64 = 0x7472_6F70_7865  // "export"
    static let select: UInt64 = 0x7463_656C_6573  // "select"
    static let declare: UInt64 = 0x65_7261_6C63_6564  // "declare"
    static let typeset: UInt64 = 0x74_6573_6570_7974  // "typeset"
    static let function: UInt64 = 0x6E6F_6974_636E_7566  // "function"
    static let sudo: UInt64 = 0x6F64_7573  // "sudo"
    static let env: UInt64 = 0x76_6E65  // "env"
    static let aws: UInt64 = 0x73_7761  // "aws"
    static let exec: UInt64 = 0x6365_7865  // "exec"
    static let command: UInt64 = 0x64_6E61_6D6D_6F63  // "command"
    static let nohup: UInt64 = 0x70_7568_6F6E  // "nohup"
    static let timeout: UInt64 = 0x74_756F_656D_6974  // "timeout"
    static let time: UInt64 = 0x656D_6974  // "time"
    static let nice: UInt64 = 0x6563_696E  // "nice"
    static let local: UInt64 = 0x6C_6163_6F6C  // "local"
    static let readonly: UInt64 = 0x796C_6E6F_6461_6572  // "readonly"
    static let bang: UInt64 = 0x21  // "!"
    static let openBrace: UInt64 = 0x7B  // "{"
    static let closeBrace: UInt64 = 0x7D  // "}"
}

/// A plain word at a command start that changes how the scan goes on: the one place that names them.
enum StartWord: Equatable {
    /// `!`, `then`, `else`, `elif`, `do`: they only separate commands.
    case separator
    /// `{` and `}`: a group, or a function's body, opens or closes a scope.
    case openGroup, closeGroup
    /// `if`, `while`, `until`: what follows may not run; `fi`, `done` close them.
    case openConditional, closeConditional
    /// `for`, `select`: a loop whose header words (its variable among them) are stepped over.
    case loop
    /// `case`, up to `in`; `esac` closes it.
    case `case`, esac
    /// `function`: the function's name follows.
    case function
    /// `export`, `readonly`, `local`, `declare`, `typeset`: the words after it set variables.
    case declaration(exported: Bool)
    /// `aws` itself.
    case aws
    /// A command wrapper.
    case wrapper(Wrapper)

    /// The start word whose bytes pack, as ``Reserved`` packs words, to `key`; `nil` for any other word. A word
    /// that ends in a NUL byte packs as the word without it, so callers pass only keys of words without one.
    @inline(__always)
    init?(key: UInt64) {
        switch key {
        case Reserved.bang, Reserved.then, Reserved.else, Reserved.elif, Reserved.do: self = .separator
        case Reserved.openBrace: self = .openGroup
        case Reserved.closeBrace: self = .closeGroup
        case Reserved.if, Reserved.while, Reserved.until: self = .openConditional
        case Reserved.fi, Reserved.done: self = .closeConditional
        case Reserved.for, Reserved.select: self = .loop
        case Reserved.case: self = .case
        case Reserved.esac: self = .esac
        case Reserved.function: self = .function
        case Reserved.export: self = .declaration(exported: true)
        case Reserved.readonly, Reserved.local, Reserved.declare, Reserved.typeset:
            self = .declaration(exported: false)
        case Reserved.aws: self = .aws
        default:
            guard let wrapper = Wrapper(key: key) else { return nil }
            self = .wrapper(wrapper)
        }
    }
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
    var phase = CommandPhase.start
    /// Local offset of the command's first token, or -1.
    var start = -1
    /// Local offset just past the command's last token.
    var end = -1
    var assignments: [ShellAssignment] = []
    /// Assignments before the command name, held undecoded in ``ShellLexer/held`` from `heldFrom` on: most
    /// commands are not `aws`, so their assignments are never built.
    var heldCount = 0
    var heldFrom = 0
    var words: [ShellWord] = []
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

    mutating func note(_ start: Int, _ end: Int) {
        if self.start < 0 { self.start = start }
        self.end = Swift.max(self.end, end)
    }
}

/// An assignment word before a command name, kept until the command turns out to be `aws`.
struct HeldAssignment {
    var read: WordRead
    /// The decoded word, unless it is plain (then its source bytes are its text).
    var scratch = WordScratch()
}

/// The scanner's state over one text: the bytes, the position, and what was found so far.
struct ShellLexer {
    let buffer: UnsafeBufferPointer<UInt8>
    let count: Int
    let text: SourceText
    let maxDepth: Int
    /// The local offset of the next byte to read.
    var index = 0
    /// Per nesting level, the scratch of the word being decoded there.
    var pool: [WordScratch] = []
    var heredocs: [PendingHeredoc] = []
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

    /// A lexer over `buffer`, the bytes of `text`, inside `scopes` (a substitution scanned as a text of its own
    /// passes its own scope last).
    init(buffer: UnsafeBufferPointer<UInt8>, text: SourceText, maxDepth: Int, scopes: [Int] = [0]) {
        self.buffer = buffer
        self.count = buffer.count
        self.text = text
        self.maxDepth = maxDepth
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

    @inline(__always)
    func peek(_ offset: Int) -> UInt8 {
        offset < count ? buffer[offset] : 0
    }

    /// Whether the source bytes `start..<end` spell `word`.
    @inline(__always)
    func raw(_ start: Int, _ end: Int, equals word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<(end - start) where buffer[start + offset] != pointer[offset] {
            return false
        }
        return true
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
            range: text.fileRange(fault.start, Swift.min(fault.end, count))
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
        while index < count {
            let byte = buffer[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: "\\") && peek(index + 1) == UInt8(ascii: "\n") {
                index += 2
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
            enterScope(at: index - 1)
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
            guard index < count else {
                finish(&command, depth: depth)
                return closer == .end
            }
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") {
                if case .caseHeader = command.phase {
                    index += 1
                } else {
                    finish(&command, depth: depth)
                    index += 1
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
                    index += 1
                case UInt8(ascii: ")"):
                    index += 1
                    inPattern = false
                default:
                    let start = index
                    let word = readPlainWord() ?? readWord(depth: depth, record: false)
                    if !word.quoted && raw(word.start, word.end, equals: "esac") {
                        closeCase(&cases, inPattern: &inPattern)
                    }
                    if index == start { index += 1 }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ";"):
                finish(&command, depth: depth)
                let next = peek(index + 1)
                if next == UInt8(ascii: ";") {
                    index += peek(index + 2) == UInt8(ascii: "&") ? 3 : 2
                    if cases > 0 { inPattern = true }
                } else if next == UInt8(ascii: "&") {
                    index += 2
                    if cases > 0 { inPattern = true }
                } else {
                    index += 1
                }
            case UInt8(ascii: "&"):
                let next = peek(index + 1)
                if next == UInt8(ascii: ">") {
                    readRedirection(&command, depth: depth, operatorStart: index)
                } else {
                    finish(&command, depth: depth)
                    separate(conditionalNext: next == UInt8(ascii: "&"), subshell: next != UInt8(ascii: "&"))
                    index += next == UInt8(ascii: "&") ? 2 : 1
                }
            case UInt8(ascii: "|"):
                finish(&command, depth: depth)
                let next = peek(index + 1)
                separate(conditionalNext: true, subshell: next != UInt8(ascii: "|"))
                index += next == UInt8(ascii: "|") || next == UInt8(ascii: "&") ? 2 : 1
            case UInt8(ascii: "("):
                var atStart = command.start < 0
                if case .start = command.phase {} else { atStart = false }
                finish(&command, depth: depth)
                if atStart && peek(index + 1) == UInt8(ascii: "(") {
                    // `(( … ))`: an arithmetic command, no commands inside but substitutions.
                    let open = index
                    index += 2
                    if !readArithmetic(depth: depth + 1, open: open) {
                        index = Swift.min(index, count)
                    }
                } else {
                    parens += 1
                    enterScope(at: index)
                    index += 1
                }
            case UInt8(ascii: ")"):
                finish(&command, depth: depth)
                index += 1
                if parens > 0 {
                    parens -= 1
                    leaveScope()
                } else if closer == .paren {
                    return true
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                if peek(index + 1) == UInt8(ascii: "(") {
                    readCommandWord(&command, depth: depth, cases: &cases, inPattern: &inPattern)
                } else {
                    readRedirection(&command, depth: depth, operatorStart: index)
                }
            default:
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
                readCommandWord(&command, depth: depth, cases: &cases, inPattern: &inPattern)
            }
        }
    }

    /// Steps over what follows in ordinary commands, the commands that are not read: blanks, the words that
    /// ``skipCommandName(_:)`` and ``Swift/UnsafeBufferPointer/simpleWordEnd(from:braces:)`` step over, and the separators `;`, `&`, `|`, `&&`, `||`,
    /// `|&` and newlines (with no here-document pending) between them. Stops at the start of anything else (a
    /// comment, redirection, parenthesis, `;;`, a word with an escape or substitution, a command that is read), which
    /// the main loop of ``scanList(depth:closer:)`` reads.
    mutating func skipOrdinary(_ command: inout PendingCommand, depth: Int) {
        while index < count {
            let byte = buffer[index]
            if !isWordSpecial(byte) {
                // A plain word, unless a comment starts here.
                guard byte != UInt8(ascii: "#"), let end = buffer.plainWordEnd(from: index) else { return }
                switch command.phase {
                case .other:
                    break
                case .start:
                    guard Self.isOrdinaryName(buffer, index, end, &command) else { return }
                default:
                    return
                }
                index = end
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: ";"):
                let next = peek(index + 1)
                guard next != UInt8(ascii: ";") && next != UInt8(ascii: "&") else { return }
                finish(&command, depth: depth)
                index += 1
            case UInt8(ascii: "|"):
                let next = peek(index + 1)
                finish(&command, depth: depth)
                separate(conditionalNext: true, subshell: next != UInt8(ascii: "|"))
                index += next == UInt8(ascii: "|") || next == UInt8(ascii: "&") ? 2 : 1
            case UInt8(ascii: "&"):
                let next = peek(index + 1)
                guard next != UInt8(ascii: ">") else { return }
                finish(&command, depth: depth)
                separate(conditionalNext: next == UInt8(ascii: "&"), subshell: next != UInt8(ascii: "&"))
                index += next == UInt8(ascii: "&") ? 2 : 1
            case UInt8(ascii: "\n"):
                // A newline does not end a `case` header.
                if case .caseHeader = command.phase { return }
                guard heredocs.isEmpty else { return }
                finish(&command, depth: depth)
                index += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "$"):
                guard case .other = command.phase, skipQuotedArgument(&command, depth: depth) else { return }
            default:
                return
            }
        }
    }

    /// Steps over a plain word at `index` among the arguments of a command that is not read (most words of a
    /// script). Returns `false`, the offset unchanged, when the word needs ``readCommandWord(_:depth:cases:inPattern:)``:
    /// it has a quote, escape or expansion, or it may be an IO number (a redirection follows).
    @inline(__always)
    mutating func skipPlainArgument(_ command: inout PendingCommand) -> Bool {
        let start = index
        var end = start
        while end < count && !isWordSpecial(buffer[end]) { end += 1 }
        guard end > start else { return false }
        if end < count {
            switch buffer[end] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
                UInt8(ascii: "|"), UInt8(ascii: ")"):
                break
            default:
                return false
            }
        }
        index = end
        command.note(start, end)
        return true
    }

    /// Steps over a plain word at `index` where a command can start, when one read of its bytes shows that it
    /// needs nothing more: a reserved word that only separates commands (`if`, `then`, `do`, `{`, …), or the name
    /// of a command that is not read (neither `aws`, a wrapper, `export`/`declare`, nor an assignment). Returns
    /// `false`, the offset unchanged, for every other word (``readCommandWord(_:depth:cases:inPattern:)`` reads it).
    @inline(__always)
    mutating func skipCommandName(_ command: inout PendingCommand) -> Bool {
        guard !isWordSpecial(buffer[index]), let end = buffer.plainWordEnd(from: index),
            Self.isOrdinaryName(buffer, index, end, &command)
        else { return false }
        index = end
        return true
    }

    /// Decides the plain word `start..<end` of `buffer` at a command start from one read of its bytes: `true` for a
    /// reserved word that only separates commands (`!`, `then`, `else`, `elif`, `do`; the command stays unstarted)
    /// and for the name of a command that is not read (the command becomes ``CommandPhase/other``); `false`, the
    /// command unchanged, for every word that ``startsOver(at:command:cases:inPattern:)`` or
    /// ``name(_:depth:command:)`` must see: a word that opens or closes a scope or a conditional (`{`, `}`, `if`,
    /// `fi`, `case`, `esac`, loops), sets the phase of the words after it (`function`, a declaration), `aws`, a
    /// wrapper, or an assignment.
    @inline(__always)
    static func isOrdinaryName(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ command: inout PendingCommand
    ) -> Bool {
        let length = end - start
        if length <= 8 {
            // One read: the bytes as an integer (compared only with words of the same length).
            let key = buffer.packed(start, end)
            // A `=` byte: maybe an assignment.
            let equals = key ^ 0x3D3D_3D3D_3D3D_3D3D
            if (equals &- 0x0101_0101_0101_0101) & ~equals & 0x8080_8080_8080_8080 != 0 { return false }
            if buffer[end - 1] != 0, let word = StartWord(key: key) {
                switch word {
                case .aws, .wrapper: return false
                case .separator where command.start < 0 && command.heldCount == 0: return true
                default:
                    // At a command start, the general path reads it; after an assignment it is a command name.
                    if command.start < 0 && command.heldCount == 0 { return false }
                }
            }
        } else {
            var position = start
            while position < end && buffer[position] != UInt8(ascii: "=") { position += 1 }
            if position < end { return false }
        }
        // `…/aws`.
        if length >= 4 && buffer[end - 1] == UInt8(ascii: "s") && buffer[end - 2] == UInt8(ascii: "w")
            && buffer[end - 3] == UInt8(ascii: "a") && buffer[end - 4] == UInt8(ascii: "/")
        {
            return false
        }
        command.phase = .other
        return true
    }

    /// Reads a declared `NAME=value` (or `NAME+=value`) word at `index` whose value's text sits unchanged in the
    /// source: plain bytes and `$NAME` parameters, or one `"…"` of those, or one `'…'`. Returns `false`, the offset
    /// unchanged, for any other word (``readCommandWord(_:depth:cases:inPattern:)`` decodes it).
    mutating func readSimpleDeclaration(_ command: inout PendingCommand, exported: Bool, flagged: Bool) -> Bool {
        let start = index
        guard text.map == nil, isNameStart(buffer[start]) else { return false }
        var nameEnd = start + 1
        while nameEnd < count && isNameByte(buffer[nameEnd]) { nameEnd += 1 }
        var valueStart = nameEnd
        if valueStart < count && buffer[valueStart] == UInt8(ascii: "+") { valueStart += 1 }
        guard valueStart < count, buffer[valueStart] == UInt8(ascii: "=") else { return false }
        valueStart += 1
        guard let (value, end) = Self.sourceTextWord(buffer, at: valueStart) else { return false }
        index = end
        command.note(start, end)
        bind(
            ShellAssignment(
                name: String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<nameEnd]), as: UTF8.self),
                value: value,
                range: .bytes(start, end)
            ),
            plain: !flagged && valueStart == nameEnd + 1,
            exported: exported
        )
        return true
    }

    /// Reads a word of an `aws` command at `index` that starts with a quote or `$` and whose text sits unchanged in
    /// the source (as ``sourceTextWord(_:at:)`` reads it). Returns `false`, the offset unchanged, for any other word.
    mutating func readSimpleAWSWord(_ command: inout PendingCommand) -> Bool {
        let first = buffer[index]
        guard text.map == nil,
            first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "$"),
            let (word, end) = Self.sourceTextWord(buffer, at: index)
        else { return false }
        command.note(index, end)
        command.words.append(word)
        index = end
        return true
    }

    /// The word at `start` in `buffer`, and the offset just past it, when its text sits unchanged there: plain bytes
    /// and `$NAME` or `$1`-like parameters, or one `"…"` of those, or one `'…'`, ending where the word reader would
    /// end it; `nil` for any other word (or an empty text). The word is what
    /// ``makeWord(depth:decodedFrom:sourceStart:sourceEnd:read:)`` makes of it, for a text that is the file itself.
    static func sourceTextWord(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (word: ShellWord, end: Int)? {
        let count = buffer.count
        // The text, `textStart..<textEnd`: the bytes inside one quote, or the whole word when it has none.
        var textStart = start
        var textEnd = start
        var dollars = 0
        let first = start < count ? buffer[start] : 0
        if first == UInt8(ascii: "'") {
            guard let close = buffer.singleQuoteClose(after: start) else { return nil }
            textStart += 1
            textEnd = close
        } else {
            let quoted = first == UInt8(ascii: "\"")
            if quoted { textStart += 1 }
            var position = textStart
            scan: while position < count {
                let byte = buffer[position]
                if !(quoted ? isDoubleQuoteSpecial(byte) : isWordSpecial(byte)) {
                    position += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "$"):
                    // A parameter's text is kept whole only up to its length limit.
                    guard let next = buffer.parameterEnd(at: position), next - position <= Self.keptExpansionBytes
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
            if quoted && position == count { return nil }
            textEnd = position
        }
        let end = textEnd + (textStart > start ? 1 : 0)
        if end < count {
            switch buffer[end] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
                UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                break
            default:
                return nil
            }
        }
        guard textStart < textEnd else { return nil }
        var expansions: [SourceRange] = []
        if dollars > 0 {
            expansions.reserveCapacity(dollars)
            var position = textStart
            while position < textEnd {
                if buffer[position] == UInt8(ascii: "$"), let next = buffer.parameterEnd(at: position) {
                    expansions.append(.bytes(position, next))
                    position = next
                } else {
                    position += 1
                }
            }
        }
        guard let word = Self.sourceWord(buffer, textStart, textEnd, range: start..<end, expansions: expansions) else {
            return nil
        }
        return (word, end)
    }

    /// Steps over a word at `index` that starts with a quote or `$` among the arguments of a command that is not
    /// read, scanning its substitutions for commands. Returns `false`, the offset unchanged, for any other word.
    ///
    /// Such a word is never an IO number, and a fault in it is never reported (only `aws` commands report theirs).
    @inline(__always)
    mutating func skipQuotedArgument(_ command: inout PendingCommand, depth: Int) -> Bool {
        let first = buffer[index]
        guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "$") else {
            return false
        }
        if let end = buffer.simpleWordEnd(from: index, braces: depth < maxDepth) {
            command.note(index, end)
            index = end
            return true
        }
        let word = readWord(depth: depth, record: false)
        command.note(word.start, word.end)
        return true
    }

    /// Records the comment at `index` (a `#` at a token start) and moves to its end (the newline stays).
    mutating func readComment() {
        let start = index
        var end = count
        let remaining = count - start
        if let base = buffer.baseAddress,
            let found = memoryChar(base + start, UInt8(ascii: "\n"), remaining)
        {
            end = start + found
        }
        index = end
        var last = end
        if last > start + 1 && buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        output.comments.append(text.fileRange(start, last))
    }

    /// Skips the bodies of the here-documents opened on the line just ended; in the body of one whose delimiter
    /// is unquoted, the command substitutions are scanned, since the shell runs them.
    mutating func readHeredocBodies(depth: Int) {
        guard !heredocs.isEmpty else { return }
        let pending = heredocs
        heredocs.removeAll()
        for heredoc in pending {
            let bodyStart = index
            while index < count {
                let lineStart = index
                var lineEnd = count
                if let base = buffer.baseAddress,
                    let found = memoryChar(base + lineStart, UInt8(ascii: "\n"), count - lineStart)
                {
                    lineEnd = lineStart + found
                }
                index = Swift.min(lineEnd + 1, count)
                var start = lineStart
                if heredoc.stripsTabs {
                    while start < lineEnd && buffer[start] == UInt8(ascii: "\t") { start += 1 }
                }
                let end = lineEnd
                if end - start == heredoc.delimiter.count
                    && heredoc.delimiter.indices.allSatisfy({ buffer[start + $0] == heredoc.delimiter[$0] })
                {
                    if heredoc.expands { scanHeredocExpansions(bodyStart, lineStart, depth: depth) }
                    break
                }
                if index >= count && heredoc.expands { scanHeredocExpansions(bodyStart, count, depth: depth) }
            }
        }
    }

    /// Scans the substitutions (`$(…)`, `${…}`, `$((…))`, backquotes) in the expanded here-document body
    /// `from..<to`, as inside double quotes. The body is scanned as a text of its own, mapped into the file, so that
    /// a substitution left open in it (a lone backquote in prose) ends with the body, as in the shell.
    mutating func scanHeredocExpansions(_ from: Int, _ to: Int, depth: Int) {
        guard (from..<to).contains(where: { buffer[$0] == UInt8(ascii: "$") || buffer[$0] == UInt8(ascii: "`") })
        else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from)
        var map = OffsetMap.Builder()
        for position in from..<to {
            bytes.append(buffer[position])
            map.append(start: fileStart(position), end: fileEnd(position + 1))
        }
        let inner = SourceText(bytes: bytes, path: text.path, map: map.map(endOffset: fileStart(to)))
        let reported = output.depthReported
        let innerScopes = scopes + [-(fileStart(from) + 1)]
        let found = inner.bytes.withUnsafeBufferPointer { buffer in
            var lexer = ShellLexer(buffer: buffer, text: inner, maxDepth: maxDepth, scopes: innerScopes)
            lexer.output.depthReported = reported
            lexer.scanExpandedText(depth: depth)
            return lexer.output
        }
        output.merge(found)
    }

    /// Scans the whole text as the body of an expanded here-document: only its substitutions hold commands.
    mutating func scanExpandedText(depth: Int) {
        index = 0
        while index < count {
            switch buffer[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "$"): readDollar(depth: depth, record: false, inDouble: true)
            case UInt8(ascii: "`"): readBackquote(depth: depth, record: false, inDouble: true)
            default: index += 1
            }
        }
    }

    /// Reads a redirection operator at `index` (after an optional IO number) and its target word.
    mutating func readRedirection(_ command: inout PendingCommand, depth: Int, operatorStart: Int) {
        let first = buffer[index]
        let next = peek(index + 1)
        var heredoc = false
        var stripsTabs = false
        if first == UInt8(ascii: "&") {
            index += peek(index + 2) == UInt8(ascii: ">") ? 3 : 2
        } else if first == UInt8(ascii: "<") && next == UInt8(ascii: "<") {
            let third = peek(index + 2)
            if third == UInt8(ascii: "<") {
                index += 3
            } else if third == UInt8(ascii: "-") {
                index += 3
                heredoc = true
                stripsTabs = true
            } else {
                index += 2
                heredoc = true
            }
        } else if next == UInt8(ascii: ">") || next == UInt8(ascii: "&") || next == UInt8(ascii: "|")
            || (first == UInt8(ascii: "<") && next == UInt8(ascii: ">"))
        {
            index += 2
        } else {
            index += 1
        }
        command.note(operatorStart, index)
        skipBlanks()
        guard index < count else { return }
        let target = buffer[index]
        if isWordSpecial(target) && target != UInt8(ascii: "\"") && target != UInt8(ascii: "'")
            && target != UInt8(ascii: "$") && target != UInt8(ascii: "\\") && target != UInt8(ascii: "`")
        {
            return
        }
        if !heredoc, let end = buffer.simpleWordEnd(from: index, braces: depth < maxDepth) {
            command.note(index, end)
            index = end
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
        let words =
            command.words.count == command.words.capacity
            ? command.words : command.words.withUnsafeBufferPointer(Array.init)
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
        let word = readPlainWord() ?? readWord(depth: depth, record: record)
        if index == word.start {
            // Nothing could be read (a stray byte): step over it.
            index += 1
            return
        }
        // An IO number: `2>&1`, `3<file`.
        if !word.quoted, index < count, buffer[index] == UInt8(ascii: ">") || buffer[index] == UInt8(ascii: "<"),
            (word.start..<word.end).allSatisfy({ buffer[$0] >= UInt8(ascii: "0") && buffer[$0] <= UInt8(ascii: "9") })
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
            if !word.quoted && raw(word.start, word.end, equals: "in") {
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
                bind(assignment, plain: !flagged && buffer[valueStart - 2] != UInt8(ascii: "+"), exported: exported)
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
        // A last byte that is not NUL makes the packed value tell the length too.
        guard end - start <= 8, end > start, buffer[end - 1] != 0, let reserved = StartWord(key: packed(start, end))
        else { return false }
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
        case .aws, .wrapper:
            return false
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

    /// The source bytes `start..<end` (at most 8) as a little-endian integer, to compare with ``Reserved`` words of
    /// the same length.
    @inline(__always)
    func packed(_ start: Int, _ end: Int) -> UInt64 {
        buffer.packed(start, end)
    }

    /// Classifies the command name `word`: `aws`, a wrapper, or another command.
    mutating func name(_ word: WordRead, depth: Int, command: inout PendingCommand) {
        if word.isPlain {
            // Most names are neither `aws` nor a wrapper: decide on the source bytes before copying them.
            let length = word.end - word.start
            let isAWSName =
                length >= 3 && buffer[word.end - 1] == UInt8(ascii: "s") && buffer[word.end - 2] == UInt8(ascii: "w")
                && buffer[word.end - 3] == UInt8(ascii: "a")
            if !isAWSName {
                let key = length <= 7 && buffer[word.end - 1] != 0 ? packed(word.start, word.end) : 0
                guard Wrapper(key: key) != nil else {
                    command.phase = .other
                    return
                }
            }
            recordPlain(word, depth: depth)
        }
        let bytes = pool[depth].bytes
        if isAWS(bytes) && word.expansions == 0 {
            command.phase = .aws
            command.words.append(makeWord(depth: depth, read: word))
            buildHeld(&command, depth: depth)
        } else if word.expansions == 0, let wrapper = Wrapper(name: bytes) {
            command.phase = .wrapper(wrapper)
            buildHeld(&command, depth: depth)
            command.optionArguments = 0
            command.optionsDone = false
            command.needsDuration = wrapper == .timeout
        } else {
            command.phase = .other
        }
    }

    /// Whether `bytes[from...]` is valid UTF-8.
    func isValidUTF8(_ bytes: [UInt8], from: Int) -> Bool {
        bytes.withUnsafeBufferPointer { WMLintSyntax.isValidUTF8(UnsafeBufferPointer(rebasing: $0[from...])) }
    }

    @inline(__always)
    func isAWS(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        guard count >= 3, bytes[count - 3] == UInt8(ascii: "a"), bytes[count - 2] == UInt8(ascii: "w"),
            bytes[count - 1] == UInt8(ascii: "s")
        else { return false }
        return count == 3 || bytes[count - 4] == UInt8(ascii: "/")
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
                if !option.contains("=") && wrapperLongOptionsWithArgument(wrapper).contains(option) {
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
            let withArgument = wrapperShortOptionsWithArgument(wrapper)
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

    func wrapperShortOptionsWithArgument(_ wrapper: Wrapper) -> [UInt8] {
        switch wrapper {
        case .sudo: Array("ugCDprtUTR".utf8)
        case .env: Array("uC".utf8)
        case .exec: Array("a".utf8)
        case .timeout: Array("sk".utf8)
        case .nice: Array("n".utf8)
        case .command, .nohup, .time: []
        }
    }

    func wrapperLongOptionsWithArgument(_ wrapper: Wrapper) -> [String] {
        switch wrapper {
        case .sudo:
            [
                "--user", "--group", "--close-from", "--chdir", "--prompt", "--role", "--type", "--other-user",
                "--command-timeout", "--chroot", "--host",
            ]
        case .env: ["--unset", "--chdir"]
        case .timeout: ["--signal", "--kill-after"]
        case .nice: ["--adjustment"]
        case .exec, .command, .nohup, .time: []
        }
    }

    // MARK: Words out

    /// The word just read into `pool[depth]`, as a ``ShellWord``.
    /// Bytes of an expansion's text kept in a word (`$(…)`, `${…}`); the rest is left out.
    static let keptExpansionBytes = 256

    mutating func makeWord(depth: Int, read word: WordRead) -> ShellWord {
        if word.isPlain, text.map == nil,
            let plain = Self.sourceWord(buffer, word.start, word.end, range: word.start..<word.end, expansions: [])
        {
            return plain
        }
        recordPlain(word, depth: depth)
        return makeWord(depth: depth, decodedFrom: 0, sourceStart: word.start, sourceEnd: word.end, read: word)
    }

    /// The bytes `start..<end` of `buffer` (not empty) as the text of a word spanning the local bytes `range`, when
    /// they are UTF-8; `nil` otherwise. Only for a text that is the file itself (offsets in the file).
    ///
    /// The word a decoded text copied unchanged from `start..<end` makes, built without copying it first.
    static func sourceWord(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, range: Range<Int>, expansions: [SourceRange]
    ) -> ShellWord? {
        guard start < end else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
        guard WMLintSyntax.isValidUTF8(bytes) else { return nil }
        return ShellWord(
            text: String(decoding: bytes, as: UTF8.self),
            map: .contiguous(base: start, count: end - start),
            range: .bytes(range.lowerBound, range.upperBound),
            expansions: expansions
        )
    }

    /// The word ``makeWord(depth:decodedFrom:sourceStart:sourceEnd:read:)`` makes when its decoded bytes
    /// `from...` and the kept text of its expansions, in order, are consecutive bytes of the source (a word like
    /// `"$HOME/bin:$PATH"`); `nil` otherwise.
    static func contiguousWord(
        _ scratch: WordScratch, buffer: UnsafeBufferPointer<UInt8>, from: Int, firstExpansion: Int, sourceStart: Int,
        sourceEnd: Int
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
            for index in firstExpansion..<scratch.expansions.count {
                let source = scratch.expansions[index]
                expansions.append(.bytes(source.lowerBound, source.upperBound))
            }
        }
        return sourceWord(buffer, first, expected, range: sourceStart..<sourceEnd, expansions: expansions)
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
        if text.map == nil,
            let contiguous = Self.contiguousWord(
                scratch, buffer: buffer, from: from, firstExpansion: firstExpansion, sourceStart: sourceStart,
                sourceEnd: sourceEnd)
        {
            return contiguous
        }
        if scratch.expansions.isEmpty && text.map == nil && isValidUTF8(scratch.bytes, from: from) {
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
        for index in firstExpansion..<scratch.expansions.count {
            kept += Swift.min(scratch.expansions[index].count, Self.keptExpansionBytes)
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
                local.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[source]))
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
        for index in firstExpansion..<scratch.expansions.count {
            expansions.append(text.fileRange(scratch.expansions[index]))
        }
        if text.map == nil && isValidUTF8(local, from: 0) {
            return ShellWord(
                text: String(decoding: local, as: UTF8.self),
                map: localMap.map(endOffset: tail),
                range: text.fileRange(sourceStart, sourceEnd),
                expansions: expansions
            )
        }
        var bytes: [UInt8] = []
        var map = OffsetMap.Builder()
        bytes.reserveCapacity(local.count)
        position = 0
        while position < local.count {
            let length = utf8SequenceLength(local, at: position)
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
                bytes.append(local[offset])
                map.append(start: fileStart(localMap.start(of: offset)), end: fileEnd(localMap.end(of: offset)))
            }
            position += length
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
        guard word.start < word.end, isNameStart(buffer[word.start]) else { return nil }
        var position = word.start + 1
        while position < word.end && isNameByte(buffer[position]) { position += 1 }
        if position < word.end && buffer[position] == UInt8(ascii: "+") { position += 1 }
        guard position < word.end, buffer[position] == UInt8(ascii: "=") else { return nil }
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
            let isArray = word.end == valueStart && peek(word.end) == UInt8(ascii: "(")
            let isAppend = buffer[valueStart - 2] == UInt8(ascii: "+")
            bind(assignment, plain: !isArray && !isAppend, exported: false)
        }
    }

    /// The name `word` assigns when its value holds a command substitution (`$(…)` or backquotes).
    func substitutedName(_ word: WordRead) -> String? {
        guard word.expansions > 0, let valueStart = assignmentValueStart(word) else { return nil }
        var position = valueStart
        while position < word.end {
            let byte = buffer[position]
            if byte == UInt8(ascii: "`") || (byte == UInt8(ascii: "$") && peek(position + 1) == UInt8(ascii: "(")) {
                var nameEnd = word.start + 1
                while nameEnd < word.end && isNameByte(buffer[nameEnd]) { nameEnd += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[word.start..<nameEnd]), as: UTF8.self)
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
            var index = output.bindings.count - 1
            while index >= 0 && output.bindings[index].range.lowerBound.offset >= from {
                output.bindings[index].isConditional = true
                index -= 1
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
        while nameEnd < word.end && isNameByte(buffer[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[word.start..<nameEnd]), as: UTF8.self)
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

/// Steps over simple words in the bytes of a script (local offsets).
extension UnsafeBufferPointer where Element == UInt8 {
    /// The local offset just past the plain word at `start` (not empty: `self[start]` is not special) when it ends
    /// at a blank, newline, `;`, `&`, `|`, `)` or the end of the text; `nil` when more follows (a quote, escape,
    /// expansion, `(`, or `<`/`>`, which may make it an IO number).
    @inline(__always)
    func plainWordEnd(from start: Int) -> Int? {
        var end = start + 1
        while end < count && !isWordSpecial(self[end]) { end += 1 }
        guard end < count else { return end }
        switch self[end] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: ")"):
            return end
        default:
            return nil
        }
    }

    /// The bytes `start..<end` (at most 8) as a little-endian integer, to compare with ``Reserved`` words of the
    /// same length.
    @inline(__always)
    func packed(_ start: Int, _ end: Int) -> UInt64 {
        let length = end - start
        if start + 8 <= count, let base = baseAddress {
            // One unaligned load (little-endian), the bytes past the word masked off.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            guard length < 8 else { return word }
            guard length > 0 else { return 0 }
            // Shifted up and back down: the bytes past the word become zero.
            let shift = UInt64(truncatingIfNeeded: 64 &- length &* 8)
            return (word &<< shift) &>> shift
        }
        var value: UInt64 = 0
        var offset = end
        while offset > start {
            offset -= 1
            value = value << 8 | UInt64(self[offset])
        }
        return value
    }

    /// The local offset just past the word at `start` if it is made only of plain bytes, `'…'`, `$'…'`, `"…"`
    /// without escapes or substitutions, and `$NAME` or `$1`-like parameters (in double quotes or not), and ends
    /// at a blank, newline, operator or the end of the text; `nil` for any other word. With `braces`, `${…}`
    /// without quotes, escapes or expansions inside is stepped over too.
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
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
                UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                return position > start ? position : nil
            default:
                // A backslash, backquote or `(`.
                return nil
            }
        }
        return position > start ? position : nil
    }

    /// The local offset of the `'` closing the single quote opened at `open`, or `nil`.
    @inline(__always)
    func singleQuoteClose(after open: Int) -> Int? {
        let from = open + 1
        guard from < count, let base = baseAddress,
            let found = memoryChar(base + from, UInt8(ascii: "'"), count - from)
        else { return nil }
        return from + found
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
