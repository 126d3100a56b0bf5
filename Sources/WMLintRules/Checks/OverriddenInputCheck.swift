import WMLintModel
import WMLintSource

/// `overridden-input`: an option replaces a member of the `--cli-input-*` document, whose value is then unused.
enum OverriddenInputCheck {
    /// `option` (its name at `range` of `path`) replaces `parameter`, found at `replacedRange` of `replacedPath`.
    static func diagnostic(
        option: String, parameter: String, at range: SourceRange, replacedPath: String,
        replacedAt replacedRange: SourceRange, path: String
    ) -> Diagnostic {
        Diagnostic(
            rule: .overriddenInput,
            message: "\(option) replaces the \(parameter) of the request document",
            path: path, range: range,
            related: [RelatedLocation(message: "this value is not used", path: replacedPath, range: replacedRange)])
    }
}
