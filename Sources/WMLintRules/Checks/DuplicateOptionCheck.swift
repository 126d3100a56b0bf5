import WMLintModel
import WMLintSource

/// `duplicate-option`: an option given more than once, of which the AWS CLI silently keeps the last.
enum DuplicateOptionCheck {
    /// `name` given again at `range` of `path`, first at `first`.
    static func diagnostic(name: String, at range: SourceRange, first: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .duplicateOption,
            message: "\(name) is given more than once; the AWS CLI silently keeps the last one",
            path: path, range: range,
            related: [RelatedLocation(message: "first given here", path: path, range: first)])
    }
}
