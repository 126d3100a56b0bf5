public import WMLintModel
public import WMLintSource

/// A member of the request a check can find faulty.
enum Member: UInt8 {
    case organizationId, authenticationMode, instanceArn, applicationArn, status, lifetimeInDays
}

/// What a check reads: the request's members, copied out of their structures once, the context, and what earlier
/// checks found.
struct CheckState {
    let organizationId: Field<String>?
    let authenticationMode: Field<String>?
    let instanceArn: Field<String>?
    let applicationArn: Field<String>?
    let status: Field<String>?
    let lifetimeInDays: Field<Int>?
    let context: RuleContext
    var diagnostics: [Diagnostic] = []
    /// Members found faulty by a value check, one bit per ``Member``: cross-field checks skip them.
    private var faultyMembers: UInt8 = 0

    init(request: Request, context: RuleContext) {
        organizationId = request.organizationId
        authenticationMode = request.authenticationMode
        let identityCenter = request.identityCenterConfiguration?.value
        instanceArn = identityCenter?.instanceArn
        applicationArn = identityCenter?.applicationArn
        let tokens = request.personalAccessTokenConfiguration?.value
        status = tokens?.status
        lifetimeInDays = tokens?.lifetimeInDays
        self.context = context
    }

    func field(_ member: Member) -> Field<String>? {
        switch member {
        case .organizationId: organizationId
        case .authenticationMode: authenticationMode
        case .instanceArn: instanceArn
        case .applicationArn: applicationArn
        case .status: status
        case .lifetimeInDays: nil
        }
    }

    func isFaulty(_ member: Member) -> Bool { faultyMembers & (1 << member.rawValue) != 0 }

    mutating func markFaulty(_ member: Member) { faultyMembers |= 1 << member.rawValue }

    /// The string member's value and location when it holds a value no check has found faulty.
    func valid(_ member: Member) -> (String, ValueLocation)? {
        guard !isFaulty(member), let field = field(member), let value = field.value else { return nil }
        return (value, field.location)
    }

    /// `InstanceArn` and `ApplicationArn` cut into fields, once per request (several checks read them).
    private var parsedInstanceArn: ARN?
    private var parsedApplicationArn: ARN?

    /// The ARN member's value cut into its fields, when it holds a value no check has found faulty.
    mutating func arn(_ member: Member) -> ARN? {
        guard member == .instanceArn || member == .applicationArn, !isFaulty(member),
            let value = field(member)?.value
        else { return nil }
        if member == .instanceArn {
            if parsedInstanceArn == nil { parsedInstanceArn = ARN(value) }
            return parsedInstanceArn
        }
        if parsedApplicationArn == nil { parsedApplicationArn = ARN(value) }
        return parsedApplicationArn
    }

    mutating func report(_ diagnostic: Diagnostic, faulty member: Member? = nil) {
        diagnostics.append(diagnostic)
        if let member { markFaulty(member) }
    }
}

/// One rule's check over the typed request.
protocol Check {
    static func run(_ state: inout CheckState)
}

/// Runs the catalogue's checks over a typed request, value checks first, then cross-field and policy checks, so
/// that "one fault, one diagnostic" holds (SPEC §4).
public enum RuleEngine {
    /// The checks, in the order precedence needs.
    static let checks: [any Check.Type] = [
        ArnsSwappedCheck.self,
        OrganizationIdFormatCheck.self,
        EnumValueCheck.self,
        InstanceArnFormatCheck.self,
        ApplicationArnFormatCheck.self,
        PatLifetimeRangeCheck.self,
        RegionUnsupportedCheck.self,
        EndpointRegionMismatchCheck.self,
        ApplicationInstanceMismatchCheck.self,
        PartitionMismatchCheck.self,
        AccountMismatchCheck.self,
        PatLifetimePolicyCheck.self,
        AuthenticationModePolicyCheck.self,
        PatLifetimeIgnoredCheck.self,
        ClientsLockedOutCheck.self,
    ]

    public static func run(_ request: Request, context: RuleContext) -> [Diagnostic] {
        var state = CheckState(request: request, context: context)
        for check in checks {
            check.run(&state)
        }
        return state.diagnostics
    }
}

extension Diagnostic {
    /// A diagnostic about a value, located in its file, with the options that pulled the file in as related
    /// locations.
    init(
        rule: RuleID, message: String, at location: ValueLocation, range: SourceRange? = nil, notes: [String] = [],
        help: [String] = [], related: [RelatedLocation] = [], fixes: [Fix] = []
    ) {
        self.init(
            rule: rule, message: message, path: location.path, range: range ?? location.contentRange,
            pointer: location.pointer, notes: notes, help: help, related: related + location.provenance, fixes: fixes)
    }
}

extension ValueLocation {
    /// A fix replacing the whole value's text (without quotes) by `replacement`, or `nil` when the value's
    /// characters cannot be located exactly.
    func replacingContent(with replacement: String, message: String) -> Fix? {
        guard let map = contentMap else { return nil }
        return Fix(message: message, edits: [TextEdit(path: path, range: contentRange(map), replacement: replacement)])
    }
}
