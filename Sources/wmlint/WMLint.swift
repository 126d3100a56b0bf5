import ArgumentParser
import WMLintKit
import WMLintSource

#if canImport(Glibc)
    import Glibc
#endif

/// `wmlint`: the command tree. Commands only build options, call the kit and map the result to an exit code.
@main
struct WMLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmlint",
        abstract: "Lint the inputs of 'aws workmail put-identity-provider-configuration', offline.",
        version: WMLintVersion.current,
        subcommands: [Check.self, Convert.self, Rules.self, Explain.self, Server.self],
        defaultSubcommand: Check.self)

    /// Runs the command, mapping every failure to the documented exit codes (usage errors are 2, not 64).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let checkArguments = directCheckArguments(arguments)
        do {
            // The common case, `wmlint [check] …`, is parsed by `check` alone: the root command's parse reflects
            // over every subcommand, which costs more than the rest of a small run (docs/performance.md).
            var command: any ParsableCommand =
                try checkArguments.map { try Check.parseAsRoot($0) } ?? parseAsRoot(arguments)
            try command.run()
        } catch let error as WMLintError {
            // Each line of the message (a configuration file's problems, one per line) carries the prefix.
            for line in error.message.split(separator: "\n", omittingEmptySubsequences: true) {
                writeError("wmlint: error: \(VisibleText.escaped(String(line)))\n")
            }
            Glibc.exit(2)
        } catch let code as ExitCode where code.rawValue != 0 && code != .validationFailure {
            // A failing run: no message (what swift-argument-parser's error path prints, without building help).
            Glibc.exit(code.rawValue)
        } catch {
            let code = checkArguments == nil ? exitCode(for: error) : Check.exitCode(for: error)
            if code == .success {
                if checkArguments == nil { exit(withError: error) } else { Check.exit(withError: error) }
            }
            // `check`'s usage line names `wmlint` (its super-command name); the pointer to its help does not.
            let message =
                checkArguments == nil
                ? fullMessage(for: error)
                : Check.fullMessage(for: error).replacing("'check --help'", with: "'wmlint check --help'")
            if code.rawValue == ExitCode.validationFailure.rawValue || code.rawValue == 64 {
                writeError(message + "\n")
                Glibc.exit(2)
            }
            if !message.isEmpty { writeError(message + "\n") }
            Glibc.exit(code.rawValue)
        }
    }
}

extension WMLint {
    /// The arguments of `check` when the command line is `wmlint [check] …` without help or version requests;
    /// `nil` when the root command must parse it (another subcommand, `--help`, `--version`, a completion script).
    ///
    /// The other subcommands name themselves (`commandName`): a name derived from the type's name costs a look-up of
    /// that name at run time. (`check` does not: a named default subcommand shows in `--experimental-dump-help`.)
    static func directCheckArguments(_ arguments: [String]) -> [String]? {
        if arguments.contains(where: isForRootCommand) { return nil }
        guard let first = arguments.first else { return [] }
        if first == "check" { return Array(arguments.dropFirst()) }
        let others = configuration.subcommands.map { $0._commandName }
        return others.contains(first) ? nil : arguments
    }
}

/// Whether `argument` asks the root command for help, the version or a completion script.
private func isForRootCommand(_ argument: String) -> Bool {
    switch argument {
    case "--help", "-h", "help", "--version", "--experimental-dump-help": true
    default: argument.hasPrefix("--generate-completion")
    }
}

/// Options that say how to read inputs (`convert`'s; `check` declares the same options itself).
struct InputOptions: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help: "Read named files as this form; auto (the default) tells the form by name and content.")
    var inputFormat: InputFormatArgument?

    @Option(name: .customLong("stdin-filename"), help: "The name standard input ('-') is shown and typed under.")
    var stdinFilename: String?

    @Option(
        name: .customLong("max-file-size"), parsing: .unconditional,
        help: "Files over this many bytes are not read (default: 8388608).")
    var maxFileSize: Int?

    var settings: InputSettings {
        InputSettings(inputFormat: inputFormat, stdinFilename: stdinFilename, maxFileSize: maxFileSize)
    }
}

/// How to read inputs, as plain values.
struct InputSettings: Equatable {
    var inputFormat: InputFormatArgument = .auto
    var stdinFilename: String?
    /// Files over this many bytes are not read.
    var maxFileSize = 8 * 1024 * 1024

    func lintOptions(paths: [String], jobs: Int? = nil) -> LintOptions {
        LintOptions(
            paths: paths, inputFormat: inputFormat.format, stdinFilename: stdinFilename, maxFileSize: maxFileSize,
            jobs: jobs)
    }
}

extension InputSettings {
    /// The settings as parsed: an option not given keeps its default.
    ///
    /// The options have no declared defaults (their help says them): swift-argument-parser describes a declared
    /// default at every parse, through casts that look up the type's conformances at run time (docs/performance.md).
    init(inputFormat: InputFormatArgument?, stdinFilename: String?, maxFileSize: Int?) {
        self.init(stdinFilename: stdinFilename)
        if let inputFormat { self.inputFormat = inputFormat }
        if let maxFileSize { self.maxFileSize = maxFileSize }
    }
}

enum InputFormatArgument: String, NamedArgument {
    case auto, json, yaml, shell, markdown, workflow

    var format: InputFormat { InputFormat(rawValue: rawValue) ?? .auto }
}

/// An option value that is one of a few names: its cases' raw values, in declaration order.
///
/// swift-argument-parser's defaults for such a type build the value list through a key path per case and describe
/// each value with `String(describing:)`; both go through the runtime's type lookups, which cost more at start-up
/// than the rest of a small run's parse (docs/performance.md). These give the same strings directly.
protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
    static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// No value has a description of its own (swift-argument-parser's default finds none: each describes as its name).
    static var allValueDescriptions: [String: String] { [:] }

    var defaultValueDescription: String { rawValue }
}

/// Ends the process with `code` once everything is written, leaving the report and all else the run built to the
/// operating system: releasing a large report object by object is serial work that only delays the exit
/// (docs/performance.md). Output is written unbuffered (``writeOutput(_:)``), so nothing is pending.
func exitLeavingMemory(_ code: Int32) -> Never {
    Glibc.exit(code)
}

/// Writes `text` to standard error.
func writeError(_ text: String) {
    write(text, to: 2)
}

/// Writes `text` to standard output; a write error ends the run with exit 2 and a message (a report cut short must
/// not pass for a clean one).
func writeOutput(_ text: String) {
    if let failure = write(text, to: 1) {
        writeError("wmlint: error: cannot write to standard output: \(failure)\n")
        Glibc.exit(2)
    }
}

/// Writes all of `text` to `descriptor`; the error's text when a write fails.
@discardableResult
private func write(_ text: String, to descriptor: Int32) -> String? {
    var text = text
    var failure: String?
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                failure = written < 0 ? strerror(errno).map { String(cString: $0) } ?? "error \(errno)" : "short write"
                return
            }
            offset += written
        }
    }
    return failure
}
