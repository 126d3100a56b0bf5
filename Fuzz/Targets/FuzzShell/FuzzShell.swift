import FuzzSupport
import WMLintSource
import WMLintSyntax

/// libFuzzer entry point: the shell scanner on arbitrary bytes, with and without its fast paths (the two must find
/// the same), then the shorthand parser on every static word (through its offset map, as the linter does).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let text = SourceText(bytes: input, path: "fuzz.sh")
    let script = ShellScanner.scan(text)
    require(
        ShellScanner.scan(text, options: .init(fastPaths: false)) == script,
        "the fast and general paths of the shell scanner differ")
    let mapped = SourceText(bytes: input, path: "fuzz.sh", map: .contiguous(base: 0, count: input.count))
    require(
        ShellScanner.scan(mapped, maxDepth: 4)
            == ShellScanner.scan(mapped, maxDepth: 4, options: .init(fastPaths: false)),
        "the fast and general paths of the shell scanner differ on a mapped text at depth 4")
    checkDiagnostics(script.diagnostics, path: text.path, count: input.count)
    for comment in script.comments { checkRange(comment, count: input.count, "comment") }
    for command in script.commands {
        checkRange(command.range, count: input.count, "command")
        if let error = command.syntaxError { checkDiagnostics([error], path: text.path, count: input.count) }
        for assignment in command.assignments + command.environment {
            checkRange(assignment.range, count: input.count, "assignment")
            checkRange(assignment.value.range, count: input.count, "assignment value")
        }
        for word in command.words {
            checkRange(word.range, count: input.count, "word")
            for expansion in word.expansions { checkRange(expansion, count: input.count, "expansion") }
            for substitution in word.substitutions {
                checkRange(substitution.use, count: input.count, "substitution")
                checkRange(substitution.value, count: input.count, "substitution value")
            }
            if word.isStatic {
                let result = ShorthandParser.parse(word.sourceText(path: text.path))
                checkParse(result, path: text.path, count: input.count)
            }
        }
    }
    for binding in script.bindings {
        checkRange(binding.range, count: input.count, "binding")
        if case .assignment(let value) = binding.kind { checkRange(value.range, count: input.count, "binding value") }
    }
    let resolved = script.resolvingVariables(in: text, environment: ["AWS_REGION"])
    for command in resolved.commands {
        for word in command.words { checkRange(word.range, count: input.count, "resolved word") }
    }
    checkDiagnostics(ShellScanner.scan(text, maxDepth: 4).diagnostics, path: text.path, count: input.count)
    return 0
}

/// The entry point SwiftPM links executables to on Linux (`main` is renamed to `<module>_main`): hand over to
/// libFuzzer's driver.
@_cdecl("FuzzShell_main")
public func fuzzShellMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzzShell($0, $1) }
}
