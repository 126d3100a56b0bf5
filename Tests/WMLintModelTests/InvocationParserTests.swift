import Testing
import WMLintModel
import WMLintSource
import WMLintSyntax

/// Reads `script` and returns the invocation of its first `aws` command, if it is the operation.
func invocation(_ script: String) -> Invocation? {
    let file = SourceFile(path: "t.sh", text: script)
    guard let command = ShellScanner.scan(SourceText(file: file)).commands.first else { return nil }
    return InvocationParser.parse(command, path: "t.sh")
}

let op = "aws workmail put-identity-provider-configuration"

@Suite struct InvocationParserTests {
    @Test func otherCommandsAreNotTheOperation() {
        #expect(invocation("aws s3 ls") == nil)
        #expect(invocation("aws workmail list-users --organization-id x") == nil)
        #expect(invocation("aws $SERVICE put-identity-provider-configuration") == nil)
        #expect(invocation(op) != nil)
    }

    @Test func globalOptionsMayStandBeforeTheService() throws {
        let parsed = try #require(
            invocation("aws --region us-east-1 --debug workmail put-identity-provider-configuration --output json"))
        #expect(parsed.options.map(\.spec.name) == ["--region", "--debug", "--output"])
        #expect(parsed.last("--region")?.value?.text == "us-east-1")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func equalsFormAndSeparateValueAreTheSame() throws {
        let parsed = try #require(invocation(op + " --organization-id=m-1 --authentication-mode X"))
        #expect(parsed.last("--organization-id")?.value?.text == "m-1")
        #expect(parsed.last("--authentication-mode")?.value?.text == "X")
        let value = try #require(parsed.last("--organization-id")?.value)
        let start = op.utf8.count + " --organization-id=".utf8.count
        #expect(value.range == .bytes(start, start + 3))
    }

    @Test func abbreviationsResolveWithAWarningAndAFix() throws {
        let parsed = try #require(invocation(op + " --organization m-1"))
        #expect(parsed.last("--organization-id")?.value?.text == "m-1")
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.rule == .abbreviatedOption)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "--organization-id")
    }

    @Test func ambiguousPrefixIsUnknownListingCandidates() throws {
        let parsed = try #require(invocation(op + " --cli-input x"))
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.rule == .unknownOption)
        #expect(diagnostic.message.contains("--cli-input-json") && diagnostic.message.contains("--cli-input-yaml"))
    }

    @Test func globalPrefixesWinOverOperationOptions() throws {
        // The CLI's main parser sees only global options: '--o' is '--output' there, never '--organization-id'.
        let parsed = try #require(invocation(op + " --outp json"))
        #expect(parsed.last("--output")?.value?.text == "json")
    }

    @Test func misspeltOptionSuggestsAndSuppressesMissingRequired() throws {
        let parsed = try #require(invocation(op + " --organisation-id m-1"))
        #expect(parsed.diagnostics.map(\.rule) == [.unknownOption])
        #expect(parsed.diagnostics.first?.help == ["did you mean '--organization-id'?"])
        #expect(parsed.nearlyNamed == ["OrganizationId"])
        #expect(parsed.options.isEmpty)
    }

    @Test func duplicateOptionKeepsTheLastAndPointsAtTheFirst() throws {
        let parsed = try #require(invocation(op + " --authentication-mode A --authentication-mode B"))
        #expect(parsed.last("--authentication-mode")?.value?.text == "B")
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.rule == .duplicateOption)
        #expect(diagnostic.related.count == 1)
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
        let parsed = try #require(invocation(op + suffix))
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics.first?.rule == .optionValue)
        #expect(parsed.diagnostics.first?.message.hasPrefix(message) == true)
    }

    @Test func negativeNumbersAreValuesNotOptions() throws {
        let parsed = try #require(invocation(op + " --cli-read-timeout -5"))
        #expect(parsed.last("--cli-read-timeout")?.value?.text == "-5")
        #expect(parsed.diagnostics.map(\.rule) == [.optionValue])
        #expect(
            parsed.diagnostics.map(\.message) == [
                "'-5' is not a valid value for --cli-read-timeout; a timeout cannot be negative (0 means no timeout)"
            ])
    }

    /// What the CLI takes: timeouts as Python's `int()` reads them (0 is no timeout), and any URL with a scheme
    /// and a valid host.
    @Test(arguments: [
        " --cli-read-timeout ' 10'", " --cli-read-timeout 1_0", " --cli-read-timeout ٣", " --cli-connect-timeout 0",
        " --cli-read-timeout -0", " --cli-read-timeout +3", " --endpoint-url ftp://x",
        " --endpoint-url 'https://[::1]:9'", " --endpoint-url http://user@127.0.0.1:9/p?q=1",
        " --endpoint-url HTTP://x.com.:9",
    ])
    func goodGlobalValues(_ suffix: String) throws {
        #expect(try #require(invocation(op + suffix)).diagnostics.isEmpty)
    }

    @Test func anEndpointWithoutSchemeSuggestsHTTPS() throws {
        let parsed = try #require(invocation(op + " --endpoint-url workmail.example.com"))
        #expect(parsed.diagnostics.first?.help == ["did you mean 'https://workmail.example.com'?"])
    }

    @Test func skeletonTakesAnOptionalValue() throws {
        let bare = try #require(invocation(op + " --generate-cli-skeleton --organization-id m"))
        #expect(bare.last("--generate-cli-skeleton")?.value == nil)
        #expect(bare.last("--organization-id")?.value?.text == "m")
        let output = try #require(invocation(op + " --generate-cli-skeleton output"))
        #expect(output.last("--generate-cli-skeleton")?.value?.text == "output")
    }

    @Test func expansionsAreUnknownWordsNotErrors() throws {
        let parsed = try #require(invocation(op + " \"$@\" --organization-id \"$ORG\""))
        #expect(parsed.hasUnknownWords)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.last("--organization-id")?.value?.isStatic == false)
        let inline = try #require(invocation(op + " --organization-id=$ORG"))
        #expect(inline.last("--organization-id")?.value?.isStatic == false)
        #expect(!inline.hasUnknownWords)
    }
}

@Suite struct SpellingTests {
    @Test func nearestFindsCloseNamesOnly() {
        #expect(
            Spelling.nearest(to: "--organisation-id", in: ["--organization-id", "--region"]) == "--organization-id")
        #expect(Spelling.nearest(to: "status", in: ["Status", "LifetimeInDays"]) == "Status")
        #expect(Spelling.nearest(to: "--zzz", in: ["--organization-id", "--region"]) == nil)
        #expect(Spelling.distance("kitten", "sitting") == 3)
    }
}
