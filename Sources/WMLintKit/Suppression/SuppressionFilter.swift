import WMLintModel
import WMLintRules
public import WMLintSource
import WMLintSyntax

/// Applies suppression comments to diagnostics and reports the comments that did nothing (`unused-suppression`).
public enum SuppressionFilter {
    /// Removes the diagnostics covered by a suppression naming their rule and reports every useless part of the
    /// suppressions.
    ///
    /// A diagnostic is covered by a suppression of its own file whose ``Suppression/coverage`` holds its start
    /// (or ends at it), by a `disable-file` of its own file, and — when it has an origin — by any suppression of
    /// the origin's script whose coverage overlaps the origin's range. Every suppression covering a diagnostic
    /// counts as used. An `unused-suppression` diagnostic, in the input or made here, is covered only by a
    /// `wmlint-disable-file unused-suppression` of its own file.
    ///
    /// `unused` holds one `unused-suppression` warning per rule id that suppressed nothing (range: the id), per id
    /// that is not a rule (with the nearest rule id as "did you mean"), per id named twice in one comment, per
    /// `unused-suppression` named in a line-level comment, and per comment naming no rule (range: the comment).
    /// Each carries a fix removing the id — or the whole comment (and its line when it stands alone) when no id
    /// of the comment would be left; the edits of one comment never overlap, and any subset of them leaves a tidy
    /// comment. When the whole comment goes, every diagnostic of that comment carries the same edit: apply
    /// identical edits once. Ids of `inactiveRules` (rules the configuration turns off) are never reported as
    /// unused.
    ///
    /// Give each suppression once, together with every diagnostic it could cover (for a document pulled in by
    /// several scripts, the diagnostics found through all of them): an id is judged unused on what it is given.
    ///
    /// - Returns: `kept` in input order; `unused` in report order.
    public static func apply(
        _ diagnostics: [SuppressibleDiagnostic], _ suppressions: [Suppression], inactiveRules: Set<RuleID> = []
    ) -> (kept: [Diagnostic], unused: [Diagnostic]) {
        var index = CoverageIndex(suppressions)
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for item in diagnostics where !index.cover(item.diagnostic, origin: item.origin) {
            kept.append(item.diagnostic)
        }
        return (kept, index.unusedDiagnostics(inactiveRules: inactiveRules))
    }

    /// ``apply(_:_:inactiveRules:)`` for diagnostics that no command pulled in.
    public static func apply(
        _ diagnostics: [Diagnostic], _ suppressions: [Suppression], inactiveRules: Set<RuleID> = []
    ) -> (kept: [Diagnostic], unused: [Diagnostic]) {
        apply(diagnostics.map { SuppressibleDiagnostic($0) }, suppressions, inactiveRules: inactiveRules)
    }
}

/// A useless part of a suppression: a name (`name` its index, `problem` what is wrong with it) or the whole
/// comment, which names no rule (`name` and `problem` nil).
private struct Report {
    var suppression: Int
    var name: Int?
    var problem: SuppressionProblem?
}

/// The suppressions' rule ids by file and rule, for finding those covering a diagnostic.
private struct CoverageIndex {
    struct Key: Hashable {
        var path: String
        var rule: RuleID
    }

    /// One named rule of one suppression: `suppression` and `name` are indices.
    struct Entry {
        var suppression: Int
        var name: Int
    }

    /// Regions sorted by start, with the running maximum of their ends (for overlap queries).
    struct Regions {
        var bounds: [(lower: Int, upper: Int, entry: Entry)] = []
        var maximumUpper: [Int] = []

        mutating func seal() {
            bounds.sort { $0.lower < $1.lower }
            var running = Int.min
            maximumUpper = bounds.map { bound in
                running = max(running, bound.upper)
                return running
            }
        }

        /// Calls `body` with every region meeting `lower...upper` (both inclusive).
        func forEach(meeting lower: Int, _ upper: Int, _ body: (Entry) -> Void) {
            var cursor = partitionPoint(in: bounds.indices) { bounds[$0].lower <= upper } - 1
            while cursor >= 0 && maximumUpper[cursor] >= lower {
                if bounds[cursor].upper >= lower { body(bounds[cursor].entry) }
                cursor -= 1
            }
        }
    }

    let suppressions: [Suppression]
    var fileWide: [Key: [Entry]] = [:]
    var regional: [Key: Regions] = [:]
    var used: [[Bool]]
    /// Whether each name was put in the index (so its use is tracked), rather than reported on reading.
    var registered: [[Bool]]
    /// Problems found while reading the names (unknown, duplicate, misplaced ids; empty comments).
    var problems: [Report] = []

