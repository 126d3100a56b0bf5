public import WMLintSource
public import WMLintSyntax

/// Reads the words of an `aws …` command as the AWS CLI's argument parsers read them.
public enum InvocationParser {
    /// What `command` runs: the operation (read in full), another named operation, or nothing known (its service
    /// or operation, or a word before them, is known only at run time).
    public static func read(_ command: ShellCommand, path: String) -> ParsedCommand {
        var reader = Reader(words: command.words, path: path)
        guard reader.readNames() else { return .unknown }
        // `aws … OPERATION help` prints the operation's help: nothing is sent.
        let isHelp =
            reader.index == command.words.count - 1 && command.words[reader.index].isStatic
            && command.words[reader.index].text == "help"
        let (service, operation) = (command.words[reader.positionals[0]], command.words[reader.positionals[1]])
        let sibling =
            service.text == OperationModel.service && operation.text != OperationModel.operation
            ? OperationShape.named(operation.text) : nil
        if !isHelp, let sibling {
            reader.operation = sibling
            reader.readOptions()
            reader.checkQuery()
            return .invocation(reader.invocation(of: command, operationRange: operation.range))
        }
        guard let operationRange = reader.matchOperation(), !isHelp else {
            return .other(
                NamedOperation(service: service.text, operation: operation.text, range: operation.range, isHelp: isHelp)
            )
        }
        reader.readOptions()
        reader.checkQuery()
        return .invocation(reader.invocation(of: command, operationRange: operationRange))
    }

    /// The invocation of `put-identity-provider-configuration`, or `nil` when `command` is another AWS CLI command
    /// (or its service and operation are not statically known).
    public static func parse(_ command: ShellCommand, path: String) -> Invocation? {
        guard case .invocation(let invocation) = read(command, path: path),
            invocation.operation.isPutIdentityProviderConfiguration
        else { return nil }
        return invocation
    }
}

/// What an `aws …` command runs, as ``InvocationParser/read(_:path:)`` finds it.
public enum ParsedCommand: Sendable {
    /// A covered WorkMail operation (``OperationShape/all``), read in full; for
    /// `put-identity-provider-configuration`, also a command plainly meant to be it.
    case invocation(Invocation)
    case other(NamedOperation)
    case unknown
}

/// The service and operation a command names, read past the global options before them.
public struct NamedOperation: Sendable, Hashable {
    public var service: String
    public var operation: String
    /// The operation name's place in the file.
    public var range: SourceRange
    /// Whether the command asks for the operation's help (`… OPERATION help`), which sends nothing.
    public var isHelp: Bool
}

private struct Reader {
    let words: [ShellWord]
    let path: String
    var index = 1
    var options: [ParsedOption] = []
    var findings: [OptionFinding] = []
    var nearlyNamed: Set<String> = []
    var hasUnknownWords = false
    /// The indices of the words standing where the service and operation names go.
    var positionals: [Int] = []
    /// The operation whose options are read, when not `put-identity-provider-configuration`.
    var operation: OperationShape? {
        didSet { operationOptions = operation?.options ?? CommandOptions.operation }
    }
    private(set) var operationOptions = CommandOptions.operation

    init(words: [ShellWord], path: String) {
        self.words = words
        self.path = path
        // At most one option per word: one allocation, no regrowth.
        options.reserveCapacity(words.count)
        positionals.reserveCapacity(2)
    }

    func invocation(of command: ShellCommand, operationRange: SourceRange) -> Invocation {
        Invocation(
            path: path, command: command, operation: operation ?? OperationModel.shape, operationRange: operationRange,
            options: options,
            findings: findings, nearlyNamed: nearlyNamed, hasUnknownWords: hasUnknownWords)
    }

    /// Reads global options up to the service and operation names (their indices go to ``positionals``); whether
    /// both are there and statically known.
    mutating func readNames() -> Bool {
        while index < words.count, positionals.count < 2 {
            let word = words[index]
            guard word.isStatic || startsWithStaticOption(word) else { return false }
            if word.text.isDashWord {
                let optionIndex = index
                readOption(word, inOperation: false)
                if swallowedService(optionAt: optionIndex) { positionals.append(index - 1) }
            } else {
                positionals.append(index)
                index += 1
            }
        }
        return positionals.count == 2
    }

