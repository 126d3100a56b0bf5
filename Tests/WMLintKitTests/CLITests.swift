import Foundation
import Testing

/// The binary as a user runs it: exit codes, standard input, formats.
@Suite struct CLITests {
    @Test func cleanInputExitsZeroAndPrintsNothing() throws {
        let run = try TestSupport.run(["check", "testdata/golden/valid.json"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }

    @Test func errorsExitOne() throws {
        let run = try TestSupport.run(["testdata/examples/setup.sh"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[type-mismatch]"))
        #expect(run.stdout.contains("--> testdata/examples/setup.sh:"))
    }

    @Test func missingPathExitsTwo() throws {
        let run = try TestSupport.run(["check", "no/such/file.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/file.json"))
    }

    @Test func badUsageExitsTwoNotSixtyFour() throws {
        #expect(try TestSupport.run(["check", "--format", "xml"]).status == 2)
        #expect(try TestSupport.run(["check", "--no-such-flag"]).status == 2)
        #expect(try TestSupport.run(["convert", "--to", "toml", "x.json"]).status == 2)
    }

    @Test func standardInputNeedsAName() throws {
        let run = try TestSupport.run(["check", "-"], input: "{}")
        #expect(run.status == 2)
        #expect(run.stderr.contains("--stdin-filename"))
    }

    @Test func standardInputBehavesLikeTheFile() throws {
        let text = try String(contentsOfFile: TestSupport.root + "/testdata/golden/type-errors.json", encoding: .utf8)
        let fromFile = try TestSupport.run(["check", "--format", "json", "testdata/golden/type-errors.json"])
        let fromStdin = try TestSupport.run(
            ["check", "--format", "json", "--stdin-filename", "testdata/golden/type-errors.json", "-"], input: text)
        #expect(fromFile.status == 1)
        #expect(fromStdin.status == fromFile.status)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test func jsonOutputParsesAndHasTheSpecShape() throws {
        let run = try TestSupport.run(["check", "--format", "json", "testdata/examples"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            for key in ["rule", "severity", "message", "path", "range", "related", "fixes"] {
                #expect(diagnostic[key] != nil, "missing \(key)")
            }
        }
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["errors"] == diagnostics.count { $0["severity"] as? String == "error" })
    }

    @Test func convertPrintsTheRequestAndFailsOnRejectedInput() throws {
        let good = try TestSupport.run(["convert", "--to", "json", "testdata/golden/valid.sh"])
        #expect(good.status == 0)
        let value = try JSONSerialization.jsonObject(with: Data(good.stdout.utf8)) as? [String: Any]
        #expect(value?["OrganizationId"] as? String == "m-0123456789abcdef0123456789abcdef")
        let bad = try TestSupport.run(["convert", "testdata/golden/shorthand-errors.sh"])
        #expect(bad.status == 1)
        #expect(!bad.stderr.isEmpty)
    }

    @Test func unrelatedJSONIsSkippedWhenWalking() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-walk-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"name": "x", "version": "1.0.0"}"#.write(
            to: directory.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try "// comment\n{\"compilerOptions\": {}}".write(
            to: directory.appendingPathComponent("tsconfig.json"), atomically: true, encoding: .utf8)
        try "on: push\njobs: {}\n".write(
            to: directory.appendingPathComponent("ci.yml"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["check", "."], in: directory.path)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }
}
