public import WMLintModel
public import WMLintSource

/// A member of the request a check can find faulty.
enum Member: UInt8 {
    case organizationId, authenticationMode, instanceArn, applicationArn, status, lifetimeInDays
}

/// What a check reads: the request, its context, and what earlier checks found.
///
/// Checks read the members' values through ``value(_:)`` and their locations through ``location(of:)``, only when
/// they report: no `Field` is copied on the way to a value. The request and its context are held by reference:
/// the state is a few words, so passing it to a check or calling a method on it copies nothing large.
struct CheckState {
    /// What stays the same through the checks of one request, and the ARNs cut into fields on first use.
    private final class Shared {
        /// The request ``RuleEngine/run(_:context:)`` checks, valid while it runs (no state outlives the run). Not
        /// a copy: copying a request copies each of its fields through the generic `Field` type's runtime
        /// metadata.
        let request: UnsafePointer<Request>
        let context: RuleContext
        /// The string members' values, by ``Member`` raw value (all but `lifetimeInDays`), read out of the request
        /// once: each check reads several.
        let values: InlineArray<5, String?>
        let lifetimeInDays: Int?
        var parsedInstanceArn: ARN?
        var parsedApplicationArn: ARN?

        init(request: UnsafePointer<Request>, values read: MemberValues, context: RuleContext) {
            self.request = request
            self.context = context
            values = [read.organizationId, read.authenticationMode, read.instanceArn, read.applicationArn, read.status]
            lifetimeInDays = read.lifetimeInDays
        }
    }

    private let shared: Shared
    var diagnostics: [Diagnostic] = []
    /// Members found faulty by a value check, one bit per ``Member``: cross-field checks skip them.
    private var faultyMembers: UInt8 = 0

    /// The state of a run over `request`, which must stay valid while the state is used; `values` are its
    /// ``WMLintModel/Request/memberValues``.
    init(request: UnsafePointer<Request>, values: MemberValues, context: RuleContext) {
        shared = Shared(request: request, values: values, context: context)
    }

    var context: RuleContext { shared.context }

    /// `LifetimeInDays`, when it is known and well-typed.
    var lifetimeInDays: Int? { shared.lifetimeInDays }

    /// The string member's value, when it is known and well-typed.
    func value(_ member: Member) -> String? {
        member == .lifetimeInDays ? nil : shared.values[Int(member.rawValue)]
    }

    /// Where the member is written, when the request has it.
    func location(of member: Member) -> ValueLocation? {
        switch member {
        case .organizationId: return shared.request.pointee.organizationId?.location
        case .authenticationMode: return shared.request.pointee.authenticationMode?.location
        case .instanceArn: return shared.request.pointee.identityCenterConfiguration?.value?.instanceArn?.location
        case .applicationArn: return shared.request.pointee.identityCenterConfiguration?.value?.applicationArn?.location
        case .status: return shared.request.pointee.personalAccessTokenConfiguration?.value?.status?.location
        case .lifetimeInDays:
            return shared.request.pointee.personalAccessTokenConfiguration?.value?.lifetimeInDays?.location
        }
    }

    func isFaulty(_ member: Member) -> Bool { faultyMembers & (1 << member.rawValue) != 0 }

    mutating func markFaulty(_ member: Member) { faultyMembers |= 1 << member.rawValue }

    /// The string member's value when it holds one no check has found faulty.
    func valid(_ member: Member) -> String? {
        isFaulty(member) ? nil : value(member)
    }

    /// The ARN member's value cut into its fields (once per request: several checks read them), when it holds a
    /// value no check has found faulty.
    func arn(_ member: Member) -> ARN? {
        guard member == .instanceArn || member == .applicationArn, let value = valid(member) else { return nil }
        if member == .instanceArn {
            if shared.parsedInstanceArn == nil { shared.parsedInstanceArn = ARN(value) }
            return shared.parsedInstanceArn
        }
        if shared.parsedApplicationArn == nil { shared.parsedApplicationArn = ARN(value) }
        return shared.parsedApplicationArn
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
/// that "one fault, one diagnostic" holds.
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
        PlaceholderValueCheck.self,
    ]

    public static func run(_ request: Request, context: RuleContext) -> [Diagnostic] {
        // Read from the parameter itself (read through the pointer, the request would be copied first).
        let values = request.memberValues
        return withUnsafePointer(to: request) { request in
            var state = CheckState(request: request, values: values, context: context)
            for check in checks {
                check.run(&state)
            }
            return state.diagnostics
        }
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
