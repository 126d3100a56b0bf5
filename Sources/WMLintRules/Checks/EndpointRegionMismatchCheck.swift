import WMLintModel
import WMLintSource

/// `endpoint-region-mismatch`: `--endpoint-url` names a region other than the resolved one.
enum EndpointRegionMismatchCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard let endpoint = context.endpointRegion, let region = context.region,
            region.origin != endpoint.origin, endpoint.value != region.value,
            let path = endpoint.origin.path, let range = endpoint.origin.range
        else { return }
        let place = context.place(of: region)
        diagnostics.append(
            Diagnostic(
                rule: .endpointRegionMismatch,
                message: "--endpoint-url names \(quoted(endpoint.value)), but the region is \(quoted(region.value)) "
                    + "(from \(region.origin.description))",
                path: path, range: range,
                related: [RelatedLocation(message: "the region is set here", path: place.path, range: place.range)]))
    }
}
