import Testing
import WMLintSource

@testable import WMLintModel
@testable import WMLintRules

/// The engine over requests built by hand: a member a value check reports is not reported again by a cross-field
/// check, and the diagnostics of one run never tie in report order (so the order the checks run in cannot show).
@Suite struct RuleEngineTests {
    /// A request with the given members, each at its own bytes of `r.json`.
    static func request(
        organizationId: String? = nil, mode: String? = nil, instanceArn: String? = nil,
        applicationArn: String? = nil, status: String? = nil, lifetime: Int? = nil
    ) -> Request {
        var offset = 0
        func field<Value>(_ value: Value, _ pointer: String) -> Field<Value> {
            defer { offset += 200 }
            return Field(
                value: value,
                location: ValueLocation(path: "r.json", range: .bytes(offset, offset + 10), pointer: pointer))
        }
        var request = Request()
        request.organizationId = organizationId.map { field($0, "/OrganizationId") }
        request.authenticationMode = mode.map { field($0, "/AuthenticationMode") }
        if instanceArn != nil || applicationArn != nil {
            var identityCenter = IdentityCenterConfiguration()
            identityCenter.instanceArn = instanceArn.map { field($0, "/IdentityCenterConfiguration/InstanceArn") }
            identityCenter.applicationArn = applicationArn.map {
                field($0, "/IdentityCenterConfiguration/ApplicationArn")
            }
            request.identityCenterConfiguration = field(identityCenter, "/IdentityCenterConfiguration")
        }
        if status != nil || lifetime != nil {
            var token = PersonalAccessTokenConfiguration()
            token.status = status.map { field($0, "/PersonalAccessTokenConfiguration/Status") }
            token.lifetimeInDays = lifetime.map { field($0, "/PersonalAccessTokenConfiguration/LifetimeInDays") }
            request.personalAccessTokenConfiguration = field(token, "/PersonalAccessTokenConfiguration")
        }
        return request
    }

    static func context(
        region: String? = nil, account: String? = nil, policy: Policy = Policy()
    ) -> RuleContext {
        RuleContext(
            region: region.map { ContextValue(value: $0, origin: ContextOrigin(description: "--region")) },
            accountID: account.map { ContextValue(value: $0, origin: ContextOrigin(description: "--account-id")) },
            policy: policy, anchorPath: "r.json", anchorRange: .bytes(0, 1))
    }

    static let instance = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
    static let application = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"

    @Test func aLifetimeOutsideThePolicyIsNotAlsoIgnored() {
        let diagnostics = RuleEngine.run(
            Self.request(status: "INACTIVE", lifetime: 400),
            context: Self.context(policy: Policy(maximumLifetimeDays: 365)))
        #expect(diagnostics.map(\.rule) == [.patLifetimePolicy])
    }

    @Test func aLifetimeOutOfRangeIsNeitherOutsideThePolicyNorIgnored() {
        let diagnostics = RuleEngine.run(
            Self.request(status: "INACTIVE", lifetime: 0),
            context: Self.context(policy: Policy(minimumLifetimeDays: 30)))
        #expect(diagnostics.map(\.rule) == [.patLifetimeRange])
    }

    @Test func aModeThePolicyRefusesDoesNotAlsoLockClientsOut() {
        let diagnostics = RuleEngine.run(
            Self.request(mode: "IDENTITY_PROVIDER_ONLY", status: "INACTIVE"),
            context: Self.context(policy: Policy(authenticationModes: ["IDENTITY_PROVIDER_AND_DIRECTORY"])))
        #expect(diagnostics.map(\.rule) == [.authenticationModePolicy])
    }

    @Test func aValidModeWithTokensOffLocksClientsOut() {
        let diagnostics = RuleEngine.run(
            Self.request(mode: "IDENTITY_PROVIDER_ONLY", status: "INACTIVE"), context: Self.context())
        #expect(diagnostics.map(\.rule) == [.clientsLockedOut])
    }

    @Test func swappedArnsAreReportedOnceAndCheckedNoFurther() {
        let diagnostics = RuleEngine.run(
            Self.request(instanceArn: Self.application, applicationArn: Self.instance),
            context: Self.context(region: "us-east-1", account: "111122223333"))
        #expect(diagnostics.map(\.rule) == [.arnsSwapped])
    }

    @Test func anArnOfTheWrongFormIsNotComparedWithTheOther() {
        let diagnostics = RuleEngine.run(
            Self.request(
                instanceArn: "arn:aws-cn:sso:::instance/ssoins-00000000000000", applicationArn: Self.application),
            context: Self.context())
        #expect(diagnostics.map(\.rule) == [.instanceArnFormat])
    }

    @Test func anOrganizationIdOfTheWrongFormIsNotAlsoAPlaceholder() {
        let placeholder = ServiceFacts.placeholderOrganizationIds[0]
        let wrong = RuleEngine.run(Self.request(organizationId: placeholder.uppercased()), context: Self.context())
        #expect(wrong.map(\.rule) == [.organizationIdFormat])
        let copied = RuleEngine.run(Self.request(organizationId: placeholder), context: Self.context())
        #expect(copied.map(\.rule) == [.placeholderValue])
    }

    @Test func theDiagnosticsOfOneRunNeverTieInReportOrder() {
        let requests = [
            Self.request(
                organizationId: "m-0", mode: "Identity_Provider_Only", instanceArn: "arn:aws:sso:::instance/x",
                applicationArn: "arn:aws:sso::1:application/x/y", status: "Active", lifetime: 0),
            Self.request(
                organizationId: ServiceFacts.placeholderOrganizationIds[0], mode: "IDENTITY_PROVIDER_ONLY",
                instanceArn: "arn:aws-cn:sso:::instance/ssoins-1234567890abcdef",
                applicationArn: "arn:aws:sso::123456789012:application/ssoins-1111111111111111/apl-1234567890abcdef",
                status: "INACTIVE", lifetime: 30),
        ]
        let contexts = [
            Self.context(region: "us-east-1", account: "111122223333"),
            Self.context(region: "mars-1", account: "111122223333", policy: Policy(maximumLifetimeDays: 7)),
        ]
        for request in requests {
            for context in contexts {
                let diagnostics = RuleEngine.run(request, context: context)
                #expect(diagnostics.count >= 3)
                for (index, first) in diagnostics.enumerated() {
                    for second in diagnostics[(index + 1)...] {
                        #expect(Diagnostic.compareInReportOrder(first, second) != .same, "\(first.message)")
                    }
                }
            }
        }
    }
}
