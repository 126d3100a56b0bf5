import WMLintSource

/// A file's text before and after every round of fixes.
public struct FixedText: Sendable {
    public var path: String
    public var original: [UInt8]
    public var fixed: [UInt8]
}

/// Applies safe fixes until nothing is left to fix (a fix can make a value valid and so bring a cross-field
/// rule's own fix into view), so that running `--fix` a second time changes nothing.
public enum FixSession {
    /// The fixed texts, the report of what remains and the number of problems fixed; nothing is written.
    ///
    /// `refusing` gives the reason a file must not be written (`nil` when it may be): fixes with an edit there
    /// are not applied, their diagnostics say why, and `refused` holds each such file's reason, in order.
    public static func run(
        _ options: LintOptions, maxRounds: Int = 10, refusing: (String) -> String? = { _ in nil }
    ) throws(WMLintError) -> (
        files: [FixedText], report: LintReport, fixed: Int, refused: [(path: String, reason: String)]
    ) {
        var fixed = 0
        var options = options
        options.keepsEveryFix = true
        var report = try Linter.run(options)
        // Standard input is read once: later rounds lint the text read (or fixed) before.
        if options.standardInput == nil { options.standardInput = report.standardInput }
        var originals: [String: [UInt8]] = [:]
        var order: [String] = []
        let standardInputName = options.stdinFilename ?? "-"
        // Reading standard input, only its own text is fixed (it goes to standard output); a fix of another file
        // (a `file://` target) is reported, not applied.
        let readsStandardInput = options.paths == ["-"]
        var refusals: [String: String?] = [:]
        var refused: [(path: String, reason: String)] = []
        func refusal(_ path: String) -> String? {
            if let known = refusals[path] { return known }
            let reason = refusing(path)
            refusals[path] = reason
            if let reason { refused.append((path, reason)) }
            return reason
        }
        func isApplicable(_ diagnostic: Diagnostic) -> Bool {
            guard let fix = diagnostic.fixes.first else { return true }
            if readsStandardInput { return fix.edits.allSatisfy { $0.path == standardInputName } }
            return fix.edits.allSatisfy { refusal($0.path) == nil }
        }
        // Every round sees every fix: with the per-file limit on diagnostics applied first, a file whose first
        // thousand diagnostics have no fix would never be fixed past them.
        for _ in 0..<maxRounds {
            var planned = report
            planned.diagnostics = report.diagnostics.filter(isApplicable)
            let plan = FixPlanner.forReport(report).plan(planned)
            guard plan.hasChanges else { break }
            fixed += plan.applied.count
            for file in plan.files where file.isChanged {
                if originals[file.path] == nil {
                    originals[file.path] = file.original
                    order.append(file.path)
                }
                options.contents[file.path] = file.fixed
                if report.standardInput != nil && file.path == standardInputName {
                    options.standardInput = file.fixed
                }
            }
            report = try Linter.run(options)
        }
        // The report of what remains is cut at the per-file limit like any other.
        var counts: [String: Int] = [:]
        for diagnostic in report.diagnostics { counts[diagnostic.path, default: 0] += 1 }
        if counts.values.contains(where: { $0 > FileLinter.diagnosticsPerFile }) {
            options.keepsEveryFix = false
            report = try Linter.run(options)
        }
        if !readsStandardInput && !refused.isEmpty {
            for index in report.diagnostics.indices where !isApplicable(report.diagnostics[index]) {
                let paths = Set(report.diagnostics[index].fixes.first?.edits.map(\.path) ?? []).sorted()
                let reasons = paths.compactMap { refusal($0) }
                report.diagnostics[index].notes.append("not fixed: " + reasons.joined(separator: "; "))
            }
        }
        if readsStandardInput {
            for index in report.diagnostics.indices where !isApplicable(report.diagnostics[index]) {
                let paths = Set(report.diagnostics[index].fixes.first?.edits.map(\.path) ?? []).sorted()
                report.diagnostics[index].notes.append(
                    "the fix belongs to " + paths.map { "'\($0)'" }.joined(separator: ", ")
                        + ", which --fix does not write when it reads standard input; fix it in that file")
            }
        }
        let files = order.compactMap { path -> FixedText? in
            guard let original = originals[path], let fixed = options.contents[path], original != fixed else {
                return nil
            }
            return FixedText(path: path, original: original, fixed: fixed)
        }
        return (files, report, fixed, refused)
    }
}
