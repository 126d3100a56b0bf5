public import WMLintModel
public import WMLintSource

/// What a check reads: the typed request, its context, and what earlier checks found.
struct CheckState {
    let request: Request
    let context: RuleContext
    var diagnostics: [Diagnostic] = []

    init(request: Request, context: RuleContext) {
        self.request = request
        self.context = context
        // A request has two ARNs.
        parsedARNs.reserveCapacity(2)
    }
    /// Pointers of values found faulty by a value check: cross-field checks skip them. At most a few per request,
    /// so an array searched in place (no hashing).
    var faulty: [String] = []

    /// Whether the string field holds a value no check has found faulty.
    func valid(_ field: Field<String>?) -> (String, ValueLocation)? {
        guard let field, let value = field.value, !faulty.contains(field.location.pointer) else { return nil }
        return (value, field.location)
    }

    /// ARNs already cut into fields, by value: several checks read the request's two ARNs.
    private(set) var parsedARNs: [(value: String, arn: ARN)] = []

    /// `value` cut into its ARN fields, once per request.
    mutating func arn(_ value: String) -> ARN {
        if let cached = parsedARNs.first(where: { sameCodePoints($0.value, value) }) { return cached.arn }
        let arn = ARN(value)
        parsedARNs.append((value, arn))
        return arn
    }

    mutating func report(_ diagnostic: Diagnostic, faulty pointer: String? = nil) {
        diagnostics.append(diagnostic)
        if let pointer { faulty.append(pointer) }
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
