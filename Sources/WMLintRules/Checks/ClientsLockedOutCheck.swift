import WMLintModel
import WMLintSource

/// `clients-locked-out`: `IDENTITY_PROVIDER_ONLY` with personal access tokens `INACTIVE`.
enum ClientsLockedOutCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard request.authenticationMode?.isIdentityProviderOnly == true, request.status?.isInactive == true,
            let modeLocation = source.location(of: .authenticationMode),
            let statusLocation = source.location(of: .status)
        else { return }
        diagnostics.append(
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
