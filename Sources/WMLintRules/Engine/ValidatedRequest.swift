import WMLintModel
import WMLintSource

/// A scalar member of the request that the checks read.
enum RequestMember {
    case organizationId, authenticationMode, instanceArn, applicationArn, status, lifetimeInDays
}

extension Request {
    /// Where `member` is written, when the request has it. Checks look it up only when they report: most requests
    /// report nothing, and reading a location out of the request copies its field.
    func location(of member: RequestMember) -> ValueLocation? {
        switch member {
        case .organizationId: organizationId?.location
        case .authenticationMode: authenticationMode?.location
        case .instanceArn: identityCenterConfiguration?.value?.instanceArn?.location
        case .applicationArn: identityCenterConfiguration?.value?.applicationArn?.location
        case .status: personalAccessTokenConfiguration?.value?.status?.location
        case .lifetimeInDays: personalAccessTokenConfiguration?.value?.lifetimeInDays?.location
        }
    }
}

/// A value of one of the service model's enums that the service accepts.
protocol ServiceEnum: Hashable {
    /// The member's name, as messages say it.
    static var memberName: String { get }
    /// The allowed values, in model order.
    static var allowed: [String] { get }
    /// ``allowed`` as messages list them, made once.
    static var listing: String { get }
    var name: String { get }
    /// The value named `name`, one of ``allowed``.
    init(accepted name: String)
}

extension ServiceEnum {
    /// The value named `name`, or `nil` when the service has no such value.
    init?(_ name: String) {
        guard Self.allowed.contains(name) else { return nil }
        self.init(accepted: name)
    }
}

/// An `AuthenticationMode` the service accepts (one of ``WMLintModel/ServiceFacts/authenticationModes``).
struct AuthenticationMode: ServiceEnum {
    static let memberName = "AuthenticationMode"
    static let allowed = ServiceFacts.authenticationModes
    static let listing = listed(allowed)
    let name: String

    init(accepted name: String) { self.name = name }

    /// Sign-in through the identity provider only: no directory passwords.
    var isIdentityProviderOnly: Bool { name == "IDENTITY_PROVIDER_ONLY" }
}

/// A personal access token `Status` the service accepts (one of
/// ``WMLintModel/ServiceFacts/personalAccessTokenStatuses``).
struct TokenStatus: ServiceEnum {
    static let memberName = "Status"
    static let allowed = ServiceFacts.personalAccessTokenStatuses
    static let listing = listed(allowed)
    let name: String

    init(accepted name: String) { self.name = name }

    /// Personal access tokens switched off.
    var isInactive: Bool { name == "INACTIVE" }
}

/// The request as the value checks let it through: each member that is present, statically known, well-typed and
/// found faulty by no value check, parsed into the type the cross-field checks read.
///
/// A member is `nil` when it is absent, unresolved, of the wrong type, or faulty: a value check that reports a
/// member leaves it out, so no later check reports the same fault again ("one fault, one diagnostic"). It holds
/// values only: a check that reports reads where the member is written from the request
/// (``WMLintModel/Request/location(of:)``).
struct ValidatedRequest {
    /// `OrganizationId`, in the form `m-` and 32 hexadecimal digits.
    var organizationId: String?
    /// `AuthenticationMode`, a mode the service and the configured policy allow.
    var authenticationMode: AuthenticationMode?
    /// `IdentityCenterConfiguration.InstanceArn`, matching the instance ARN pattern.
    var instanceArn: ARN?
    /// `IdentityCenterConfiguration.ApplicationArn`, matching the application ARN pattern.
    var applicationArn: ARN?
    /// `PersonalAccessTokenConfiguration.Status`.
    var status: TokenStatus?
    /// `PersonalAccessTokenConfiguration.LifetimeInDays`, in days, within the service's and the policy's bounds.
    var lifetimeInDays: Int?

    /// Runs the value checks over `request`'s members, appending their diagnostics to `diagnostics`, and
    /// keeps what they let through.
    ///
    /// Each member goes through its own checks, each taking what the one before let through (a policy bound is
    /// checked on a value within the service's bounds); members do not depend on each other, except the two ARNs,
    /// which `arns-swapped` checks as a pair first.
    init(_ request: borrowing Request, context: RuleContext, reporting diagnostics: inout [Diagnostic]) {
        let values = request.memberValues
        if let value = values.organizationId {
            organizationId = OrganizationIdFormatCheck.validate(value, source: request, reporting: &diagnostics)
        }
        if let value = values.authenticationMode,
            let mode = EnumValueCheck.authenticationMode(value, source: request, reporting: &diagnostics)
        {
            authenticationMode = AuthenticationModePolicyCheck.validate(
                mode, policy: context.policy, source: request, reporting: &diagnostics)
        }
        var instance = values.instanceArn
        var application = values.applicationArn
        ArnsSwappedCheck.validate(
            instance: &instance, application: &application, source: request, reporting: &diagnostics)
        if let instance {
            instanceArn = InstanceArnFormatCheck.validate(instance, source: request, reporting: &diagnostics)
        }
        if let application {
            applicationArn = ApplicationArnFormatCheck.validate(application, source: request, reporting: &diagnostics)
        }
        if let value = values.status {
            status = EnumValueCheck.status(value, source: request, reporting: &diagnostics)
        }
        if let value = values.lifetimeInDays,
            let days = PatLifetimeRangeCheck.validate(value, source: request, reporting: &diagnostics)
        {
            lifetimeInDays = PatLifetimePolicyCheck.validate(
                days, policy: context.policy, source: request, reporting: &diagnostics)
        }
    }
}
