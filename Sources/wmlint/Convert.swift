import ArgumentParser
import WMLintKit

/// `wmlint convert --to json|yaml|command PATH`: print each request as the AWS CLI would send it.
struct Convert: KitCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print each request as the AWS CLI would send it (JSON, YAML or an equivalent command).")

    @Option(help: "What to print: json, yaml or command.")
    var to: ConvertTargetArgument = .json

    @Argument(help: "A file to convert; '-' reads standard input.")
    var path: String

    @OptionGroup var input: InputOptions

    func validate() throws {
        do { try input.settings.validate() } catch { throw ValidationError(error) }
    }

    func result() -> CommandResult {
        Converter.run(path: path, input: input.settings, to: to.target)
    }
}

enum ConvertTargetArgument: String, NamedArgument {
    case json, yaml, command

    var target: ConvertTarget { ConvertTarget(rawValue: rawValue) ?? .json }
}
