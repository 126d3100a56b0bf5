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
        #expect(parsed.findings.isEmpty)
    }

    @Test func equalsFormAndSeparateValueAreTheSame() throws {
        let parsed = try #require(invocation(op + " --organization-id=m-1 --authentication-mode X"))
        #expect(parsed.last("--organization-id")?.value?.text == "m-1")
        #expect(parsed.last("--authentication-mode")?.value?.text == "X")
        let value = try #require(parsed.last("--organization-id")?.value)
        let start = op.utf8.count + " --organization-id=".utf8.count
        #expect(value.range == .bytes(start, start + 3))
    }

    @Test func abbreviationsResolveToTheFullName() throws {
        let parsed = try #require(invocation(op + " --organization m-1"))
        #expect(parsed.last("--organization-id")?.value?.text == "m-1")
        let start = op.utf8.count + 1
        #expect(
            parsed.findings == [
                .abbreviated(written: "--organization", full: "--organization-id", at: .bytes(start, start + 14))
            ])
        #expect(parsed.findings.allSatisfy { !$0.cliRefuses })
    }

    @Test func ambiguousPrefixListsCandidates() throws {
        let parsed = try #require(invocation(op + " --cli-input x"))
        let finding = try #require(parsed.findings.first)
        guard case .ambiguous(let written, let candidates, _) = finding else {
            Issue.record("expected an ambiguous option, found \(finding)")
            return
        }
        #expect(written == "--cli-input")
        #expect(candidates == ["--cli-input-json", "--cli-input-yaml"])
        #expect(finding.cliRefuses)
    }

    @Test func globalPrefixesWinOverOperationOptions() throws {
        // The CLI's main parser sees only global options: '--o' is '--output' there, never '--organization-id'.
        let parsed = try #require(invocation(op + " --outp json"))
        #expect(parsed.last("--output")?.value?.text == "json")
    }

    @Test func misspeltOptionSuggestsAndSuppressesMissingRequired() throws {
        let parsed = try #require(invocation(op + " --organisation-id m-1"))
        let start = op.utf8.count + 1
        #expect(
            parsed.findings == [
                .unknown(
                    written: "--organisation-id", operation: "put-identity-provider-configuration",
                    suggestion: "--organization-id", at: .bytes(start, start + 17))
            ])
        #expect(parsed.nearlyNamed == ["OrganizationId"])
        #expect(parsed.options.isEmpty)
    }

    @Test func duplicateOptionKeepsTheLastAndPointsAtTheFirst() throws {
        let parsed = try #require(invocation(op + " --authentication-mode A --authentication-mode B"))
        #expect(parsed.last("--authentication-mode")?.value?.text == "B")
        let first = op.utf8.count + 1
        let second = first + " --authentication-mode A".utf8.count
        #expect(
            parsed.findings == [
                .duplicate(
                    name: "--authentication-mode", at: .bytes(second, second + 21), first: .bytes(first, first + 21))
            ])
        #expect(parsed.findings.allSatisfy { !$0.cliRefuses })
    }

    /// Values the CLI refuses: the wording of each is checked where the rules word them
    /// (InvocationFindingWordingTests).
    @Test(arguments: [
        " --organization-id", " --organization-id --debug", " --debug=1", " --output xml", " --cli-read-timeout 1.5",
        " --cli-connect-timeout 1__0", " --cli-read-timeout -1", " --endpoint-url workmail.example.com",
        " --endpoint-url localhost:4566", " --endpoint-url http://bad_host", " --endpoint-url 'http://[::1'",
        " stray",
    ])
    func badOptionValues(suffix: String) throws {
        let parsed = try #require(invocation(op + suffix))
        #expect(parsed.findings.count == 1)
        #expect(parsed.findings.allSatisfy { $0.cliRefuses })
    }

    @Test func aSwallowedServiceNameIsOneFindingAtTheOption() throws {
        let file = SourceFile(path: "t.sh", text: "aws --output workmail put-identity-provider-configuration")
        let command = try #require(ShellScanner.scan(SourceText(file: file)).commands.first)
        let parsed = try #require(InvocationParser.parse(command, path: "t.sh"))
        #expect(parsed.findings == [.swallowedService(option: "--output", at: .bytes(4, 12))])
    }

    @Test func negativeNumbersAreValuesNotOptions() throws {
        let parsed = try #require(invocation(op + " --cli-read-timeout -5"))
        #expect(parsed.last("--cli-read-timeout")?.value?.text == "-5")
        let start = op.utf8.count + " --cli-read-timeout ".utf8.count
        #expect(
            parsed.findings == [
                .badValue(
                    option: "--cli-read-timeout", value: "-5", problem: .negativeTimeout, at: .bytes(start, start + 2))
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
        #expect(try #require(invocation(op + suffix)).findings.isEmpty)
    }

    @Test func anEndpointWithoutSchemeIsFoundSo() throws {
        let parsed = try #require(invocation(op + " --endpoint-url workmail.example.com"))
        let start = op.utf8.count + " --endpoint-url ".utf8.count
        #expect(
            parsed.findings == [
                .badValue(
                    option: "--endpoint-url", value: "workmail.example.com", problem: .invalidEndpoint(.noScheme),
                    at: .bytes(start, start + 20))
            ])
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
        #expect(parsed.findings.isEmpty)
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
