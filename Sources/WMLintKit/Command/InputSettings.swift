/// How to read inputs (`--input-format`, `--stdin-filename`, `--max-file-size`), as plain values.
public struct InputSettings: Equatable, Sendable {
    public var inputFormat: InputFormat = .auto
    public var stdinFilename: String?
    /// Files over this many bytes are not read.
    public var maxFileSize = 8 * 1024 * 1024

    public init() {}

    /// The settings as parsed: an option not given keeps its default.
    ///
    /// The options have no declared defaults (their help says them): swift-argument-parser describes a declared
    /// default at every parse, through casts that look up the type's conformances at run time.
    public init(inputFormat: InputFormat?, stdinFilename: String?, maxFileSize: Int?) {
        self.stdinFilename = stdinFilename
        if let inputFormat { self.inputFormat = inputFormat }
        if let maxFileSize { self.maxFileSize = maxFileSize }
    }

    /// Throws a usage error for a value the run would refuse.
    public func validate() throws(WMLintError) {
        if maxFileSize < 0 { throw .usage("--max-file-size must not be negative") }
    }

    func lintOptions(paths: [String], jobs: Int? = nil) -> LintOptions {
        LintOptions(
            paths: paths, inputFormat: inputFormat, stdinFilename: stdinFilename, maxFileSize: maxFileSize,
            jobs: jobs)
    }
}