    /// The operation's range, after ``readNames()``, if the command is this operation — or plainly meant to be,
    /// with a misspelt name or a global option that swallowed the service name (then reported, as the CLI refuses
    /// it).
    mutating func matchOperation() -> SourceRange? {
        let (service, operation) = (words[positionals[0]], words[positionals[1]])
        if service.text == OperationModel.service && operation.text == OperationModel.operation {
            return operation.range
        }
        if operation.text == OperationModel.operation && Spelling.distance(service.text, OperationModel.service) <= 2 {
            misspelt(service, .service, expected: OperationModel.service)
            return operation.range
        }
        if service.text == OperationModel.service && isNearOperation(operation.text) {
            misspelt(operation, .operation, expected: OperationModel.operation)
            return operation.range
        }
        return nil
    }

    /// Whether the global option just read took the service name as its value (`aws --region workmail
    /// put-identity-provider-configuration`); if so, reports it and turns the option's value back into a word.
    private mutating func swallowedService(optionAt optionIndex: Int) -> Bool {
        guard positionals.isEmpty, index < words.count, index - optionIndex == 2,
            words[index - 1].text == OperationModel.service, words[index].text == OperationModel.operation,
            var option = options.popLast()
        else { return false }
        findings.removeAll { $0.range == words[index - 1].range }
        findings.append(.swallowedService(option: option.spec.name, at: option.nameRange))
        option.value = nil
        return true
    }

    /// Whether `text` is plainly meant to be `put-identity-provider-configuration`: the same ignoring case, within 3
    /// edits, or a prefix of at least 12 characters. This decides whether the command is read as the operation at
    /// all, so it keeps its own, tighter thresholds rather than ``Spelling/nearest(to:in:)``'s (a quarter of the
    /// length: 8 edits for this name), which would take more unrelated operations for this one.
    private func isNearOperation(_ text: String) -> Bool {
        let name = OperationModel.operation
        return text.lowercased() == name || Spelling.distance(text, name) <= 3
            || (text.count >= 12 && name.hasPrefix(text.lowercased()))
    }

    private mutating func misspelt(_ word: ShellWord, _ part: OptionFinding.NamePart, expected: String) {
        findings.append(.misspeltName(part, written: word.text, expected: expected, at: word.range))
    }

    /// Reads the rest of the command: operation and global options.
    mutating func readOptions() {
        while index < words.count {
            let word = words[index]
            if !word.isStatic && !startsWithStaticOption(word) {
                hasUnknownWords = true
                index += 1
                continue
            }
            if word.text.utf8.count == 2 && word.text == "--" {
                index += 1
                while index < words.count {
                    strayWord(words[index])
                    index += 1
                }
                return
            }
            if word.text.isDashWord {
                readOption(word, inOperation: true)
            } else {
                strayWord(word)
                index += 1
            }
        }
    }

    /// Whether the word starts with `--name=` with the name known statically (`--organization-id=$ORG`).
    private func startsWithStaticOption(_ word: ShellWord) -> Bool {
        guard word.text.hasPrefix("--"), let equals = word.text.utf8.firstIndex(of: UInt8(ascii: "=")) else {
            return false
        }
        let nameEnd = word.text.utf8.distance(from: word.text.utf8.startIndex, to: equals)
        let nameRange = word.fileRange(0..<nameEnd)
        return !word.expansions.contains { $0.overlaps(nameRange) || $0.lowerBound < nameRange.upperBound }
    }

    private mutating func strayWord(_ word: ShellWord) {
        if !word.isStatic {
            hasUnknownWords = true
            return
        }
        findings.append(.strayArgument(text: word.text, at: word.range))
    }

