import WMLintModel
import WMLintSource

/// `skeleton-only`: `--generate-cli-skeleton` makes the command print a template and send nothing.
enum SkeletonOnlyCheck {
    /// The option (with its value) at `range` of `path`.
    static func diagnostic(at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .skeletonOnly,
            message: "--generate-cli-skeleton prints a template and sends nothing; the other values are not used",
            path: path, range: range)
    }
}
