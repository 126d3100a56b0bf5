import WMLintModel
import WMLintSource

/// `pat-lifetime-policy`: `LifetimeInDays` outside the configured `pat-lifetime-days` bounds.
///
/// A value check: a lifetime it reports is left out of the ``ValidatedRequest``, so `pat-lifetime-ignored` does not
/// report it too.
enum PatLifetimePolicyCheck {
    /// `days` (within the service's bounds) when the policy allows it; otherwise reports it and returns `nil`.
    static func validate(_ days: Located<Int>, policy: Policy, reporting diagnostics: inout [Diagnostic])
        -> Located<Int>?
    {
        guard policy.minimumLifetimeDays != nil || policy.maximumLifetimeDays != nil else { return days }
        let minimum = policy.minimumLifetimeDays ?? ServiceFacts.lifetimeInDays.lowerBound
        let maximum = policy.maximumLifetimeDays ?? ServiceFacts.lifetimeInDays.upperBound
        guard days.value < minimum || days.value > maximum else { return days }
        diagnostics.append(
            Diagnostic(
                rule: .patLifetimePolicy,
                message:
                    "LifetimeInDays \(days.value) is outside the policy of this repository: \(minimum) to \(maximum) days",
                at: days.location, range: days.location.range,
                notes: ["the bounds come from 'pat-lifetime-days' in the wmlint configuration"]))
        return nil
    }
}
