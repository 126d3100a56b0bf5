public import WMLintSource

/// How far a suppression comment reaches.
public enum SuppressionKind: String, Hashable, Sendable, CaseIterable {
    /// `# wmlint-disable-next-line RULE…`: the next command (shell) or the next node with what is nested under it
    /// (YAML).
    case nextLine = "wmlint-disable-next-line"
    /// `# wmlint-disable-line RULE…`: the line the comment ends.
    case line = "wmlint-disable-line"
    /// `# wmlint-disable-file RULE…`: the whole file.
    case file = "wmlint-disable-file"
}

/// One rule id written in a suppression comment.
public struct SuppressedRuleName: Hashable, Sendable {
    /// The id as written.
    public var text: String
    /// The rule it names; `nil` when the text is not a rule id.
    public var rule: RuleID?
    /// The id's bytes in the file (0-based UTF-8 offsets, half-open).
    public var range: SourceRange
}

/// A `# wmlint-disable-…` comment of a shell script or YAML document, with the region it covers.
public struct Suppression: Hashable, Sendable {
    public var kind: SuppressionKind
    /// The file holding the comment, as shown in diagnostics.
    public var path: String
    /// The comment's bytes, `#` included, up to (not including) its line break.
    public var comment: SourceRange
    /// The rule ids, in the order written; empty when the comment names none (itself an `unused-suppression`).
    public var names: [SuppressedRuleName]
    /// The text after `--`, trimmed; `nil` when there is no `--`.
    public var reason: String?
    /// The bytes the comment covers in its own file; `nil` when it covers nothing (a `disable-next-line` at the
    /// end of the file).
    ///
    /// A diagnostic of this file is covered when its start offset lies in the range or at its end (so an
    /// insertion point just after the last character of a command counts). A `disable-file` covers `0..<count`.
    public var coverage: SourceRange?
    /// Whether a `disable-next-line` covers a shell command (rather than a plain line); for messages.
    public var coversCommand: Bool = false
    /// The bytes to delete to remove the comment: its whole line when the comment stands alone on it, else the
    /// comment and the blanks before it.
    public var removal: SourceRange
}

/// The place of the command that pulled a document in (`--cli-input-json file://x.json` in a script).
public struct SuppressionOrigin: Hashable, Sendable {
    /// The script holding the command, as shown in diagnostics.
    public var path: String
    /// The command's bytes in that script (or the bytes of the word naming the document).
    public var range: SourceRange

    public init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }
}

/// A diagnostic to filter, with the command that pulled its document in, if any.
///
/// A diagnostic located in a document that a shell command pulls in is covered by every suppression of that
/// script whose region overlaps the command's range (a `disable-next-line` above the command, a `disable-line`
/// on one of its lines, a `disable-file` of the script), as well as by the document's own suppressions.
public struct SuppressibleDiagnostic: Hashable, Sendable {
    public var diagnostic: Diagnostic
    /// The command that pulled in the document holding the diagnostic; `nil` for a diagnostic of a file linted on
    /// its own, or located in the script itself (give it only for diagnostics located in a pulled-in document:
    /// a script's own diagnostics are placed by their start, so a `disable-line` covers only its line).
    public var origin: SuppressionOrigin?

    public init(_ diagnostic: Diagnostic, origin: SuppressionOrigin? = nil) {
        self.diagnostic = diagnostic
        self.origin = origin
    }
}
