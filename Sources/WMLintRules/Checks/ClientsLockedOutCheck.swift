import WMLintModel
import WMLintSource

/// `clients-locked-out`: `IDENTITY_PROVIDER_ONLY` with personal access tokens `INACTIVE`.
enum ClientsLockedOutCheck: RequestCheck {
    static func run(_ request: ValidatedRequest, context: RuleContext, reporting diagnostics: inout [Diagnostic]) {
        guard let mode = request.authenticationMode, mode.value.isIdentityProviderOnly, let status = request.status,
            status.value.isInactive
        else { return }
        diagnostics.append(
            Diagnostic(
                rule: .clientsLockedOut,
                message: "with IDENTITY_PROVIDER_ONLY and personal access tokens INACTIVE, desktop and mobile mail "
                    + "clients (IMAP, EWS, ActiveSync) can no longer sign in",
                at: mode.location,
                help: [
                    "set PersonalAccessTokenConfiguration Status to 'ACTIVE', or keep IDENTITY_PROVIDER_AND_DIRECTORY"
                ],
                related: [
                    RelatedLocation(
                        message: "personal access tokens are switched off here", path: status.location.path,
                        range: status.location.contentRange)
                ]))
    }
}