    init(_ suppressions: [Suppression]) {
        self.suppressions = suppressions
        used = suppressions.map { [Bool](repeating: false, count: $0.names.count) }
        registered = used
        for (number, suppression) in suppressions.enumerated() {
            if suppression.names.isEmpty {
                problems.append(Report(suppression: number, name: nil, problem: nil))
            }
            var seen: Set<RuleID> = []
            for (position, name) in suppression.names.enumerated() {
                guard let rule = name.rule else {
                    problems.append(Report(suppression: number, name: position, problem: .unknownRule))
                    continue
                }
                guard seen.insert(rule).inserted else {
                    problems.append(Report(suppression: number, name: position, problem: .repeated))
                    continue
                }
                let entry = Entry(suppression: number, name: position)
                let key = Key(path: suppression.path, rule: rule)
                if suppression.kind == .file {
                    fileWide[key, default: []].append(entry)
                    registered[number][position] = true
                } else if rule == .unusedSuppression {
                    problems.append(Report(suppression: number, name: position, problem: .fileOnly))
                } else {
                    // A `disable-next-line` covering nothing is not in the index but is still judged (unused).
                    registered[number][position] = true
                    if let coverage = suppression.coverage {
                        regional[key, default: Regions()].bounds.append(
                            (coverage.lowerBound.offset, coverage.upperBound.offset, entry))
                    }
                }
            }
        }
        for key in regional.keys { regional[key]?.seal() }
    }

    /// Marks every suppression covering the diagnostic as used; returns whether there was one.
    mutating func cover(_ diagnostic: Diagnostic, origin: SuppressionOrigin?) -> Bool {
        var found: [Entry] = []
        let key = Key(path: diagnostic.path, rule: diagnostic.rule)
        found += fileWide[key] ?? []
        if diagnostic.rule != .unusedSuppression {
            let start = diagnostic.range.lowerBound.offset
            regional[key]?.forEach(meeting: start, start) { found.append($0) }
            if let origin {
                let originKey = Key(path: origin.path, rule: diagnostic.rule)
                found += fileWide[originKey] ?? []
                regional[originKey]?.forEach(meeting: origin.range.lowerBound.offset, origin.range.upperBound.offset) {
                    found.append($0)
                }
            }
        }
        for entry in found { used[entry.suppression][entry.name] = true }
        return !found.isEmpty
    }

    /// The `unused-suppression` diagnostics, in report order.
    mutating func unusedDiagnostics(inactiveRules: Set<RuleID>) -> [Diagnostic] {
        var reports = problems
        var metaNames: [Entry] = []
        for (number, suppression) in suppressions.enumerated() {
            for (position, name) in suppression.names.enumerated() {
                guard let rule = name.rule, !used[number][position], !inactiveRules.contains(rule) else { continue }
                guard registered[number][position] else { continue }
                let entry = Entry(suppression: number, name: position)
                if rule == .unusedSuppression {
                    metaNames.append(entry)
                } else {
                    reports.append(
                        Report(suppression: number, name: position, problem: .unused(scope(of: suppression))))
                }
            }
        }
        // `wmlint-disable-file unused-suppression` silences the reports of its own file.
        var silencedPaths: Set<String> = []
        reports.removeAll { report in
            let path = suppressions[report.suppression].path
            if silencedPaths.contains(path) { return true }
            guard let entries = fileWide[Key(path: path, rule: .unusedSuppression)], !entries.isEmpty else {
                return false
            }
            for entry in entries { used[entry.suppression][entry.name] = true }
            silencedPaths.insert(path)
            return true
        }
        for entry in metaNames where !used[entry.suppression][entry.name] {
            let reach = scope(of: suppressions[entry.suppression])
            reports.append(Report(suppression: entry.suppression, name: entry.name, problem: .unused(reach)))
        }
        var removed: [Int: Set<Int>] = [:]
        for report in reports {
            if let name = report.name { removed[report.suppression, default: []].insert(name) }
        }
        // The last name each comment keeps (-1 when it keeps none), for tidy edits.
        var lastKept: [Int: Int] = [:]
        for (number, names) in removed {
            lastKept[number] = suppressions[number].names.indices.last { !names.contains($0) } ?? -1
        }
        var output = reports.map { report in
            diagnostic(for: report, lastKept: lastKept[report.suppression] ?? -1)
        }
        output.sort(by: Diagnostic.reportOrder)
        return output
    }

    /// The diagnostic of one report; `lastKept` is the index of the last name the comment keeps after every
    /// reported name is removed (-1 when none is kept).
    func diagnostic(for report: Report, lastKept: Int) -> Diagnostic {
        finding(for: report, lastKept: lastKept).diagnostic
    }

    /// What one report finds; `lastKept` as for ``diagnostic(for:lastKept:)``.
    func finding(for report: Report, lastKept: Int) -> SuppressionFinding {
        let suppression = suppressions[report.suppression]
        guard let position = report.name, let problem = report.problem else {
            return .namesNoRule(
                directive: suppression.kind.rawValue, path: suppression.path, comment: suppression.comment,
                removal: suppression.removal)
        }
        let names = suppression.names
        let removal: SuppressionRemoval
        if lastKept < 0 {
            removal = .comment(suppression.removal)
        } else {
            // Before a kept name: the name and the separator after it; after the last kept name: the separator
            // before it and the name.
            removal = .name(
                position < lastKept
                    ? names[position].range.lowerBound..<names[position + 1].range.lowerBound
                    : names[position - 1].range.upperBound..<names[position].range.upperBound)
        }
        return .uselessName(
            problem, name: names[position].text, path: suppression.path, at: names[position].range, removal: removal)
    }

    func scope(of suppression: Suppression) -> SuppressionScope {
        switch suppression.kind {
        case .file: .file
        case .line: .line
        case .nextLine: suppression.coverage == nil ? .nothing : suppression.coversCommand ? .nextCommand : .nextLine
        }
    }
}
