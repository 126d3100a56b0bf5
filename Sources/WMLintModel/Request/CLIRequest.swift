public import WMLintSyntax

/// What the AWS CLI would do with a request: the body it would send, or the fact that it refuses.
public enum CLIOutcome: Hashable, Sendable {
    /// The request body, as the CLI would serialize it.
    case sends(SyntaxNode)
    /// The CLI rejects the input before sending (a parse error, or botocore's parameter validation).
    case rejects
    /// The request depends on values only known at run time.
    case unknown
    /// `--generate-cli-skeleton`: the CLI prints a skeleton and sends nothing.
    case skeleton
}

/// Emulates the AWS CLI's own processing of a request: the shorthand type conversion of
/// `BackCompatVisitor` (`awscli/shorthand.py`) and botocore's `ParamValidator` (types, required members, unknown
/// members, minimum lengths and values — botocore checks no maximum, enum or pattern).
public enum CLIRequest {
    public static func outcome(of input: RequestInput) -> CLIOutcome {
        if input.isSkeletonOnly && !input.requiresParameters { return .skeleton }
        let outcome = requestOutcome(of: input)
        if input.isSkeletonOnly, case .sends = outcome { return .skeleton }
        return outcome
    }

    private static func requestOutcome(of input: RequestInput) -> CLIOutcome {
        var members: [Member] = []
        var rejected = false
        for entry in input.parameters {
            switch entry.value {
            case .unresolved: return .unknown
            case .unreadable: rejected = true
            case .node(let node, let syntax):
                let shape = OperationModel.requestShape.member(entry.key)
                let value: SyntaxNode?
                if syntax == .shorthand, let shape {
                    value = convertShorthand(node, shape: shape)
                } else {
                    value = node
                }
                guard let value else {
                    rejected = true
                    continue
                }
                members.append(
                    Member(key: entry.key, keyRange: entry.location.keyRange ?? node.range, value: value))
            }
        }
        if input.hasUnknownSource { return rejected ? .rejects : .unknown }
        let root = SyntaxNode(.object(lastMembers(members)), range: input.anchorRange)
        if rejected || !isValid(root, shape: .structure(OperationModel.requestShape)) { return .rejects }
        return .sends(root)
    }

    /// `BackCompatVisitor`: integer members given as shorthand strings go through Python's `int()`; `nil` when it
    /// raises.
    private static func convertShorthand(_ node: SyntaxNode, shape: Shape) -> SyntaxNode? {
        switch shape {
        case .string:
            return node
        case .integer:
            guard case .string(let text) = node.value else {
                if case .null = node.value { return node }
                return nil
            }
            guard let digits = ShorthandParser.pythonInt(text) else { return nil }
            return SyntaxNode(.number(Number(lexeme: text, kind: .integer(digits))), range: node.range)
        case .structure(let structure):
            guard case .object(let members) = node.value else { return node }
            var converted: [Member] = []
            for var member in members {
                if let memberShape = structure.member(member.key) {
                    guard let value = convertShorthand(member.value, shape: memberShape) else { return nil }
                    member.value = value
                }
                converted.append(member)
            }
            return SyntaxNode(.object(converted), range: node.range, tag: node.tag)
        }
    }

    /// botocore's `ParamValidator` on one value.
    private static func isValid(_ node: SyntaxNode, shape: Shape) -> Bool {
        switch (shape, node.value) {
        case (.string(let minLength, _, _), .string(let text)):
            return text.unicodeScalars.count >= (minLength ?? 0)
        case (.integer(let min, _), .number(let number)):
            guard case .integer(let digits) = number.kind else { return false }
            return clampedInt(digits) >= (min ?? Int.min)
        case (.integer(let min, _), .bool(let value)):
            return (value ? 1 : 0) >= (min ?? Int.min)
        case (.structure(let structure), .object(let members)):
            let unique = lastMembers(members)
            guard structure.required.allSatisfy({ name in unique.contains { $0.key == name } }) else { return false }
            return unique.allSatisfy { member in
                guard let memberShape = structure.member(member.key) else { return false }
                return isValid(member.value, shape: memberShape)
            }
        default:
            return false
        }
    }
}
