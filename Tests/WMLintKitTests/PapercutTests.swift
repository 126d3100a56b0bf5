import Foundation
import Testing

/// What a new user runs into first, through the built binary: help text, suggestions, `--quiet`, option values.
@Suite struct PapercutTests {
    @Test func helpCitesNoSectionOfADocumentUsersDoNotHave() throws {
        for arguments in [["check", "--help"], ["convert", "--help"], ["--help"], ["explain", "--help"]] {
            let run = try TestSupport.run(arguments)
            #expect(run.status == 0)
            #expect(!run.stdout.contains("SPEC"), "\(arguments)")
            #expect(!run.stdout.contains("§"), "\(arguments)")
        }
    }

    @Test func readmeDocsSchemasAndBenchmarksCiteNoSection() throws {
        var paths = ["README.md"]
        for directory in ["docs", "schemas", "benchmarks"] {
            guard let walker = FileManager.default.enumerator(atPath: TestSupport.root + "/" + directory) else {
                continue
            }
            for case let name as String in walker
            where [".md", ".json", ".py", ".sh"].contains(where: { name.hasSuffix($0) }) {
                paths.append(directory + "/" + name)
            }
        }
        #expect(paths.count > 3)
        for path in paths {
            let text = try String(contentsOfFile: TestSupport.root + "/" + path, encoding: .utf8)
            #expect(!text.contains("SPEC §"), "\(path)")
            #expect(!text.contains("§"), "\(path)")
        }
    }

    @Test func ruleSuggestionsAreTheCataloguesAndExplainPrintsItsUsage() throws {
        let explain = try TestSupport.run(["explain", "Enum-Value"])
        #expect(explain.status == 2)
        #expect(explain.stderr.contains("did you mean 'enum-value'?"))
        #expect(explain.stderr.contains("Usage: wmlint explain <rule>"))
        let enable = try TestSupport.run(["check", "--enable", "foo", "testdata/golden/valid.json"])
        #expect(enable.status == 2)
        #expect(enable.stderr.contains("unknown rule 'foo'"))
        #expect(!enable.stderr.contains("did you mean"))
        let near = try TestSupport.run(["check", "--disable", "enum-valeu", "testdata/golden/valid.json"])
        #expect(near.stderr.contains("did you mean 'enum-value'?"))
    }

    @Test func severityOffSwitchesTheRuleOff() throws {
        let on = try TestSupport.run(["check", "--format", "gcc", "testdata/examples"])
        #expect(on.stdout.contains("[type-mismatch]"))
        let off = try TestSupport.run(
            ["check", "--format", "gcc", "--severity", "type-mismatch=off", "testdata/examples"])
        #expect(!off.stdout.contains("[type-mismatch]"))
        let bad = try TestSupport.run(["check", "--severity", "enum-value=of", "testdata/golden/valid.json"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'off'?"))
    }

    @Test func negativeMaxFileSizeSaysWhatIsWrong() throws {
        for arguments in [
            ["check", "--max-file-size", "-5", "testdata/golden/valid.json"],
            ["check", "--max-file-size=-5", "testdata/golden/valid.json"],
            ["convert", "--max-file-size", "-5", "testdata/golden/valid.json"],
        ] {
            let run = try TestSupport.run(arguments)
            #expect(run.status == 2)
            #expect(run.stderr.contains("--max-file-size must not be negative"), "\(arguments)")
        }
    }

    @Test func quietSummaryCountsWhatItShowsAndOutputReportsStayWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-quiet-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("full.json").path
        let full = try TestSupport.run(["check", "testdata/examples"])
        let quiet = try TestSupport.run(["check", "--quiet", "--output", "json=" + report, "testdata/examples"])
        #expect(full.stdout.contains("info["))
        #expect(!quiet.stdout.contains("info["))
        let shown = quiet.stdout.split(separator: "\n").count { $0.hasPrefix("error[") }
        let summary = try #require(quiet.stdout.split(separator: "\n").last.map(String.init))
        #expect(summary.hasPrefix("\(shown) errors, 0 warnings in "))
        #expect(summary.hasSuffix("hidden by --quiet)"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let counts = try #require(object["summary"] as? [String: Int])
        #expect((counts["infos"] ?? 0) > 0)
    }

    @Test func partitionMismatchReportsEveryArnAtFault() throws {
        let run = try TestSupport.run(["check", "--format", "gcc", "testdata/golden/partition-both.sh"])
        #expect(run.stdout.components(separatedBy: "[partition-mismatch]").count - 1 == 2)
    }
}

/// `--verbose`: the files checked, and why a named document was skipped; nothing about files a walk passed over.
@Suite struct VerboseTests {
    @Test func listsCheckedFilesAndSaysWhyANamedDocumentWasSkipped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-verbose-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"name": "x"}"#.write(
            to: directory.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: directory.appendingPathComponent("other.yml"), atomically: true, encoding: .utf8)
        try "echo hi\n".write(to: directory.appendingPathComponent("setup.sh"), atomically: true, encoding: .utf8)
        let named = try TestSupport.run(
            ["check", "--verbose", "package.json", "setup.sh", "other.yml"], in: directory.path)
        #expect(named.status == 0)
        #expect(named.stdout.isEmpty)
        #expect(
            named.stderr.split(separator: "\n") == [
                "wmlint: checked setup.sh",
                "wmlint: info: package.json: skipped: no put-identity-provider-configuration parameter at its top "
                    + "level, so it does not look like a request; --input-format json checks it anyway",
                "wmlint: info: other.yml: skipped: no put-identity-provider-configuration parameter at its top "
                    + "level, so it does not look like a request; --input-format yaml checks it anyway",
            ])
        let walked = try TestSupport.run(["check", "--verbose", "."], in: directory.path)
        #expect(walked.stderr == "wmlint: checked setup.sh\n")
        let quiet = try TestSupport.run(["check", "package.json", "setup.sh"], in: directory.path)
        #expect(quiet.stderr.isEmpty)
    }
}
