import ArgumentParser
import WMLintKit

/// `wmlint server`: a language server over standard input and output.
struct Server: KitCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run a Language Server Protocol server over standard input and output.",
        discussion: """
            Editors start it and speak the protocol to it: diagnostics of the unsaved text as you type, quick \
            fixes, and the rule's documentation on hover. Settings come from the nearest .wmlint.yaml and from the \
            client's initialization options (region, accountId, config).
            """)

    func result() -> CommandResult {
        CommandResult(status: LanguageServerStdio.run())
    }
}
