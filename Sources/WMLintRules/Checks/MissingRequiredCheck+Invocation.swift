import WMLintModel
import WMLintSource

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
