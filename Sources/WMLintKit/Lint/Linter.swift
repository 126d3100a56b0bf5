import Dispatch
import Synchronization
public import WMLintSource

/// What to lint and how (the `check` command's options that concern reading inputs).
public struct LintOptions: Sendable {
    /// Files and directories to lint; `-` is standard input.
    public var paths: [String]
    public var inputFormat: InputFormat
    /// The name standard input is shown and typed under.
    public var stdinFilename: String?
    /// Files over this many bytes are not read.
    public var maxFileSize: Int
    /// Files linted at once; `nil` uses every core.
    public var jobs: Int?
    /// Whether JSON/YAML files named on the command line are read whatever they hold (for `convert`).
    public var forcesNamedDocuments = false
    /// Whether documents are built whole, values outside the request's shape included (for `convert`).
    public var buildsWholeValues = false
    /// Whether the report lists what the AWS CLI would do with each request, ``LintReport/requests`` (for
    /// `convert`; it costs an emulation of the CLI per request, and keeps each request's body until the end).
    public var recordsRequests = false
    /// Settings given on the command line (`--region`, `--account-id`, `--enable`, `--disable`, `--severity`),
    /// merged over each input's configuration file.
    public var overrides = ConfigurationOverrides()
    /// Where configuration comes from: discovered per input, one named file, or none.
    public var configuration = ConfigurationCache.Mode.discover
    /// The configurations to use, shared between runs (the language server's, dropped when a file changes); `nil`
    /// makes a new cache for the run from ``configuration`` and ``overrides``.
    public var configurations: ConfigurationCache?
    /// The bytes of standard input, when already read (re-linting the text `--fix` produced).
    public var standardInput: [UInt8]?
    /// File contents to lint instead of the bytes on disk, by displayed path (the text `--fix` would write).
    public var contents: [String: [UInt8]] = [:]
    /// Whether diagnostics with a fix are kept past the per-file and per-run limits (`--fix` applies them all in
    /// one run).
    public var keepsEveryFix = false
    /// The most diagnostics a run reports (the rest are summed up in one `input-limit` error); `nil` reports
    /// them all (recording a baseline).
    public var diagnosticsPerRun: Int? = ReportCollector.diagnosticsPerRun
    /// The baseline whose findings are held back, before the per-run limit counts them.
    public var baseline: BaselineFilter?

    public init(
        paths: [String], inputFormat: InputFormat = .auto, stdinFilename: String? = nil,
        maxFileSize: Int = 8 * 1024 * 1024, jobs: Int? = nil
    ) {
        self.paths = paths
        self.inputFormat = inputFormat
        self.stdinFilename = stdinFilename
        self.maxFileSize = maxFileSize
        self.jobs = jobs
    }
}

/// The result of a run: every diagnostic in report order, and the files they quote.
public struct LintReport: Sendable {
    /// Sorted by path, offset, rule id; each (path, range, rule) once.
    public var diagnostics: [Diagnostic]
    /// The files read that a diagnostic is in, by displayed path, for quoting source lines (every file read, unless
    /// the run reached its diagnostic limit).
    public var sources: [String: SourceFile]
    /// Every file the run read, by displayed path.
    public var readPaths: Set<String> = []
    /// How many input files were checked.
    public var fileCount: Int
    /// The bytes read from standard input, when `-` was linted.
    public var standardInput: [UInt8]?
    /// The requests found, file by file in input order, then in source order (with
    /// ``LintOptions/recordsRequests``; else none).
    public var requests: [LintedRequest]
    /// The inputs checked, by displayed path, in input order (`--verbose` lists them).
    public var checkedPaths: [String] = []
    /// The JSON and YAML files named on the command line that were skipped because they do not look like a
    /// request (no parameter key at the top), by displayed path.
    public var skippedDocuments: [String] = []
    /// How many warnings and infos ``quieted(strict:)`` left out; the text summary says so.
    public var hidden: (warnings: Int, infos: Int) = (0, 0)
    /// How many findings a baseline held back (``BaselineFilter``); the text summary says so.
    public var baselined = 0
    /// The identities of the files the run read (a report must not overwrite one).
    public func readFiles() -> Set<FileIdentity> {
        Set(readPaths.union(sources.keys).compactMap { FileIdentity(path: $0) })
    }
    /// The baseline the run held findings back with, for reporting its stale entries once the run is over.
    public internal(set) var baseline: BaselineFilter?

    public func count(_ severity: Severity) -> Int {
        diagnostics.count { $0.severity == severity }
    }

    /// Whether the run fails (exit 1): an error, or with `strict` a warning.
    public func fails(strict: Bool) -> Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    /// The report without what cannot change the exit code (`--quiet`): infos, and warnings unless `strict`.
    public func quieted(strict: Bool) -> LintReport {
        var report = self
        report.diagnostics.removeAll { $0.severity == .info || (!strict && $0.severity == .warning) }
        let warnings = hidden.warnings + count(.warning) - report.count(.warning)
        report.hidden = (warnings, hidden.infos + count(.info) - report.count(.info))
        return report
    }
}

