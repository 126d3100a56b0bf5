import WMLintModel
import WMLintRules
public import WMLintSource
import WMLintSyntax

/// The findings a repository had when it adopted wmlint: a run with a baseline reports only findings that are not
/// in it.
///
/// An entry is keyed on what survives unrelated edits: the file (relative to the baseline file's directory), the
/// rule, the request pointer, and the exact text the finding covers. Line numbers are not part of it, so inserting
/// lines above a finding keeps it baselined, while a new mistake, or the same mistake in other text, is reported.
/// Equal keys are counted: two identical findings in one file need two.
public struct Baseline: Sendable {
    /// What identifies a finding across edits.
    public struct Key: Hashable, Sendable, Comparable {
        /// `/`-separated, relative to the baseline file's directory (absolute when outside it).
        public var path: String
        public var rule: String
        /// RFC 6901 pointer into the request; empty when the finding is not about a value.
        public var pointer: String
        /// The source text of the finding's range, at most ``textLimit`` Unicode scalars (longer text is cut and ends
        /// in `…`).
        public var text: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.path, lhs.rule, lhs.pointer, lhs.text) < (rhs.path, rhs.rule, rhs.pointer, rhs.text)
        }
    }

    /// The longest text an entry keeps, in Unicode scalars.
    public static let textLimit = 200

    /// How many findings each key stands for.
    public private(set) var counts: [Key: Int]
    /// Where each entry stands in the baseline file, for reporting one that no longer matches.
    var places: [Key: SourceRange] = [:]
    /// The baseline file as read, when it was read from disk.
    public private(set) var file: SourceFile?
    /// The canonical absolute directory entries' paths are relative to.
    public let directory: String

    /// The current format version, written as `"version"`.
    public static let version = 1

    /// The baseline of `report`'s findings, for a file in `directory` (canonical absolute); diagnostic paths are
    /// relative to `currentDirectory`.
    public init(recording report: LintReport, directory: String, currentDirectory: String) {
        self.directory = directory
        var counts: [Key: Int] = [:]
        for diagnostic in report.diagnostics {
            let key = Self.key(
                of: diagnostic, sources: report.sources, directory: directory, currentDirectory: currentDirectory)
            counts[key, default: 0] += 1
        }
        self.counts = counts
    }

    /// The key of `diagnostic` against a baseline in `directory`.
    static func key(
        of diagnostic: Diagnostic, sources: [String: SourceFile], directory: String, currentDirectory: String
    ) -> Key {
        let absolute = Path.lexicalAbsolute(diagnostic.path, base: currentDirectory)
        var text = ""
        if let file = sources[diagnostic.path] {
            let range = diagnostic.range.offsets.clamped(to: 0..<file.bytes.count)
            text = file.text(in: range)
            if text.unicodeScalars.count > textLimit {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(textLimit - 1))) + "…"
            }
        }
        return Key(
            path: Path.relative(absolute, to: directory), rule: diagnostic.rule.rawValue,
            pointer: diagnostic.pointer ?? "", text: text)
    }

    /// The baseline file's text: one entry per line, sorted, so that it diffs well under version control.
    public func encoded() -> [UInt8] {
        var text = "{\n  \"version\": \(Self.version),\n  \"findings\": ["
        for (index, key) in counts.keys.sorted().enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text +=
                "    {\"path\": \(JSONWriter.stringLiteral(key.path)), \"rule\": \(JSONWriter.stringLiteral(key.rule))"
            if !key.pointer.isEmpty { text += ", \"pointer\": \(JSONWriter.stringLiteral(key.pointer))" }
            text += ", \"text\": \(JSONWriter.stringLiteral(key.text))"
            if let count = counts[key], count > 1 { text += ", \"count\": \(count)" }
            text += "}"
        }
        text += counts.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(text.utf8)
    }

    /// Reads the baseline file `path`; a configuration error (exit 2) when it cannot be read or is not a baseline.
    public static func load(_ path: String) throws(WMLintError) -> Baseline {
        let bytes: [UInt8]
        switch FileSystem.read(path, maxSize: 64 * 1024 * 1024) {
        case .success(let read): bytes = read
        case .failure(.missing): throw .config("baseline '\(path)' does not exist")
        case .failure(.tooLarge(let size)): throw .config("baseline '\(path)' is \(size) bytes, over 64 MiB")
        case .failure(.notRegular): throw .config("baseline '\(path)' is not a regular file")
        case .failure(.unreadable(let reason)): throw .config("cannot read baseline '\(path)': \(reason)")
        }
        let file = SourceFile(path: path, bytes: bytes)
        let parsed = JSONParser.parse(SourceText(file: file))
        func invalid(_ what: String, at range: SourceRange?) -> WMLintError {
            let place = range.map { ":\(file.location(of: $0.lowerBound.offset).line)" } ?? ""
            return .config("baseline '\(path)'\(place): \(what)")
        }
        if let syntax = parsed.diagnostics.first(where: { $0.severity == .error }) {
            throw invalid(syntax.message, at: syntax.range)
        }
        guard let root = parsed.root, case .object(let members) = root.value else {
            throw invalid("expected an object with \"version\" and \"findings\"", at: parsed.root?.range)
        }
        guard let version = members.last(where: { $0.key == "version" }) else {
            throw invalid("\"version\" is missing", at: root.range)
        }
        guard case .number(let number) = version.value.value, number.lexeme == String(Self.version) else {
            throw invalid("unsupported version; this wmlint reads version \(Self.version)", at: version.value.range)
        }
        guard let findings = members.last(where: { $0.key == "findings" }),
            case .array(let items) = findings.value.value
        else {
            throw invalid("\"findings\" must be a list", at: root.range)
        }
        var baseline = Baseline(directory: Path.directory(of: FileSystem.realPath(path) ?? path), file: file)
        for item in items {
            guard case .object(let fields) = item.value else {
                throw invalid("a finding must be an object", at: item.range)
            }
            func string(_ name: String, required: Bool = true) throws(WMLintError) -> String {
                guard let field = fields.last(where: { $0.key == name }) else {
                    if required { throw invalid("a finding has no \"\(name)\"", at: item.range) }
                    return ""
                }
                guard case .string(let text) = field.value.value else {
                    throw invalid("\"\(name)\" must be a string", at: field.value.range)
                }
                return text
            }
            var count = 1
            if let field = fields.last(where: { $0.key == "count" }) {
                guard case .number(let number) = field.value.value, let value = Int(number.lexeme), value >= 1 else {
                    throw invalid("\"count\" must be a whole number of at least 1", at: field.value.range)
                }
                count = value
            }
            let key = Key(
                path: try string("path"), rule: try string("rule"), pointer: try string("pointer", required: false),
                text: try string("text"))
            baseline.counts[key, default: 0] += count
            if baseline.places[key] == nil { baseline.places[key] = item.range }
        }
        return baseline
    }

    private init(directory: String, file: SourceFile?) {
        self.directory = directory
        self.file = file
        self.counts = [:]
    }
}

