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

extension BindingFinding {
    /// The key of an unknown-key finding; `nil` for any other.
    var unknownKey: String? {
        if case .unknownKey(let key, _, _, _, _) = self { return key }
        return nil
    }
}

let validICC =
    #""IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845", "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"}"#
let validHead =
    #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "#

@Suite struct RequestBinderTests {
    @Test func validRequestBindsEveryFieldWithLocations() throws {
        let json =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}"#
        let (result, outcome) = try bindDocument(json)
        #expect(result.findings.isEmpty)
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
        #expect(result.findings.isEmpty)
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
        #expect(result.findings.map(\.pointer) == ["/PersonalAccessTokenConfiguration/a~1b~0c", "/x~0y~1"])
        #expect(
            result.findings.map(\.unknownKey) == [
                "a/b~c", "x~y/",
            ])
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
        (#""30""#, "a string"),
        ("30.0", "a floating-point number"),
        ("true", "a boolean"),
        ("null", "null"),
        ("[30]", "a list"),
    ])
    func lifetimeTypeMismatches(value: String, kind: String) throws {
        let json =
            validHead + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": "#
            + value + "}}"
        let (result, _) = try bindDocument(json)
        #expect(result.findings.count == 1)
        guard case .typeMismatch(let member, let expected, let found, let syntax, let location) = result.findings.first
        else {
            Issue.record("a type mismatch: \(result.findings)")
            return
        }
        #expect(member == "LifetimeInDays" && expected == .integer && syntax == .json)
        #expect(found.kindDescription == kind)
        #expect(location.range == found.range)
        #expect(location.pointer == "/PersonalAccessTokenConfiguration/LifetimeInDays")
    }

    @Test func aShorthandLifetimeThatIntDoesNotReadIsNotAnInteger() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": "30 days"}}"#
        let (result, outcome) = try bindDocument(json, syntax: .shorthand)
        guard case .notAnInteger(let member, let text, let location) = result.findings.first else {
            Issue.record("not an integer: \(result.findings)")
            return
        }
        #expect(result.findings.count == 1)
        #expect(member == "LifetimeInDays" && text == "30 days")
        #expect(location.pointer == "/PersonalAccessTokenConfiguration/LifetimeInDays")
        #expect(outcome == .rejects)
    }

    @Test func booleanLifetimeIsSentByTheCLIButReported() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": true}}"#
        let (result, outcome) = try bindDocument(json)
        guard case .typeMismatch(_, .integer, let found, _, _) = result.findings.first, case .bool = found.value else {
            Issue.record("a boolean for an integer: \(result.findings)")
            return
        }
        #expect(result.findings.count == 1)
        guard case .sends = outcome else {
            Issue.record("botocore accepts a boolean for an integer (bool is an int in Python)")
            return
        }
    }

    @Test func misspeltKeySuppressesMissingRequiredForThatMember() throws {
        let json = validHead + validICC + #", "PersonalAccessTokenConfiguration": {"status": "ACTIVE"}}"#
        let (result, outcome) = try bindDocument(json)
        #expect(result.findings.map(\.unknownKey) == ["status"])
        guard case .unknownKey(_, let known, let suggestion, let rename, _) = result.findings.first else { return }
        #expect(known == ["Status", "LifetimeInDays"])
        #expect(suggestion == "Status")
        // Without the document's text the key's characters cannot be located: no rename.
        #expect(rename == nil)
        #expect(outcome == .rejects)
    }

    @Test func missingMembersAreReportedOncePerMember() throws {
        let (result, outcome) = try bindDocument(
            #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "IdentityCenterConfiguration": {}}"#)
        let missing = result.findings.compactMap { finding -> String? in
            guard case .missingRequired(let member, let structure, _) = finding else { return nil }
            return (structure.map { $0 + "." } ?? "") + member
        }
        #expect(
            missing == [
                "IdentityCenterConfiguration.InstanceArn", "IdentityCenterConfiguration.ApplicationArn",
                "AuthenticationMode", "PersonalAccessTokenConfiguration",
            ])
        #expect(missing.count == result.findings.count)
        #expect(
            result.findings.map(\.pointer) == [
                "/IdentityCenterConfiguration/InstanceArn", "/IdentityCenterConfiguration/ApplicationArn",
                "/AuthenticationMode", "/PersonalAccessTokenConfiguration",
            ])
        #expect(outcome == .rejects)
    }

    @Test func shorthandIntegersConvertAsPythonInt() throws {
        let json =
            validHead + validICC
            + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": " +0_30 "}}"#
        let (result, outcome) = try bindDocument(json, syntax: .shorthand)
        #expect(result.findings.isEmpty)
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
