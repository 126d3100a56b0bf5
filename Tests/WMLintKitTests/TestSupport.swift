import Foundation
import Testing

/// Helpers shared by the kit's tests: the repository root, golden files, running the built binary.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Makes the repository root the current directory (paths in reports are shown relative to it).
    static func enterRoot() {
        if FileManager.default.currentDirectoryPath != root {
            _ = FileManager.default.changeCurrentDirectoryPath(root)
        }
    }

    /// Whether golden files are being rewritten (`WMLINT_RECORD=1`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["WMLINT_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `path` (relative to the root); records it when asked, and then
    /// fails so that a recording run is never mistaken for a passing one.
    static func assertGolden(
        _ actual: String, path: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        if isRecording {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                Comment(rawValue: "recorded \(path); run again without WMLINT_RECORD=1"), sourceLocation: sourceLocation
            )
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                Comment(rawValue: "missing golden file \(path); run with WMLINT_RECORD=1"),
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                Comment(rawValue: "\(path) differs:\n" + lineDiff(expected: expected, actual: actual)),
                sourceLocation: sourceLocation)
        }
    }

    /// A minimal line diff: `-` expected, `+` actual, for the lines that differ.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a != b {
                if let a { output.append("-\(index + 1): \(a)") }
                if let b { output.append("+\(index + 1): \(b)") }
            }
        }
        return output.joined(separator: "\n")
    }

    /// The built `wmlint` binary, beside the test bundle.
    static var binary: String? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("wmlint").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let fallback = root + "/.build/debug/wmlint"
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments` in `directory`, feeding `input` on standard input.
    static func run(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "the wmlint binary is built"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
