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

/// Runs libFuzzer's driver over `target` with the process arguments.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    wmlint_fuzz_main(argc, argv, target)
}
