import WMLintModel
import WMLintSource

/// `account-mismatch`: the account in `ApplicationArn` differs from the expected account.
enum AccountMismatchCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard let expected = context.accountID, let arn = request.applicationArn, let account = arn.account,
            !arn.text(account, equals: expected.value), let location = source.location(of: .applicationArn)
        else { return }
        diagnostics.append(
            Diagnostic(
                rule: .accountMismatch,
                message: "ApplicationArn belongs to account \(quoted(arn.text(account))), but the expected account is "
                    + "\(quoted(expected.value)) (from \(expected.origin.description))",
                at: location, range: location.range(ofContent: account),
                notes: ["the Identity Center instance must be in the same AWS account as the WorkMail organization"]))
    }
}
