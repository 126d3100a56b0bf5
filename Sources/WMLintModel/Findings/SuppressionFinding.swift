public import WMLintSource

/// A suppression that does nothing: part of a `# wmlint-disable-…` comment, or an entry of a baseline file.
///
/// The rules word them (`unused-suppression`).
public enum SuppressionFinding: Hashable, Sendable {
    /// A comment (at `comment` in `path`) that names no rule; `directive` is its `wmlint-disable-…` word, and
    /// removing `removal` removes the comment.
    case namesNoRule(directive: String, path: String, comment: SourceRange, removal: SourceRange)
    /// A rule id `name` written at `at` in `path` that does nothing, for `problem`; removing `removal` tidies the
    /// comment.
    case uselessName(SuppressionProblem, name: String, path: String, at: SourceRange, removal: SuppressionRemoval)
    /// A baseline entry (at `at` in the baseline file `baselinePath`) for rule `rule` in the file `path`, with the
    /// text `text`, that `missing` findings fewer than it counts matched (at least 1).
    case staleBaselineEntry(
        rule: String, path: String, text: String, missing: Int, baselinePath: String, at: SourceRange)
}

/// Why a rule id of a suppression comment does nothing.
public enum SuppressionProblem: Hashable, Sendable {
    /// It suppressed no diagnostic of the region the comment covers.
    case unused(SuppressionScope)
    /// It is not a rule id.
    case unknownRule
    /// The comment names it already.
    case repeated
    /// `unused-suppression` in a line-level comment: it can be disabled only for a whole file.
    case fileOnly
}

/// The region a suppression comment covers, as a message names it.
public enum SuppressionScope: Hashable, Sendable {
    /// The whole file.
    case file
    /// The line the comment ends.
    case line
    /// The next command.
    case nextCommand
    /// The next line.
    case nextLine
    /// Nothing: a `disable-next-line` at the end of the file.
    case nothing
}

/// The edit that takes a useless rule id out of its comment.
public enum SuppressionRemoval: Hashable, Sendable {
    /// Remove these bytes: the whole comment (and its line when it stands alone), as no id would be left.
    case comment(SourceRange)
    /// Remove these bytes: the id and one separator next to it.
    case name(SourceRange)
}
