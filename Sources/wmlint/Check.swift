import ArgumentParser
import WMLintKit
import WMLintModel
import WMLintRules
import WMLintSource

/// `wmlint check [PATH…]`: lint files and directories.
///
/// The options are declared flat (no option groups): swift-argument-parser reflects over every property wrapper and
/// group at parse time, and a flat list costs less (docs/performance.md). Declaration order is help order. Every
/// option names itself: a name derived from the property's name is worked out character by character at each run. No
/// option declares a default value (its help says it; `settings` applies it): a declared default is described at
/// each parse through casts that search the runtime's conformance tables.
struct Check: ParsableCommand {
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
            paths: paths, format: format ?? .text, output: output, color: color ?? .auto,
            input: InputSettings(inputFormat: inputFormat, stdinFilename: stdinFilename, maxFileSize: maxFileSize),
            rules: RuleSettings(
                region: region, accountID: accountID, enable: enable, disable: disable, severity: severity,
                config: config, noConfig: noConfig),
            strict: strict, quiet: quiet, fix: fix, diff: diff,
            baseline: BaselineOptions(read: baseline, write: writeBaseline, strict: strictBaseline), jobs: jobs,
            verbose: verbose)
    }

    func validate() throws {
        try settings.validate()
    }

    func run() throws {
        try settings.run()
    }
}

/// The options of `check` as plain values: what the command validates and runs, however it was parsed.
struct CheckSettings: Equatable {
    var paths: [String] = []
    var format: FormatArgument = .text
    var output: [String] = []
    var color: ColorArgument = .auto
    var input = InputSettings()
    var rules = RuleSettings()
    var strict = false
    var quiet = false
    var fix = false
    var diff = false
    var baseline = BaselineOptions()
    var jobs: Int?
    var verbose = false

    /// Throws a `ValidationError` for options that cannot go together or values the kit would refuse.
    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if input.maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
        _ = try rules.overrides()
        _ = try rules.configurationMode()
        if fix && diff { throw ValidationError("--fix and --diff cannot be combined") }
        if baseline.strict && baseline.read == nil {
            throw ValidationError("--strict-baseline needs --baseline FILE")
        }
        _ = try outputs()
    }

    /// The `--output FORMAT=PATH` reports.
    func outputs() throws -> [ReportOutput] {
        do {
            return try output.map { argument throws(WMLintError) in try ReportOutput(parsing: argument) }
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Writes the `--output` reports (colour only with `--color always`: a file is not a terminal).
    func writeExtraReports(_ report: LintReport) throws {
        let useColor = color.choice.enabled(isTerminal: false, noColor: nil)
        let extras = try outputs()
        guard !extras.isEmpty else { return }
        let inputs = report.readFiles()
        for extra in extras {
            try extra.write(
                extra.format.render(report, color: useColor, sourceRoot: SARIFFormatter.workingDirectory()),
                inputs: inputs)
        }
    }

    /// What `--verbose` says: a line per file checked, and one per named JSON/YAML file skipped, with why.
    static func verboseLines(_ report: LintReport) -> String {
        var text = ""
        for path in report.checkedPaths { text += "wmlint: checked \(VisibleText.escaped(path))\n" }
        for path in report.skippedDocuments {
            let form = path.lowercased().hasSuffix(".json") ? "json" : "yaml"
            text +=
                "wmlint: info: \(VisibleText.escaped(path)): skipped: no put-identity-provider-configuration "
                + "parameter at its top level, so it does not look like a request; --input-format \(form) checks it "
                + "anyway\n"
        }
        return text
    }

    func run() throws {
        var options = input.lintOptions(paths: paths.isEmpty ? ["."] : FileName.restoring(paths), jobs: jobs)
        try rules.apply(to: &options)
        try baseline.prepare(&options, filtering: !(fix || diff))
        var report: LintReport
        var fixSummary: FixSummary?
        if fix || diff {
            let currentDirectory = SARIFFormatter.workingDirectory()
            // A file that resolves outside its project root (a link leading out) is linted, not written.
            let session = try FixSession.run(
                options,
                refusing: { diff ? nil : FixWriter.containmentProblem($0, currentDirectory: currentDirectory) })
            for (_, reason) in session.refused {
                writeError("wmlint: warning: \(VisibleText.escaped(reason))\n")
            }
            report = session.report
            if verbose { writeError(Self.verboseLines(report)) }
            if let note = try baseline.finish(&report) { writeError(note) }
            if diff {
                for file in session.files {
                    writeOutput(UnifiedDiff.render(path: file.path, original: file.original, fixed: file.fixed))
                }
                if session.files.isEmpty { writeError("nothing to fix\n") }
                let fails = report.fails(strict: strict)
                try writeExtraReports(report)
                if !session.files.isEmpty || fails { throw ExitCode(1) }
                return
            }
            if let standardInput = report.standardInput {
                // Standard input: the fixed text goes to standard output, what remains to standard error.
                writeOutput(String(decoding: standardInput, as: UTF8.self))
                let fails = report.fails(strict: strict)
                let summary = FixSummary(fixed: session.fixed, files: session.files.count, report: report)
                try writeExtraReports(report)
                if quiet { report = report.quieted(strict: strict) }
                writeError(TextFormatter.format(report, color: color.choice.enabled(forDescriptor: 2)))
                writeError(summary.text)
                if fails { throw ExitCode(1) }
                return
            }
            let writer = FixWriter()
            for file in session.files {
                try writer.write(file.fixed, to: file.path, expecting: file.original)
            }
            fixSummary = FixSummary(fixed: session.fixed, files: session.files.count, report: report)
        } else {
            report = try Linter.run(options)
            if verbose { writeError(Self.verboseLines(report)) }
            if let note = try baseline.finish(&report) { writeError(note) }
        }
        let fails = report.fails(strict: strict)
        // The `--output` reports are complete: `--quiet` only trims what is printed.
        try writeExtraReports(report)
        if quiet { report = report.quieted(strict: strict) }
        writeOutput(
            format.format.render(
                report, color: color.choice.enabled(forDescriptor: 1), sourceRoot: SARIFFormatter.workingDirectory()))
        if let fixSummary { writeError(fixSummary.text) }
        exitLeavingMemory(fails ? 1 : 0)
    }
}

/// Options that choose rules and give them context, as plain values.
struct RuleSettings: Equatable {
    var region: String?
    var accountID: String?
    var enable: [String] = []
    var disable: [String] = []
    var severity: [String] = []
    var config: String?
    var noConfig = false

    /// The command line's settings, merged over each input's configuration; throws a usage error for an unknown
    /// rule or severity.
    func overrides() throws -> ConfigurationOverrides {
        var rules: [RuleOverride] = []
        for name in enable {
            rules.append(RuleOverride(rule: try ruleID(name), setting: .enabled))
        }
        for name in disable {
            rules.append(RuleOverride(rule: try ruleID(name), setting: .disabled))
        }
        for item in severity {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--severity expects RULE=error|warning|info|off, found '\(item)'")
            }
            let rule = try ruleID(parts[0])
            if parts[1] == "off" {
                rules.append(RuleOverride(rule: rule, setting: .disabled))
                continue
            }
            guard let level = Severity(rawValue: parts[1]) else {
                let names = ["error", "warning", "info", "off"]
                let near = Spelling.nearest(to: parts[1], in: names)
                throw ValidationError(
                    "'\(parts[1])' is not a severity; expected error, warning, info or off"
                        + (near.map { "; did you mean '\($0)'?" } ?? ""))
            }
            rules.append(RuleOverride(rule: rule, setting: .severity(level)))
        }
        return ConfigurationOverrides(region: region, accountID: accountID, rules: rules)
    }

    /// Where configuration comes from.
    func configurationMode() throws -> ConfigurationCache.Mode {
        if noConfig && config != nil { throw ValidationError("--config and --no-config cannot be combined") }
        if noConfig { return .none }
        return config.map { .file($0) } ?? .discover
    }

    /// Applies the rule and configuration options to `options`.
    func apply(to options: inout LintOptions) throws {
        options.overrides = try overrides()
        options.configuration = try configurationMode()
    }
}

