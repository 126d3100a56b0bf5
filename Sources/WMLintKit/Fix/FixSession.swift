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
    public static func run(_ options: LintOptions, maxRounds: Int = 10) throws(WMLintError) -> (
        files: [FixedText], report: LintReport, fixed: Int
    ) {
        var fixed = 0
        var options = options
        var report = try Linter.run(options)
        // Standard input is read once: later rounds lint the text read (or fixed) before.
        if options.standardInput == nil { options.standardInput = report.standardInput }
        var originals: [String: [UInt8]] = [:]
        var order: [String] = []
        let standardInputName = options.stdinFilename ?? "-"
        // Reading standard input, only its own text is fixed (it goes to standard output); a fix of another file
        // (a `file://` target) is reported, not applied.
        let readsStandardInput = options.paths == ["-"]
        func isApplicable(_ diagnostic: Diagnostic) -> Bool {
            guard readsStandardInput, let fix = diagnostic.fixes.first else { return true }
            return fix.edits.allSatisfy { $0.path == standardInputName }
        }
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
        return (files, report, fixed)
    }
}
