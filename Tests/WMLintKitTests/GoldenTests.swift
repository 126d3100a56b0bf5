import Foundation
import Testing
import WMLintKit

/// Every input under `testdata/golden/` is checked and converted; each output is compared with its golden file
/// (`<case>.text.golden`, `<case>.json.golden`, `<case>.convert.golden`). `WMLINT_RECORD=1` rewrites them.
@Suite(.serialized) struct GoldenTests {
    static let cases: [String] = {
        let directory = TestSupport.root + "/testdata/golden"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasSuffix(".golden") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases)
    func check(_ name: String) throws {
        TestSupport.enterRoot()
        let path = "testdata/golden/" + name
        let report = try Linter.run(LintOptions(paths: [path], inputFormat: inputFormat(name)))
        TestSupport.assertGolden(TextFormatter.format(report), path: path + ".text.golden")
        TestSupport.assertGolden(JSONFormatter.format(report), path: path + ".json.golden")
        TestSupport.assertGolden(GCCFormatter.format(report), path: path + ".gcc.golden")
    }

    @Test(arguments: cases)
    func convert(_ name: String) throws {
        TestSupport.enterRoot()
        let path = "testdata/golden/" + name
        var output = ""
        for target in ConvertTarget.allCases {
            let result = try Converter.convert(LintOptions(paths: [path], inputFormat: inputFormat(name)), to: target)
            output += "== \(target.rawValue) (all converted: \(result.allConverted))\n" + result.output
        }
        TestSupport.assertGolden(output, path: path + ".convert.golden")
    }

    /// Cases named `*.forced-<format>.*` are read with `--input-format <format>`.
    private func inputFormat(_ name: String) -> InputFormat {
        for format in InputFormat.allCases where name.contains(".forced-\(format.rawValue).") {
            return format
        }
        return .auto
    }
}
