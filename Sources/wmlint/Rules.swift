import ArgumentParser
import WMLintKit
import WMLintSource

/// `wmlint rules`: list the rule catalogue.
struct Rules: KitCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules (id, severity, fixable, summary).")

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    enum ListFormat: String, NamedArgument {
        case text, json
    }

    func result() -> CommandResult {
        CatalogueText.list(json: format == .json)
    }
}

/// `wmlint explain RULE`: print one rule's documentation and examples.
struct Explain: KitCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule, with examples.")

    @Argument(help: "The rule id, e.g. enum-value.")
    var rule: String

    func validate() throws {
        do { _ = try RuleID(named: rule) } catch { throw ValidationError(error) }
    }

    func result() -> CommandResult {
        CatalogueText.explain(rule: rule)
    }
}