/// Applies a baseline to a run's findings, file by file, and says at the end which entries matched nothing.
public struct BaselineFilter: Sendable {
    private var remaining: [Baseline.Key: Int]
    private let baseline: Baseline
    private let currentDirectory: String
    /// How many findings the baseline held back so far.
    public private(set) var absorbed = 0

    public init(_ baseline: Baseline, currentDirectory: String) {
        self.baseline = baseline
        self.remaining = baseline.counts
        self.currentDirectory = currentDirectory
    }

    /// Removes from `diagnostics` the ones the baseline holds (each entry as many times as its count).
    public mutating func filter(_ diagnostics: inout [Diagnostic], sources: [String: SourceFile]) {
        guard !remaining.isEmpty else { return }
        diagnostics.removeAll { diagnostic in
            let key = Baseline.key(
                of: diagnostic, sources: sources, directory: baseline.directory, currentDirectory: currentDirectory)
            guard let count = remaining[key] else { return false }
            remaining[key] = count > 1 ? count - 1 : nil
            absorbed += 1
            return true
        }
    }

    /// Applies the baseline to a whole report; with `reportingStale`, adds an `unused-suppression` error at each
    /// baseline entry that matched nothing (the baseline file is then among the report's sources).
    public mutating func apply(to report: inout LintReport, reportingStale: Bool) {
        filter(&report.diagnostics, sources: report.sources)
        report.baselined += absorbed
        if reportingStale { reportStale(in: &report) }
    }

