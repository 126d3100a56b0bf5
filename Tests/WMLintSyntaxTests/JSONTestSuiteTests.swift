import Foundation
import Testing
import WMLintSource
import WMLintSyntax

/// Runs the `test_parsing` files of JSONTestSuite (nst/JSONTestSuite) through the encoding check and the parser,
/// exactly as the linter reads a JSON document.
@Suite struct JSONTestSuiteTests {
    /// `../shared/conformance/JSONTestSuite/test_parsing` relative to the repository root.
    static let suiteDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WMLintSyntaxTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/JSONTestSuite/test_parsing")

    static var suitePresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: suiteDirectory.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Whether the linter rejects `bytes`: an `encoding` or `json-syntax` diagnostic, or unreadable text.
    static func rejects(_ bytes: [UInt8], path: String) -> (rejected: Bool, messages: [String]) {
        let encoding = EncodingCheck.check(bytes, path: path, form: .document)
        if encoding.isUnreadable {
            return (true, encoding.diagnostics.map(\.message))
        }
        let result = JSONParser.parse(SourceText(bytes: bytes, path: path))
        let all = encoding.diagnostics + result.diagnostics
        let syntax = all.filter { $0.rule == .jsonSyntax || $0.rule == .encoding }
        return (!syntax.isEmpty, all.map { "\($0.rule.rawValue): \($0.message)" })
    }

    @Test(
        .enabled(
            if: suitePresent,
            "JSONTestSuite not found at ../shared/conformance/JSONTestSuite/test_parsing from the repository root"))
    func everyVerdictMatches() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.suiteDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        try #require(!names.isEmpty, "no test files in \(Self.suiteDirectory.path)")
        var accepted = 0
        var rejected = 0
        var implementationDefined = 0
        var wrong: [String] = []
        for name in names {
            let url = Self.suiteDirectory.appendingPathComponent(name)
            let bytes = [UInt8](try Data(contentsOf: url))
            let verdict = Self.rejects(bytes, path: name)
            if name.hasPrefix("y_") {
                accepted += 1
                if verdict.rejected { wrong.append("\(name) should be accepted: \(verdict.messages)") }
                if JSONParser.parse(SourceText(bytes: bytes, path: name)).root == nil {
                    wrong.append("\(name) gave no root")
                }
            } else if name.hasPrefix("n_") {
                rejected += 1
                if !verdict.rejected { wrong.append("\(name) should be rejected") }
            } else {
                implementationDefined += 1
            }
        }
        print(
            "JSONTestSuite: \(accepted) y_ files, \(rejected) n_ files, \(implementationDefined) i_ files parsed; "
                + "\(wrong.count) wrong verdicts")
        #expect(accepted > 90)
        #expect(rejected > 150)
        #expect(wrong.isEmpty, "wrong verdicts:\n\(wrong.joined(separator: "\n"))")
    }
}
