import WMLintModel
import WMLintSource

/// `pat-lifetime-range`: `LifetimeInDays` outside 1..3653.
enum PatLifetimeRangeCheck {
    /// `days` when it is within the service's bounds; otherwise reports it and returns `nil`.
    static func validate(_ days: Int, source: borrowing Request, reporting diagnostics: inout [Diagnostic]) -> Int? {
        let bounds = ServiceFacts.lifetimeInDays
        guard !bounds.contains(days), let location = source.location(of: .lifetimeInDays) else { return days }
        var notes: [String] = []
        if days == 0 {
            notes.append("0 is the placeholder that --generate-cli-skeleton writes; put the number of days here")
        }
        diagnostics.append(
            Diagnostic(
                rule: .patLifetimeRange,
                message: "LifetimeInDays \(describe(days)) is out of range; expected \(bounds.lowerBound) to "
                    + "\(bounds.upperBound) days",
                at: location, range: location.range, notes: notes))
        return nil
    }
}

/// Days for a message: a clamped value out of `Int`'s range reads as "beyond …".
private func describe(_ days: Int) -> String {
    switch days {
    case Int.max: "beyond \(Int.max)"
    case Int.min: "below \(Int.min)"
    default: String(days)
    }
}
