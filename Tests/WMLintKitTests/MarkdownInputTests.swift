import Foundation
import Testing
import WMLintSource

@testable import WMLintKit

/// Lints Markdown and workflow text written to a temporary directory, for exact ranges in the file.
enum EmbeddedLint {
    /// The options of a complete, valid request, with `STATUS` to replace.
    static let options =
        "--organization-id m-0123456789abcdef0123456789abcdef --authentication-mode IDENTITY_PROVIDER_ONLY "
        + "--identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,"
        + "ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 "
        + "--personal-access-token-configuration Status=STATUS"
    static let command = "aws workmail put-identity-provider-configuration " + options

    struct Result {
        var report: LintReport
        var bytes: [UInt8]

        /// Each diagnostic as `rule: covered text`.
        var found: [String] {
            report.diagnostics.map { "\($0.rule.rawValue): " + covered($0.range) }
        }

        func covered(_ range: SourceRange) -> String {
            String(decoding: bytes[range.lowerBound.offset..<range.upperBound.offset], as: UTF8.self)
        }

        /// The byte range of the `occurrence`-th (0-based) `needle` in the file.
        func range(of needle: String, occurrence: Int = 0) -> SourceRange? {
            let target = Array(needle.utf8)
            var seen = 0
            var index = 0
            while index + target.count <= bytes.count {
                if bytes[index..<(index + target.count)].elementsEqual(target) {
                    if seen == occurrence { return .bytes(index, index + target.count) }
                    seen += 1
                }
                index += 1
            }
            return nil
        }
    }

    /// Lints `text` saved as `name` (a path relative to a fresh directory).
    static func lint(_ text: String, name: String) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-embedded-\(UUID())")
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Array(text.utf8)
        try Data(bytes).write(to: url)
        let report = try Linter.run(LintOptions(paths: [url.path]))
        return Result(report: report, bytes: bytes)
    }
}

@Suite struct MarkdownInputTests {
    static func blockScripts(_ text: String) -> [String] {
        MarkdownBlocks.scripts(in: SourceFile(path: "x.md", bytes: Array(text.utf8))).map {
            String(decoding: $0.text.bytes, as: UTF8.self)
        }
    }

