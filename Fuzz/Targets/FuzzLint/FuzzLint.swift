import FuzzSupport
import WMLintKit
import WMLintSource

#if canImport(Glibc)
    import Glibc
#endif

/// The forms the first input byte selects, so one corpus covers every reader of the pipeline.
private let names = ["fuzz.sh", "fuzz.json", "fuzz.yaml", "fuzz.md", ".github/workflows/fuzz.yml"]

/// libFuzzer entry point: the whole check pipeline (`Linter.run` on standard input, then every report format).
/// The first byte picks the input's form; the rest is the file. It runs in an empty temporary directory, so
/// `file://` references find nothing outside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    guard let selector = input.first else { return 0 }
    let body = Array(input.dropFirst())
    let name = names[Int(selector) % names.count]
    var options = LintOptions(paths: ["-"], stdinFilename: name, jobs: 1)
    options.standardInput = body
    guard let report = try? Linter.run(options) else { return 0 }
    checkDiagnostics(report.diagnostics.filter { $0.path == name }, path: name, count: body.count)
    _ = TextFormatter.format(report)
    _ = GCCFormatter.format(report)
    _ = JSONFormatter.format(report)
    return 0
}

/// libFuzzer calls this once before the first input: work in a fresh empty directory.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzLintInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
    var template = Array("/tmp/wmlint-fuzz-XXXXXX".utf8CString)
    template.withUnsafeMutableBufferPointer { buffer in
        if let base = buffer.baseAddress, let directory = mkdtemp(base) { _ = chdir(directory) }
    }
    return 0
}

/// The entry point SwiftPM links executables to on Linux (`main` is renamed to `<module>_main`): hand over to
/// libFuzzer's driver.
@_cdecl("FuzzLint_main")
public func fuzzLintMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzzLint($0, $1) }
}
