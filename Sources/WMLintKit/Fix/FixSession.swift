/// A file's text before and after every round of fixes.
public struct FixedText: Sendable {
    public var path: String
    public var original: [UInt8]
    public var fixed: [UInt8]
}

/// Applies safe fixes until nothing is left to fix (a fix can make a value valid and so bring a cross-field
/// rule's own fix into view), so that running `--fix` a second time changes nothing.
public enum FixSession {
    /// The fixed texts and the report of what remains; nothing is written.
    public static func run(_ options: LintOptions, maxRounds: Int = 10) throws(WMLintError) -> (
        files: [FixedText], report: LintReport
    ) {
        var options = options
        var report = try Linter.run(options)
        var originals: [String: [UInt8]] = [:]
        var order: [String] = []
        let standardInputName = options.stdinFilename ?? "-"
        for _ in 0..<maxRounds {
            let plan = FixPlanner.forReport(report).plan(report)
            guard plan.hasChanges else { break }
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
        let files = order.compactMap { path -> FixedText? in
            guard let original = originals[path], let fixed = options.contents[path], original != fixed else {
                return nil
            }
            return FixedText(path: path, original: original, fixed: fixed)
        }
        return (files, report)
    }
}
