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
    /// Whether diagnostics with a fix are kept past the per-file limit (`--fix` applies them all in one run).
    public var keepsEveryFix = false

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
    /// Every file read, by displayed path, for quoting source lines.
    public var sources: [String: SourceFile]
    /// How many input files were checked.
    public var fileCount: Int
    /// The bytes read from standard input, when `-` was linted.
    public var standardInput: [UInt8]?
    /// The requests found, file by file in input order, then in source order (with
    /// ``LintOptions/recordsRequests``; else none).
    public var requests: [LintedRequest]
    /// How many warnings and infos ``quieted(strict:)`` left out; the text summary says so.
    public var hidden: (warnings: Int, infos: Int) = (0, 0)
    /// How many findings a baseline held back (``BaselineFilter``); the text summary says so.
    public var baselined = 0

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
        // Scripts first: the documents they pull in are linted through them, not again on their own.
        // Outcomes are kept by input index (the inputs' order), not looked up by path.
        let scriptIndices = inputs.indices.filter { inputs[$0].kind == .shell }
        let scriptOutcomes = lintAll(scriptIndices.map { inputs[$0] }, linter: linter, jobs: options.jobs)
        let referenced = Set(scriptOutcomes.flatMap(\.referencedDocuments))
        let documentIndices = inputs.indices.filter { index in
            let input = inputs[index]
            // `realpath` only when some script pulled a document in.
            return input.kind != .shell
                && (referenced.isEmpty || !referenced.contains(FileSystem.realPath(input.path) ?? input.path))
        }
        let documentOutcomes = lintAll(documentIndices.map { inputs[$0] }, linter: linter, jobs: options.jobs)
        var outcomes = [FileOutcome?](repeating: nil, count: inputs.count)
        for (index, outcome) in zip(scriptIndices, scriptOutcomes) { outcomes[index] = outcome }
        for (index, outcome) in zip(documentIndices, documentOutcomes) { outcomes[index] = outcome }
        return merge(outcomes.compactMap { $0 })
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
            return merge([])
        }
        var report = merge([linter.lint(input, standardInput: bytes)])
        report.standardInput = bytes
        return report
    }

    private static func lintAll(_ inputs: [InputFile], linter: FileLinter, jobs: Int?) -> [FileOutcome] {
        guard inputs.count > 1, jobs != 1 else { return inputs.map { linter.lint($0) } }
        let results = Mutex<[FileOutcome?]>(Array(repeating: nil, count: inputs.count))
        let workers = max(1, min(jobs ?? activeProcessorCount(), inputs.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                let outcome = linter.lint(inputs[index])
                results.withLock { $0[index] = outcome }
            }
        }
        return results.withLock { $0.map { $0 ?? FileOutcome() } }
    }

    private static func merge(_ outcomes: [FileOutcome]) -> LintReport {
        var sources: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        sources.reserveCapacity(outcomes.count)
        diagnostics.reserveCapacity(outcomes.reduce(0) { $0 + $1.diagnostics.count })
        for outcome in outcomes {
            for source in outcome.sources {
                // The first read of a path wins; one lookup for the usual new path.
                if let earlier = sources.updateValue(source, forKey: source.path) { sources[source.path] = earlier }
            }
            diagnostics.append(contentsOf: outcome.diagnostics)
        }
        // The report order compares exactly what makes two diagnostics one finding (path, range, rule, message: a
        // document pulled in twice), and the sort is stable: each finding's copies end up side by side, the first
        // one read first, and only that one is kept. No set of identities: hashing them costs more than the sort.
        diagnostics.sort(by: Diagnostic.reportOrder)
        var kept = 0
        for index in diagnostics.indices
        where kept == 0 || !isSameFinding(diagnostics[kept - 1], diagnostics[index]) {
            diagnostics.swapAt(kept, index)
            kept += 1
        }
        diagnostics.removeLast(diagnostics.count - kept)
        return LintReport(
            diagnostics: diagnostics, sources: sources, fileCount: outcomes.count(where: \.isInput),
            standardInput: nil, requests: outcomes.flatMap(\.requests))
    }

    /// Whether two diagnostics are one finding: same path, range, rule and message.
    private static func isSameFinding(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        a.range == b.range && a.rule == b.rule && a.path == b.path && a.message == b.message
    }
}

#if canImport(Glibc)
    import Glibc

    private func activeProcessorCount() -> Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#else
    private func activeProcessorCount() -> Int { 2 }
#endif