/// Runs wmlint over files: discovery, linting in parallel, merging in a deterministic order.
public enum Linter {
    public static func run(_ options: LintOptions) throws(WMLintError) -> LintReport {
        try options.overrides.validate()
        let settings = RunSettings(
            currentDirectory: FileSystem.currentDirectory(), maxFileSize: options.maxFileSize,
            overrides: options.overrides, contents: options.contents,
            buildsWholeValues: options.buildsWholeValues, recordsRequests: options.recordsRequests,
            keepsEveryFix: options.keepsEveryFix)
        let linter = FileLinter(settings: settings)
        let configurations =
            options.configurations ?? ConfigurationCache(mode: options.configuration, overrides: options.overrides)
        if options.paths == ["-"] {
            return try runStandardInput(options, linter: linter, configurations: configurations)
        }
        if options.paths.contains("-") {
            throw .usage("'-' (standard input) cannot be combined with other paths")
        }
        // Each input with its configuration: excluded files drop out (named ones too), included documents are
        // read without sniffing.
        var inputs: [InputFile] = []
        // Discovery lists a directory's files together: an input named by a plain file name in the directory of
        // the one before has its configuration, without a second lookup.
        var previous: (path: String, configuration: Configuration)?
        for var input in try InputDiscovery(
            format: options.inputFormat, forcesNamedDocuments: options.forcesNamedDocuments
        )
        .inputs(for: options.paths) {
            let configuration: Configuration
            if let previous, Path.arePlainNamesInOneDirectory(input.path, previous.path) {
                configuration = previous.configuration
            } else {
                configuration = try configurations.configuration(for: input.path)
                previous = (input.path, configuration)
            }
            if configuration.isExcluded(path: input.path) { continue }
            if (input.kind == .json || input.kind == .yaml) && configuration.isIncluded(path: input.path) {
                input.isForced = true
            }
            input.configuration = configuration
            inputs.append(input)
        }
        // Scripts first: the documents they pull in are linted through them, not again on their own. Each outcome
        // goes into the report as its file finishes; its index (the inputs' order) keeps the report deterministic.
        let collector = Mutex(
            ReportCollector(
                limit: options.diagnosticsPerRun, keepsEveryFix: options.keepsEveryFix, baseline: options.baseline))
        let referenced = Mutex<Set<String>>([])
        let scriptIndices = inputs.indices.filter { inputs[$0].kind == .shell }
        lintAll(scriptIndices, of: inputs, linter: linter, jobs: options.jobs) { index, outcome in
            if !outcome.referencedDocuments.isEmpty {
                referenced.withLock { $0.formUnion(outcome.referencedDocuments) }
            }
            collector.withLock { $0.add(outcome, index: index) }
        }
        let pulledIn = referenced.withLock { $0 }
        let documentIndices = inputs.indices.filter { index in
            let input = inputs[index]
            // `realpath` only when some script pulled a document in.
            return input.kind != .shell
                && (pulledIn.isEmpty || !pulledIn.contains(FileSystem.realPath(input.path) ?? input.path))
        }
        lintAll(documentIndices, of: inputs, linter: linter, jobs: options.jobs) { index, outcome in
            collector.withLock { $0.add(outcome, index: index) }
        }
        var (checked, report) = collector.withLock { ($0.checkedIndices, $0.finish()) }
        checked.sort()
        report.checkedPaths = checked.map { inputs[$0].path }
        let isChecked = Set(checked)
        report.skippedDocuments = documentIndices.filter { index in
            inputs[index].isNamed && !isChecked.contains(index)
                && (inputs[index].kind == .json || inputs[index].kind == .yaml)
        }.map { inputs[$0].path }
        return report
    }

    private static func runStandardInput(
        _ options: LintOptions, linter: FileLinter, configurations: ConfigurationCache
    ) throws(WMLintError) -> LintReport {
        let name = options.stdinFilename ?? "-"
        let kind = InputKind(options.inputFormat) ?? InputKind.guess(fromName: name)
        guard let kind else {
            throw .usage(
                "reading standard input needs --stdin-filename NAME (to tell its form) or --input-format")
        }
        let bytes = options.standardInput ?? FileSystem.readStandardInput(maxSize: options.maxFileSize)
        var input = InputFile(path: name, kind: kind, isForced: options.inputFormat != .auto)
        input.configuration = try configurations.configuration(for: name)
        if input.configuration?.isExcluded(path: name) == true {
            return merge([], options)
        }
        let outcome = linter.lint(input, standardInput: bytes)
        var report = merge([outcome], options)
        report.standardInput = bytes
        if outcome.isInput {
            report.checkedPaths = [name]
        } else if kind == .json || kind == .yaml {
            report.skippedDocuments = [name]
        }
        return report
    }

    /// Lints `inputs[indices]`, in parallel unless `jobs` is 1, handing each outcome to `finished` as its file
    /// finishes (from any thread, one call at a time per outcome).
    private static func lintAll(
        _ indices: [Int], of inputs: [InputFile], linter: FileLinter, jobs: Int?,
        finished: @Sendable (Int, FileOutcome) -> Void
    ) {
        guard indices.count > 1, jobs != 1 else {
            for index in indices { finished(index, linter.lint(inputs[index])) }
            return
        }
        let workers = max(1, min(jobs ?? activeProcessorCount(), indices.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < indices.count else { return }
                let index = indices[position]
                finished(index, linter.lint(inputs[index]))
            }
        }
    }

    /// The report of outcomes already in hand (standard input's).
    private static func merge(_ outcomes: [FileOutcome], _ options: LintOptions) -> LintReport {
        var collector = ReportCollector(
            limit: options.diagnosticsPerRun, keepsEveryFix: options.keepsEveryFix, baseline: options.baseline)
        for (index, outcome) in outcomes.enumerated() { collector.add(outcome, index: index) }
        return collector.finish()
    }
}

#if canImport(Glibc)
    import Glibc

    private func activeProcessorCount() -> Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
    import Darwin

    private func activeProcessorCount() -> Int { max(1, sysconf(_SC_NPROCESSORS_ONLN)) }
#else
    private func activeProcessorCount() -> Int { 2 }
#endif
