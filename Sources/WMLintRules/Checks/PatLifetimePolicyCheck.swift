import WMLintModel
import WMLintSource

/// `pat-lifetime-policy`: `LifetimeInDays` outside the configured `pat-lifetime-days` bounds.
///
/// A value check: a lifetime it reports is left out of the ``ValidatedRequest``, so `pat-lifetime-ignored` does not
/// report it too.
enum PatLifetimePolicyCheck {
    /// `days` (within the service's bounds) when the policy allows it; otherwise reports it and returns `nil`.
    static func validate(
        _ days: Int, policy: Policy, source: borrowing Request, reporting diagnostics: inout [Diagnostic]
    )
        -> Int?
    {
        guard policy.minimumLifetimeDays != nil || policy.maximumLifetimeDays != nil else { return days }
        let minimum = policy.minimumLifetimeDays ?? ServiceFacts.lifetimeInDays.lowerBound
        let maximum = policy.maximumLifetimeDays ?? ServiceFacts.lifetimeInDays.upperBound
        guard days < minimum || days > maximum, let location = source.location(of: .lifetimeInDays) else { return days }
        diagnostics.append(
            Diagnostic(
                rule: .patLifetimePolicy,
                message:
                    "LifetimeInDays \(days) is outside the policy of this repository: \(minimum) to \(maximum) days",
                at: location, range: location.range,
                notes: ["the bounds come from 'pat-lifetime-days' in the wmlint configuration"]))
        return nil
    }
}
