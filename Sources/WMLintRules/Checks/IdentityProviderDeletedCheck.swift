public import WMLintSource

/// `identity-provider-deleted`: a script deletes the organization's identity provider configuration
/// (`delete-identity-provider-configuration`) and puts no new one after it, so IAM Identity Center sign-in ends.
public enum IdentityProviderDeletedCheck {
    /// A warning for each deletion, located at its operation name in `path`, that no put of a configuration follows
    /// in `path`; `puts` are the operation names of the puts in `path`. A put in another file read with it (a GitLab
    /// include) may come after any deletion, so `putsElsewhere` reports none.
    public static func diagnostics(
        deletions: [SourceRange], puts: [SourceRange], putsElsewhere: Bool, path: String
    ) -> [Diagnostic] {
        guard !putsElsewhere else { return [] }
        return deletions.compactMap { deletion in
            guard !puts.contains(where: { $0.lowerBound > deletion.lowerBound }) else { return nil }
            let earlier = puts.last { $0.lowerBound < deletion.lowerBound }
            return Diagnostic(
                rule: .identityProviderDeleted,
                message: "this deletes the organization's identity provider configuration, and the script puts no "
                    + "new one after it: users can no longer sign in through IAM Identity Center",
                path: path, range: deletion,
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
