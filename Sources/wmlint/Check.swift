import ArgumentParser
import WMLintKit

/// `wmlint check [PATH…]`: lint files and directories.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check files and directories (the default command).")

    @Argument(help: "Files and directories to check; '-' reads standard input. Default: the current directory.")
    var paths: [String] = []

    @Option(help: "Output format: text, gcc or json.")
    var format: ReportFormat = .text

    @OptionGroup var input: InputOptions

    @Option(help: "Files checked in parallel (default: every core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if input.maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
    }

    func run() throws {
        let report = try Linter.run(input.lintOptions(paths: paths.isEmpty ? ["."] : paths, jobs: jobs))
        switch format {
        case .text: writeOutput(TextFormatter.format(report))
        case .gcc: writeOutput(GCCFormatter.format(report))
        case .json: writeOutput(JSONFormatter.format(report))
        }
        if report.count(.error) > 0 { throw ExitCode(1) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, gcc, json
}
