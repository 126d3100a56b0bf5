import CFuzzDriver
public import WMLintSource
public import WMLintSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// Stops the run (a libFuzzer crash) when an invariant of the parsers' output does not hold.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        let text = "invariant failed: \(message())\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        abort()
    }
}

/// Checks that every diagnostic is about `path` and covers bytes that exist in a text of `count` bytes.
public func checkDiagnostics(_ diagnostics: [Diagnostic], path: String, count: Int) {
    for diagnostic in diagnostics {
        require(diagnostic.path == path, "diagnostic on another path: \(diagnostic.path)")
        checkRange(diagnostic.range, count: count, "\(diagnostic.rule) diagnostic")
        require(!diagnostic.message.isEmpty, "empty message for \(diagnostic.rule)")
        for related in diagnostic.related where related.path == path {
            checkRange(related.range, count: count, "related location of \(diagnostic.rule)")
        }
    }
}

/// Checks that `range` lies inside a text of `count` bytes.
public func checkRange(_ range: SourceRange, count: Int, _ what: @autoclosure () -> String) {
    require(
        range.lowerBound.offset >= 0 && range.upperBound.offset <= count,
        "\(what()) range \(range.lowerBound.offset)..<\(range.upperBound.offset) outside 0..<\(count)")
}

/// Views libFuzzer's input as bytes.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Checks a parse result: diagnostics and every node's range (walked with an explicit stack, as the tree may be
/// 256 levels deep), and that a complete parse has a root.
public func checkParse(_ result: ParseResult, path: String, count: Int) {
    checkDiagnostics(result.diagnostics, path: path, count: count)
    if result.isComplete { require(result.root != nil, "complete parse without a root") }
    guard let root = result.root else { return }
    var pending = [root]
    while let node = pending.popLast() {
        checkRange(node.range, count: count, "node")
        switch node.value {
        case .object(let members):
            for member in members {
                checkRange(member.keyRange, count: count, "key \(member.key)")
                pending.append(member.value)
            }
        case .array(let elements):
            pending.append(contentsOf: elements)
        default:
            break
        }
    }
}

/// Demands the shaped parses are checked with: the request's shape, one of short keys that fuzzed inputs hit
/// often, and nothing at all.
public let fuzzDemands: [NodeDemand] = [
    .members([
        "OrganizationId": .all, "AuthenticationMode": .all,
        "IdentityCenterConfiguration": .members(["InstanceArn": .all, "ApplicationArn": .all]),
        "PersonalAccessTokenConfiguration": .members(["Status": .all, "LifetimeInDays": .all]),
    ]),
    .members(["a": .all, "b": .members(["a": .all, "c": .none])]),
    .none,
]

/// Checks that a parse asked for `demand` gives the whole parse shaped to it: the same tree and completeness,
/// and the same diagnostics but duplicate keys inside opaque values (anywhere, when the parse failed and so
/// there is no tree to tell where the opaque values were: the shaped parse's are then a subset).
public func checkShaped(_ shaped: ParseResult, whole: ParseResult, demand: NodeDemand) {
    let expected = whole.root.map { $0.shaped(to: demand) }
    require(sameTree(shaped.root, expected), "shaped tree differs from the whole tree shaped to \(demand)")
    require(shaped.isComplete == whole.isComplete, "shaped parse completeness differs for \(demand)")
    var opaque: [SourceRange] = []
    var pending = expected.map { [$0] } ?? []
    while let node = pending.popLast() {
        switch node.value {
        case .opaque: opaque.append(node.range)
        case .object(let members): pending += members.map(\.value)
        case .array(let items): pending += items
        default: break
        }
    }
    let everywhere = !whole.isComplete
    func kept(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            diagnostic.rule != .duplicateKey
                || !(everywhere
                    || opaque.contains {
                        $0.lowerBound <= diagnostic.range.lowerBound && diagnostic.range.upperBound <= $0.upperBound
                    })
        }
    }
    require(kept(shaped.diagnostics) == kept(whole.diagnostics), "shaped diagnostics differ for \(demand)")
    if everywhere {
        let wholeKeys = whole.diagnostics.filter { $0.rule == .duplicateKey }
        require(
            shaped.diagnostics.allSatisfy { $0.rule != .duplicateKey || wholeKeys.contains($0) },
            "a shaped parse reports a duplicate key the whole parse does not, for \(demand)")
    }
}

/// Whether two trees are equal, a NaN equal to a NaN written the same way (`==` on `Double` says it is not).
/// Walked with an explicit stack.
public func sameTree(_ left: SyntaxNode?, _ right: SyntaxNode?) -> Bool {
    guard let left, let right else { return left == nil && right == nil }
    var pending = [(left, right)]
    while let (a, b) = pending.popLast() {
        guard a.range == b.range, a.tag == b.tag else { return false }
        switch (a.value, b.value) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (m, n) in zip(x, y) {
                guard m.key == n.key, m.keyRange == n.keyRange, m.loadsFile == n.loadsFile else { return false }
                pending.append((m.value, n.value))
            }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            pending += zip(x, y).map { ($0, $1) }
        case (.number(let x), .number(let y)):
            guard x.lexeme == y.lexeme else { return false }
            if case .float(let p) = x.kind, case .float(let q) = y.kind, p.isNaN && q.isNaN { continue }
            guard x.kind == y.kind else { return false }
        default:
            guard a.value == b.value else { return false }
        }
    }
    return true
}

/// Runs libFuzzer's driver over `target` with the process arguments.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    wmlint_fuzz_main(argc, argv, target)
}
