import WMLintModel
import WMLintSource

/// `conflicting-input`: `--cli-input-json` and `--cli-input-yaml` together, which the AWS CLI refuses.
enum ConflictingInputCheck {
    /// `option` at `range` of `path`, after `first` at `firstRange`.
    static func diagnostic(
        option: String, at range: SourceRange, first: String, firstAt firstRange: SourceRange, path: String
    ) -> Diagnostic {
        Diagnostic(
            rule: .conflictingInput,
            message: "\(option) cannot be combined with \(first); give the request once",
            path: path, range: range,
            related: [RelatedLocation(message: "\(first) given here", path: path, range: firstRange)])
    }
}
