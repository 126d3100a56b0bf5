public import WMLintRules
import WMLintSource

/// The rule catalogue as text for `wmlint rules` and `wmlint explain`.
public enum CatalogueText {
    /// One line per rule: id, severity, fixable mark, summary.
    public static func table() -> String {
        let rules = RuleCatalogue.all
        let width = (rules.map(\.id.rawValue.count).max() ?? 0) + 2
        var output = ""
        for rule in rules {
            let id = rule.id.rawValue
            output += id + String(repeating: " ", count: width - id.count)
            output += rule.severity.rawValue + String(repeating: " ", count: 9 - rule.severity.rawValue.count)
            output += (rule.fixable ? "fix  " : "     ") + rule.summary + "\n"
        }
        return output
    }

    /// `[{"id": …, "severity": …, "summary": …, "fixable": …}, …]`.
    public static func json() -> String {
        var json = JSONText()
        json.array(RuleCatalogue.all) { json, rule in
            json.object([
                ("id", { $0.string(rule.id.rawValue) }),
                ("severity", { $0.string(rule.severity.rawValue) }),
                ("summary", { $0.string(rule.summary) }),
                ("fixable", { $0.raw(rule.fixable ? "true" : "false") }),
            ])
        }
        return json.text + "\n"
    }

    /// The full entry: summary, severity, rationale, examples without markers.
    public static func explain(_ rule: RuleDescription) -> String {
        var output = "\(rule.id.rawValue) (\(rule.severity.rawValue)\(rule.fixable ? ", fixable" : ""))\n"
        output += rule.summary + "\n\n" + rule.rationale
        if !rule.rationale.hasSuffix("\n") { output += "\n" }
        for kind in [RuleExample.Kind.invalid, .valid] {
            let examples = rule.examples.filter { $0.kind == kind }
            guard !examples.isEmpty else { continue }
            output += "\n" + (kind == .invalid ? "Reported:" : "Not reported:") + "\n"
            for example in examples {
                output +=
                    "\n  # \(example.title.isEmpty ? example.form.rawValue : example.title) (\(example.form.rawValue))\n"
                if let config = example.config {
                    output += "  # .wmlint.yaml:\n" + indent(config, prefix: "  #   ")
                }
                let text = example.text.replacing("⏩", with: "").replacing("⏪", with: "")
                output += indent(text, prefix: "    ")
            }
        }
        return output
    }

    private static func indent(_ text: String, prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { prefix + $0 + "\n" }.joined()
    }
}
