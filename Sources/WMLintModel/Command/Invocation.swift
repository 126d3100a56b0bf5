public import WMLintSource
public import WMLintSyntax

/// One option as written on the command line, resolved to the option it means.
public struct ParsedOption: Hashable, Sendable {
    public var spec: OptionSpec
    /// The option's name as written (`--organization`, an abbreviation, or the full name).
    public var written: String
    /// The bytes of the option's name in the file (without `=value`).
    public var nameRange: SourceRange
    /// The value, when the option takes one and has it: the next word, or the text after `=`.
    public var value: ShellWord?
    /// Whether the option was its own word, spelt in full (not `--name=value`, not abbreviated): the CLI's
    /// pre-parse checks for `--cli-input-json` and `--generate-cli-skeleton` look for exactly that word.
    public var isExactWord: Bool

    public init(spec: OptionSpec, written: String, nameRange: SourceRange, value: ShellWord?, isExactWord: Bool) {
        self.spec = spec
        self.written = written
        self.nameRange = nameRange
        self.value = value
        self.isExactWord = isExactWord
    }

    /// The range covering the option and its value.
    public var range: SourceRange {
        guard let value else { return nameRange }
        return nameRange.lowerBound..<max(nameRange.upperBound, value.range.upperBound)
    }
}

/// An `aws workmail …` command of a covered operation, its options read as the AWS CLI reads them.
public struct Invocation: Hashable, Sendable {
    /// The path of the file holding the command.
    public var path: String
    public var command: ShellCommand
    /// The operation the command runs.
    public var operation: OperationShape
    /// The bytes of the operation name (`put-identity-provider-configuration`) in the file.
    public var operationRange: SourceRange
    /// Options in command-line order, duplicates included (the last one counts, as in the CLI).
    public var options: [ParsedOption]
    /// Problems with the command line itself: unknown, abbreviated, duplicate options, bad option values, in
    /// command-line order.
    public var findings: [OptionFinding]
    /// Parameters a misspelt option nearly names: they are not reported missing.
    public var nearlyNamed: Set<String>
    /// Whether a word the CLI would read as options is not statically known (`"$@"`, `$ARGS`).
    public var hasUnknownWords: Bool
    /// The static words of the command after `aws`, as the CLI's pre-parse checks see them.
    public var staticWords: [String] {
        command.words.dropFirst().filter(\.isStatic).map(\.text)
    }

    /// The last occurrence of the option named exactly `name`.
    public func last(_ name: String) -> ParsedOption? {
        options.last { $0.spec.name == name }
    }
}
