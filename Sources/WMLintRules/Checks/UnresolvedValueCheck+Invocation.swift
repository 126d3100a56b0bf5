import WMLintModel
import WMLintSource

/// `unresolved-value`: a value only known when the script runs; the checks that need it are skipped.
enum UnresolvedValueCheck {
    /// The value of the document option `option` at `range` of `path`.
    static func document(option: String, at range: SourceRange, path: String) -> Diagnostic {
        runTime("the \(option) document", at: range, path: path)
    }

    /// The `--region` value at `range` of `path`.
    static func region(at range: SourceRange, path: String) -> Diagnostic {
        runTime("the region (--region)", at: range, path: path)
    }

    /// The `file://` target `target` at `range` of `path`, holding `~` or `$`.
    static func fileTarget(_ target: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .unresolvedValue,
            message: "the AWS CLI expands '~' and '$' in \(quoted(target)) when it runs; wmlint cannot read it",
            path: path, range: range)
    }
}

private func runTime(_ what: String, at range: SourceRange, path: String) -> Diagnostic {
    Diagnostic(
        rule: .unresolvedValue,
        message: "\(what) is only known when the script runs; checks that need it are skipped",
        path: path, range: range)
}