    private mutating func readOption(_ word: ShellWord, inOperation: Bool) {
        index += 1
        var nameEnd = word.text.utf8.count
        var written = word.text
        var inlineValue: ShellWord?
        if let (equals, name) = word.text.longOptionName {
            nameEnd = equals
            written = name
            inlineValue = word.suffix(fromByte: nameEnd + 1)
        }
        let nameRange = word.fileRange(0..<nameEnd)
        guard let spec = resolve(written, range: nameRange) else {
            // An unknown option: a following plain word is most likely its value, not a second fault.
            if inlineValue == nil, index < words.count, !looksLikeOption(words[index]) {
                index += 1
            }
            return
        }
        var value: ShellWord? = inlineValue
        switch spec.arity {
        case .flag:
            if let inlineValue {
                findings.append(
                    .unexpectedValue(option: spec.name, value: inlineValue.text, at: inlineValue.range))
                value = nil
            }
        case .value:
            if value == nil {
                if index < words.count, !looksLikeOption(words[index]) {
                    value = words[index]
                    index += 1
                } else {
                    findings.append(.missingValue(option: spec.name, at: nameRange))
                }
            }
        case .optionalValue:
            if value == nil, index < words.count, !looksLikeOption(words[index]),
                spec.choices?.contains(words[index].text) ?? true
            {
                value = words[index]
                index += 1
            }
        }
        // `--query` is checked once every option is read: only its last value counts.
        if let value, value.isStatic, spec.name != CommandOptions.query { checkValue(value, of: spec) }
        // Names of different lengths differ: most options are told apart without comparing their text.
        // By index: the options are looked at where they are, not copied one by one.
        let nameLength = spec.name.utf8.count
        if let first = options.indices.first(where: {
            options[$0].spec.name.utf8.count == nameLength && options[$0].spec.name == spec.name
                && options[$0].spec == spec
        }) {
            findings.append(.duplicate(name: spec.name, at: nameRange, first: options[first].nameRange))
        }
        options.append(
            ParsedOption(
                spec: spec, written: written, nameRange: nameRange, value: value,
                isExactWord: inlineValue == nil && written == spec.name))
    }

    /// argparse's test for a word that is an option rather than a value.
    private func looksLikeOption(_ word: ShellWord) -> Bool {
        let text = word.text
        guard text.isDashWord, word.isStatic || text.hasPrefix("--") else { return false }
        if text.contains(" ") && !text.hasPrefix("--") { return false }
        let body = text.dropFirst()
        let isNumber =
            !body.isEmpty
            && (body.allSatisfy(\.isASCIIDigit)
                || (body.filter { $0 == "." }.count == 1 && body.last != "."
                    && body.allSatisfy { $0 == "." || $0.isASCIIDigit }))
        return !isNumber
    }

    /// Checks the last `--query` value: argparse keeps the last one, and only that one is compiled as JMESPath
    /// (an invalid earlier one is not refused).
    mutating func checkQuery() {
        guard let query = options.last(where: { $0.spec.name == CommandOptions.query }), let value = query.value,
            value.isStatic
        else { return }
        checkValue(value, of: query.spec)
    }

    private mutating func checkValue(_ value: ShellWord, of spec: OptionSpec) {
        guard let problem = Self.valueProblem(value.text, of: spec) else { return }
        findings.append(.badValue(option: spec.name, value: value.text, problem: problem, at: value.range))
    }

    /// Why the CLI refuses `text` as the value of `spec`, or nil when it takes it.
    static func valueProblem(_ text: String, of spec: OptionSpec) -> OptionFinding.ValueProblem? {
        if spec.name == CommandOptions.query {
            return JMESPath.syntaxError(in: text).map { .invalidQuery($0) }
        } else if let choices = spec.choices, !choices.contains(text) {
            return .notAChoice(choices: choices)
        } else if text.isEmpty, spec.name == CommandOptions.region {
            return .emptyRegion
        } else if spec.name == CommandOptions.region, !CommandOptions.isRegionName(text) {
            return .invalidRegion
        } else if spec.isInteger, spec.isGlobal, let problem = timeoutProblem(text) {
            return problem
        } else if spec.paging != nil, spec.isInteger, ShorthandParser.pythonInt(text) == nil {
            return .notWholeNumber
        } else if spec.name == CommandOptions.endpointURL, let problem = endpointProblem(text) {
            return .invalidEndpoint(problem)
        }
        return nil
    }

    /// What is wrong with a `--cli-read-timeout` or `--cli-connect-timeout` value, which the CLI converts with
    /// Python's `int()` (surrounding spaces, `_` between digits and any Unicode digits are fine) and refuses below
    /// 0 (0 means no timeout); nil when the CLI takes it.
    static func timeoutProblem(_ text: String) -> OptionFinding.ValueProblem? {
        guard let digits = ShorthandParser.pythonInt(text) else { return .timeoutNotWholeNumber }
        return digits.hasPrefix("-") ? .negativeTimeout : nil
    }

