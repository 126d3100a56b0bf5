import Testing
import WMLintKit
import WMLintSource
import WMLintSyntax

private typealias S = SuppressionSupport

@Suite struct SuppressionFilterTests {
    static let script = """
        #!/bin/sh
        # wmlint-disable-next-line enum-value, clients-locked-out -- reviewed
        aws workmail put-identity-provider-configuration \\
          --authentication-mode idp \\
          --cli-input-json file://x.json
        aws workmail put-identity-provider-configuration --authentication-mode idp2 # wmlint-disable-line pat-lifetime-ignored

        """

    @Test func removesCoveredDiagnosticsOfTheNamedRulesOnly() throws {
        let text = Self.script
        let (_, _, suppressions) = S.shell(text)
        let enumValue = S.finding(.enumValue, at: "idp", in: text, path: "setup.sh")
        let otherRule = S.finding(.unknownOption, at: "--authentication-mode", in: text, path: "setup.sh")
        let secondCommand = S.finding(.enumValue, at: "idp2", in: text, path: "setup.sh")
        let (kept, unused) = SuppressionFilter.apply([enumValue, otherRule, secondCommand], suppressions)
        #expect(kept == [otherRule, secondCommand])
        #expect(unused.count == 2)
        let lockedOut = try #require(unused.first)
        #expect(lockedOut.rule == .unusedSuppression)
        #expect(lockedOut.severity == .warning)
        #expect(lockedOut.range == S.range(of: "clients-locked-out", in: text))
        #expect(lockedOut.message == "no 'clients-locked-out' diagnostic in the next command to suppress")
        let ignored = unused[1]
        #expect(ignored.range == S.range(of: "pat-lifetime-ignored", in: text))
        #expect(ignored.message == "no 'pat-lifetime-ignored' diagnostic on this line to suppress")
        let fixed = S.fixing(unused, in: text)
        #expect(fixed.contains("# wmlint-disable-next-line enum-value -- reviewed\n"))
        #expect(fixed.contains("--authentication-mode idp2\n"))
        #expect(!fixed.contains("pat-lifetime-ignored"))
    }

    @Test func aDiagnosticStartingAtTheEndOfACommandIsCovered() {
        let text = Self.script
        let (_, _, suppressions) = S.shell(text)
        let end = S.offset(of: "x.json", in: text) + 6
        let atEnd = Diagnostic(rule: .enumValue, message: "m", path: "setup.sh", range: .bytes(end, end))
        let nextLine = Diagnostic(rule: .enumValue, message: "m", path: "setup.sh", range: .bytes(end + 1, end + 4))
        #expect(SuppressionFilter.apply([atEnd, nextLine], suppressions).kept == [nextLine])
    }

    @Test func aSuppressionOfACommandCoversTheDocumentsItPullsIn() throws {
        let text = Self.script
        let (_, script, suppressions) = S.shell(text)
        #expect(script.commands.count == 2)
        let first = SuppressionOrigin(path: "setup.sh", range: script.commands[0].range)
        let second = SuppressionOrigin(path: "setup.sh", range: script.commands[1].range)
        let inDocument = Diagnostic(rule: .enumValue, message: "m", path: "x.json", range: .bytes(20, 25))
        let lifetime = Diagnostic(rule: .patLifetimeIgnored, message: "m", path: "x.json", range: .bytes(40, 42))
        let (kept, unused) = SuppressionFilter.apply(
            [
                SuppressibleDiagnostic(inDocument, origin: first),
                SuppressibleDiagnostic(inDocument, origin: second),
                SuppressibleDiagnostic(lifetime, origin: second),
                SuppressibleDiagnostic(lifetime),
            ], suppressions)
        #expect(kept == [inDocument, lifetime])
        #expect(unused.map(\.range) == [S.range(of: "clients-locked-out", in: text)])
        // The word naming the document works as an origin too.
        let word = SuppressionOrigin(path: "setup.sh", range: S.range(of: "file://x.json", in: text))
        #expect(SuppressionFilter.apply([SuppressibleDiagnostic(inDocument, origin: word)], suppressions).kept.isEmpty)
    }

    @Test func disableFileCoversTheFileAndWhatItsCommandsPullIn() {
        let text = "aws a --cli-input-json file://x.json\n# wmlint-disable-file enum-value\n"
        let (_, script, suppressions) = S.shell(text)
        let origin = SuppressionOrigin(path: "setup.sh", range: script.commands[0].range)
        let local = S.finding(.enumValue, at: "aws", in: text, path: "setup.sh")
        let pulled = Diagnostic(rule: .enumValue, message: "m", path: "x.json", range: .bytes(0, 1))
        let elsewhere = Diagnostic(rule: .enumValue, message: "m", path: "other.sh", range: .bytes(0, 1))
        let (kept, unused) = SuppressionFilter.apply(
            [
                SuppressibleDiagnostic(local), SuppressibleDiagnostic(pulled, origin: origin),
                SuppressibleDiagnostic(elsewhere),
            ],
            suppressions)
        #expect(kept == [elsewhere])
        #expect(unused.isEmpty)
    }

