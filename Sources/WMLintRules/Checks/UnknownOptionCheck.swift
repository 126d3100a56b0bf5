import WMLintModel
import WMLintSource

/// `unknown-option`: an option the command does not have, or a prefix of several.
enum UnknownOptionCheck {
    /// `written` at `range` of `path` names no option of `operation` (its CLI name); with a fix to `suggestion`.
    static func unknown(
        written: String, operation: String, suggestion: String?, at range: SourceRange, path: String
    ) -> Diagnostic {
        Diagnostic(
            rule: .unknownOption,
            message: "unknown option '\(written)' for \(operation)",
            path: path, range: range,
            help: didYouMean(suggestion),
            fixes: suggestion.map { [replacement(range, by: $0, path: path)] } ?? [])
    }

    /// `written` at `range` of `path` is a prefix of every one of `candidates`.
    static func ambiguous(written: String, candidates: [String], at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .unknownOption,
            message: "'\(written)' is ambiguous: it could be " + candidates.joined(separator: ", "),
            path: path, range: range)
    }
}

private func replacement(_ range: SourceRange, by name: String, path: String) -> Fix {
    Fix(message: "replace with '\(name)'", edits: [TextEdit(path: path, range: range, replacement: name)])
}
