import Foundation
import Testing
import WMLintKit
import WMLintRules
import WMLintSource

/// Every example of every rule in the catalogue (`rules/*.yaml`) is linted: an invalid example produces exactly
/// the diagnostics of its rule at the `⏩…⏪` marks, a valid one none of its rule.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: RuleDescription
        let index: Int
        var example: RuleExample { rule.examples[index] }
        var testDescription: String {
            "\(rule.id.rawValue) #\(index + 1) (\(example.kind.rawValue), \(example.form.rawValue))"
        }
    }

    static let cases: [Case] = RuleCatalogue.all.flatMap { rule in
        rule.examples.indices.map { Case(rule: rule, index: $0) }
    }

    @Test func everyRuleHasExamples() {
        for rule in RuleCatalogue.all {
            #expect(rule.examples.contains { $0.kind == .valid }, "\(rule.id.rawValue) has no valid example")
        }
        #expect(Self.cases.count >= 100)
    }

    @Test(arguments: cases)
    func example(_ testCase: Case) throws {
        let example = testCase.example
        let (text, expected) = try Self.unmark(example.text)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wmlint-example-\(getpid())-\(testCase.rule.id.rawValue)-\(testCase.index)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "example." + (example.form == .shell ? "sh" : example.form.rawValue)
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for (file, content) in example.files {
            let url = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        if let config = example.config {
            try Data(config.utf8).write(to: directory.appendingPathComponent(".wmlint.yaml"))
        }
        let format: InputFormat = example.form == .shell ? .shell : example.form == .json ? .json : .yaml
        let report = try Linter.run(LintOptions(paths: [path], inputFormat: format))
        let actual = report.diagnostics.filter { $0.rule == testCase.rule.id && $0.path == path }
            .map { $0.range.offsets }
        let all = report.diagnostics.map { "\($0.rule.rawValue) \($0.range.offsets): \($0.message)" }
        switch example.kind {
        case .invalid:
            #expect(actual == expected, "diagnostics: \(all)")
            if testCase.rule.fixable {
                // The catalogue promises the text after --fix: apply the fixes and compare.
                let promised = try #require(example.fixed, "a fixable rule's invalid example gives its fixed text")
                let session = try FixSession.run(LintOptions(paths: [path], inputFormat: format))
                let fixed = session.files.first { $0.path == path }.map { String(decoding: $0.fixed, as: UTF8.self) }
                #expect((fixed ?? text) == promised)
                if promised != text {
                    #expect(
                        !session.report.diagnostics.contains { $0.rule == testCase.rule.id && $0.path == path },
                        "the fixed rule is gone after --fix")
                }
            }
        case .valid:
            #expect(actual.isEmpty, "diagnostics: \(all)")
        }
    }

    /// The text without its markers, and the byte ranges the markers enclosed.
    static func unmark(_ marked: String) throws -> (String, [Range<Int>]) {
        var output: [UInt8] = []
        var ranges: [Range<Int>] = []
        var open: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⏩": open = output.count
            case "⏪":
                let start = try #require(open, "unbalanced marker")
                ranges.append(start..<output.count)
                open = nil
            default: output.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return (String(decoding: output, as: UTF8.self), ranges.sorted { $0.lowerBound < $1.lowerBound })
    }
}
