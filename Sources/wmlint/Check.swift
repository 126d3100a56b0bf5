import ArgumentParser
import WMLintKit

/// `wmlint check [PATH…]`: lint files and directories.
///
/// The options are declared flat (no option groups): swift-argument-parser reflects over every property wrapper and
/// group at parse time, and each group adds to that. Declaration order is help order. Every option names itself: a
/// name derived from the property's name is worked out character by character at each run. No option declares a
/// default value (its help says it; `settings` applies it): a declared default is described at each parse through
/// casts that search the runtime's conformance tables.
struct Check: KitCommand {
    /// The super-command name only counts when `check` is parsed as the root command (``WMLint/main()`` does for
    /// `wmlint [check] …`): usage and help then say `wmlint check`, and the parser does not try the command line as a
    /// completion-script request first (`main` sends those to the root command).
    static let configuration = CommandConfiguration(
        _superCommandName: "wmlint", abstract: "Check files and directories (the default command).")

    @Argument(help: "Files and directories to check; '-' reads standard input. Default: the current directory.")
    var paths: [String] = []

    @Option(name: .customLong("format"), help: "Output format; text by default.")
    var format: FormatArgument?

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Also write a report in FORMAT to PATH (repeatable), e.g. sarif=wmlint.sarif.", valueName: "format=path"))
    var output: [String] = []

    @Option(
        name: .customLong("color"),
        help: "Colour the text report; auto (the default) colours it on a terminal unless NO_COLOR is set.")
    var color: ColorArgument?

    // How to read inputs: the options of `InputOptions`, as `convert` has them.

    @Option(
        name: .customLong("input-format"),
        help: "Read named files as this form; auto (the default) tells the form by name and content.")
    var inputFormat: InputFormatArgument?

    @Option(name: .customLong("stdin-filename"), help: "The name standard input ('-') is shown and typed under.")
    var stdinFilename: String?

    @Option(
        name: .customLong("max-file-size"), parsing: .unconditional,
        help: "Files over this many bytes are not read (default: 8388608).")
    var maxFileSize: Int?

    // Which rules run and their context.

    @Option(name: .customLong("region"), help: "The region the commands run in, when they do not say.")
    var region: String?

    @Option(name: .customLong("account-id"), help: "The AWS account the Identity Center application must belong to.")
    var accountID: String?

    @Option(name: .customLong("enable"), help: ArgumentHelp("Switch a rule on (repeatable).", valueName: "rule"))
    var enable: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Switch a rule off (repeatable).", valueName: "rule"))
    var disable: [String] = []

    @Option(
        name: .customLong("severity"),
        help: ArgumentHelp(
            "Set a rule's severity: RULE=error|warning|info|off (repeatable).", valueName: "rule=level"))
    var severity: [String] = []

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("Use this configuration file for every input.", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore configuration files.")
    var noConfig = false

    @Flag(name: .customLong("strict"), help: "Warnings also fail the run (exit 1).")
    var strict = false

    @Flag(
        name: .customLong("quiet"),
        help:
            "Print only what can change the exit code (errors; warnings too with --strict); --output reports stay whole."
    )
    var quiet = false

    @Flag(name: .customLong("fix"), help: "Apply the safe fixes to the files (to standard output for '-').")
    var fix = false

    @Flag(name: .customLong("diff"), help: "Print the safe fixes as a unified diff; write nothing.")
    var diff = false

    @Option(
        name: .customLong("baseline"),
        help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp(
            "Record this run's findings in a baseline file; they are then not reported.", valueName: "file"))
    var writeBaseline: String?

    @Flag(
        name: .customLong("strict-baseline"),
        help: "With --baseline, a baseline entry that matches no finding is an error (unused-suppression).")
    var strictBaseline = false

    @Option(name: .customLong("jobs"), help: "Files checked in parallel (default: every core).")
    var jobs: Int?

    @Flag(
        name: .customLong("verbose"),
        help: "List the files checked, and say why a named JSON/YAML file was skipped (on standard error).")
    var verbose = false

    /// The parsed options as plain values.
    var settings: CheckSettings {
        CheckSettings(
            paths: paths, format: format?.format ?? .text, output: output, color: color?.choice ?? .auto,
            input: InputSettings(
                inputFormat: inputFormat?.format, stdinFilename: stdinFilename, maxFileSize: maxFileSize),
            rules: RuleSettings(
                region: region, accountID: accountID, enable: enable, disable: disable, severity: severity,
                config: config, noConfig: noConfig),
            strict: strict, quiet: quiet, fix: fix, diff: diff,
            baseline: BaselineOptions(read: baseline, write: writeBaseline, strict: strictBaseline), jobs: jobs,
            verbose: verbose)
    }

    func validate() throws {
        do { try settings.validate() } catch { throw ValidationError(error) }
    }

    func result() -> CommandResult {
        settings.run()
    }
}

/// `--format`: the names of ``ReportFormat``.
enum FormatArgument: String, NamedArgument {
    case text, gcc, json, sarif, github

    var format: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

/// `--color`: the names of ``ColorChoice``.
enum ColorArgument: String, NamedArgument {
    case auto, always, never

    var choice: ColorChoice { ColorChoice(rawValue: rawValue) ?? .auto }
}
