import Testing
import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// The diagnostics of the command line's findings, as the rules word them.
@Suite struct InvocationFindingWordingTests {
    static let op = "aws workmail put-identity-provider-configuration"

    /// The diagnostics of the first command of `script`, which must be a covered operation.
    static func diagnostics(_ script: String) throws -> [Diagnostic] {
        let file = SourceFile(path: "t.sh", text: script)
        let command = try #require(ShellScanner.scan(SourceText(file: file)).commands.first)
        guard case .invocation(let invocation) = InvocationParser.read(command, path: "t.sh") else {
            Issue.record("not an invocation: \(script)")
            return []
        }
        return invocation.findings.map { $0.diagnostic(path: "t.sh") }
    }

    @Test func abbreviationsWarnWithAFix() throws {
        let diagnostic = try #require(try Self.diagnostics(Self.op + " --organization m-1").first)
        #expect(diagnostic.rule == .abbreviatedOption)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "'--organization' is an abbreviation of --organization-id; spell it out")
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "--organization-id")
        #expect(diagnostic.fixes.first?.edits.first?.range == diagnostic.range)
    }

    @Test func anAmbiguousPrefixIsAnUnknownOptionListingCandidates() throws {
        let diagnostic = try #require(try Self.diagnostics(Self.op + " --cli-input x").first)
        #expect(diagnostic.rule == .unknownOption)
        #expect(diagnostic.message == "'--cli-input' is ambiguous: it could be --cli-input-json, --cli-input-yaml")
    }

    @Test func aMisspeltOptionSuggestsTheNearestWithAFix() throws {
        let diagnostics = try Self.diagnostics(Self.op + " --organisation-id m-1")
        #expect(diagnostics.map(\.rule) == [.unknownOption])
        #expect(
            diagnostics.first?.message == "unknown option '--organisation-id' for put-identity-provider-configuration")
        #expect(diagnostics.first?.help == ["did you mean '--organization-id'?"])
        #expect(diagnostics.first?.fixes.first?.edits.first?.replacement == "--organization-id")
    }

    @Test func aDuplicateOptionPointsAtTheFirst() throws {
        let diagnostic = try #require(
            try Self.diagnostics(Self.op + " --authentication-mode A --authentication-mode B").first)
        #expect(diagnostic.rule == .duplicateOption)
        #expect(diagnostic.related.map(\.message) == ["first given here"])
        #expect(diagnostic.related.first?.range.lowerBound.offset == Self.op.utf8.count + 1)
    }

    @Test(arguments: [
        (" --organization-id", "--organization-id expects a value"),
        (" --organization-id --debug", "--organization-id expects a value"),
        (" --debug=1", "--debug takes no value, found '1'"),
        (" --output xml", "'xml' is not a valid value for --output"),
        (" --cli-read-timeout 1.5", "'1.5' is not a valid value for --cli-read-timeout; expected a whole number"),
        (" --cli-connect-timeout 1__0", "'1__0' is not a valid value for --cli-connect-timeout; expected a whole"),
        (" --cli-read-timeout -1", "'-1' is not a valid value for --cli-read-timeout; a timeout cannot be negative"),
        (
            " --endpoint-url workmail.example.com",
            "'workmail.example.com' is not a valid value for --endpoint-url: it has no scheme"
        ),
        (" --endpoint-url localhost:4566", "'localhost:4566' is not a valid value for --endpoint-url: it has no host"),
        (
            " --endpoint-url http://bad_host",
            "'http://bad_host' is not a valid value for --endpoint-url: 'bad_host' is not a valid host name"
        ),
        (
            " --endpoint-url 'http://[::1'",
            "'http://[::1' is not a valid value for --endpoint-url: its IPv6 address has no closing"
        ),
        (" stray", "unexpected argument 'stray'"),
    ])
    func badOptionValues(suffix: String, message: String) throws {
        let diagnostics = try Self.diagnostics(Self.op + suffix)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.rule == .optionValue)
        #expect(diagnostics.first?.message.hasPrefix(message) == true)
    }

    @Test func aNegativeTimeoutSaysZeroMeansNone() throws {
        #expect(
            try Self.diagnostics(Self.op + " --cli-read-timeout -5").map(\.message) == [
                "'-5' is not a valid value for --cli-read-timeout; a timeout cannot be negative (0 means no timeout)"
            ])
    }

    @Test func anEndpointWithoutSchemeSuggestsHTTPS() throws {
        let diagnostics = try Self.diagnostics(Self.op + " --endpoint-url workmail.example.com")
        #expect(diagnostics.first?.help == ["did you mean 'https://workmail.example.com'?"])
        let bare = try Self.diagnostics(Self.op + " --endpoint-url //")
        #expect(bare.first?.help == ["give a URL such as 'https://HOST'"])
    }

    @Test func aRegionWithBlanksSuggestsItTrimmed() throws {
        let diagnostics = try Self.diagnostics(Self.op + " --region ' us-east-1'")
        #expect(diagnostics.map(\.rule) == [.optionValue])
        #expect(diagnostics.first?.help == ["did you mean 'us-east-1'?"])
    }

    @Test func aSwallowedServiceNameSaysHowTheCLIReadsTheCommand() throws {
        #expect(
            try Self.diagnostics("aws --output workmail put-identity-provider-configuration").map(\.message) == [
                "--output expects a value; it takes 'workmail' as its value here, so the AWS CLI reads "
                    + "'put-identity-provider-configuration' as the service name"
            ])
    }

    @Test func aMisspeltServiceIsReplacedByAFix() throws {
        let diagnostic = try #require(try Self.diagnostics("aws workmial put-identity-provider-configuration").first)
        #expect(diagnostic.rule == .optionValue)
        #expect(diagnostic.message == "unknown service 'workmial'; the AWS CLI refuses it")
        #expect(diagnostic.help == ["did you mean 'workmail'?"])
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "workmail")
    }

    @Test func everyFindingOfTheCommandLineIsWordedByItsRule() {
        let range = SourceRange.bytes(0, 1)
        let findings: [(OptionFinding, RuleID)] = [
            (.abbreviated(written: "--o", full: "--output", at: range), .abbreviatedOption),
            (.ambiguous(written: "--c", candidates: ["--a", "--b"], at: range), .unknownOption),
            (.unknown(written: "--x", operation: "o", suggestion: nil, at: range), .unknownOption),
            (.duplicate(name: "--x", at: range, first: range), .duplicateOption),
            (.swallowedService(option: "--x", at: range), .optionValue),
            (.misspeltName(.operation, written: "x", expected: "y", at: range), .optionValue),
            (.strayArgument(text: "x", at: range), .optionValue),
            (.unexpectedValue(option: "--x", value: "1", at: range), .optionValue),
            (.missingValue(option: "--x", at: range), .optionValue),
            (.badValue(option: "--x", value: "1", problem: .notWholeNumber, at: range), .optionValue),
        ]
        for (finding, rule) in findings {
            let diagnostic = finding.diagnostic(path: "t.sh")
            #expect(diagnostic.rule == rule)
            #expect(diagnostic.range == range)
            #expect(diagnostic.severity == rule.defaultSeverity)
            // The CLI refuses the command for an unknown option or a bad value, not for an abbreviated or repeated one.
            #expect(finding.cliRefuses == [.unknownOption, .optionValue].contains(rule))
        }
    }
}
