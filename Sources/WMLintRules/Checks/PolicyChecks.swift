import WMLintModel
import WMLintSource
import WMLintSyntax

/// `authentication-mode-policy`: the mode is not in the configured `authentication-modes` list.
enum AuthenticationModePolicyCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let allowed = state.context.policy.authenticationModes,
            let mode = state.valid(.authenticationMode),
            ServiceFacts.authenticationModes.contains(mode), !allowed.contains(mode),
            let location = state.location(of: .authenticationMode)
        else { return }
        state.report(
            Diagnostic(
                rule: .authenticationModePolicy,
                message: "AuthenticationMode \(quoted(mode)) is not allowed by the policy of this repository; "
                    + "expected \(listed(allowed))",
                at: location, notes: ["the allowed modes come from 'authentication-modes' in the wmlint configuration"]),
            faulty: .authenticationMode)
    }
}

/// `clients-locked-out`: `IDENTITY_PROVIDER_ONLY` with personal access tokens `INACTIVE`.
enum ClientsLockedOutCheck: Check {
    static func run(_ state: inout CheckState) {
        guard state.valid(.authenticationMode) == "IDENTITY_PROVIDER_ONLY", state.valid(.status) == "INACTIVE",
            let modeLocation = state.location(of: .authenticationMode),
            let statusLocation = state.location(of: .status)
        else { return }
        state.report(
            Diagnostic(
                rule: .clientsLockedOut,
                message: "with IDENTITY_PROVIDER_ONLY and personal access tokens INACTIVE, desktop and mobile mail "
                    + "clients (IMAP, EWS, ActiveSync) can no longer sign in",
                at: modeLocation,
                help: [
                    "set PersonalAccessTokenConfiguration Status to 'ACTIVE', or keep IDENTITY_PROVIDER_AND_DIRECTORY"
                ],
                related: [
                    RelatedLocation(
                        message: "personal access tokens are switched off here", path: statusLocation.path,
                        range: statusLocation.contentRange)
                ]))
    }
}
