public import WMLintSource

extension FixPlanner {
    /// A planner for the files of `report`: edits in shell scripts (by name, or by a shell shebang for a file
    /// whose name says nothing) are shell-value edits, all others are verbatim.
    ///
    /// `shellScripts` overrides the guess, for a run whose input form was forced (`--input-format shell`).
    public static func forReport(_ report: LintReport, shellScripts: Set<String>? = nil) -> FixPlanner {
        if let shellScripts { return FixPlanner(shellScripts: shellScripts) }
        var scripts = Set<String>()
        for (path, source) in report.sources where isShellScript(path: path, bytes: source.bytes) {
            scripts.insert(path)
        }
        return FixPlanner(shellScripts: scripts)
    }

    /// The plan for the diagnostics of `report` against the bytes of its files.
    public func plan(_ report: LintReport) -> FixPlan {
        plan(report.diagnostics, contents: report.sources.mapValues(\.bytes))
    }

    /// Whether a file is a shell script: its name says so, or it says nothing and the file starts with a shell
    /// shebang.
    static func isShellScript(path: String, bytes: [UInt8]) -> Bool {
        if let kind = InputKind.guess(fromName: path) { return kind == .shell }
        return InputKind.hasShellShebang(Array(bytes.prefix(256)))
    }
}
