import Testing
import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// The diagnostics the binder's findings become: each in its rule's words, at the finding's place.
@Suite struct RequestBindingCheckTests {
    static let identityCenter =
        #""IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845", "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"}"#
    static let head =
        #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "#

    /// The diagnostics of binding a JSON document as a `--cli-input-json` request (with its text when `withText`).
    static func diagnostics(_ json: String, syntax: ValueSyntax = .json, withText: Bool = false) throws
        -> [Diagnostic]
    {
        let text = SourceText(bytes: Array(json.utf8), path: "d.json")
        let root = try #require(JSONParser.parse(text).root)
        guard case .object(let members) = root.value else { return [] }
        let entries = members.map {
            ParameterEntry(
                key: $0.key, value: .node($0.value, syntax: syntax),
                location: ValueLocation(path: "d.json", range: $0.value.range, keyRange: $0.keyRange, pointer: ""),
                text: withText ? text : nil)
        }
        let input = RequestInput(parameters: entries, anchorPath: "d.json", anchorRange: .bytes(0, 1))
        return RequestBindingCheck.diagnostics(for: RequestBinder.bind(input).findings)
    }

    @Test(arguments: [
        (#""30""#, "LifetimeInDays must be an integer, found a string '30'; remove the quotes"),
        ("30.0", "LifetimeInDays must be an integer, found a floating-point number '30.0'"),
        ("true", "LifetimeInDays must be an integer, found a boolean 'true'"),
        ("null", "LifetimeInDays must be an integer, found null"),
        ("[30]", "LifetimeInDays must be an integer, found a list"),
    ])
    func lifetimeTypeMismatches(value: String, message: String) throws {
        let json =
            Self.head + Self.identityCenter
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": "# + value + "}}"
        let diagnostics = try Self.diagnostics(json)
        #expect(diagnostics.map(\.rule) == [.typeMismatch])
        #expect(diagnostics.first?.message == message)
        #expect(diagnostics.first?.pointer == "/PersonalAccessTokenConfiguration/LifetimeInDays")
        #expect(
            diagnostics.first?.notes
                == (value == "true" ? ["the AWS CLI sends a boolean as it is and the service rejects it"] : []))
    }

    @Test func aShorthandLifetimeThatIntDoesNotReadSaysSo() throws {
        let json =
            Self.head + Self.identityCenter
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": "30 days"}}"#
        let diagnostics = try Self.diagnostics(json, syntax: .shorthand)
        #expect(diagnostics.map(\.rule) == [.typeMismatch])
        #expect(
            diagnostics.first?.message == "'30 days' is not an integer; LifetimeInDays must be a whole number of days")
        #expect(diagnostics.first?.notes == ["the AWS CLI converts this value with Python's int() and fails"])
    }

    @Test func aShorthandListWhereAStringGoesExplainsTheComma() throws {
        let json = Self.head + Self.identityCenter + #", "PersonalAccessTokenConfiguration": {"Status": ["A", "B"]}}"#
        let diagnostics = try Self.diagnostics(json, syntax: .shorthand)
        #expect(diagnostics.map(\.message) == ["Status must be a string, found a list"])
        #expect(
            diagnostics.first?.help == [
                "in shorthand, a ',' followed by a word without '=' makes a list; escape the comma as '\\,' or quote the value"
            ])
    }

    @Test func aMisspeltKeyHasItsSuggestionAndARenameWhenOnlyTheCaseDiffers() throws {
        let json = Self.head + Self.identityCenter + #", "PersonalAccessTokenConfiguration": {"status": "ACTIVE"}}"#
        let diagnostics = try Self.diagnostics(json, withText: true)
        #expect(diagnostics.map(\.rule) == [.unknownKey])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "unknown parameter 'status'; expected one of 'Status', 'LifetimeInDays'")
        #expect(diagnostic.help == ["did you mean 'Status'?"])
        #expect(diagnostic.pointer == "/PersonalAccessTokenConfiguration/status")
        let key = try #require(json.utf8.firstRange(of: #""status""#.utf8))
        let start = json.utf8.distance(from: json.utf8.startIndex, to: key.lowerBound)
        #expect(diagnostic.range == .bytes(start, start + 8))
        #expect(diagnostic.fixes.map(\.message) == ["rename to 'Status'"])
        #expect(
            diagnostic.fixes.first?.edits == [
                TextEdit(path: "d.json", range: .bytes(start + 1, start + 7), replacement: "Status")
            ])
        // Without the text, the key's characters cannot be located: no fix.
        #expect(try Self.diagnostics(json).first?.fixes.isEmpty == true)
    }

    @Test func manyUnknownKeysListTheKnownMembersAlike() throws {
        let json = "{" + (0..<3).map { #""Extra\#($0)": 1"# }.joined(separator: ", ") + "}"
        let unknown = try Self.diagnostics(json).filter { $0.rule == .unknownKey }.map(\.message)
        let list =
            "'OrganizationId', 'AuthenticationMode', 'IdentityCenterConfiguration', "
            + "'PersonalAccessTokenConfiguration'"
        #expect(unknown == (0..<3).map { "unknown parameter 'Extra\($0)'; expected one of " + list })
    }

    @Test func missingMembersAreReportedOncePerMember() throws {
        let diagnostics = try Self.diagnostics(
            #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "IdentityCenterConfiguration": {}}"#)
        #expect(diagnostics.allSatisfy { $0.rule == .missingRequired })
        #expect(
            diagnostics.map(\.message) == [
                "IdentityCenterConfiguration is missing its required member 'InstanceArn'",
                "IdentityCenterConfiguration is missing its required member 'ApplicationArn'",
                "missing required parameter 'AuthenticationMode' (--authentication-mode)",
                "missing required parameter 'PersonalAccessTokenConfiguration' (--personal-access-token-configuration)",
            ])
        #expect(diagnostics[2].range == .bytes(0, 1) && diagnostics[2].pointer == "/AuthenticationMode")
    }

    @Test func anUnresolvedParameterSaysItsChecksAreSkipped() throws {
        let input = RequestInput(
            parameters: [
                ParameterEntry(
                    key: "OrganizationId", value: .unresolved,
                    location: ValueLocation(path: "s.sh", range: .bytes(5, 9), pointer: ""))
            ], anchorPath: "s.sh", anchorRange: .bytes(0, 3), hasUnknownSource: true)
        let bound = RequestBinder.bind(input)
        #expect(bound.request.organizationId?.isUnresolved == true)
        let diagnostics = RequestBindingCheck.diagnostics(for: bound.findings)
        #expect(
            diagnostics == [
                Diagnostic(
                    rule: .unresolvedValue,
                    message: "the value of OrganizationId is only known when the script runs; checks that need it "
                        + "are skipped",
                    path: "s.sh", range: .bytes(5, 9), pointer: "/OrganizationId")
            ])
    }
}
