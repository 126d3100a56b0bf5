import Testing
import WMLintSource
import WMLintSyntax

/// What a parser asked for `demand` must give, derived from the whole tree: the reference the parsers' shaped
/// modes are tested against.
func shaped(_ node: SyntaxNode, to demand: NodeDemand) -> SyntaxNode {
    node.shaped(to: demand)
}

/// The ranges of the opaque nodes in `node`.
func opaqueRanges(in node: SyntaxNode) -> [SourceRange] {
    var ranges: [SourceRange] = []
    var pending = [node]
    while let next = pending.popLast() {
        switch next.value {
        case .opaque: ranges.append(next.range)
        case .object(let members): pending += members.map(\.value)
        case .array(let items): pending += items
        default: break
        }
    }
    return ranges
}

/// Checks that `shapedResult` (a parse asked for `demand`) equals `wholeResult` (the same text parsed whole)
/// shaped to `demand`: the same tree, and the same diagnostics but duplicate keys inside opaque values.
func expectShapedParse(
    _ shapedResult: ParseResult, matches wholeResult: ParseResult, demand: NodeDemand,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let expectedRoot = wholeResult.root.map { shaped($0, to: demand) }
    #expect(shapedResult.root == expectedRoot, sourceLocation: sourceLocation)
    #expect(shapedResult.isComplete == wholeResult.isComplete, sourceLocation: sourceLocation)
    let opaque = expectedRoot.map(opaqueRanges(in:)) ?? []
    func kept(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            diagnostic.rule != .duplicateKey
                || !opaque.contains {
                    $0.lowerBound <= diagnostic.range.lowerBound && diagnostic.range.upperBound <= $0.upperBound
                }
        }
    }
    #expect(kept(shapedResult.diagnostics) == kept(wholeResult.diagnostics), sourceLocation: sourceLocation)
}

/// The demand of a request-shaped document, as the linter asks it (spelled out here: WMLintSyntax's tests do
/// not depend on the model).
let requestLikeDemand = NodeDemand.members([
    "OrganizationId": .all,
    "AuthenticationMode": .all,
    "IdentityCenterConfiguration": .members(["InstanceArn": .all, "ApplicationArn": .all]),
    "PersonalAccessTokenConfiguration": .members(["Status": .all, "LifetimeInDays": .all]),
])
