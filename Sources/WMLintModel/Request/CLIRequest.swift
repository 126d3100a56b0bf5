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
/// `BackCompatVisitor` (`awscli/shorthand.py`), then botocore's `ParamValidator` (types, required members, unknown
/// members, minimum lengths and values — botocore checks no maximum, enum or pattern), which is
/// ``ShapeValidator``'s walk of the operation's shape with the findings botocore refuses.
public enum CLIRequest {
    public static func outcome(of input: RequestInput) -> CLIOutcome {
        if input.isSkeletonOnly && !input.requiresParameters { return .skeleton }
        let outcome = requestOutcome(of: input)
        if input.isSkeletonOnly, case .sends = outcome { return .skeleton }
        return outcome
    }

    /// The input shape of `put-identity-provider-configuration`, from the service model.
    private static let shape = GeneratedShapes.putIdentityProviderConfigurationRequest

    private static func requestOutcome(of input: RequestInput) -> CLIOutcome {
        var members: [Member] = []
        var rejected = false
        for entry in input.parameters {
            switch entry.value {
            case .unresolved: return .unknown
            case .unreadable: rejected = true
            case .node(let node, let syntax):
                let memberShape = shape.member(entry.key)
                let value: SyntaxNode?
                if syntax == .shorthand, let memberShape {
                    value = convertShorthand(node, shape: memberShape)
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
        let root = SyntaxNode(.object(JSONWriter.lastValues(members)), range: input.anchorRange)
        if rejected { return .rejects }
        let refused = ShapeValidator.validate(root, against: shape).contains {
            $0.isRefusedByBotocore(in: root, against: shape)
        }
        return refused ? .rejects : .sends(root)
    }

    /// `BackCompatVisitor`: integer members given as shorthand strings go through Python's `int()`; `nil` when it
    /// raises. Recursion follows the shape, never deeper than the shape goes.
    private static func convertShorthand(_ node: SyntaxNode, shape: ShapeNode) -> SyntaxNode? {
        switch shape.kind {
        case .integer:
            guard case .string(let text) = node.value else {
                if case .null = node.value { return node }
                return nil
            }
            guard let digits = ShorthandParser.pythonInt(text) else { return nil }
            return SyntaxNode(.number(Number(lexeme: text, kind: .integer(digits))), range: node.range)
        case .structure:
            guard case .object(let members) = node.value else { return node }
            var converted: [Member] = []
            for var member in members {
                if let memberShape = shape.member(member.key) {
                    guard let value = convertShorthand(member.value, shape: memberShape) else { return nil }
                    member.value = value
                }
                converted.append(member)
            }
            return SyntaxNode(.object(converted), range: node.range, tag: node.tag)
        case .string, .list, .boolean:
            return node
        }
    }
}
