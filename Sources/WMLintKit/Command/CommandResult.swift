import WMLintSource

/// What a command did and has to say: the text for standard output and standard error in the order it is
/// written, the files it wrote, and the exit status.
///
/// Every command of the kit returns one and writes nothing to the standard streams itself; the executable writes
/// the result with ``write()`` and ends the process with the status that returns.
public struct CommandResult: Sendable {
    /// A piece of text for one of the standard streams.
    public struct Text: Sendable, Hashable {
        public var stream: StandardStream
        public var text: String
    }

    /// The text to write, in order.
    public private(set) var texts: [Text] = []
    /// The files the command wrote (fixed files, `--output` reports, a baseline), in the order it wrote them.
    public private(set) var writtenFiles: [String] = []
    /// The exit status: 0 no error, 1 an error found (or a warning with `--strict`, a fix with `--diff`), 2 the run
    /// itself failed.
    public var status: Int32
    /// The report the command built, when it built one.
    ///
    /// Held until the process ends: releasing a large report object by object is serial work that only delays the
    /// exit, so the executable ends the process without releasing the result.
    public internal(set) var report: LintReport?

    public init(status: Int32 = 0) {
        self.status = status
    }

    /// Adds `text` for standard output.
    public mutating func output(_ text: String) {
        texts.append(Text(stream: .output, text: text))
    }

    /// Adds `text` for standard error.
    public mutating func error(_ text: String) {
        texts.append(Text(stream: .error, text: text))
    }

    /// Records that the command wrote the file at `path`.
    mutating func wrote(_ path: String) {
        writtenFiles.append(path)
    }

    /// Ends the result with `failure`: one `wmlint: error:` line per line of its message (a configuration file's
    /// problems, one per line), exit 2. What the command said before it failed is kept.
    public mutating func fail(_ failure: WMLintError) {
        error(Self.errorLines(failure.message))
        status = 2
    }

    /// `message` as standard error shows it: each line escaped and prefixed with `wmlint: error: `.
    static func errorLines(_ message: String) -> String {
        var text = ""
        for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
            text += "wmlint: error: \(VisibleText.escaped(String(line)))\n"
        }
        return text
    }

    /// Everything for standard output, in order.
    public var standardOutput: String { texts.filter { $0.stream == .output }.map(\.text).joined() }

    /// Everything for standard error, in order.
    public var standardError: String { texts.filter { $0.stream == .error }.map(\.text).joined() }

    /// Writes the texts to their streams, in order, and returns the exit status.
    ///
    /// A failed write to standard output ends the writing: the failure is said on standard error and the status
    /// is 2, so that a report cut short (a full disk, a closed descriptor, a reader that stopped reading) never
    /// passes for a whole one. A failed write to standard error is not reported (there is nowhere left to say it).
    public func write() -> Int32 {
        StandardStream.reportsBrokenPipes()
        for piece in texts {
            do {
                try piece.stream.write(piece.text)
            } catch {
                guard piece.stream == .output else { continue }
                try? StandardStream.error.write(Self.errorLines(error.message))
                return 2
            }
        }
        return status
    }
}