    /// Adds an `unused-suppression` error at each baseline entry that matched nothing (the baseline file is then
    /// among the report's sources).
    func reportStale(in report: inout LintReport) {
        let stale = staleDiagnostics()
        guard !stale.isEmpty else { return }
        if let file = baseline.file { report.sources[file.path] = file }
        report.diagnostics.append(contentsOf: stale)
        report.diagnostics.sort(by: Diagnostic.reportOrder)
    }

    /// An `unused-suppression` error at each entry that matched fewer findings than its count.
    public func staleDiagnostics() -> [Diagnostic] {
        guard let file = baseline.file else { return [] }
        return remaining.keys.sorted().map { key in
            SuppressionFinding.staleBaselineEntry(
                rule: key.rule, path: key.path, text: key.text, missing: remaining[key] ?? 0, baselinePath: file.path,
                at: baseline.places[key] ?? .bytes(0, 0)
            ).diagnostic
        }
    }
}

/// `--baseline`, `--write-baseline` and `--strict-baseline`.
public struct BaselineOptions: Equatable, Sendable {
    /// The baseline file whose findings are held back.
    public var read: String?
    /// The baseline file to record the run's findings in.
    public var write: String?
    /// Whether an entry of `read` that matches no finding is an error.
    public var strict = false

    public init(read: String? = nil, write: String? = nil, strict: Bool = false) {
        self.read = read
        self.write = write
        self.strict = strict
    }

    /// Sets up a run: recording keeps every finding (no per-run limit); reading, with `filtering`, holds the
    /// baseline's findings back as the files finish, before the per-run limit counts them (``finish(_:)`` then
    /// reports its stale entries). Without `filtering` (`--fix`, which fixes baselined findings too), ``apply(to:)``
    /// applies it to the finished report.
    public func prepare(_ options: inout LintOptions, filtering: Bool) throws(WMLintError) {
        if write != nil { options.diagnosticsPerRun = nil }
        guard write == nil, filtering, let read else { return }
        options.baseline = BaselineFilter(try Baseline.load(read), currentDirectory: FileSystem.currentDirectory())
    }

    /// Ends a run set up by ``prepare(_:filtering:)``: records the findings, reports stale entries, or (when the
    /// run did not filter) applies the baseline. Returns the line to print on standard error, if any.
    public func finish(_ report: inout LintReport) throws(WMLintError) -> String? {
        guard let filter = report.baseline else { return try apply(to: &report) }
        report.baseline = nil
        if strict { filter.reportStale(in: &report) }
        return nil
    }

    /// Records the report's findings when asked (they are then held back, as any baselined finding is), else holds
    /// back the findings of the baseline read, reporting its stale entries with `strict`. Returns the line to
    /// print on standard error, if any.
    public func apply(to report: inout LintReport) throws(WMLintError) -> String? {
        let currentDirectory = FileSystem.currentDirectory()
        if let write {
            let directory = FileSystem.realPath(Path.directory(of: write)) ?? currentDirectory
            let recorded = Baseline(recording: report, directory: directory, currentDirectory: currentDirectory)
            try ReportOutput.writeFile(
                String(decoding: recorded.encoded(), as: UTF8.self), to: write, naming: "the baseline",
                inputs: report.readFiles())
            var filter = BaselineFilter(recorded, currentDirectory: currentDirectory)
            filter.apply(to: &report, reportingStale: false)
            let count = filter.absorbed
            return "wmlint: recorded \(count) \(count == 1 ? "finding" : "findings") in '\(write)'\n"
        }
        guard let read else { return nil }
        var filter = BaselineFilter(try Baseline.load(read), currentDirectory: currentDirectory)
        filter.apply(to: &report, reportingStale: strict)
        return nil
    }
}
