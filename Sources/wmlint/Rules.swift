import ArgumentParser
import WMLintKit
import WMLintRules
import WMLintSource

/// `wmlint rules`: list the rule catalogue.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules (id, severity, fixable, summary).")

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    enum ListFormat: String, NamedArgument {
        case text, json
    }

    func run() {
        writeOutput(format == .json ? CatalogueText.json() : CatalogueText.table())
    }
}

/// `wmlint explain RULE`: print one rule's documentation and examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule, with examples.")

    @Argument(help: "The rule id, e.g. enum-value.")
    var rule: String

    func validate() throws {
        _ = try ruleID(rule)
    }

    func run() throws {
        let id = try ruleID(rule)
        guard let description = RuleCatalogue.description(of: id) else { throw ExitCode(2) }
        writeOutput(CatalogueText.explain(description))
    }
}