    /// What is wrong with an `--endpoint-url` value, or nil when the CLI takes it: it needs a scheme (as Python's
    /// `urlparse` finds one), no tab or line break, and a host name of letters, digits and inner `-` in labels of at
    /// most 63 characters (botocore's `is_valid_endpoint_url`), or a bracketed IPv6 address.
    static func endpointProblem(_ text: String) -> OptionFinding.EndpointProblem? {
        guard hasURLScheme(text) else { return .noScheme }
        if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .lineBreak
        }
        guard let colon = text.firstIndex(of: ":") else { return .noSchemeSeparator }
        let rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return .noHost }
        let netloc = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostInfo = netloc.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        if hostInfo.hasPrefix("[") {
            guard let close = hostInfo.firstIndex(of: "]") else { return .unclosedIPv6 }
            let address = hostInfo[hostInfo.index(after: hostInfo.startIndex)..<close]
            let isIPv6 =
                !address.isEmpty && address.contains(":")
                && address.utf8.allSatisfy { byte in
                    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
                        || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "%")
                }
            return isIPv6 ? nil : .notIPv6(address: String(address))
        }
        var host = Substring(hostInfo.prefix { $0 != ":" })
        guard !host.isEmpty else { return .noHost }
        guard host.utf8.count <= 255 else { return .hostTooLong }
        if host.hasSuffix(".") { host = host.dropLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { byte in
                    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                        || byte == UInt8(ascii: "-")
                }
        }
        return valid ? nil : .invalidHost(host: String(host))
    }

    /// Whether Python's `urlparse` finds a scheme in `text`, as the CLI requires of `--endpoint-url`: after leading
    /// spaces and control characters, with tabs and line breaks removed, an ASCII letter and then letters, digits,
    /// `+`, `-` or `.` up to a `:`.
    static func hasURLScheme(_ text: String) -> Bool {
        let bytes = text.utf8.drop { $0 <= 0x20 }.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        return isLetter(bytes[0])
            && bytes[..<colon].allSatisfy { byte in
                isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }

    /// The option `written` stands for, reporting unknown, ambiguous and abbreviated spellings.
    ///
    /// Mirrors the CLI's two parsers: global options are matched first (by exact name or unambiguous prefix),
    /// then the operation's.
    private mutating func resolve(_ written: String, range: SourceRange) -> OptionSpec? {
        if let exact = exactOption(written) { return exact }
        for group in [CommandOptions.global, operationOptions] {
            let matches = CommandOptions.expansions(of: written, among: group)
            if matches.count == 1, let spec = matches.first {
                findings.append(.abbreviated(written: written, full: spec.name, at: range))
                return spec
            }
            if matches.count > 1 {
                findings.append(.ambiguous(written: written, candidates: matches.map(\.name), at: range))
                markNearlyNamed(matches.map(\.name))
                return nil
            }
        }
        let suggestion = Spelling.nearest(to: written, in: (operationOptions + CommandOptions.global).map(\.name))
        if let suggestion { markNearlyNamed([suggestion]) }
        findings.append(
            .unknown(
                written: written, operation: operation?.cliName ?? OperationModel.operation, suggestion: suggestion,
                at: range))
        return nil
    }

    /// The option spelt exactly `name`, an operation option first, comparing the text only of names of the same
    /// length.
    private func exactOption(_ name: String) -> OptionSpec? {
        let length = name.utf8.count
        let matches = { (spec: OptionSpec) in spec.name.utf8.count == length && spec.name == name }
        return operationOptions.first(where: matches) ?? CommandOptions.global.first(where: matches)
    }

    private mutating func markNearlyNamed(_ names: [String]) {
        for name in names {
            if let parameter = operationOptions.first(where: { $0.name == name })?.parameter {
                nearlyNamed.insert(parameter)
            }
            if name == CommandOptions.cliInputJSON || name == CommandOptions.cliInputYAML {
                hasUnknownWords = true
            }
        }
    }
}

extension String {
    /// `hasPrefix("-") && count > 1`, without counting characters when the second byte is ASCII (a dash and an
    /// ASCII byte are always two characters).
    fileprivate var isDashWord: Bool {
        var bytes = utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "-"), let second = bytes.next() else { return false }
        return second < 0x80 || (hasPrefix("-") && count > 1)
    }
}

extension String {
    /// For a `--name=value` word: the byte offset of its first `=` (0-based, UTF-8) and the name before it.
    fileprivate var longOptionName: (equals: Int, name: String)? {
        let bytes = utf8.span
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "-"), bytes[1] == UInt8(ascii: "-") else { return nil }
        var equals = 2
        while equals < bytes.count && bytes[equals] != UInt8(ascii: "=") { equals += 1 }
        guard equals < bytes.count else { return nil }
        // `=` is ASCII: the offset before it is a character boundary.
        return (equals, String(self[..<utf8.index(utf8.startIndex, offsetBy: equals)]))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
