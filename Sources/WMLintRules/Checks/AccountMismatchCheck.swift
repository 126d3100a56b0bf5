import WMLintModel
import WMLintSource

/// `account-mismatch`: the account in `ApplicationArn` differs from the expected account.
enum AccountMismatchCheck: RequestCheck {
    static func run(_ request: ValidatedRequest, context: RuleContext, reporting diagnostics: inout [Diagnostic]) {
        guard let expected = context.accountID, let application = request.applicationArn,
            let account = application.value.account, !application.value.text(account, equals: expected.value)
        else { return }
        let arn = application.value
        let location = application.location
        diagnostics.append(
            Diagnostic(
                rule: .accountMismatch,
                message: "ApplicationArn belongs to account \(quoted(arn.text(account))), but the expected account is "
                    + "\(quoted(expected.value)) (from \(expected.origin.description))",
                at: location, range: location.range(ofContent: account),
                notes: ["the Identity Center instance must be in the same AWS account as the WorkMail organization"]))
    }
}
