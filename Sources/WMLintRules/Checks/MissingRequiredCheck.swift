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

extension MissingRequiredCheck {
    /// `missing-required` for required `members` that the `--cli-input-*` document `document` (its name at `range`
    /// of `path`) holds, but that the AWS CLI still requires as options: it takes them from the document only when
    /// the option is its own word.
    static func documentNotSeen(members: [String], document: String, at range: SourceRange, path: String)
        -> Diagnostic
    {
        Diagnostic(
            rule: .missingRequired,
            message: "the AWS CLI still requires "
                + members.map(OperationModel.optionName(of:)).joined(separator: ", ")
                + " on the command line: it takes them from the document only when the option is written as a "
                + "word of its own, '\(document) VALUE'",
            path: path, range: range,
            help: ["write '\(document)' in full, with its value as the next word"])
    }
}
