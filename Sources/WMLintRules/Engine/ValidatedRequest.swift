import WMLintModel
import WMLintSource

/// A value and where it is written.
struct Located<Value> {
    var value: Value
    var location: ValueLocation
}

/// An `AuthenticationMode` the service accepts (one of ``WMLintModel/ServiceFacts/authenticationModes``).
struct AuthenticationMode: Hashable {
    let name: String

    /// The mode named `name`, or `nil` when the service has no such mode.
    init?(_ name: String) {
        guard ServiceFacts.authenticationModes.contains(name) else { return nil }
        self.name = name
    }

    /// Sign-in through the identity provider only: no directory passwords.
    var isIdentityProviderOnly: Bool { name == "IDENTITY_PROVIDER_ONLY" }
}

/// A personal access token `Status` the service accepts (one of
/// ``WMLintModel/ServiceFacts/personalAccessTokenStatuses``).
struct TokenStatus: Hashable {
    let name: String

    /// The status named `name`, or `nil` when the service has no such status.
    init?(_ name: String) {
        guard ServiceFacts.personalAccessTokenStatuses.contains(name) else { return nil }
        self.name = name
    }

    /// Personal access tokens switched off.
    var isInactive: Bool { name == "INACTIVE" }
}

/// The request as the value checks let it through: each member that is present, statically known, well-typed and
/// found faulty by no value check, parsed into the type the cross-field checks read.
///
/// A member is `nil` when it is absent, unresolved, of the wrong type, or faulty: a value check that reports a
/// member leaves it out, so no later check reports the same fault again ("one fault, one diagnostic").
struct ValidatedRequest {
    /// `OrganizationId`, in the form `m-` and 32 hexadecimal digits.
    var organizationId: Located<String>?
    /// `AuthenticationMode`, a mode the service and the configured policy allow.
    var authenticationMode: Located<AuthenticationMode>?
    /// `IdentityCenterConfiguration.InstanceArn`, matching the instance ARN pattern.
    var instanceArn: Located<ARN>?
    /// `IdentityCenterConfiguration.ApplicationArn`, matching the application ARN pattern.
    var applicationArn: Located<ARN>?
    /// `PersonalAccessTokenConfiguration.Status`.
    var status: Located<TokenStatus>?
    /// `PersonalAccessTokenConfiguration.LifetimeInDays`, in days, within the service's and the policy's bounds.
    var lifetimeInDays: Located<Int>?

    /// Runs the value checks over `request`, appending their diagnostics to `diagnostics`, and keeps what they let
    /// through.
    ///
    /// Each member goes through its own checks, each taking what the one before let through (a policy bound is
    /// checked on a value within the service's bounds); members do not depend on each other, except the two ARNs,
    /// which `arns-swapped` checks as a pair first.
    init(_ request: Request, context: RuleContext, reporting diagnostics: inout [Diagnostic]) {
        let raw = RawMembers(request)
        organizationId = raw.organizationId.flatMap { OrganizationIdFormatCheck.validate($0, reporting: &diagnostics) }
        authenticationMode = raw.authenticationMode
            .flatMap { EnumValueCheck.authenticationMode($0, reporting: &diagnostics) }
            .flatMap { AuthenticationModePolicyCheck.validate($0, policy: context.policy, reporting: &diagnostics) }
        let (instance, application) = ArnsSwappedCheck.validate(
            instance: raw.instanceArn, application: raw.applicationArn, reporting: &diagnostics)
        instanceArn = instance.flatMap { InstanceArnFormatCheck.validate($0, reporting: &diagnostics) }
        applicationArn = application.flatMap { ApplicationArnFormatCheck.validate($0, reporting: &diagnostics) }
        status = raw.status.flatMap { EnumValueCheck.status($0, reporting: &diagnostics) }
        lifetimeInDays = raw.lifetimeInDays
            .flatMap { PatLifetimeRangeCheck.validate($0, reporting: &diagnostics) }
            .flatMap { PatLifetimePolicyCheck.validate($0, policy: context.policy, reporting: &diagnostics) }
    }
}

/// The scalar members of a request that have a statically known, well-typed value, each with its location.
private struct RawMembers {
    var organizationId: Located<String>?
    var authenticationMode: Located<String>?
    var instanceArn: Located<String>?
    var applicationArn: Located<String>?
    var status: Located<String>?
    var lifetimeInDays: Located<Int>?

    /// Reads the values through ``WMLintModel/Request/memberValues`` (in place), and a location only for a member
    /// that has a value.
    init(_ request: Request) {
        let values = request.memberValues
        if let value = values.organizationId, let location = request.organizationId?.location {
            organizationId = Located(value: value, location: location)
        }
        if let value = values.authenticationMode, let location = request.authenticationMode?.location {
            authenticationMode = Located(value: value, location: location)
        }
        if values.instanceArn != nil || values.applicationArn != nil,
            let identityCenter = request.identityCenterConfiguration?.value
        {
            if let value = values.instanceArn, let location = identityCenter.instanceArn?.location {
                instanceArn = Located(value: value, location: location)
            }
            if let value = values.applicationArn, let location = identityCenter.applicationArn?.location {
                applicationArn = Located(value: value, location: location)
            }
        }
        if values.status != nil || values.lifetimeInDays != nil,
            let token = request.personalAccessTokenConfiguration?.value
        {
            if let value = values.status, let location = token.status?.location {
                status = Located(value: value, location: location)
            }
            if let value = values.lifetimeInDays, let location = token.lifetimeInDays?.location {
                lifetimeInDays = Located(value: value, location: location)
            }
        }
    }
}
