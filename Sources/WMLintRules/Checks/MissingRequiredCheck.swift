import WMLintModel
import WMLintSource
import WMLintSyntax

/// `missing-required` for a covered operation other than `put-identity-provider-configuration`: a required
/// member is in neither the options nor the `--cli-input-*` document.
enum MissingRequiredCheck {
    static func diagnostic(member: String, in request: OperationRequest) -> Diagnostic {
        let option = OperationShape.optionName(of: member)
        let options =
            request.operation.member(member)?.type == .boolean ? "\(option) or --no-\(option.dropFirst(2))" : option
        return Diagnostic(
            rule: .missingRequired,
            message: "missing required parameter '\(member)' (\(options)) of \(request.operation.cliName); the AWS "
                + "CLI refuses the command",
            path: request.anchorPath, range: request.anchorRange, pointer: "/" + member)
    }
}
