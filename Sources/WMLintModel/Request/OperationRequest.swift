public import WMLintSource
public import WMLintSyntax

/// The request of a covered operation other than `put-identity-provider-configuration` (every member of theirs
/// is a scalar), as the AWS CLI builds it from the command line and `--cli-input-*` document, with where each
/// value came from and what is wrong with it, as typed findings.
public struct OperationRequest: Sendable {
    public var operation: OperationShape
    /// The request: an object of its members, as the parameters were given (the last value of a key counts); a
    /// value known only at run time is an opaque scalar.
    public var value: SyntaxNode
    /// Where each top-level value is, by the key as written.
    public var locations: [String: ValueLocation]
    /// The keys whose values are only known at run time, in the order given.
    public var unresolved: [String]
    public var findings: [RequestFinding]
    /// Where a diagnostic about the request as a whole goes (the operation name).
    public var anchorPath: String
    public var anchorRange: SourceRange
    /// Whether the CLI refuses to send it: botocore's `ParamValidator`, the CLI's `int()`, its paging, or a value
    /// that could not be read (already reported).
    public var cliRejects: Bool
    /// Whether some value is known only at run time.
    public var hasUnknownValues: Bool
    /// Whether `--generate-cli-skeleton` is present: nothing is sent.
    public var isSkeletonOnly: Bool

    /// What the AWS CLI does with the request.
    public var outcome: CLIOutcome {
        if isSkeletonOnly { return .skeleton }
        if cliRejects { return .rejects }
        if hasUnknownValues { return .unknown }
        return .sends(value)
    }

    /// Where the value at `pointer` (`/MaxResults`) is: its own place for a top-level member, else the operation.
    public func location(of pointer: String) -> ValueLocation {
        let key = pointer.dropFirst().split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return locations[unescapePointer(key)]
            ?? ValueLocation(path: anchorPath, range: anchorRange, pointer: pointer)
    }
}

/// A fault of a covered operation's request, as a typed value: the rule that reports it chooses the words.
public enum RequestFinding: Hashable, Sendable {
    /// A fault against the operation's shape.
    case shape(ShapeFinding)
    /// A command-line value of an integer member that Python's `int()` does not read; the CLI refuses it.
    case notAnInteger(pointer: String, text: String)
    /// A paging option (`--page-size`) given while the CLI's paging is off, turned off by `disabledBy`
    /// (`--max-results`, `--no-paginate`); the CLI refuses the command.
    case pagingOff(option: String, range: SourceRange, disabledBy: String, disabledAt: SourceRange)
}

extension OperationRequest {
    /// Builds the request `input` makes for `invocation` (a covered operation other than
    /// `put-identity-provider-configuration`), as the AWS CLI converts and validates it.
    public static func build(_ input: RequestInput, invocation: Invocation) -> OperationRequest {
        var builder = Builder(operation: invocation.operation, input: input)
        builder.page(invocation)
        return builder.request()
    }
}

private struct Builder {
    let operation: OperationShape
    let input: RequestInput
    var parameters: [ParameterEntry]
    var findings: [RequestFinding] = []
    var cliRejects = false

    init(operation: OperationShape, input: RequestInput) {
        self.operation = operation
        self.input = input
        parameters = input.parameters
    }

