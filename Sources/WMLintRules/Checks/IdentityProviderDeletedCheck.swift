public import WMLintSource

/// `identity-provider-deleted`: a script deletes the organization's identity provider configuration
/// (`delete-identity-provider-configuration`) and puts no new one after it, so IAM Identity Center sign-in ends.
public enum IdentityProviderDeletedCheck {
    /// A warning for each deletion, located at its operation name, that no put of a configuration follows in its
    /// file. `deletions` and `puts` are the operation names of those commands in the files read together (a file,
    /// or a GitLab file and its includes); a put in another of them may run after any deletion, so it counts too.
    public static func diagnostics(
        deletions: [(path: String, range: SourceRange)], puts: [(path: String, range: SourceRange)]
    ) -> [Diagnostic] {
        deletions.compactMap { deletion in
            let path = deletion.path
            guard puts.allSatisfy({ $0.path == path && $0.range.lowerBound < deletion.range.lowerBound }) else {
                return nil
            }
            let earlier = puts.last?.range
            return Diagnostic(
                rule: .identityProviderDeleted,
                message: "this deletes the organization's identity provider configuration, and the script puts no "
                    + "new one after it: users can no longer sign in through IAM Identity Center",
                path: path, range: deletion.range,
                notes: [
                    "users fall back to their WorkMail directory passwords, which must be reset where they were "
                        + "never set, and mail clients that sign in with personal access tokens must be "
                        + "reconfigured"
                ],
                help: ["put the new configuration after the deletion, or remove the deletion if it is not meant"],
                related: earlier.map {
                    [RelatedLocation(message: "the configuration put here is deleted after it", path: path, range: $0)]
                } ?? [])
        }
    }
}
