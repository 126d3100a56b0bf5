import WMLintRules
import WMLintSource

extension CatalogueText {
    /// `wmlint rules`: the catalogue as a table, or as JSON.
    public static func list(json: Bool) -> CommandResult {
        var result = CommandResult()
        result.output(json ? CatalogueText.json() : CatalogueText.table())
        return result
    }

    /// `wmlint explain RULE`: the rule's documentation and examples; a usage error (exit 2) for an unknown rule.
    public static func explain(rule name: String) -> CommandResult {
        var result = CommandResult()
        do {
            guard let description = RuleCatalogue.description(of: try RuleID(named: name)) else {
                result.status = 2
                return result
            }
            result.output(explain(description))
        } catch {
            result.fail(error)
        }
        return result
    }
}
