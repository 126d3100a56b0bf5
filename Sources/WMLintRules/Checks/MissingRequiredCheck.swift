import WMLintModel
import WMLintSource
import WMLintSyntax

/// `missing-required`: a required parameter is in neither the options nor the `--cli-input-*` document, or a
/// structure lacks a required member.
enum MissingRequiredCheck {
    /// For `put-identity-provider-configuration`: member `member` of the structure at `location` (`structure`,
    /// its name as written; `nil`: the request, `location` its anchor) is missing.
    static func diagnostic(member: String, structure: String?, at location: ValueLocation) -> Diagnostic {
        guard let structure else {
            return Diagnostic(
                rule: .missingRequired,
                message: missingParameter(member, options: OperationModel.optionName(of: member)),
                path: location.path, range: location.range, pointer: location.pointer + "/" + member)
        }
        return Diagnostic(
            rule: .missingRequired, message: "\(structure) is missing its required member '\(member)'",
            path: location.path, range: location.range, pointer: location.pointer + "/" + member,
            related: location.provenance)
    }

    /// For a covered operation other than `put-identity-provider-configuration`: required member `member` is
    /// missing.
    static func diagnostic(member: String, in request: OperationRequest) -> Diagnostic {
        let option = OperationShape.optionName(of: member)
        let options =
            request.operation.member(member)?.type == .boolean ? "\(option) or --no-\(option.dropFirst(2))" : option
        return Diagnostic(
            rule: .missingRequired,
            message: missingParameter(member, options: options) + " of \(request.operation.cliName); the AWS CLI "
                + "refuses the command",
            path: request.anchorPath, range: request.anchorRange, pointer: "/" + member)
    }
}

/// `missing required parameter 'Name' (--name)`.
fileprivate func missingParameter(_ member: String, options: String) -> String {
    "missing required parameter '\(member)' (\(options))"
}
