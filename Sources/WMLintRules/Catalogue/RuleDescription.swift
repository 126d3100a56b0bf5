public import WMLintSource

/// One entry of the rule catalogue (`rules/<id>.yaml`): the documentation and the examples that are also tests.
public struct RuleDescription: Sendable, Hashable {
    public let id: RuleID
    public let severity: Severity
    /// One line: what the rule reports.
    public let summary: String
    /// Why it matters, in a few sentences (Markdown).
    public let rationale: String
    /// Whether the rule offers a safe fix (`--fix`).
    public let fixable: Bool
    public let examples: [RuleExample]
}

/// An example of a rule: an input that must (invalid) or must not (valid) produce the rule's diagnostics.
///
/// In `text`, `⏩` and `⏪` mark the exact range of each expected diagnostic of the rule (removed before linting).
public struct RuleExample: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case valid, invalid
    }

    /// The input form, and so the file name the example is linted under.
    public enum Form: String, Sendable, Hashable {
        /// A shell script, `example.sh`.
        case shell
        /// A `--cli-input-json` document, `example.json`.
        case json
        /// A `--cli-input-yaml` document, `example.yaml`.
        case yaml
    }

    public let kind: Kind
    public let form: Form
    /// The input, with markers.
    public let text: String
    /// A short description shown in `wmlint explain`.
    public let title: String
    /// Other files beside the example (`file://` targets), by name.
    public let files: [String: String]
    /// The `.wmlint.yaml` written beside the example, when the rule needs configuration (policies, context).
    public let config: String?
    /// For an invalid example of a fixable rule: the example's text after `--fix` (unmarked; the text itself when
    /// no fix applies to it).
    public let fixed: String?

    public init(
        kind: Kind, form: Form, text: String, title: String = "", files: [String: String] = [:], config: String? = nil,
        fixed: String? = nil
    ) {
        self.fixed = fixed
        self.kind = kind
        self.form = form
        self.text = text
        self.title = title
        self.files = files
        self.config = config
    }
}
