/// What an option of the command line takes.
public enum OptionArity: Sendable, Hashable {
    /// A flag: no value (`--debug`).
    case flag
    /// Exactly one value.
    case value
    /// An optional value (`--generate-cli-skeleton [input|yaml-input|output]`).
    case optionalValue
}

/// One option the AWS CLI accepts on this command.
public struct OptionSpec: Sendable, Hashable {
    /// The full spelling, `--` included.
    public var name: String
    public var arity: OptionArity
    /// The values the CLI accepts, when it checks them (`--output json|text|…`).
    public var choices: [String]?
    /// Whether the value must be an integer (`--cli-read-timeout`).
    public var isInteger: Bool
    /// The request parameter the option sets, for operation parameters.
    public var parameter: String?
    /// Whether the option belongs to every AWS CLI command rather than to this operation.
    public var isGlobal: Bool
    /// For a boolean parameter's flag: the value it sets (`--force-delete` true, `--no-force-delete` false).
    public var flagValue: Bool?
    /// For the options the CLI adds to a paginated operation: which one it is.
    public var paging: PagingOption?

    init(
        _ name: String, _ arity: OptionArity, choices: [String]? = nil, isInteger: Bool = false,
        parameter: String? = nil, isGlobal: Bool, flagValue: Bool? = nil, paging: PagingOption? = nil
    ) {
        self.name = name
        self.arity = arity
        self.choices = choices
        self.isInteger = isInteger
        self.parameter = parameter
        self.isGlobal = isGlobal
        self.flagValue = flagValue
        self.paging = paging
    }
}

/// The options the AWS CLI adds to an operation it pages through itself.
public enum PagingOption: String, Sendable, Hashable {
    /// `--starting-token`: the token of the first page to fetch.
    case startingToken = "--starting-token"
    /// `--page-size`: sent as the operation's page-size member (`MaxResults`).
    case pageSize = "--page-size"
    /// `--max-items`: how many items the CLI prints in all; not sent.
    case maxItems = "--max-items"
}

/// The options of `aws workmail put-identity-provider-configuration`, operation and global.
public enum CommandOptions {
    public static let cliInputJSON = "--cli-input-json"
    public static let cliInputYAML = "--cli-input-yaml"
    public static let generateSkeleton = "--generate-cli-skeleton"
    public static let region = "--region"
    public static let endpointURL = "--endpoint-url"
    public static let query = "--query"

    public static let operation: [OptionSpec] =
        OperationModel.requestShape.memberNames.map {
            OptionSpec(OperationModel.optionName(of: $0), .value, parameter: $0, isGlobal: false)
        } + [
            OptionSpec(cliInputJSON, .value, isGlobal: false),
            OptionSpec(cliInputYAML, .value, isGlobal: false),
            OptionSpec(
                generateSkeleton, .optionalValue, choices: ["input", "yaml-input", "output"], isGlobal: false),
        ]

    public static let global: [OptionSpec] = [
        OptionSpec("--debug", .flag, isGlobal: true),
        OptionSpec(endpointURL, .value, isGlobal: true),
        OptionSpec("--no-verify-ssl", .flag, isGlobal: true),
        OptionSpec("--no-paginate", .flag, isGlobal: true),
        OptionSpec("--output", .value, choices: ["json", "text", "table", "yaml", "yaml-stream"], isGlobal: true),
        OptionSpec(query, .value, isGlobal: true),
        OptionSpec("--profile", .value, isGlobal: true),
        OptionSpec(region, .value, isGlobal: true),
        OptionSpec("--version", .flag, isGlobal: true),
        OptionSpec("--color", .value, choices: ["on", "off", "auto"], isGlobal: true),
        OptionSpec("--no-sign-request", .flag, isGlobal: true),
        OptionSpec("--ca-bundle", .value, isGlobal: true),
        OptionSpec("--cli-read-timeout", .value, isInteger: true, isGlobal: true),
        OptionSpec("--cli-connect-timeout", .value, isInteger: true, isGlobal: true),
        OptionSpec("--cli-binary-format", .value, choices: ["base64", "raw-in-base64-out"], isGlobal: true),
        OptionSpec("--no-cli-pager", .flag, isGlobal: true),
        OptionSpec("--cli-auto-prompt", .flag, isGlobal: true),
        OptionSpec("--no-cli-auto-prompt", .flag, isGlobal: true),
    ]

    public static let all: [OptionSpec] = operation + global

    /// Whether the AWS CLI takes `name` as a region name: a host label of at most 63 ASCII letters, digits and
    /// `-`, not only digits, neither starting nor ending with `-` (botocore's `validate_region_name`). The empty name
    /// passes here; the CLI then uses no region.
    public static func isRegionName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count <= 63 else { return false }
        guard !bytes.isEmpty else { return true }
        let isLabelByte = { (byte: UInt8) in
            byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39)
                || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        return bytes.allSatisfy(isLabelByte) && bytes.first != UInt8(ascii: "-") && bytes.last != UInt8(ascii: "-")
            && !bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The option spelt exactly `name`.
    public static func exact(_ name: String) -> OptionSpec? {
        all.first { $0.name == name }
    }

    /// The options `name` is a prefix of (argparse's abbreviation rule), among `candidates`.
    public static func expansions(of name: String, among candidates: [OptionSpec] = all) -> [OptionSpec] {
        candidates.filter { $0.name.hasPrefix(name) }
    }
}
