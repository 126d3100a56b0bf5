import Foundation
import Testing
import WMLintSource

@testable import WMLintKit

@Suite struct WorkflowInputTests {
    static let path = ".github/workflows/ci.yml"

    static func scripts(_ text: String) -> [String] {
        WorkflowSteps.scripts(in: SourceFile(path: path, bytes: Array(text.utf8))).map {
            String(decoding: $0.text.bytes, as: UTF8.self)
        }
    }

    static func workflow(steps: String, defaults: String = "", jobDefaults: String = "") -> String {
        "name: 日本語 🚀\non: push\n\(defaults)jobs:\n  a:\n    runs-on: ubuntu-latest\n\(jobDefaults)    steps:\n\(steps)"
    }

    @Test func blockScalarPointsIntoTheFile() throws {
        let run = EmbeddedLint.command.replacingOccurrences(of: " --", with: " \\\n            --")
            .replacingOccurrences(of: "STATUS", with: "Active")
        let text = Self.workflow(steps: "      - name: connect\n        run: |\n          echo ü\n          \(run)\n")
        let result = try EmbeddedLint.lint(text, name: Self.path)
        #expect(result.found == ["enum-value: Active"])
        let diagnostic = try #require(result.report.diagnostics.first)
        #expect(diagnostic.range == result.range(of: "Active"))
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "ACTIVE")
        #expect(result.report.fileCount == 1)
    }

    @Test func expressionIsAnUnresolvedValueInEveryQuoting() throws {
        let steps = [
            "'${{ secrets.ORG }}'", "\"${{ secrets.ORG }}\"", "${{ secrets.ORG }}", "m-${{ format('{0}', x) }}",
        ].map {
            "      - run: aws workmail put-identity-provider-configuration --organization-id \($0) --authentication-mode X\n"
        }
        let result = try EmbeddedLint.lint(Self.workflow(steps: steps.joined()), name: Self.path)
        let unresolved = result.report.diagnostics.filter { $0.rule == .unresolvedValue }
        #expect(unresolved.count == 4)
        #expect(!result.report.diagnostics.contains { $0.rule == .organizationIdFormat })
        #expect(result.found.filter { $0.hasPrefix("enum-value") } == Array(repeating: "enum-value: X", count: 4))
        #expect(unresolved.first.map { result.covered($0.range) } == "'${{ secrets.ORG }}'")
    }

    @Test func expressionIsMaskedWithTheSameLength() {
        let scripts = Self.scripts(Self.workflow(steps: "      - run: echo ${{ a }}x'${{b}}'\n"))
        #expect(scripts == ["echo $_______x'$_____'"])
    }

    @Test func shellSelection() {
        let steps =
            "      - run: echo default\n      - shell: pwsh\n        run: echo pwsh\n"
            + "      - shell: bash --noprofile --norc -eo pipefail {0}\n        run: echo bash\n"
            + "      - shell: /bin/sh -e {0}\n        run: echo sh\n      - shell: python\n        run: print(1)\n"
            + "      - shell: ${{ matrix.shell }}\n        run: echo unknown\n"
        #expect(Self.scripts(Self.workflow(steps: steps)) == ["echo default", "echo bash", "echo sh"])
    }

    @Test func defaultsRunShellOfJobThenWorkflow() {
        let steps = "      - run: echo job\n      - shell: bash\n        run: echo step\n"
        let jobCmd = "    defaults:\n      run:\n        shell: cmd\n"
        let workflowPwsh = "defaults:\n  run:\n    shell: pwsh\n"
        #expect(Self.scripts(Self.workflow(steps: steps, jobDefaults: jobCmd)) == ["echo step"])
        #expect(Self.scripts(Self.workflow(steps: steps, defaults: workflowPwsh)) == ["echo step"])
        let jobBash = "    defaults:\n      run:\n        shell: bash\n"
        #expect(
            Self.scripts(Self.workflow(steps: steps, defaults: workflowPwsh, jobDefaults: jobBash)) == [
                "echo job", "echo step",
            ])
    }

    @Test func pwshStepIsNotLinted() throws {
        let steps =
            "      - shell: pwsh\n        run: aws workmail put-identity-provider-configuration --organization-id bad\n"
        let result = try EmbeddedLint.lint(Self.workflow(steps: steps), name: Self.path)
        #expect(result.report.diagnostics.isEmpty)
        #expect(result.report.fileCount == 0)
    }

    @Test func doubleQuotedEscapesMapToTheirSource() throws {
        let steps =
            "      - run: \"aws workmail put-identity-provider-configuration --cli-input-json \\\"{\\\\\\\"OrganizationId\\\\\\\": \\\\\\\"m-\\u00e9\\\\\\\"}\\\"\"\n"
        let text = Self.workflow(steps: steps)
        let result = try EmbeddedLint.lint(text, name: Self.path)
        let diagnostic = try #require(result.report.diagnostics.first { $0.rule == .organizationIdFormat })
        #expect(result.covered(diagnostic.range) == "m-\\u00e9")
    }

    @Test func singleQuotedDoubledQuoteMapsToBoth() throws {
        let steps =
            "      - run: 'aws workmail put-identity-provider-configuration --authentication-mode ''IDP'' --organization-id m-1'\n"
        let result = try EmbeddedLint.lint(Self.workflow(steps: steps), name: Self.path)
        #expect(result.found.contains("enum-value: IDP"))
        #expect(result.found.contains("organization-id-format: m-1"))
        let file = SourceFile(path: Self.path, bytes: result.bytes)
        let script = try #require(WorkflowSteps.scripts(in: file).first)
        let quote = try #require(script.text.bytes.firstIndex(of: UInt8(ascii: "'")))
        let range = script.text.fileRange(quote..<(quote + 1))
        #expect(result.covered(range) == "''")
    }

    @Test func fixThatWouldBreakTheQuotedScalarIsDropped() throws {
        let steps =
            "      - run: \"aws workmail put-identity-provider-configuration --personal-access-token-configuration 'Status=Active'\"\n"
        let result = try EmbeddedLint.lint(Self.workflow(steps: steps), name: Self.path)
        let diagnostic = try #require(result.report.diagnostics.first { $0.rule == .enumValue })
        #expect(result.covered(diagnostic.range) == "Active")
        #expect(diagnostic.fixes.allSatisfy { !$0.edits.contains { $0.replacement.contains("\"") } })
    }

    @Test func crlfBlockScalarAndTabs() throws {
        let run = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")
            .replacingOccurrences(
                of: " --organization-id m-0123456789abcdef0123456789abcdef",
                with: " \\\r\n            --organization-id\tm-0123")
        let text = Self.workflow(steps: "      - run: |-\r\n          \(run)\r\n\r\n      - run: echo\r\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "\r\r\n", with: "\r\n")
        let result = try EmbeddedLint.lint(text, name: Self.path)
        #expect(result.found == ["organization-id-format: m-0123"])
        let file = SourceFile(path: Self.path, bytes: result.bytes)
        let scripts = WorkflowSteps.scripts(in: file).map { String(decoding: $0.text.bytes, as: UTF8.self) }
        #expect(scripts.count == 2)
        #expect(scripts.first?.contains("\r") == false)
    }

    @Test(arguments: [
        ("|", "a\n  b\n"), ("|-", "a\n  b"), ("|+", "a\n  b\n\n\n"),
    ])
    func blockScalarChomping(_ header: String, _ expected: String) {
        let steps = "      - run: \(header)\n          a\n            b\n\n\n      - run: echo\n"
        #expect(Self.scripts(Self.workflow(steps: steps)).first == expected)
    }

    @Test func valuesThatCannotBeRebuiltAreSkipped() {
        let steps =
            "      - run: >\n          aws s3\n          ls\n      - run: |2\n          echo x\n"
            + "      - run: aws s3\n          ls\n      - run: 'a\n          b'\n      - run: >\n          echo folded-but-one-line\n"
        #expect(Self.scripts(Self.workflow(steps: steps)) == ["echo folded-but-one-line\n"])
    }

    /// An alias repeats the anchored script, with the anchored node's ranges.
    @Test func taggedAndAnchoredRun() {
        let steps = "      - run: !!str &x |\n          echo tagged\n      - run: *x\n"
        #expect(Self.scripts(Self.workflow(steps: steps)) == ["echo tagged\n", "echo tagged\n"])
    }

    @Test func brokenOrUnrelatedWorkflowIsQuiet() throws {
        for text in ["jobs: [\n", "on: push\njobs:\n  a:\n    steps:\n      - run: npm test\n", "\u{0}\u{1}", ""] {
            let result = try EmbeddedLint.lint(text, name: Self.path)
            #expect(result.report.diagnostics.isEmpty)
            #expect(result.report.fileCount == 0)
        }
    }

    @Test func goldenWorkflow() throws {
        TestSupport.enterRoot()
        let path = "testdata/integrations/.github/workflows/idc.yml"
        let report = try Linter.run(LintOptions(paths: [path]))
        TestSupport.assertGolden(TextFormatter.format(report), path: "testdata/integrations/idc.yml.text.golden")
        TestSupport.assertGolden(JSONFormatter.format(report), path: "testdata/integrations/idc.yml.json.golden")
    }
}
