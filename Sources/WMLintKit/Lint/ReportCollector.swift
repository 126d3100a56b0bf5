import WMLintSource

/// Gathers file outcomes into a run's report as the files finish, holding at most about twice the run's
/// diagnostic limit at any time, so that memory follows the largest file's work and the limit, not the run's
/// total output.
///
/// Under the limit the report is exactly the merge of every outcome: report order, each finding once (a document
/// pulled in by two scripts is reported once). Past it, the first ``limit`` diagnostics in report order are kept
/// and one `input-limit` error, at the first diagnostic left out, says how many more there were and of which
/// severity. With `keepsEveryFix` (`--fix`), diagnostics with a fix are kept past the limit too, as they are past
/// the per-file limit.
struct ReportCollector {
    /// Diagnostics a run reports at most, unless a fix is kept past it.
    static let diagnosticsPerRun = 10_000

    /// The most diagnostics kept; `nil` keeps them all (recording a baseline needs every finding).
    let limit: Int?
    let keepsEveryFix: Bool
    /// The baseline whose findings are held back before the limit counts them.
    var baseline: BaselineFilter?

    /// The diagnostics kept so far, each with the index of the outcome it came from.
    private var entries: [(diagnostic: Diagnostic, index: Int)] = []
    /// Each file read, with the index of the first outcome that read it (the first read wins).
    private var sources: [String: (index: Int, file: SourceFile)] = [:]
    /// The files read whose text was let go, by displayed path.
    private var readPaths: Set<String> = []
    private var requests: [(index: Int, requests: [LintedRequest])] = []
    /// Findings located in a file other than the outcome's own input, seen so far, and whether the baseline held
    /// them back: a document pulled in by two scripts gives the same finding twice, and the baseline must take both
    /// copies or neither.
    private var foreign: [FindingIdentity: Bool] = [:]
    private var fileCount = 0
    /// The indices of the outcomes that were inputs (checked), in the order they finished.
    private(set) var checkedIndices: [Int] = []
    /// Once the limit was reached: the last diagnostic kept. Anything after it in report order is left out at once.
    private var boundary: Diagnostic?
    /// The first diagnostic left out, and how many of each severity were.
    private var firstOmitted: Diagnostic?
    private var omitted: [Severity: Int] = [:]

    init(limit: Int?, keepsEveryFix: Bool, baseline: BaselineFilter?) {
        self.limit = limit
        self.keepsEveryFix = keepsEveryFix
        self.baseline = baseline
    }

    /// Adds the outcome of the input at `index` (in the run's input order).
    mutating func add(_ outcome: FileOutcome, index: Int) {
        if outcome.isInput {
            fileCount += 1
            checkedIndices.append(index)
        }
        for source in outcome.sources {
            if let earlier = sources[source.path], earlier.index <= index { continue }
            sources[source.path] = (index, source)
        }
        if !outcome.requests.isEmpty { requests.append((index, outcome.requests)) }
        guard baseline != nil || boundary != nil else {
            entries.append(contentsOf: outcome.diagnostics.lazy.map { ($0, index) })
            if let limit, entries.count > 2 * limit + 1_000 { compact(limit) }
            return
        }
        let own = outcome.sources.first?.path
        var byPath: [String: SourceFile] = [:]
        if baseline != nil { for source in outcome.sources { byPath[source.path] = source } }
        for diagnostic in outcome.diagnostics {
            if baseline != nil {
                let identity = diagnostic.path != own ? FindingIdentity(diagnostic) : nil
                if let identity, let absorbed = foreign[identity] {
                    if absorbed { continue }
                } else {
                    var one = [diagnostic]
                    baseline?.filter(&one, sources: byPath)
                    if let identity { foreign[identity] = one.isEmpty }
                    if one.isEmpty { continue }
                }
            }
            if let boundary, !keeps(diagnostic), Diagnostic.reportOrder(boundary, diagnostic) {
                omit(diagnostic)
            } else {
                entries.append((diagnostic, index))
            }
        }
        if let limit, entries.count > 2 * limit + 1_000 { compact(limit) }
    }

