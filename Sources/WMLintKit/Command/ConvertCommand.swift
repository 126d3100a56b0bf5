import WMLintSource

extension Converter {
    /// `wmlint convert`: the requests of the file at `path` (`-` for standard input) in `target`'s form on standard
    /// output; exit 1, with what kept a request from converting on standard error, when any did not or none was
    /// found.
    public static func run(path: String, input: InputSettings, to target: ConvertTarget) -> CommandResult {
        var result = CommandResult()
        do {
            let (output, report, allConverted) = try convert(input.lintOptions(paths: [path]), to: target)
            result.output(output)
            result.report = report
            guard !allConverted || report.requests.isEmpty else { return result }
            // What kept a request from converting: its errors, and the values only known when the script runs.
            var reasons = report
            reasons.diagnostics = report.diagnostics.filter { $0.severity == .error || $0.rule == .unresolvedValue }
            if !reasons.diagnostics.isEmpty {
                result.error(GCCFormatter.format(reasons))
            } else if report.requests.isEmpty {
                result.error("wmlint: \(path): no request found\n")
            }
            result.status = 1
        } catch {
            result.fail(error)
        }
        return result
    }
}
