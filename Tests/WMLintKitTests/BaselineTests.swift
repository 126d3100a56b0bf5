import Foundation
import Testing

/// `--write-baseline`, `--baseline` and `--strict-baseline` through the built binary, on a copy of `testdata/`.
@Suite("Baseline")
struct BaselineTests {
    /// A copy of the repository's `testdata/` in a new directory (the project root of the runs), and the binary.
    static func project() throws -> (directory: String, binary: String) {
        let binary = try #require(TestSupport.binary, "the wmlint binary is not built")
        let directory = try Hostile.temporaryDirectory()
        try FileManager.default.copyItem(atPath: TestSupport.root + "/testdata", toPath: directory + "/testdata")
        return (directory, binary)
    }

    /// The shell scripts under `directory` (recursively).
    static func scripts(in directory: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: directory)
        var found: [String] = []
        while let name = walker?.nextObject() as? String {
            if name.hasSuffix(".sh") { found.append(directory + "/" + name) }
        }
        return found.sorted()
    }

    static func diagnostics(_ json: String) throws -> [[String: Any]] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(report["diagnostics"] as? [[String: Any]])
    }

    @Test func aBaselineOfTestdataHoldsBackEveryFindingAcrossEditsAndLetsANewOneThrough() throws {
        let (directory, binary) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try Hostile.run(binary, ["check", "--format", "json", "testdata"], in: directory)
        let findings = try Self.diagnostics(before.stdout).count
        #expect(findings > 50, "testdata has findings to record")

        let written = try Hostile.run(
            binary, ["check", "testdata", "--write-baseline", "wmlint-baseline.json"], in: directory)
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(written.stderr == "wmlint: recorded \(findings) findings in 'wmlint-baseline.json'\n")
        let baseline = try String(contentsOfFile: directory + "/wmlint-baseline.json", encoding: .utf8)
        if FormatSupport.hasJSONSchema {
            let schema = TestSupport.root + "/schemas/baseline.schema.json"
            #expect(try FormatSupport.validate(baseline, schemaPath: schema) == "")
        }
        // One entry per line, sorted by path and rule: a baseline diffs well.
        let lines = baseline.split(separator: "\n").filter { $0.hasPrefix("    {") }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(baseline.utf8)) as? [String: Any])
        let entries = try #require(object["findings"] as? [[String: Any]])
        #expect(lines.count == entries.count)
        let order = entries.map { [$0["path"] as? String ?? "", $0["rule"] as? String ?? ""] }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
        #expect(entries.reduce(0) { $0 + ($1["count"] as? Int ?? 1) } == findings)
        #expect(!baseline.contains("\"line\""))

        let applied = try Hostile.run(
            binary, ["check", "testdata", "--baseline", "wmlint-baseline.json", "--strict-baseline"], in: directory)
        #expect(applied.status == 0)
        #expect(applied.stdout.isEmpty)

        // Every line of every script moves down: nothing new is reported.
        for script in Self.scripts(in: directory + "/testdata") {
            let text = try String(contentsOfFile: script, encoding: .utf8)
            let shifted =
                text.hasPrefix("#!")
                ? text.replacingOccurrences(of: "\n", with: "\n\n\n", options: [], range: text.range(of: "\n"))
                : "\n\n\n" + text
            try shifted.write(toFile: script, atomically: true, encoding: .utf8)
        }
        let shifted = try Hostile.run(
            binary, ["check", "--format", "json", "testdata", "--baseline", "wmlint-baseline.json"], in: directory)
        #expect(try Self.diagnostics(shifted.stdout).isEmpty)
        #expect(shifted.status == 0)

        // A new mistake is reported, and only it.
        let script = directory + "/testdata/examples/new.sh"
        try """
        aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789ABCDEF \\
          --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \\
          --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \\
          --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30

        """.write(toFile: script, atomically: true, encoding: .utf8)
        let added = try Hostile.run(
            binary, ["check", "--format", "json", "testdata", "--baseline", "wmlint-baseline.json"], in: directory)
        let new = try Self.diagnostics(added.stdout)
        #expect(new.map { $0["rule"] as? String } == ["organization-id-format"])
        #expect(new.first?["path"] as? String == "testdata/examples/new.sh")
        #expect(added.status == 1)
        let text = try Hostile.run(
            binary, ["check", "testdata", "--baseline", "wmlint-baseline.json"], in: directory)
        #expect(text.stdout.hasSuffix("1 error, 0 warnings in 31 files (\(findings) findings in the baseline)\n"))
    }

    @Test func aStaleEntryIsReportedOnlyWithStrictBaseline() throws {
        let (directory, binary) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/testdata/examples/request.yaml"
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try Hostile.run(
            binary, ["check", "testdata/examples", "--write-baseline", "testdata/baseline.json"], in: directory)
        try FileManager.default.removeItem(atPath: path)
        let lenient = try Hostile.run(
            binary, ["check", "testdata/examples", "--baseline", "testdata/baseline.json"], in: directory)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.isEmpty)
        let strict = try Hostile.run(
            binary,
            [
                "check", "--format", "json", "testdata/examples", "--baseline", "testdata/baseline.json",
                "--strict-baseline",
            ],
            in: directory)
        #expect(strict.status == 1)
        let stale = try Self.diagnostics(strict.stdout)
        #expect(!stale.isEmpty)
        for diagnostic in stale {
            #expect(diagnostic["rule"] as? String == "unused-suppression")
            #expect(diagnostic["severity"] as? String == "error")
            #expect(diagnostic["path"] as? String == "testdata/baseline.json")
            #expect((diagnostic["message"] as? String)?.contains("in 'examples/request.yaml' matches nothing") == true)
        }
    }

    @Test func aBrokenBaselineIsAUsageErrorThatSaysWhere() throws {
        let (directory, binary) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cases: [(String, String)] = [
            ("{\"version\": 1, \"findings\": [\n{\"path\": 3}]}", "baseline 'b.json':2: \"path\" must be a string"),
            ("{\"version\": 2, \"findings\": []}", "unsupported version"),
            ("[1,", "baseline 'b.json':1:"),
        ]
        for (text, expected) in cases {
            try text.write(toFile: directory + "/b.json", atomically: true, encoding: .utf8)
            let run = try Hostile.run(binary, ["check", "testdata/examples", "--baseline", "b.json"], in: directory)
            #expect(run.status == 2, "\(text)")
            #expect(run.stderr.contains(expected), "\(run.stderr)")
        }
        let missing = try Hostile.run(binary, ["check", "testdata/examples", "--baseline", "nope.json"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("baseline 'nope.json' does not exist"))
        let lone = try Hostile.run(binary, ["check", "testdata/examples", "--strict-baseline"], in: directory)
        #expect(lone.status == 2)
        #expect(lone.stderr.contains("--strict-baseline needs --baseline FILE"))
    }
}