/// The rule named `name`, or a usage error suggesting the nearest id.
func ruleID(_ name: String) throws -> RuleID {
    if let rule = RuleID(rawValue: name) { return rule }
    let near = Spelling.nearest(to: name, in: RuleID.allCases.map(\.rawValue))
    throw ValidationError("unknown rule '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
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

/// What `--fix` did, as standard error says it: `fixed N problems in K files; M remain`.
struct FixSummary {
    var fixed: Int
    var files: Int
    /// Errors and warnings left after the fixes.
    var remaining: Int

    init(fixed: Int, files: Int, report: LintReport) {
        self.fixed = fixed
        self.files = files
        self.remaining = report.count(.error) + report.count(.warning)
    }

    var text: String {
        "fixed \(fixed) \(fixed == 1 ? "problem" : "problems") in \(files) \(files == 1 ? "file" : "files"); "
            + "\(remaining) remain\n"
    }
}

extension FileName {
    /// `paths` as named on the command line, with the bytes of any that are not UTF-8 (which the parsed arguments
    /// hold with U+FFFD in their place) restored as ``FileName`` keeps them, so that such a file is read, and
    /// never one whose name really holds U+FFFD.
    static func restoring(_ paths: [String]) -> [String] {
        guard paths.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) else { return paths }
        var raw: [[UInt8]] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            var length = 0
            while argument[length] != 0 { length += 1 }
            let bytes = UnsafeRawBufferPointer(start: argument, count: length).map { $0 }
            if String(validating: bytes, as: UTF8.self) == nil { raw.append(bytes) }
        }
        return paths.map { path in
            guard path.unicodeScalars.contains("\u{FFFD}"),
                let index = raw.firstIndex(where: { String(decoding: $0, as: UTF8.self) == path })
            else { return path }
            return FileName.decode(raw.remove(at: index))
        }
    }
}
