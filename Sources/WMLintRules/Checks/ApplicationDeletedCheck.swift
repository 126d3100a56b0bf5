import WMLintModel
import WMLintSource
import WMLintSyntax

/// `application-deleted`: the script deletes an Identity Center application (`aws workmail
/// delete-identity-center-application`) that a later call still uses, as `put-identity-provider-configuration`'s
/// `ApplicationArn` or in another deletion. The application is the same when both name it with the same text, or
/// with the output of one command substitution.
enum ApplicationDeletedCheck {
    static func diagnostics(_ calls: ScriptCalls) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for deletion in calls.deletions {
            let laterUses =
                calls.pairings.map(\.application)
                + calls.deletions.filter { $0.operationRange != deletion.operationRange }.map(\.application)
            for use in laterUses
            where use.path == deletion.application.path
                && use.range.lowerBound > deletion.operationRange.upperBound
                && use.source == deletion.application.source
            {
                diagnostics.append(
                    Diagnostic(
                        rule: .applicationDeleted,
                        message: "this application was deleted earlier in the script; the call fails, or "
                            + "connects WorkMail to an application that no longer exists",
                        path: use.path, range: use.range,
                        help: ["delete the application after its last use, or create a new one"],
                        related: [
                            RelatedLocation(
                                message: "the application is deleted here", path: deletion.application.path,
                                range: deletion.operationRange)
                        ]))
            }
        }
        return diagnostics
    }
}
