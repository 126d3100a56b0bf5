import WMLintModel
import WMLintSource

/// `pat-lifetime-ignored`: `LifetimeInDays` set while `Status` is `INACTIVE`.
enum PatLifetimeIgnoredCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard request.status?.isInactive == true, request.lifetimeInDays != nil,
            let statusLocation = source.location(of: .status), let location = source.location(of: .lifetimeInDays)
        else { return }
        let start = location.keyRange?.lowerBound ?? location.range.lowerBound
        let memberRange = start..<max(start, location.range.upperBound)
        var fixes: [Fix] = []
        if let removal = location.removalRange {
            fixes.append(
                Fix(
                    message: "remove LifetimeInDays",
                    edits: [TextEdit(path: location.path, range: removal, replacement: "")]))
        }
        diagnostics.append(
            Diagnostic(
                rule: .patLifetimeIgnored,
                message: "LifetimeInDays has no effect while Status is 'INACTIVE'",
                at: location, range: memberRange,
                related: [
                    RelatedLocation(
                        message: "Status is set here", path: statusLocation.path, range: statusLocation.contentRange)
                ],
                fixes: fixes))
    }
}
