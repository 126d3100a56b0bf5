public import WMLintModel
public import WMLintSource

/// A rule's check over the validated request: it reads only the members the value checks let through and the
/// context, reads `source` only for where a member it reports is written (`source.location(of:)`), and
/// reports without hiding anything from other checks.
protocol RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    )
}

/// Runs the catalogue's checks over a typed request in two stages: the value checks, which parse the request into
/// a ``ValidatedRequest`` (each fault reported once, its member left out), then the cross-field and policy checks
/// over that view.
///
/// The order of the checks within a stage does not matter: no check reads another's output, and every report sorts
/// its diagnostics (path, start offset, rule id, end offset, message), a total order over the diagnostics of one
/// request, since no two of them share rule, range and message.
public enum RuleEngine {
    /// The diagnostics of the value and cross-field rules over `request`, in no particular order.
    public static func run(_ request: Request, context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let validated = ValidatedRequest(request, context: context, reporting: &diagnostics)
        // The checks of the second stage, in no particular order.
        RegionUnsupportedCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        EndpointRegionMismatchCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        ApplicationInstanceMismatchCheck.run(
            validated, context: context, source: request, reporting: &diagnostics)
        PartitionMismatchCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        AccountMismatchCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        PatLifetimeIgnoredCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        ClientsLockedOutCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        PlaceholderValueCheck.run(validated, context: context, source: request, reporting: &diagnostics)
        return diagnostics
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
