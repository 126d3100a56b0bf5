import Foundation
import Testing
import WMLintSource

@testable import WMLintKit

@Suite struct GitLabInputTests {
    static let command = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")

    static func scripts(_ text: String) -> [String] {
        GitLabJobs.scripts(in: SourceFile(path: ".gitlab-ci.yml", bytes: Array(text.utf8))).map {
            String(decoding: $0.text.bytes, as: UTF8.self)
        }
    }

    /// Lints the files (relative path to text) in a fresh directory, naming `paths` (default: the directory).
    static func lint(_ files: [String: String], paths: [String]? = nil) throws -> (LintReport, [String: [UInt8]]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-gitlab-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let named = (paths ?? ["."]).map { directory.appendingPathComponent($0).path }
        let report = try Linter.run(LintOptions(paths: named))
        return (report, files.mapValues { Array($0.utf8) })
    }

    /// Each diagnostic as `rule: file: covered text`.
    static func found(_ report: LintReport, _ files: [String: [UInt8]]) -> [String] {
        report.diagnostics.map { diagnostic in
            let name = files.keys.first { diagnostic.path.hasSuffix("/" + $0) || diagnostic.path == $0 } ?? "?"
            let bytes = files[name] ?? []
            let lower = min(diagnostic.range.lowerBound.offset, bytes.count)
            let upper = min(max(lower, diagnostic.range.upperBound.offset), bytes.count)
            return "\(diagnostic.rule.rawValue): \(name): " + String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
    }

    @Test func sectionsOfJobsDefaultsAndTemplates() {
        let text =
            "stages: [a]\nvariables:\n  X: 1\nbefore_script: echo global\ndefault:\n  after_script:\n    - echo d1\n"
            + "    - echo d2\n.template:\n  script: echo hidden\njob:\n  before_script: [echo b]\n  script:\n"
            + "    - echo one\n    - - echo nested\n      - echo nested2\n    - |\n      echo block\n  after_script: echo after\n"
            + "workflow:\n  rules: []\ninclude: []\nnot-a-job: 3\n"
        #expect(
            Self.scripts(text) == [
                "echo global", "echo d1\necho d2", "echo hidden", "echo b",
                "echo one\necho nested\necho nested2\necho block\n", "echo after",
            ])
    }

    /// A line that is not a string, or an alias to an earlier line, leaves its section out.
    @Test func sectionsThatCannotBeRebuiltAreSkipped() {
        let text =
            "a:\n  script:\n    - &x echo one\n    - 3\nb:\n  script:\n    - echo two\n    - *x\nc:\n  script: [echo ok]\n"
        #expect(Self.scripts(text) == ["echo ok"])
    }

    /// `variables:` of the file and the job (the job's overriding) are variables the script starts with; a value
    /// with `$` is unknown (GitLab expands it); GitLab's `{value: …}` form counts.
    @Test func variablesAreFollowed() throws {
        let use = Self.command.replacingOccurrences(of: "m-0123456789abcdef0123456789abcdef", with: "$ORG")
        let text =
            "variables:\n  ORG: m-GLOBAL\n  AWS_REGION: {value: cn-north-1, description: region}\n"
            + "one:\n  variables:\n    ORG: 'm-JOB'\n  script:\n    - \(use)\n"
            + "two:\n  script: \(use)\n"
            + "three:\n  variables:\n    ORG: m-$SUFFIX\n  script: \(use)\n"
        let (report, files) = try Self.lint([".gitlab-ci.yml": text])
        let found = Self.found(report, files)
        #expect(
            found.filter { $0.hasPrefix("organization-id-format") } == [
                "organization-id-format: .gitlab-ci.yml: m-GLOBAL", "organization-id-format: .gitlab-ci.yml: m-JOB",
            ])
        #expect(found.contains("region-unsupported: .gitlab-ci.yml: cn-north-1"))
        #expect(found.filter { $0.hasPrefix("unresolved-value") } == ["unresolved-value: .gitlab-ci.yml: $ORG"])
    }

    /// Local includes, nested and in a loop, are read once each, located in their own file; a remote include, a
    /// wildcard and a path that leads out of the repository are not read.
    @Test func localIncludes() throws {
        let bad = Self.command.replacingOccurrences(of: "ACTIVE", with: "Active")
        let files = [
            ".gitlab-ci.yml":
                "include:\n  - local: /ci/a.yml\n  - remote: https://example.com/x.yml\n  - 'ci/*.yml'\n"
                + "  - local: ../outside.yml\njob:\n  script: echo\n",
            "ci/a.yml": "include: ci/b.yml\na:\n  script: \(bad)\n",
            "ci/b.yml": "include:\n  local: ci/a.yml\nb:\n  # wmlint-disable-next-line enum-value\n  script: \(bad)\n",
            "ci/c.yml": "c:\n  script: \(bad)\n",
        ]
        let (report, bytes) = try Self.lint(files)
        #expect(Self.found(report, bytes) == ["enum-value: ci/a.yml: Active"])
        #expect(report.fileCount == 1)
        // Named on its own, an included file is a YAML document like any other: not an input.
        let (alone, _) = try Self.lint(files, paths: ["ci/a.yml"])
        #expect(alone.diagnostics.isEmpty)
    }

    @Test func includeOutsideTheRepositoryIsNotRead() throws {
        let bad = Self.command.replacingOccurrences(of: "ACTIVE", with: "Active")
        let files = [
            "repo/.gitlab-ci.yml": "include:\n  - local: ../outside.yml\n  - local: link.yml\njob:\n  script: echo\n",
            "outside.yml": "x:\n  script: \(bad)\n",
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-gitlab-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("repo/link.yml").path,
            withDestinationPath: directory.appendingPathComponent("outside.yml").path)
        let report = try Linter.run(LintOptions(paths: [directory.appendingPathComponent("repo/.gitlab-ci.yml").path]))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func yamlCommentsSuppressAndAreReportedUnused() throws {
        let bad = Self.command.replacingOccurrences(of: "ACTIVE", with: "Active")
        let text =
            "# wmlint-disable-next-line enum-value -- reviewed\none:\n  script: \(bad)\n"
            + "two:\n  script:\n    # wmlint-disable-next-line region-unsupported\n    - \(bad)\n"
        let (report, files) = try Self.lint([".gitlab-ci.yml": text])
        #expect(
            Self.found(report, files) == [
                "unused-suppression: .gitlab-ci.yml: region-unsupported", "enum-value: .gitlab-ci.yml: Active",
            ])
    }
}
