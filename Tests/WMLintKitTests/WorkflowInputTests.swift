import Foundation
import Testing
import WMLintSource
import WMLintSyntax

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
        // The one fix left edits the value alone and writes no '"', which would end the scalar.
        let edits = diagnostic.fixes.map { $0.edits.map { [result.covered($0.range), $0.replacement] } }
        #expect(edits == [[["Active", "ACTIVE"]]])
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
            "      - run: |2\n          echo x\n"
            + "      - run: aws s3\n          ls\n      - run: 'a\n          b'\n      - run: >\n          echo one-line\n"
        #expect(Self.scripts(Self.workflow(steps: steps)) == ["echo one-line\n"])
    }

    /// Folded block scalars are folded as libyaml folds them: every generated layout of text lines, lines led by
    /// a blank, empty lines and chomping is rebuilt (not skipped) and equals the value libyaml loads.
    @Test func foldedScalarsFoldAsLibyamlDoes() throws {
        let pieces = ["aws s3", "ls --x", "", "  indented", "\tx", "é 日本"]
        var cases = 0
        for header in [">", ">-", ">+"] {
            for first in pieces.indices {
                for second in pieces.indices {
                    for third in pieces.indices {
                        for lineBreak in ["\n", "\r\n"] {
                            let lines = [pieces[first], pieces[second], pieces[third]]
                            let body = lines.map { $0.isEmpty ? "" : "          " + $0 }.joined(separator: lineBreak)
                            let text = Self.workflow(
                                steps: "      - run: \(header)\(lineBreak)\(body)\(lineBreak)\(lineBreak)")
                            let file = SourceFile(path: Self.path, bytes: Array(text.utf8))
                            let loaded = YAMLLoader.load(SourceText(file: file)).root
                            guard case .array(let steps)? = loaded?["jobs"]?["a"]?["steps"]?.value,
                                case .string(let value)? = steps.first?["run"]?.value
                            else { continue }
                            guard !value.isEmpty else { continue }
                            let scripts = WorkflowSteps.scripts(in: file)
                            #expect(
                                scripts.map { String(decoding: $0.text.bytes, as: UTF8.self) } == [value],
                                "\(header) \(lines)")
                            cases += 1
                        }
                    }
                }
            }
        }
        #expect(cases > 600)
    }

    /// A folded space points at the line break it replaces, so a diagnostic on the next word points at that word.
    @Test func foldedStepPointsIntoTheFile() throws {
        let run = EmbeddedLint.command.replacingOccurrences(of: " --", with: "\n          --")
            .replacingOccurrences(of: "STATUS", with: "Active")
        let text = Self.workflow(steps: "      - name: connect\n        run: >-\n          \(run)\n")
        let result = try EmbeddedLint.lint(text, name: Self.path)
        #expect(result.found == ["enum-value: Active"])
        let scripts = WorkflowSteps.scripts(in: SourceFile(path: Self.path, bytes: result.bytes))
        let script = try #require(scripts.first)
        #expect(
            String(decoding: script.text.bytes, as: UTF8.self)
                == EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "Active"))
        let space = try #require(script.text.bytes.firstIndex(of: UInt8(ascii: " ")))
        let mapped = script.text.fileRange(space, space + 1)
        #expect(result.covered(mapped) == " ")
        let folded = try #require(
            Array(script.text.bytes.enumerated()).first {
                $0.offset > 60 && $0.element == UInt8(ascii: " ")
                    && script.text.bytes[$0.offset + 1] == UInt8(ascii: "-")
            })
        #expect(result.covered(script.text.fileRange(folded.offset, folded.offset + 1)) == "\n")
    }

    /// `env:` at workflow, job and step level, the later overriding the earlier: a literal value is followed into
    /// the script and reported where it is written; a `${{ … }}` value is unknown, and keeps a default from
    /// applying; `AWS_REGION` gives the region.
    /// A fix in an `env:` value is judged by that value's own scalar style, not the `run:` step's: kept in a quoted
    /// value it cannot break, dropped where a plain value might read it otherwise (an ARN's ':').
    @Test func fixesInEnvironmentValuesFollowTheirOwnStyle() throws {
        let instance = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
        let application = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
        let command =
            "aws workmail put-identity-provider-configuration --organization-id \"$ORG\" --authentication-mode "
            + "\"$MODE\" --identity-center-configuration \"$ICC\" --personal-access-token-configuration Status=ACTIVE"
        let text =
            "on: push\njobs:\n  a:\n    env:\n      ORG: 'm-0123456789ABCDEF0123456789abcdef'\n"
            + "      MODE: \"identity_provider_only\"\n"
            + "      ICC: InstanceArn=\(application),ApplicationArn=\(instance)\n"
            + "    steps:\n      - run: |\n          \(command)\n"
        let result = try EmbeddedLint.lint(text, name: Self.path)
        let fixes = Dictionary(
            result.report.diagnostics.map { ($0.rule, $0.fixes.flatMap(\.edits).map(\.replacement)) },
            uniquingKeysWith: { $0 + $1 })
        #expect(fixes[.organizationIdFormat] == ["m-0123456789abcdef0123456789abcdef"])
        #expect(fixes[.enumValue] == ["IDENTITY_PROVIDER_ONLY"])
        #expect(fixes[.arnsSwapped] == [])
    }

    /// `env:` given as one expression may set any variable: a default (`${ORG:-…}`) is then not the value.
    @Test func anEnvironmentExpressionMaySetAnyVariable() throws {
        let command = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")
            .replacingOccurrences(of: "m-0123456789abcdef0123456789abcdef", with: "\"${ORG:-m-DEFAULT}\"")
        for (environment, found) in [
            ("", ["m-DEFAULT"]), ("    env: ${{ fromJSON(vars.ENV) }}\n", []),
            ("    env:\n      OTHER: x\n", ["m-DEFAULT"]),
        ] {
            let text = "on: push\njobs:\n  a:\n\(environment)    steps:\n      - run: \(command)\n"
            let result = try EmbeddedLint.lint(text, name: Self.path)
            let organization = result.report.diagnostics.filter { $0.rule == .organizationIdFormat }
            #expect(organization.map { result.covered($0.range) } == found, "\(environment)")
        }
    }

    @Test func environmentOfWorkflowJobAndStep() throws {
        let command = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")
            .replacingOccurrences(of: "m-0123456789abcdef0123456789abcdef", with: "\"$ORG\"")
        let text =
            "on: push\nenv:\n  ORG: m-WORKFLOW\n  AWS_REGION: cn-north-1\njobs:\n  a:\n    env:\n      ORG: m-JOB\n"
            + "    steps:\n      - run: \(command)\n      - run: \(command)\n        env:\n          ORG: \"m-STEP\"\n"
            + "      - run: \(command)\n        env:\n          ORG: ${{ secrets.ORG }}\n          AWS_REGION: ${{ vars.R }}\n"
            + "      - run: \(command.replacingOccurrences(of: "$ORG", with: "${ORG:-m-DEFAULT}"))\n        env:\n          ORG: ${{ secrets.ORG }}\n"
        let result = try EmbeddedLint.lint(text, name: Self.path)
        let organization = result.report.diagnostics.filter { $0.rule == .organizationIdFormat }.map {
            result.covered($0.range)
        }
        #expect(organization == ["m-JOB", "m-STEP"])
        // One finding for the one value, wherever it is used; the unknown region of the third step has none.
        let region = result.report.diagnostics.filter { $0.rule == .regionUnsupported }
        #expect(region.map { result.covered($0.range) } == ["cn-north-1"])
        #expect(result.report.diagnostics.filter { $0.rule == .unresolvedValue }.count == 2)
        let related = try #require(result.report.diagnostics.first { $0.rule == .organizationIdFormat }?.related.first)
        #expect(result.covered(related.range) == "$ORG")
    }

    /// YAML comments above a step or its `run:` suppress in the whole step; one that suppresses nothing is
    /// `unused-suppression`.
    @Test func yamlCommentsSuppress() throws {
        let run = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "Active")
        let steps =
            "      # wmlint-disable-next-line enum-value -- checked by hand\n      - name: one\n        run: |\n          \(run)\n"
            + "      - name: two\n        # wmlint-disable-next-line enum-value\n        run: |\n          \(run)\n"
            + "      - name: three\n        # wmlint-disable-next-line region-unsupported\n        run: \(run)\n"
        let result = try EmbeddedLint.lint(Self.workflow(steps: steps), name: Self.path)
        #expect(result.found == ["unused-suppression: region-unsupported", "enum-value: Active"])
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