    @Test func disableLineDoesNotReachTheNextLineNorNextLineTheOneAfter() {
        let text =
            "aws a # wmlint-disable-line enum-value\naws b\n# wmlint-disable-next-line enum-value\naws c\naws d\n"
        let (_, _, suppressions) = S.shell(text)
        let findings = ["aws a", "aws b", "aws c", "aws d"].map {
            S.finding(.enumValue, at: $0, in: text, path: "setup.sh")
        }
        let (kept, unused) = SuppressionFilter.apply(findings, suppressions)
        #expect(kept == [findings[1], findings[3]])
        #expect(unused.isEmpty)
    }

    @Test func unknownIdsSayDidYouMean() throws {
        let text = "aws a # wmlint-disable-line enum-valu, Enum-Value, frobnicate\n"
        let (_, _, suppressions) = S.shell(text)
        let (_, unused) = SuppressionFilter.apply([Diagnostic](), suppressions)
        #expect(unused.map(\.range) == ["enum-valu", "Enum-Value", "frobnicate"].map { S.range(of: $0, in: text) })
        #expect(unused[0].message == "unknown rule id 'enum-valu' in suppression comment")
        #expect(unused[0].help == ["did you mean 'enum-value'?"])
        #expect(unused[1].message == "unknown rule id 'Enum-Value' in suppression comment")
        #expect(unused[1].help == ["did you mean 'enum-value'?"])
        #expect(unused[2].message == "unknown rule id 'frobnicate' in suppression comment")
        #expect(unused[2].help == ["'wmlint rules' lists the rule ids"])
        #expect(unused.allSatisfy { $0.rule == .unusedSuppression && $0.severity == .warning })
        // Every id goes: the comment goes, with the blanks before it.
        #expect(S.fixing(unused, in: text) == "aws a\n")
        #expect(Set(unused.flatMap { $0.fixes.flatMap(\.edits) }).count == 1)
    }