    /// The report: every diagnostic kept, in report order, each finding once, and the summary of those left out.
    mutating func finish() -> LintReport {
        if let limit { compact(limit) } else { sortAndDeduplicate() }
        var diagnostics = entries.map(\.diagnostic)
        entries = []
        if let firstOmitted {
            let count = omitted.values.reduce(0, +)
            let kinds = [Severity.error, .warning, .info].compactMap { severity -> String? in
                guard let n = omitted[severity], n > 0 else { return nil }
                return "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
            }
            diagnostics.append(
                Diagnostic(
                    rule: .inputLimit,
                    message: "\(count) more \(count == 1 ? "diagnostic is" : "diagnostics are") not shown "
                        + "(\(kinds.joined(separator: ", "))): a run reports at most \(limit ?? 0)",
                    path: firstOmitted.path, range: firstOmitted.range,
                    help: ["fix or switch off the most frequent findings, or check fewer files at once"]))
        }
        var files: [String: SourceFile] = [:]
        files.reserveCapacity(sources.count)
        for (path, entry) in sources { files[path] = entry.file }
        var report = LintReport(
            diagnostics: diagnostics, sources: files, fileCount: fileCount, standardInput: nil,
            requests: requests.sorted { $0.index < $1.index }.flatMap(\.requests))
        report.baselined = baseline?.absorbed ?? 0
        report.readPaths = readPaths
        report.baseline = baseline
        return report
    }

    /// Whether `diagnostic` is kept past the limit (a fix, with `keepsEveryFix`).
    private func keeps(_ diagnostic: Diagnostic) -> Bool {
        keepsEveryFix && !diagnostic.fixes.isEmpty
    }

    private mutating func omit(_ diagnostic: Diagnostic) {
        omitted[diagnostic.severity, default: 0] += 1
        if firstOmitted.map({ Diagnostic.reportOrder(diagnostic, $0) }) ?? true { firstOmitted = diagnostic }
    }

    /// Sorts, drops repeated findings, and keeps the first `limit` (and the fixes past them); the files no kept
    /// diagnostic is in are let go.
    private mutating func compact(_ limit: Int) {
        sortAndDeduplicate()
        guard entries.count > limit else { return }
        var kept = Array(entries.prefix(limit))
        for entry in entries[limit...] {
            if keeps(entry.diagnostic) { kept.append(entry) } else { omit(entry.diagnostic) }
        }
        boundary = entries[limit - 1].diagnostic
        entries = kept
        var needed: Set<String> = []
        for (diagnostic, _) in entries {
            needed.insert(diagnostic.path)
            for related in diagnostic.related { needed.insert(related.path) }
            for fix in diagnostic.fixes { for edit in fix.edits { needed.insert(edit.path) } }
        }
        for path in sources.keys where !needed.contains(path) { readPaths.insert(path) }
        sources = sources.filter { needed.contains($0.key) }
    }

    /// Report order, and each finding once, the copy from the earliest input kept (a document pulled in by two
    /// scripts names the first script as the one that pulled it in), with the related locations of every copy. Only findings in another file than their
    /// input's are hashed, in ``add(_:index:)``, and only with a baseline: hashing them all costs more than the sort.
    private mutating func sortAndDeduplicate() {
        entries.sort { a, b in
            switch Diagnostic.compareInReportOrder(a.diagnostic, b.diagnostic) {
            case .less: true
            case .greater: false
            case .same: a.index < b.index
            }
        }
        var kept = 0
        for index in entries.indices {
            if kept > 0 && FindingIdentity.same(entries[kept - 1].diagnostic, entries[index].diagnostic) {
                // One value used by two commands (a shell variable): the copy kept lists every use.
                for related in entries[index].diagnostic.related
                where !entries[kept - 1].diagnostic.related.contains(related) {
                    entries[kept - 1].diagnostic.related.append(related)
                }
                continue
            }
            entries.swapAt(kept, index)
            kept += 1
        }
        entries.removeLast(entries.count - kept)
    }
}

/// What makes two diagnostics one finding: path, range, rule and message.
struct FindingIdentity: Hashable {
    var path: String
    var range: SourceRange
    var rule: RuleID
    var message: String

    init(_ diagnostic: Diagnostic) {
        path = diagnostic.path
        range = diagnostic.range
        rule = diagnostic.rule
        message = diagnostic.message
    }

    static func same(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        a.range == b.range && a.rule == b.rule && a.path == b.path && a.message == b.message
    }
}
