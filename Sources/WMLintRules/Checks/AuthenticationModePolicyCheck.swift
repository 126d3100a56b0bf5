import WMLintModel
import WMLintSource

/// `authentication-mode-policy`: the mode is not in the configured `authentication-modes` list.
///
/// A value check: a mode it reports is left out of the ``ValidatedRequest``, so `clients-locked-out` does not
/// report it too.
enum AuthenticationModePolicyCheck {
    /// `mode` (one the service accepts) when the policy allows it; otherwise reports it and returns `nil`.
    static func validate(
        _ mode: AuthenticationMode, policy: Policy, source: borrowing Request, reporting diagnostics: inout [Diagnostic]
    ) -> AuthenticationMode? {
        guard let allowed = policy.authenticationModes, !allowed.contains(mode.name),
            let location = source.location(of: .authenticationMode)
        else { return mode }
        diagnostics.append(
            Diagnostic(
                rule: .authenticationModePolicy,
                message: "AuthenticationMode \(quoted(mode.name)) is not allowed by the policy of this "
                    + "repository; expected \(listed(allowed))",
                at: location,
                notes: ["the allowed modes come from 'authentication-modes' in the wmlint configuration"]))
        return nil
    }
}
