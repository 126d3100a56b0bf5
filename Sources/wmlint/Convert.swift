import ArgumentParser
import WMLintKit

/// `wmlint convert --to json|yaml|command PATH`: print each request as the AWS CLI would send it.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print each request as the AWS CLI would send it (JSON, YAML or an equivalent command).")

    @Option(help: "What to print: json, yaml or command.")
    var to: ConvertTargetArgument = .json

    @Argument(help: "A file to convert; '-' reads standard input.")
    var path: String

    @OptionGroup var input: InputOptions

    func validate() throws {
        if input.settings.maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
    }

    func run() throws {
        let (output, report, allConverted) = try Converter.convert(
            input.settings.lintOptions(paths: [path]), to: to.target)
        writeOutput(output)
        if !allConverted || report.requests.isEmpty {
            // What kept a request from converting: its errors, and the values only known when the script runs.
            var reasons = report
            reasons.diagnostics = report.diagnostics.filter { $0.severity == .error || $0.rule == .unresolvedValue }
            if !reasons.diagnostics.isEmpty {
                writeError(GCCFormatter.format(reasons))
            } else if report.requests.isEmpty {
                writeError("wmlint: \(path): no request found\n")
            }
            throw ExitCode(1)
        }
    }
}

enum ConvertTargetArgument: String, NamedArgument {
    case json, yaml, command

    var target: ConvertTarget { ConvertTarget(rawValue: rawValue) ?? .json }
}
