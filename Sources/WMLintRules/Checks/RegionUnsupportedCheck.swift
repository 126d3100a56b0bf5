import WMLintModel
import WMLintSource

/// `region-unsupported`: the resolved region is not a WorkMail region.
enum RegionUnsupportedCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard let region = context.region, !Regions.isWorkMailRegion(region.value) else { return }
        let place = context.place(of: region)
        let near = Spelling.nearest(to: region.value, in: ServiceFacts.workmailRegions)
        diagnostics.append(
            Diagnostic(
                rule: .regionUnsupported,
                message: "Amazon WorkMail is not offered in \(quoted(region.value)); expected "
                    + listed(ServiceFacts.workmailRegions),
                path: place.path, range: place.range, notes: place.isWritten ? [] : [origin(of: region)],
                help: didYouMean(near)))
    }
}

/// The note saying where a region that is not written in the input comes from.
private func origin(of region: ContextValue) -> String {
    "the region comes from \(region.origin.description)"
}