    @Test func bashBlockAfterMultiByteTextPointsIntoTheFile() throws {
        let text =
            "# 日本語 🚀 setup\n\nRun:\n\n```bash title=\"x\"\n"
            + EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "Active") + "\n```\n"
        let result = try EmbeddedLint.lint(text, name: "doc.md")
        #expect(result.found == ["enum-value: Active"])
        let diagnostic = try #require(result.report.diagnostics.first)
        #expect(diagnostic.range == result.range(of: "Active"))
        #expect(diagnostic.range.lowerBound.offset == 429)
        #expect(diagnostic.fixes.first?.edits.first?.range == diagnostic.range)
        #expect(result.report.fileCount == 1)
    }

    @Test(arguments: ["sh", "bash", "shell", "zsh", "SH", "console"])
    func shellLanguagesAreRead(_ language: String) {
        let prompt = language == "console" ? "$ " : ""
        #expect(Self.blockScripts("```\(language)\n\(prompt)aws s3 ls\n```\n") == ["aws s3 ls\n"])
    }

    @Test(arguments: ["python", "", "text", "{.bash}", "shell-script"])
    func otherBlocksAreIgnored(_ language: String) {
        #expect(Self.blockScripts("```\(language)\naws s3 ls\n```\n").isEmpty)
    }

    @Test func consoleKeepsCommandsAndTheirContinuationsOnly() {
        let text =
            "```console\n$ aws s3 ls \\\n>   --region eu-west-1 \\\n    --debug\noutput line\n# root prompt\n$ echo ok\n```\n"
        #expect(Self.blockScripts(text) == ["aws s3 ls \\\n  --region eu-west-1 \\\n    --debug\necho ok\n"])
    }

    @Test func consoleWithCRLFMapsTheContinuationLine() throws {
        let text =
            "Intro — ü\r\n\r\n```console\r\n$ "
            + EmbeddedLint.command.replacingOccurrences(of: " --personal", with: " \\\r\n  --personal")
            .replacingOccurrences(of: "STATUS", with: "active")
            + "\r\nAn error occurred (ValidationException)\r\n```\r\n"
        let result = try EmbeddedLint.lint(text, name: "doc.md")
        #expect(result.found == ["enum-value: active"])
        #expect(result.report.diagnostics.first?.range == result.range(of: "active"))
    }

    @Test func indentedFenceInAListStripsItsIndentation() throws {
        let text =
            "1. Step one:\n\n   ~~~~sh\n   aws workmail put-identity-provider-configuration \\\n   \t--organization-id m-1 --authentication-mode IDENTITY_PROVIDER_ONLY\n   ```\n   ~~~\n   ~~~~~\n"
        let scripts = Self.blockScripts(text)
        #expect(
            scripts == [
                "aws workmail put-identity-provider-configuration \\\n\t--organization-id m-1 --authentication-mode IDENTITY_PROVIDER_ONLY\n```\n~~~\n"
            ])
        let result = try EmbeddedLint.lint(text, name: "doc.md")
        #expect(result.found.contains("organization-id-format: m-1"))
        let diagnostic = try #require(result.report.diagnostics.first { $0.rule == .organizationIdFormat })
        #expect(diagnostic.range == result.range(of: "m-1"))
    }

    @Test func nestedListFenceIsFound() {
        let text = "- outer\n  - inner\n\n    ```sh\n    aws s3 ls\n    ```\n"
        #expect(Self.blockScripts(text) == ["aws s3 ls\n"])
    }

    @Test func indentedCodeIsNotAFence() {
        #expect(Self.blockScripts("Text\n\n    ```sh\n    aws s3 ls\n    ```\n").isEmpty)
        #expect(Self.blockScripts("\t```sh\n\taws s3 ls\n\t```\n").isEmpty)
    }

    @Test func backtickInInfoStringIsNotAFence() {
        #expect(Self.blockScripts("``` sh `x`\naws s3 ls\n```\n").isEmpty)
        #expect(Self.blockScripts("~~~ sh `x`\naws s3 ls\n~~~\n") == ["aws s3 ls\n"])
    }

    @Test func closingFenceMustMatchCharacterAndLength() {
        #expect(Self.blockScripts("````sh\na\n```\nb\n````\nnot code\n") == ["a\n```\nb\n"])
        #expect(Self.blockScripts("```sh\na\n``` x\nb\n```\n") == ["a\n``` x\nb\n"])
    }

    @Test func unclosedFenceRunsToTheEnd() {
        #expect(Self.blockScripts("```sh\naws s3 ls") == ["aws s3 ls"])
    }

    @Test func listItemEndingClosesItsFence() {
        #expect(Self.blockScripts("- item\n  ```sh\n  aws s3 ls\nafter\n") == ["aws s3 ls\n"])
    }

    @Test func mapEveryByteBackToTheFile() throws {
        let text = "é\n  ```sh\n  ab\n   c\n  ```\n"
        let script = try #require(MarkdownBlocks.scripts(in: SourceFile(path: "x.md", bytes: Array(text.utf8))).first)
        #expect(script.text.bytes == Array("ab\n c\n".utf8))
        let map = try #require(script.text.map)
        #expect(map.starts == [13, 14, 15, 18, 19, 20, 21])
        #expect(map.ends == [14, 15, 16, 19, 20, 21])
    }

    @Test func fileWithoutInvocationIsQuiet() throws {
        let text = "# Notes\n\n```sh\naws s3 ls\n```\n\n```json\n{\"OrganizationId\": 1}\n```\n"
        let result = try EmbeddedLint.lint(text, name: "notes.md")
        #expect(result.report.diagnostics.isEmpty)
        #expect(result.report.fileCount == 0)
        #expect(result.report.sources["notes.md"] == nil)
    }

    @Test func binaryJunkIsQuiet() throws {
        let result = try EmbeddedLint.lint("```sh\n\u{0}\u{1}aws\u{7f}\n```", name: "junk.md")
        #expect(result.report.diagnostics.isEmpty)
    }

    @Test func goldenMarkdown() throws {
        TestSupport.enterRoot()
        let path = "testdata/integrations/README.md"
        let report = try Linter.run(LintOptions(paths: [path]))
        TestSupport.assertGolden(TextFormatter.format(report), path: path + ".text.golden")
        TestSupport.assertGolden(JSONFormatter.format(report), path: path + ".json.golden")
    }

    /// `shell-session` and `sh-session` blocks are read as `console` ones: prompts stripped, output dropped.
    @Test(arguments: ["shell-session", "sh-session", "Console"])
    func sessionBlocks(_ language: String) {
        let text = "```\(language)\n$ echo one \\\n> two\noutput\n$ echo three\n```\n"
        #expect(Self.blockScripts(text) == ["echo one \\\ntwo\necho three\n"])
    }

    /// HTML comments suppress: before a fence the whole block, before a line that line, `disable-file` the file;
    /// one that suppresses nothing is reported, and its fix removes its line. Inside a block, one is only text.
    @Test func htmlCommentsSuppress() throws {
        let bad = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "Active")
        let text =
            "# Setup\n\n<!-- wmlint-disable-next-line enum-value -- example -->\n\n```sh\necho\n\(bad)\n```\n\n"
            + "<!-- wmlint-disable-next-line region-unsupported -->\n```console\n$ \(bad)\n```\n"
            + "```sh\n<!-- wmlint-disable-next-line enum-value -->\n\(bad)\n```\n"
        let result = try EmbeddedLint.lint(text, name: "doc.md")
        #expect(
            result.found == [
                "unused-suppression: region-unsupported", "enum-value: Active", "enum-value: Active",
            ])
        let unused = try #require(result.report.diagnostics.first)
        #expect(
            unused.fixes.first?.edits.first.map { result.covered($0.range) }
                == "<!-- wmlint-disable-next-line region-unsupported -->\n")
        let file = "<!-- wmlint-disable-file enum-value -->\n```bash\n\(bad)\n```\n"
        #expect(try EmbeddedLint.lint(file, name: "doc.md").found == [])
    }
}
