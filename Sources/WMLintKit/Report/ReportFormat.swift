import WMLintSource

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output format of `check`.
public enum ReportFormat: String, CaseIterable, Sendable, Hashable {
    case text, gcc, json, sarif, github

    /// The report in this format. `color` only affects `text`; `sourceRoot` only `sarif` (its `%SRCROOT%`).
    public func render(_ report: LintReport, color: Bool = false, sourceRoot: String? = nil) -> String {
        switch self {
        case .text: TextFormatter.format(report, color: color)
        case .gcc: GCCFormatter.format(report)
        case .json: JSONFormatter.format(report)
        case .sarif: SARIFFormatter.format(report, sourceRoot: sourceRoot)
        case .github: GitHubFormatter.format(report)
        }
    }
}

/// `--color auto|always|never`.
public enum ColorChoice: String, CaseIterable, Sendable, Hashable {
    case auto, always, never

    /// Whether to colour output going to a destination: `always`; or `auto` on a terminal when `NO_COLOR` is
    /// unset or empty.
    public func enabled(isTerminal: Bool, noColor: String?) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isTerminal && (noColor ?? "").isEmpty
        }
    }

    /// Whether to colour what is written to file descriptor `descriptor` of this process.
    public func enabled(forDescriptor descriptor: Int32) -> Bool {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        return enabled(isTerminal: isatty(descriptor) == 1, noColor: noColor)
    }
}

/// `--output FORMAT=PATH`: an extra report written to a file in the same run.
public struct ReportOutput: Sendable, Hashable {
    public var format: ReportFormat
    public var path: String
}

extension ReportOutput {
    /// Parses `FORMAT=PATH`; a usage error for anything else.
    public init(parsing argument: String) throws(WMLintError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .usage("--output expects FORMAT=PATH, found '\(argument)'")
        }
        let name = String(argument[..<equals])
        let path = String(argument[argument.index(after: equals)...])
        guard let format = ReportFormat(rawValue: name) else {
            let names = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw .usage("'\(name)' is not an output format; expected one of \(names)")
        }
        guard !path.isEmpty else { throw .usage("--output \(name)= needs a path after '='") }
        self.init(format: format, path: path)
    }

    /// Writes `text` to the file, atomically and never through a link or over one of `inputs`; a write failure
    /// (exit 2) when it cannot, the previous file left as it was.
    public func write(_ text: String, inputs: Set<FileIdentity>) throws(WMLintError) {
        try Self.writeFile(text, to: path, naming: "the \(format.rawValue) report", inputs: inputs)
    }

    /// Writes `text` to `path` as ``FixWriter/writeReport(_:to:naming:inputs:)`` does; a write failure (exit 2)
    /// naming `what` when it cannot.
    public static func writeFile(
        _ text: String, to path: String, naming what: String, inputs: Set<FileIdentity> = []
    ) throws(WMLintError) {
        try FixWriter().writeReport(Array(text.utf8), to: path, naming: what, inputs: inputs)
    }
}
