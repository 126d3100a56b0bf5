import WMLintSource

/// The options of `check` as plain values: what the command validates and runs, however it was parsed.
public struct CheckSettings: Equatable, Sendable {
    /// Files and directories to check; `-` reads standard input; none checks the current directory.
    public var paths: [String] = []
    public var format: ReportFormat = .text
    /// The `--output FORMAT=PATH` arguments, as given.
    public var output: [String] = []
    public var color: ColorChoice = .auto
    public var input = InputSettings()
    public var rules = RuleSettings()
    public var strict = false
    public var quiet = false
    public var fix = false
    public var diff = false
    public var baseline = BaselineOptions()
    public var jobs: Int?
    public var verbose = false

    public init(
        paths: [String] = [], format: ReportFormat = .text, output: [String] = [], color: ColorChoice = .auto,
        input: InputSettings = InputSettings(), rules: RuleSettings = RuleSettings(), strict: Bool = false,
        quiet: Bool = false, fix: Bool = false, diff: Bool = false, baseline: BaselineOptions = BaselineOptions(),
        jobs: Int? = nil, verbose: Bool = false
    ) {
        self.paths = paths
        self.format = format
        self.output = output
        self.color = color
        self.input = input
        self.rules = rules
        self.strict = strict
        self.quiet = quiet
        self.fix = fix
        self.diff = diff
        self.baseline = baseline
        self.jobs = jobs
        self.verbose = verbose
    }

    /// Throws a usage error for options that cannot go together or values the run would refuse.
    public func validate() throws(WMLintError) {
        if let jobs, jobs < 1 { throw .usage("--jobs must be at least 1") }
        try input.validate()
        try rules.validate()
        if fix && diff { throw .usage("--fix and --diff cannot be combined") }
        if baseline.strict && baseline.read == nil {
            throw .usage("--strict-baseline needs --baseline FILE")
        }
        _ = try outputs()
    }

    /// The `--output FORMAT=PATH` reports.
    func outputs() throws(WMLintError) -> [ReportOutput] {
        try output.map { argument throws(WMLintError) in try ReportOutput(parsing: argument) }
    }

    /// Checks the inputs: lints them, applies or shows the fixes, writes the `--output` reports and the baseline,
    /// and returns the report to print and the exit status. A failure of the run itself (a path that cannot be
    /// read, a file that cannot be written) ends it with exit 2, after what it had to say until then.
    public func run() -> CommandResult {
        var result = CommandResult()
        do {
            try run(into: &result)
        } catch {
            result.fail(error)
        }
        return result
    }

    private func run(into result: inout CommandResult) throws(WMLintError) {
        var options = input.lintOptions(paths: paths.isEmpty ? ["."] : FileName.restoring(paths), jobs: jobs)
        try rules.apply(to: &options)
        try baseline.prepare(&options, filtering: !(fix || diff))
        if fix || diff {
            try runFixes(options, into: &result)
            return
        }
        var report = try Linter.run(options)
        if verbose { result.error(Self.verboseLines(report)) }
        try finishBaseline(&report, into: &result)
        try emitReport(report, into: &result)
    }

    /// `--fix` and `--diff`: fixes applied until none is left, then written, shown as a diff, or (standard input)
    /// printed.
    private func runFixes(_ options: LintOptions, into result: inout CommandResult) throws(WMLintError) {
        let currentDirectory = SARIFFormatter.workingDirectory()
        // A file that resolves outside its project root (a link leading out) is linted, not written.
        let session = try FixSession.run(
            options,
            refusing: { diff ? nil : FixWriter.containmentProblem($0, currentDirectory: currentDirectory) })
        for (_, reason) in session.refused {
            result.error("wmlint: warning: \(VisibleText.escaped(reason))\n")
        }
        var report = session.report
        if verbose { result.error(Self.verboseLines(report)) }
        try finishBaseline(&report, into: &result)
        let summary = FixSummary(fixed: session.fixed, files: session.files.count, report: report)
        if diff {
            for file in session.files {
                result.output(UnifiedDiff.render(path: file.path, original: file.original, fixed: file.fixed))
            }
            if session.files.isEmpty { result.error("nothing to fix\n") }
            let fails = report.fails(strict: strict)
            try writeExtraReports(report, into: &result)
            result.report = report
            result.status = !session.files.isEmpty || fails ? 1 : 0
            return
        }
        if let standardInput = report.standardInput {
            // Standard input: the fixed text goes to standard output, what remains to standard error.
            result.output(String(decoding: standardInput, as: UTF8.self))
            let fails = report.fails(strict: strict)
            try writeExtraReports(report, into: &result)
            if quiet { report = report.quieted(strict: strict) }
            result.error(TextFormatter.format(report, color: color.enabled(forDescriptor: 2)))
            result.error(summary.text)
            result.report = report
            result.status = fails ? 1 : 0
            return
        }
        let writer = FixWriter()
        for file in session.files {
            try writer.write(file.fixed, to: file.path, expecting: file.original)
            result.wrote(file.path)
        }
        try emitReport(report, into: &result)
        result.error(summary.text)
    }

    /// Ends a run with a baseline: records the findings or reports stale entries (``BaselineOptions/finish(_:)``).
    private func finishBaseline(_ report: inout LintReport, into result: inout CommandResult) throws(WMLintError) {
        if let note = try baseline.finish(&report) { result.error(note) }
        if let path = baseline.write { result.wrote(path) }
    }

    /// The `--output` reports written, and the report in `--format` for standard output, with the exit status.
    /// The `--output` reports are complete: `--quiet` only trims what is printed.
    private func emitReport(_ report: LintReport, into result: inout CommandResult) throws(WMLintError) {
        var report = report
        let fails = report.fails(strict: strict)
        try writeExtraReports(report, into: &result)
        if quiet { report = report.quieted(strict: strict) }
        result.output(
            format.render(report, color: color.enabled(forDescriptor: 1), sourceRoot: SARIFFormatter.workingDirectory())
        )
        result.report = report
        result.status = fails ? 1 : 0
    }

    /// Writes the `--output` reports (colour only with `--color always`: a file is not a terminal).
    private func writeExtraReports(_ report: LintReport, into result: inout CommandResult) throws(WMLintError) {
        let useColor = color.enabled(isTerminal: false, noColor: nil)
        let extras = try outputs()
        guard !extras.isEmpty else { return }
        let inputs = report.readFiles()
        for extra in extras {
            try extra.write(
                extra.format.render(report, color: useColor, sourceRoot: SARIFFormatter.workingDirectory()),
                inputs: inputs)
            result.wrote(extra.path)
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
