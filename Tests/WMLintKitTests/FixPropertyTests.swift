import Foundation
import Testing

/// `--fix` judged by bash and the real AWS CLI: 2,000 generated invocations, each with one fixable fault (enum
/// case, organization id case and whitespace, swapped ARNs, an ignored lifetime, key case, a misspelt or
/// abbreviated option, a BOM, an unused suppression) in every quoting context (bare, `'…'`, `"…"`, `$'…'`,
/// adjacent pieces, values split across pieces, continuations, JSON in either quotes, YAML block and flow, CRLF).
/// `Tests/oracle/fix_property.py` generates them, runs the built binary's `--fix` over them and checks that bash
/// accepts every fixed script, that the words bash passes to `aws` make the CLI send exactly the expected request,
/// that no byte outside the fault changed, and that a second `--fix` changes nothing and the rule is gone.
@Suite(.serialized) struct FixPropertyTests {
    static let caseCount = 2000

    static var oracleUnavailable: String? {
        guard
            FileManager.default.isExecutableFile(atPath: "/bin/bash")
                || FileManager.default.isExecutableFile(
                    atPath: "/usr/bin/bash")
        else { return "bash is not installed" }
        guard
            let status = try? PythonRunner.run(["-c", "import awscli, botocore, ruamel.yaml"], input: nil).status,
            status == 0
        else { return "python3 with awscli and ruamel.yaml is not installed" }
        return nil
    }

    @Test(.enabled(if: oracleUnavailable == nil, "needs bash, and python3 with awscli and ruamel.yaml (the oracles)"))
    func everyFixIsProvenByBashAndTheAWSCLI() throws {
        TestSupport.enterRoot()
        let binary = try #require(TestSupport.binary, "the wmlint binary is built")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-fix-property-\(getpid())")
        let run = try PythonRunner.run(
            [
                TestSupport.root + "/Tests/oracle/fix_property.py", "--wmlint", binary, "--count",
                String(Self.caseCount), "--dir", directory.path,
            ], input: nil)
        let line = try #require(run.stdout.split(separator: "\n").last, "the property script printed its result")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        let result = try #require(object as? [String: Any], "a JSON object: \(line)")
        #expect(result["cases"] as? Int == Self.caseCount)
        #expect(result["failure_count"] as? Int == 0, "failures: \(result["failures"] ?? "none")")
        #expect(run.status == 0)
    }
}