    @Test func aCommentNamingNoRuleIsReportedWhole() throws {
        let text = "echo a\n  # wmlint-disable-next-line -- because\r\naws b\n"
        let (_, _, suppressions) = S.shell(text)
        let (_, unused) = SuppressionFilter.apply([Diagnostic](), suppressions)
        let diagnostic = try #require(unused.first)
        #expect(unused.count == 1)
        #expect(diagnostic.range == S.range(of: "# wmlint-disable-next-line -- because", in: text))
        #expect(
            diagnostic.message
                == "suppression comment names no rule; expected '# wmlint-disable-next-line RULE[, RULE…] [-- reason]'")
        #expect(diagnostic.fixes.first?.message == "remove the suppression comment")
        #expect(S.fixing(unused, in: text) == "echo a\naws b\n")
    }

    @Test(
        arguments: [
            // (ids, used rules, ids after fixing every unused one)
            ("enum-value, clients-locked-out, pat-lifetime-ignored", [RuleID.clientsLockedOut], "clients-locked-out"),
            ("enum-value, clients-locked-out, pat-lifetime-ignored", [.enumValue], "enum-value"),
            ("enum-value, clients-locked-out, pat-lifetime-ignored", [.patLifetimeIgnored], "pat-lifetime-ignored"),
            (
                "enum-value,clients-locked-out pat-lifetime-ignored", [.enumValue, .patLifetimeIgnored],
                "enum-value,pat-lifetime-ignored"
            ),
            ("enum-value  clients-locked-out", [.clientsLockedOut], "clients-locked-out"),
            ("enum-value, clients-locked-out -- why", [.enumValue], "enum-value -- why"),
            ("enum-value, enum-value", [.enumValue], "enum-value"),
        ] as [(String, [RuleID], String)])
    func fixesLeaveATidyComment(ids: String, usedRules: [RuleID], remaining: String) throws {
        let text = "# wmlint-disable-next-line \(ids)\naws a\n"
        let (_, _, suppressions) = S.shell(text)
        let findings = usedRules.map { S.finding($0, at: "aws a", in: text, path: "setup.sh") }
        let (kept, unused) = SuppressionFilter.apply(findings, suppressions)
        #expect(kept.isEmpty)
        #expect(S.fixing(unused, in: text) == "# wmlint-disable-next-line \(remaining)\naws a\n")
        // The edits of one comment never overlap, and each alone leaves a tidy comment too.
        let edits = unused.flatMap { $0.fixes.flatMap(\.edits) }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for (left, right) in zip(edits, edits.dropFirst()) {
            #expect(left.range.upperBound <= right.range.lowerBound)
        }
        for edit in edits {
            let fixed = S.applying([edit], to: text)
            #expect(!fixed.contains(",,") && !fixed.contains(", \n") && !fixed.contains("line ,"))
        }
        // Fixing twice changes nothing the second time.
        let fixed = S.fixing(unused, in: text)
        let (_, _, again) = S.shell(fixed)
        let refindings = usedRules.map { S.finding($0, at: "aws a", in: fixed, path: "setup.sh") }
        #expect(SuppressionFilter.apply(refindings, again) == ([], []))
    }

    @Test func commandsInsideSubstitutionsAndBehindWrappersAreCovered() throws {
        let text = "# wmlint-disable-next-line enum-value\nresult=$(sudo -u admin aws workmail \\\n  x y)\naws z\n"
        let (_, script, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppression.coversCommand)
        #expect(S.slice(text, suppression.coverage) == "result=$(sudo -u admin aws workmail \\\n  x y)")
        let inside = S.finding(.enumValue, at: "y)", in: text, path: "setup.sh")
        let after = S.finding(.enumValue, at: "aws z", in: text, path: "setup.sh")
        #expect(SuppressionFilter.apply([inside, after], suppressions).kept == [after])
        #expect(script.commands.count == 2)
    }

    @Test func duplicateIdsAreReported() throws {
        let text = "# wmlint-disable-next-line enum-value enum-value\naws a\n"
        let (_, _, suppressions) = S.shell(text)
        let finding = S.finding(.enumValue, at: "aws a", in: text, path: "setup.sh")
        let (kept, unused) = SuppressionFilter.apply([finding], suppressions)
        #expect(kept.isEmpty)
        let duplicate = try #require(unused.first)
        #expect(duplicate.range == S.range(of: "enum-value", in: text, occurrence: 1))
        #expect(duplicate.message == "'enum-value' is named twice in this suppression comment")
    }

    @Test func unusedSuppressionCanBeDisabledOnlyForTheWholeFile() throws {
        let text = """
            # wmlint-disable-next-line unused-suppression
            aws a # wmlint-disable-line enum-value
            aws b

            """
        let (_, _, suppressions) = S.shell(text)
        let (_, unused) = SuppressionFilter.apply([Diagnostic](), suppressions)
        #expect(
            unused.map(\.range) == [S.range(of: "unused-suppression", in: text), S.range(of: "enum-value", in: text)])
        #expect(
            unused[0].message
                == "'unused-suppression' can be disabled only for a whole file; expected "
                + "'# wmlint-disable-file unused-suppression'")

        let silenced = "# wmlint-disable-file unused-suppression -- legacy\n" + text
        let (_, _, moreSuppressions) = S.shell(silenced)
        #expect(SuppressionFilter.apply([Diagnostic](), moreSuppressions).unused.isEmpty)
        // An unused-suppression diagnostic given to the filter obeys the same rule.
        let given = Diagnostic(rule: .unusedSuppression, message: "m", path: "setup.sh", range: .bytes(0, 1))
        #expect(SuppressionFilter.apply([given], moreSuppressions).kept.isEmpty)
        #expect(SuppressionFilter.apply([given], suppressions).kept == [given])
    }

    @Test func aDisableFileUnusedSuppressionWithNothingToSilenceIsReported() throws {
        let text = "aws a\n# wmlint-disable-file unused-suppression, enum-value\n"
        let (_, _, suppressions) = S.shell(text)
        let finding = S.finding(.enumValue, at: "aws a", in: text, path: "setup.sh")
        let (kept, unused) = SuppressionFilter.apply([finding], suppressions)
        #expect(kept.isEmpty)
        let report = try #require(unused.first)
        #expect(unused.count == 1)
        #expect(report.range == S.range(of: "unused-suppression", in: text))
        #expect(report.message == "no 'unused-suppression' diagnostic in this file to suppress")
        #expect(S.fixing(unused, in: text) == "aws a\n# wmlint-disable-file enum-value\n")
    }

    @Test func inactiveRulesAreNotReportedAsUnused() {
        let text = "aws a # wmlint-disable-line pat-lifetime-policy, enum-value\n"
        let (_, _, suppressions) = S.shell(text)
        let unused = SuppressionFilter.apply([Diagnostic](), suppressions, inactiveRules: [.patLifetimePolicy]).unused
        #expect(unused.map(\.range) == [S.range(of: "enum-value", in: text)])
        #expect(S.fixing(unused, in: text) == "aws a # wmlint-disable-line pat-lifetime-policy\n")
    }

    @Test func aNextLineWithNothingAfterItIsUnused() throws {
        let text = "aws a\n# wmlint-disable-next-line enum-value"
        let (_, _, suppressions) = S.shell(text)
        let finding = S.finding(.enumValue, at: "aws a", in: text, path: "setup.sh")
        let (kept, unused) = SuppressionFilter.apply([finding], suppressions)
        #expect(kept == [finding])
        #expect(unused.first?.message == "no 'enum-value' diagnostic after this comment to suppress")
        #expect(S.fixing(unused, in: text) == "aws a\n")
    }

    @Test func yamlSuppressionsCoverTheirNodes() throws {
        let text = """
            OrganizationId: m-0 # wmlint-disable-line organization-id-format
            # wmlint-disable-next-line pat-lifetime-ignored, unknown-key
            PersonalAccessTokenConfiguration:
              Status: INACTIVE
              LifetimeInDays: 30  # ✓ 日本
            AuthenticationMode: "# x" # wmlint-disable-line enum-value
            Extra: 1

            """
        let suppressions = S.yaml(text)
        #expect(suppressions.count == 3)
        let path = "input.yaml"
        let organization = S.finding(.organizationIdFormat, at: "m-0", in: text, path: path)
        let lifetime = S.finding(.patLifetimeIgnored, at: "30", in: text, path: path)
        let mode = S.finding(.enumValue, at: "\"# x\"", in: text, path: path)
        let extra = S.finding(.unknownKey, at: "Extra", in: text, path: path)
        let (kept, unused) = SuppressionFilter.apply([organization, lifetime, mode, extra], suppressions)
        #expect(kept == [extra])
        #expect(unused.map(\.range) == [S.range(of: "unknown-key", in: text)])
        #expect(S.fixing(unused, in: text).contains("# wmlint-disable-next-line pat-lifetime-ignored\n"))
    }

    @Test func crlfCommentsAreRemovedWithTheirLineBreak() {
        let text = "aws a\r\n\t# wmlint-disable-next-line enum-value -- 日本語 🚀\r\naws b\r\n"
        let (_, _, suppressions) = S.shell(text)
        let (_, unused) = SuppressionFilter.apply([Diagnostic](), suppressions)
        #expect(unused.map(\.range) == [S.range(of: "enum-value", in: text)])
        #expect(S.fixing(unused, in: text) == "aws a\r\naws b\r\n")
    }

    @Test func hostileSuppressionsStayLinear() throws {
        // A staircase of nested YAML keys, each under a suppression covering everything below it.
        var yaml = ""
        for depth in 0..<1_000 {
            let indent = String(repeating: " ", count: depth)
            yaml += "\(indent)# wmlint-disable-next-line unknown-key\n\(indent)k\(depth):\n"
        }
        let suppressions = S.yaml(yaml)
        #expect(suppressions.count == 1_000)
        #expect(suppressions.allSatisfy { $0.coverage?.upperBound.offset == yaml.utf8.count - 1 })
        // One comment with many ids, most of them unused.
        let ids = (0..<4_000).map { $0.isMultiple(of: 2) ? "enum-value" : "nope\($0)" }.joined(separator: ", ")
        let text = "aws a # wmlint-disable-line \(ids)\n"
        let (_, _, many) = S.shell(text)
        let finding = S.finding(.enumValue, at: "aws", in: text, path: "setup.sh")
        let (kept, unused) = SuppressionFilter.apply([finding], many)
        #expect(kept.isEmpty)
        #expect(unused.count == 3_999)
        #expect(S.fixing(unused, in: text) == "aws a # wmlint-disable-line enum-value\n")
    }

    @Test func manySuppressionsStayFast() {
        var text = ""
        var findings: [Diagnostic] = []
        for index in 0..<20_000 {
            let start = text.utf8.count
            findings.append(
                Diagnostic(rule: .enumValue, message: "m", path: "setup.sh", range: .bytes(start, start + 3)))
            text += "aws c\(index) # wmlint-disable-line enum-value\n"
        }
        let (_, _, suppressions) = S.shell(text)
        #expect(suppressions.count == 20_000)
        let (kept, unused) = SuppressionFilter.apply(findings.shuffled(), suppressions)
        #expect(kept.isEmpty && unused.isEmpty)
    }
}
