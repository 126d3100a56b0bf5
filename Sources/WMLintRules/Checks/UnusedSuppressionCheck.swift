public import WMLintModel
public import WMLintSource

/// `unused-suppression`: a suppression comment, or part of one, that does nothing, and a baseline entry that
/// matches no finding.
enum UnusedSuppressionCheck {
    static func diagnostic(for finding: SuppressionFinding) -> Diagnostic {
        switch finding {
        case .namesNoRule(let directive, let path, let comment, let removal):
            return Diagnostic(
                rule: .unusedSuppression,
                message: "suppression comment names no rule; expected '# \(directive) RULE[, RULE…] [-- reason]'",
                path: path, range: comment, fixes: [removingComment(removal, path: path)])
        case .uselessName(let problem, let name, let path, let range, let removal):
            let fix =
                switch removal {
                case .comment(let bytes): removingComment(bytes, path: path)
                case .name(let bytes):
                    Fix(
                        message: "remove \(quoted(name)) from the suppression comment",
                        edits: [TextEdit(path: path, range: bytes, replacement: "")])
                }
            let (message, help) = wording(problem, name: name)
            return Diagnostic(
                rule: .unusedSuppression, message: message, path: path, range: range, help: help, fixes: [fix])
        case .staleBaselineEntry(let rule, let path, let text, let missing, let baselinePath, let range):
            let what = missing > 1 ? "\(missing) of its findings are" : "its finding is"
            return Diagnostic(
                rule: .unusedSuppression, severity: .error,
                message: "baseline entry for \(rule) in \(quoted(path)) matches nothing: \(what) gone (text "
                    + "\(quoted(text)))",
                path: baselinePath, range: range,
                help: ["remove the entry, or write the baseline again with --write-baseline"])
        }
    }
}

extension SuppressionFinding {
    /// The finding's `unused-suppression` diagnostic.
    public var diagnostic: Diagnostic { UnusedSuppressionCheck.diagnostic(for: self) }
}

private func removingComment(_ removal: SourceRange, path: String) -> Fix {
    Fix(message: "remove the suppression comment", edits: [TextEdit(path: path, range: removal, replacement: "")])
}

/// The message and help lines for a rule id `name` that does nothing, for `problem`.
private func wording(_ problem: SuppressionProblem, name: String) -> (message: String, help: [String]) {
    switch problem {
    case .unused(let scope):
        return ("no \(quoted(name)) diagnostic \(describe(scope)) to suppress", [])
    case .unknownRule:
        let suggestion = Spelling.nearest(to: name, in: RuleID.allCases.map(\.rawValue))
        return (
            "unknown rule id \(quoted(name)) in suppression comment",
            [suggestion.map(didYouMean) ?? "'wmlint rules' lists the rule ids"]
        )
    case .repeated:
        return ("\(quoted(name)) is named twice in this suppression comment", [])
    case .fileOnly:
        return (
            "'unused-suppression' can be disabled only for a whole file; expected "
                + "'# wmlint-disable-file unused-suppression'", []
        )
    }
}

/// Where a suppression comment reaches, as the message says it.
private func describe(_ scope: SuppressionScope) -> String {
    switch scope {
    case .file: "in this file"
    case .line: "on this line"
    case .nextCommand: "in the next command"
    case .nextLine: "on the next line"
    case .nothing: "after this comment"
    }
}
