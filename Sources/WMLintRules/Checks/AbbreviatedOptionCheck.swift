import WMLintModel
import WMLintSource

/// `abbreviated-option`: an option spelt as a prefix of its name, which the AWS CLI accepts until it gains an
/// option with the same prefix.
enum AbbreviatedOptionCheck {
    /// `written` at `range` of `path` stands for `full`.
    static func diagnostic(written: String, full: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .abbreviatedOption,
            message: "'\(written)' is an abbreviation of \(full); spell it out",
            path: path, range: range,
            notes: [
                "the AWS CLI accepts a prefix, but it breaks as soon as the CLI gains an option with the same prefix"
            ],
            fixes: [
                Fix(
                    message: "replace with '\(full)'",
                    edits: [TextEdit(path: path, range: range, replacement: full)])
            ])
    }
}
