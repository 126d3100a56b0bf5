import Foundation
import Testing
import WMLintKit

/// Every input under `testdata/formats/` in every output format, compared with `<case>.<format>.golden`
/// (`text`, `text-color`, `gcc`, `json`, `sarif`, `github`). `WMLINT_RECORD=1` rewrites them.
@Suite(.serialized) struct FormatGoldenTests {
    static let cases: [String] = {
        let directory = TestSupport.root + "/testdata/formats"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasSuffix(".golden") && !$0.hasPrefix(".") }.sorted()
    }()

    static func report(_ name: String) throws -> LintReport {
        TestSupport.enterRoot()
        return try Linter.run(LintOptions(paths: ["testdata/formats/" + name]))
    }

    @Test func thereAreCasesOfEveryForm() {
        for suffix in [".sh", ".json", ".yaml"] {
            #expect(Self.cases.contains { $0.hasSuffix(suffix) }, "no \(suffix) case")
        }
        #expect(Self.cases.count >= 4)
    }

    @Test(arguments: cases)
    func everyFormat(_ name: String) throws {
        let report = try Self.report(name)
        #expect(!report.diagnostics.isEmpty, "a format case must have diagnostics")
        let path = "testdata/formats/" + name
        TestSupport.assertGolden(ReportFormat.text.render(report), path: path + ".text.golden")
        TestSupport.assertGolden(ReportFormat.text.render(report, color: true), path: path + ".text-color.golden")
        TestSupport.assertGolden(ReportFormat.gcc.render(report), path: path + ".gcc.golden")
        TestSupport.assertGolden(ReportFormat.json.render(report), path: path + ".json.golden")
        TestSupport.assertGolden(ReportFormat.sarif.render(report), path: path + ".sarif.golden")
        TestSupport.assertGolden(ReportFormat.github.render(report), path: path + ".github.golden")
    }

    @Test(arguments: cases)
    func colourIsOnlyDecoration(_ name: String) throws {
        let report = try Self.report(name)
        let plain = TextFormatter.format(report)
        let colored = TextFormatter.format(report, color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}[1;31merror["))
        #expect(colored.contains("\u{1B}[1;34m-->\u{1B}[0m"))
        #expect(FormatSupport.strippingANSI(colored) == plain)
        for format in ReportFormat.allCases where format != .text {
            #expect(!format.render(report, color: true).contains("\u{1B}"), "\(format) has colour codes")
        }
    }

    @Test(
        .enabled(if: FormatSupport.hasSARIFSchema, "the official SARIF schema is not at ../shared/conformance/sarif"),
        .enabled(if: FormatSupport.hasJSONSchema, "python3 with the jsonschema module is not installed"),
        arguments: cases + ["."])
    func sarifIsValidAgainstTheOfficialSchema(_ name: String) throws {
        TestSupport.enterRoot()
        let report = try Linter.run(LintOptions(paths: ["testdata/formats/" + name]))
        let rooted = SARIFFormatter.format(report, sourceRoot: TestSupport.root)
        #expect(try FormatSupport.validate(rooted, schemaPath: FormatSupport.sarifSchema) == "")
        let unrooted = SARIFFormatter.format(report)
        #expect(try FormatSupport.validate(unrooted, schemaPath: FormatSupport.sarifSchema) == "")
    }

    @Test(
        .enabled(if: FormatSupport.hasJSONSchema, "python3 with the jsonschema module is not installed"),
        arguments: cases + ["."])
    func jsonIsValidAgainstThePublishedSchema(_ name: String) throws {
        let report = try Self.report(name)
        #expect(try FormatSupport.validate(JSONFormatter.format(report), schemaPath: FormatSupport.reportSchema) == "")
    }

    @Test(.enabled(if: FormatSupport.hasJSONSchema, "python3 with the jsonschema module is not installed"))
    func theReportSchemaRejectsAWrongShape() throws {
        let bad =
            #"{"version": 1, "tool": {"name": "wmlint", "version": "1"}, "diagnostics": [{"rule": "x"}], "#
            + #""summary": {"files": 1, "errors": 0, "warnings": 0, "infos": 0}}"#
        let complaints = try FormatSupport.validate(bad, schemaPath: FormatSupport.reportSchema)
        #expect(complaints.contains("'severity' is a required property"))
    }
}
