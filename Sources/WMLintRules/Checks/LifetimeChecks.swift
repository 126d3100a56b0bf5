import WMLintModel
import WMLintSource
import WMLintSyntax

/// `pat-lifetime-range`: `LifetimeInDays` outside 1..3653.
enum PatLifetimeRangeCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let days = state.lifetimeInDays, !ServiceFacts.lifetimeInDays.contains(days),
            let location = state.location(of: .lifetimeInDays)
        else { return }
        let bounds = ServiceFacts.lifetimeInDays
        var notes: [String] = []
        if days == 0 {
            notes.append("0 is the placeholder that --generate-cli-skeleton writes; put the number of days here")
        }
        state.report(
            Diagnostic(
                rule: .patLifetimeRange,
                message: "LifetimeInDays \(describe(days)) is out of range; expected \(bounds.lowerBound) to "
                    + "\(bounds.upperBound) days",
                at: location, range: location.range, notes: notes),
            faulty: .lifetimeInDays)
    }
}

/// `pat-lifetime-policy`: `LifetimeInDays` outside the configured `pat-lifetime-days` bounds.
enum PatLifetimePolicyCheck: Check {
    static func run(_ state: inout CheckState) {
        let policy = state.context.policy
        guard policy.minimumLifetimeDays != nil || policy.maximumLifetimeDays != nil,
            let days = state.lifetimeInDays, !state.isFaulty(.lifetimeInDays)
        else { return }
        let minimum = policy.minimumLifetimeDays ?? ServiceFacts.lifetimeInDays.lowerBound
        let maximum = policy.maximumLifetimeDays ?? ServiceFacts.lifetimeInDays.upperBound
        guard days < minimum || days > maximum, let location = state.location(of: .lifetimeInDays) else { return }
        state.report(
            Diagnostic(
                rule: .patLifetimePolicy,
                message:
                    "LifetimeInDays \(days) is outside the policy of this repository: \(minimum) to \(maximum) days",
                at: location, range: location.range,
                notes: ["the bounds come from 'pat-lifetime-days' in the wmlint configuration"]),
            faulty: .lifetimeInDays)
    }
}

/// `pat-lifetime-ignored`: `LifetimeInDays` set while `Status` is `INACTIVE`.
enum PatLifetimeIgnoredCheck: Check {
    static func run(_ state: inout CheckState) {
        guard state.valid(.status) == "INACTIVE", state.lifetimeInDays != nil, !state.isFaulty(.lifetimeInDays),
            let statusLocation = state.location(of: .status), let location = state.location(of: .lifetimeInDays)
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
        state.report(
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

/// Days for a message: a clamped value out of `Int`'s range reads as "beyond …".
func describe(_ days: Int) -> String {
    switch days {
    case Int.max: "beyond \(Int.max)"
    case Int.min: "below \(Int.min)"
    default: String(days)
    }
}
