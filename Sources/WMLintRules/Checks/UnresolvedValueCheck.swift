import WMLintModel
import WMLintSource

/// `unresolved-value`: a parameter's value is only known when the script runs (a shell expansion), so the checks
/// that need it are skipped.
enum UnresolvedValueCheck {
    /// The value at `location` of `member` (its name as a message says it) is only known at run time.
    static func diagnostic(member: String, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .unresolvedValue, message: onlyKnownAtRunTime("the value of \(member)"), path: location.path,
            range: location.range,
            pointer: location.pointer)
    }

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

fileprivate func runTime(_ what: String, at range: SourceRange, path: String) -> Diagnostic {
    Diagnostic(rule: .unresolvedValue, message: onlyKnownAtRunTime(what), path: path, range: range)
}

/// The message for `what` (a value, as a message names it), whose value the script sets only when it runs.
fileprivate func onlyKnownAtRunTime(_ what: String) -> String {
    "\(what) is only known when the script runs; checks that need it are skipped"
}
