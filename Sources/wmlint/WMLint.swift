import ArgumentParser
import WMLintKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `wmlint`: the command tree. Commands only declare options and call the kit, which returns what to print and
/// the exit status; ``main()`` writes that and ends the process.
@main
struct WMLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmlint",
        abstract: "Lint the inputs of 'aws workmail put-identity-provider-configuration', offline.",
        version: WMLintVersion.current,
        subcommands: [Check.self, Convert.self, Rules.self, Explain.self, Server.self],
        defaultSubcommand: Check.self)

    /// Parses the command line, runs the command, writes its result and exits with its status: the one place the
    /// process writes to the standard streams for a command and the one place it ends.
    static func main() {
        _ = StandardStream.closedAtStart
        let arguments = Array(CommandLine.arguments.dropFirst())
        let checkArguments = directCheckArguments(arguments)
        let result: CommandResult
        do {
            // The common case, `wmlint [check] …`, is parsed by `check` alone: the root command's parse reflects
            // over every subcommand.
            let command = try checkArguments.map { try Check.parseAsRoot($0) } ?? parseAsRoot(arguments)
            result = run(command)
        } catch {
            result =
                checkArguments == nil
                ? parseFailure(error)
                // `check`'s usage line names `wmlint` (its super-command name); the pointer to its help does not.
                : Check.parseFailure(error) { $0.replacing("'check --help'", with: "'wmlint check --help'") }
        }
        exitLeavingMemory(result.write())
    }

    /// The result of a parsed command.
    static func run(_ command: any ParsableCommand) -> CommandResult {
        // `check` first, by its type: a cast to a protocol searches the runtime's conformance records.
        if let check = command as? Check { return check.result() }
        if let command = command as? any KitCommand { return command.result() }
        var command = command
        do {
            try command.run()
            return CommandResult()
        } catch {
            return type(of: command).parseFailure(error)
        }
    }

    /// Ends the process with `status`, leaving the result and all else the run built to the operating system:
    /// releasing a large report object by object is serial work that only delays the exit. Output is written
    /// unbuffered (``CommandResult/write()``), so nothing is pending.
    static func exitLeavingMemory(_ status: Int32) -> Never {
        #if canImport(Glibc)
            Glibc.exit(status)
        #elseif canImport(Darwin)
            Darwin.exit(status)
        #endif
    }
}

/// A command that runs through the kit: it returns what to print and the exit status instead of printing.
protocol KitCommand: ParsableCommand {
    /// What the command prints, the files it wrote, and its exit status.
    func result() -> CommandResult
}

extension ParsableCommand {
    /// What a command line that does not run a command prints and exits with: help, the version or a completion
    /// script on standard output (exit 0); any other message on standard error, usage errors with exit 2 (not 64).
    static func parseFailure(_ error: any Error, rewriting rewrite: (String) -> String = { $0 }) -> CommandResult {
        let code = exitCode(for: error)
        var result = CommandResult(status: code.rawValue)
        if code == .success {
            let text = fullMessage(for: error)
            if !text.isEmpty { result.output(text + "\n") }
            return result
        }
        let message = rewrite(fullMessage(for: error))
        if code == .validationFailure {
            result.error(message + "\n")
            result.status = 2
        } else if !message.isEmpty {
            result.error(message + "\n")
        }
        return result
    }
}

extension WMLint {
    /// The arguments of `check` when the command line is `wmlint [check] …` without help or version requests;
    /// `nil` when the root command must parse it (another subcommand, `--help`, `--version`, a completion script).
    ///
    /// The other subcommands name themselves (`commandName`): a name derived from the type's name is looked up at
    /// run time. (`check` does not: a named default subcommand shows in `--experimental-dump-help`.)
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
        InputSettings(inputFormat: inputFormat?.format, stdinFilename: stdinFilename, maxFileSize: maxFileSize)
    }
}

enum InputFormatArgument: String, NamedArgument {
    case auto, json, yaml, shell, markdown, workflow

    var format: InputFormat { InputFormat(rawValue: rawValue) ?? .auto }
}

/// An option value that is one of a few names: its cases' raw values, in declaration order.
///
/// swift-argument-parser's defaults for such a type build the value list through a key path per case and describe
/// each value with `String(describing:)`; both go through the runtime's type lookups at start-up. These give the
/// same strings directly.
protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
    static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// No value has a description of its own (swift-argument-parser's default finds none: each describes as its name).
    static var allValueDescriptions: [String: String] { [:] }

    var defaultValueDescription: String { rawValue }
}

extension ValidationError {
    /// A usage error of the kit, as swift-argument-parser reports a failed validation (with the usage line).
    init(_ error: WMLintError) {
        self.init(error.message)
    }
}
