import Testing
import WMLintModel
import WMLintSource
import WMLintSyntax

/// Binds a JSON document as a `--cli-input-json` request.
func bindDocument(_ json: String, syntax: ValueSyntax = .json) throws -> (BindingResult, CLIOutcome) {
    let parsed = JSONParser.parse(SourceText(bytes: Array(json.utf8), path: "d.json"))
    let root = try #require(parsed.root)
    guard case .object(let members) = root.value else { throw Failure() }
    let entries = members.map {
        ParameterEntry(
            key: $0.key, value: .node($0.value, syntax: syntax),
            location: ValueLocation(path: "d.json", range: $0.value.range, keyRange: $0.keyRange, pointer: ""))
    }
    let input = RequestInput(parameters: entries, anchorPath: "d.json", anchorRange: .bytes(0, 1))
    return (RequestBinder.bind(input), CLIRequest.outcome(of: input))
}

struct Failure: Error {}

let validICC =
    #""IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845", "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"}"#
let validHead =
    #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "#

@Suite struct RequestBinderTests {
    @Test func validRequestBindsEveryFieldWithLocations() throws {
        let json =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}"#
        let (result, outcome) = try bindDocument(json)
        #expect(result.diagnostics.isEmpty)
        let request = result.request
        #expect(request.organizationId?.value == "m-0123456789abcdef0123456789abcdef")
        #expect(request.personalAccessTokenConfiguration?.value?.lifetimeInDays?.value == 30)
        let lifetime = try #require(request.personalAccessTokenConfiguration?.value?.lifetimeInDays)
        #expect(lifetime.location.pointer == "/PersonalAccessTokenConfiguration/LifetimeInDays")
        let offset = try #require(json.utf8.firstRange(of: "30}".utf8)).lowerBound
        let start = json.utf8.distance(from: json.utf8.startIndex, to: offset)
        #expect(lifetime.location.range == .bytes(start, start + 2))
        guard case .sends = outcome else {
            Issue.record("the CLI would send this request")
            return
        }
    }

    @Test func memberValuesAreTheKnownWellTypedValues() throws {
        let json =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}"#
        let values = try bindDocument(json).0.request.memberValues
        #expect(values.organizationId == "m-0123456789abcdef0123456789abcdef")
        #expect(values.authenticationMode == "IDENTITY_PROVIDER_ONLY")
        #expect(values.instanceArn == "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845")
        #expect(
            values.applicationArn
                == "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058")
        #expect(values.status == "ACTIVE")
        #expect(values.lifetimeInDays == 30)
        let mistyped = try bindDocument(
            #"{"OrganizationId": 5, "PersonalAccessTokenConfiguration": {"Status": [], "LifetimeInDays": "x"}}"#)
        let none = mistyped.0.request.memberValues
        #expect(none.organizationId == nil && none.status == nil && none.lifetimeInDays == nil)
        #expect(none.instanceArn == nil && none.applicationArn == nil && none.authenticationMode == nil)
    }

    @Test func theModelsShapesFitThePresenceBits() {
        for shape in [
            OperationModel.requestShape, OperationModel.identityCenterShape, OperationModel.personalAccessTokenShape,
        ] {
            #expect(shape.members.count < 64)
        }
    }

    @Test func aStructureKeyGivenTwiceKeepsItsLastValueAtItsFirstPlace() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30, "Status": "INACTIVE"}}"#
        let (result, _) = try bindDocument(json)
        let token = try #require(result.request.personalAccessTokenConfiguration?.value)
        #expect(token.status?.value == "INACTIVE")
        #expect(token.lifetimeInDays?.value == 30)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func knownAndUnknownMembersHaveTheirPointers() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "a/b~c": 1}, "x~y/": 2}"#
        let (result, _) = try bindDocument(json)
        let request = result.request
        #expect(request.organizationId?.location.pointer == "/OrganizationId")
        #expect(request.authenticationMode?.location.pointer == "/AuthenticationMode")
        let identityCenter = try #require(request.identityCenterConfiguration)
        #expect(identityCenter.location.pointer == "/IdentityCenterConfiguration")
        #expect(identityCenter.value?.instanceArn?.location.pointer == "/IdentityCenterConfiguration/InstanceArn")
        #expect(
            identityCenter.value?.applicationArn?.location.pointer == "/IdentityCenterConfiguration/ApplicationArn")
        #expect(
            request.personalAccessTokenConfiguration?.value?.status?.location.pointer
                == "/PersonalAccessTokenConfiguration/Status")
        #expect(
            result.diagnostics.map(\.pointer) == ["/PersonalAccessTokenConfiguration/a~1b~0c", "/x~0y~1"])
        #expect(result.diagnostics.allSatisfy { $0.rule == .unknownKey })
    }

    @Test func aMembersRemovalRangeTakesItsSeparator() throws {
        let json = "{\"PersonalAccessTokenConfiguration\": {\"Status\": \"INACTIVE\",\r\n\t\"LifetimeInDays\": 30}}"
        let text = SourceText(bytes: Array(json.utf8), path: "d.json")
        let root = try #require(JSONParser.parse(text).root)
        guard case .object(let members) = root.value else { throw Failure() }
        let entries = members.map {
            ParameterEntry(
                key: $0.key, value: .node($0.value, syntax: .json),
                location: ValueLocation(path: "d.json", range: $0.value.range, keyRange: $0.keyRange, pointer: ""),
                text: text)
        }
        let input = RequestInput(parameters: entries, anchorPath: "d.json", anchorRange: .bytes(0, 1))
        let token = try #require(RequestBinder.bind(input).request.personalAccessTokenConfiguration?.value)
        let comma = try #require(json.utf8.firstIndex(of: UInt8(ascii: ",")))
        let start = json.utf8.distance(from: json.utf8.startIndex, to: comma)
        #expect(token.lifetimeInDays?.location.removalRange == .bytes(start, json.utf8.count - 2))
        // The status member is followed by its separator: removing it takes the separator, not the line break.
        #expect(token.status?.location.removalRange == .bytes(38, start + 1))
        // Without the text, no range is known.
        let (bound, _) = try bindDocument(json)
        #expect(bound.request.personalAccessTokenConfiguration?.value?.status?.location.removalRange == nil)
    }

    @Test(arguments: [
        (#""30""#, "found a string '30'; remove the quotes"),
        ("30.0", "found a floating-point number '30.0'"),
        ("true", "found a boolean 'true'"),
        ("null", "found null"),
        ("[30]", "found a list"),
    ])
    func lifetimeTypeMismatches(value: String, message: String) throws {
        let json =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": "#
            + value + "}}"
        let (result, _) = try bindDocument(json)
        #expect(result.diagnostics.map(\.rule) == [.typeMismatch])
        #expect(result.diagnostics.first?.message.contains(message) == true)
        #expect(result.diagnostics.first?.pointer == "/PersonalAccessTokenConfiguration/LifetimeInDays")
    }

    @Test func booleanLifetimeIsSentByTheCLIButReported() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": true}}"#
        let (result, outcome) = try bindDocument(json)
        #expect(result.diagnostics.map(\.rule) == [.typeMismatch])
        guard case .sends = outcome else {
            Issue.record("botocore accepts a boolean for an integer (bool is an int in Python)")
            return
        }
    }

    @Test func misspeltKeySuppressesMissingRequiredForThatMember() throws {
        let json = validHead + validICC + #", "PersonalAccessTokenConfiguration": {"status": "ACTIVE"}}"#
        let (result, outcome) = try bindDocument(json)
        #expect(result.diagnostics.map(\.rule) == [.unknownKey])
        #expect(result.diagnostics.first?.help == ["did you mean 'Status'?"])
        #expect(outcome == .rejects)
    }

    @Test func missingMembersAreReportedOncePerMember() throws {
        let (result, outcome) = try bindDocument(
            #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "IdentityCenterConfiguration": {}}"#)
        let messages = result.diagnostics.filter { $0.rule == .missingRequired }.map(\.message)
        #expect(messages.count == 4)
        #expect(messages.contains("missing required parameter 'AuthenticationMode' (--authentication-mode)"))
        #expect(messages.contains("IdentityCenterConfiguration is missing its required member 'InstanceArn'"))
        #expect(outcome == .rejects)
    }

    @Test func shorthandIntegersConvertAsPythonInt() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": " +0_30 "}}"#
        let (result, outcome) = try bindDocument(json, syntax: .shorthand)
        #expect(result.diagnostics.isEmpty)
        #expect(result.request.personalAccessTokenConfiguration?.value?.lifetimeInDays?.value == 30)
        guard case .sends(let body) = outcome else {
            Issue.record("the CLI converts ' +0_30 ' to 30")
            return
        }
        #expect(JSONWriter.write(body).contains(#""LifetimeInDays": 30"#))
    }

    @Test func botocoreMinimumsRejectButMaximumsDoNot() throws {
        let short =
            #"{"OrganizationId": "m-1", "AuthenticationMode": "X", "# + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "nope", "LifetimeInDays": 999999}}"#
        #expect(try bindDocument(short).1 == .rejects)
        let long =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "nope", "LifetimeInDays": 999999}}"#
        guard case .sends = try bindDocument(long).1 else {
            Issue.record("botocore checks no maximum and no enum")
            return
        }
        let zero =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 0}}"#
        #expect(try bindDocument(zero).1 == .rejects)
    }
}