    /// The CLI's paging of a paginated operation: `--page-size` and `--starting-token` set their members while
    /// paging is on; any paging option is refused while it is off (by `--no-paginate` or by giving a paging
    /// member's own option, such as `--max-results`).
    mutating func page(_ invocation: Invocation) {
        guard let pagination = operation.pagination else { return }
        let pagingMembers = pagination.inputTokens + [pagination.limitKey]
        let disabling =
            invocation.options.first { option in option.spec.parameter.map(pagingMembers.contains) ?? false }
            ?? invocation.last("--no-paginate")
        let pagingOptions = invocation.options.filter { $0.spec.paging != nil }
        if let disabling, let first = pagingOptions.first {
            findings.append(
                .pagingOff(
                    option: first.spec.name, range: first.nameRange, disabledBy: disabling.spec.name,
                    disabledAt: disabling.nameRange))
            cliRejects = true
            return
        }
        // The last of each option counts; it replaces the document's member.
        var set: [String] = []
        for option in pagingOptions.reversed() {
            guard let word = option.value else { continue }
            let member: String
            switch option.spec.paging {
            case .pageSize: member = pagination.limitKey
            case .startingToken:
                guard pagination.inputTokens.count == 1, let token = pagination.inputTokens.first else { continue }
                member = token
            default: continue
            }
            guard !set.contains(member) else { continue }
            set.append(member)
            let location = ValueLocation(path: invocation.path, range: word.range, pointer: "/" + member)
            let value: ParameterValue
            if !word.isStatic || (option.spec.paging == .startingToken && !Self.isVerbatimToken(word.text)) {
                value = .unresolved
            } else {
                value = .node(SyntaxNode(.string(word.text), range: word.range), syntax: .text)
            }
            parameters.removeAll { $0.key == member }
            parameters.append(ParameterEntry(key: member, value: value, location: location))
        }
    }

    /// Whether the CLI sends a `--starting-token` as it is: botocore first decodes a token as base64-encoded
    /// JSON and splits an older token at `___`; a token that is neither is sent verbatim.
    static func isVerbatimToken(_ text: String) -> Bool {
        guard !text.contains("___") else { return false }
        let base64 = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
        return !(base64 && text.utf8.count % 4 == 0 && !text.isEmpty)
    }

    /// The request of the parameters, converted and validated.
    mutating func request() -> OperationRequest {
        var members: [Member] = []
        var locations: [String: ValueLocation] = [:]
        var hasUnknownValues = false
        var unresolved: [String] = []
        for entry in parameters {
            var location = entry.location
            location.pointer = "/" + escapePointer(entry.key)
            let node: SyntaxNode
            switch entry.value {
            case .unresolved:
                hasUnknownValues = true
                unresolved.append(entry.key)
                node = SyntaxNode(.opaque(.scalar), range: location.range)
            case .unreadable:
                cliRejects = true
                node = SyntaxNode(.opaque(.scalar), range: location.range)
            case .node(let read, let syntax):
                node = converted(read, syntax: syntax, key: entry.key, pointer: location.pointer)
                location.range = read.range
                if case .string(let text) = read.value, let shared = entry.sharedText {
                    location.content = StringSource(text: shared, range: read.range, value: text)
                }
            }
            locations[entry.key] = location
            members.append(
                Member(key: entry.key, keyRange: location.keyRange ?? location.range, value: node))
        }
        let value = SyntaxNode(.object(members), range: input.anchorRange)
        for finding in ShapeValidator.validate(value, operation: operation) {
            if case .missingRequired(_, let member) = finding,
                input.hasUnknownSource || !input.requiresParameters || input.nearlyNamed.contains(member)
            {
                continue
            }
            if finding.isRefusedByBotocore(in: value, against: operation.input) { cliRejects = true }
            findings.append(.shape(finding))
        }
        return OperationRequest(
            operation: operation, value: value, locations: locations, unresolved: unresolved, findings: findings,
            anchorPath: input.anchorPath, anchorRange: input.anchorRange, cliRejects: cliRejects,
            hasUnknownValues: hasUnknownValues || input.hasUnknownSource, isSkeletonOnly: input.isSkeletonOnly)
    }

    /// A command-line value as the CLI converts it for its member's type: Python's `int()` for an integer;
    /// documents' values are typed already.
    private mutating func converted(_ node: SyntaxNode, syntax: ValueSyntax, key: String, pointer: String)
        -> SyntaxNode
    {
        guard syntax == .text, case .string(let text) = node.value, case .integer = operation.member(key)?.kind
        else { return node }
        guard let digits = ShorthandParser.pythonInt(text) else {
            findings.append(.notAnInteger(pointer: pointer, text: text))
            cliRejects = true
            return SyntaxNode(.opaque(.scalar), range: node.range)
        }
        return SyntaxNode(.number(Number(lexeme: digits, kind: .integer(digits))), range: node.range)
    }
}
