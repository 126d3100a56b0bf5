public import WMLintSource
public import WMLintSyntax

/// A problem with an `aws …` command line itself, as ``InvocationParser`` finds it: an option it cannot resolve,
/// one spelt short or given twice, a value the AWS CLI refuses, a word where no word belongs.
///
/// Findings carry the names and the text as written, and their places in the file; the rules word them.
public enum OptionFinding: Hashable, Sendable {
    /// `written` is an unambiguous prefix of the option `full` (`--organization` for `--organization-id`).
    case abbreviated(written: String, full: String, at: SourceRange)
    /// `written` is a prefix of several options, `candidates` (full names, in table order).
    case ambiguous(written: String, candidates: [String], at: SourceRange)
    /// `written` names no option of `operation` (its CLI name); `suggestion` is the option it nearly names.
    case unknown(written: String, operation: String, suggestion: String?, at: SourceRange)
    /// The option `name` is given again at `at`; `first` is its first occurrence's name.
    case duplicate(name: String, at: SourceRange, first: SourceRange)
    /// A global option took the service name as its value (`aws --region workmail put-…`), so the CLI reads the
    /// operation name as the service; `at` is the option's name.
    case swallowedService(option: String, at: SourceRange)
    /// The service or operation name is misspelt: `written` where `expected` belongs.
    case misspeltName(NamePart, written: String, expected: String, at: SourceRange)
    /// A static word that is no option and no option's value.
    case strayArgument(text: String, at: SourceRange)
    /// The flag `option` was given a value (`--debug=1`); `at` is the value's place.
    case unexpectedValue(option: String, value: String, at: SourceRange)
    /// The option `option` takes a value and has none; `at` is the option's name.
    case missingValue(option: String, at: SourceRange)
    /// A value the CLI refuses for `option`; `at` is the value's place.
    case badValue(option: String, value: String, problem: ValueProblem, at: SourceRange)

    /// The part of a command's name a misspelling is in.
    public enum NamePart: String, Hashable, Sendable {
        case service
        case operation
    }

    /// Why the CLI refuses an option's value.
    public enum ValueProblem: Hashable, Sendable {
        /// Not a valid JMESPath expression (`--query`).
        case invalidQuery(JMESPathSyntaxError)
        /// Not one of the values the option accepts.
        case notAChoice(choices: [String])
        /// `--region` is empty.
        case emptyRegion
        /// `--region` is not a host label.
        case invalidRegion
        /// A timeout that Python's `int()` does not read as a whole number.
        case timeoutNotWholeNumber
        /// A timeout below 0.
        case negativeTimeout
        /// A paging option's count that Python's `int()` does not read as a whole number.
        case notWholeNumber
        /// An `--endpoint-url` the CLI refuses.
        case invalidEndpoint(EndpointProblem)
    }

    /// What is wrong with an `--endpoint-url` value.
    public enum EndpointProblem: Hashable, Sendable {
        /// Python's `urlparse` finds no scheme.
        case noScheme
        /// A scheme is found, but the text holds no `:` character of its own (a `:` joined to a combining mark).
        case noSchemeSeparator
        /// A tab or a line break.
        case lineBreak
        /// Nothing follows the scheme but a path.
        case noHost
        /// A `[` with no `]` after it.
        case unclosedIPv6
        /// Bracketed text that is not an IPv6 address.
        case notIPv6(address: String)
        /// A host name longer than 255 bytes.
        case hostTooLong
        /// A host name whose labels are not letters, digits and inner `-`, 1 to 63 bytes long.
        case invalidHost(host: String)
    }

    /// The bytes the finding is about (0-based UTF-8 offsets, half-open).
    public var range: SourceRange {
        switch self {
        case .abbreviated(_, _, let at), .ambiguous(_, _, let at), .unknown(_, _, _, let at),
            .duplicate(_, let at, _), .swallowedService(_, let at), .misspeltName(_, _, _, let at),
            .strayArgument(_, let at), .unexpectedValue(_, _, let at), .missingValue(_, let at),
            .badValue(_, _, _, let at):
            at
        }
    }

    /// Whether the AWS CLI refuses the command for it: anything but an abbreviation or a repeated option.
    public var cliRefuses: Bool {
        switch self {
        case .abbreviated, .duplicate: false
        default: true
        }
    }
}
