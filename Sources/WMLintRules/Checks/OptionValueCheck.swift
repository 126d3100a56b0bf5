import WMLintModel
import WMLintSource
import WMLintSyntax

/// `option-value`: a command line the AWS CLI refuses before it sends anything: an option without its value, a
/// value it does not take, a stray word, a misspelt service or operation name.
enum OptionValueCheck {
    /// The service or operation name `written` at `range` of `path`, where `expected` belongs.
    static func misspeltName(
        _ part: OptionFinding.NamePart, written: String, expected: String, at range: SourceRange, path: String
    ) -> Diagnostic {
        let kind =
            switch part {
            case .service: "service"
            case .operation: "operation"
            }
        return Diagnostic(
            rule: .optionValue,
            message: "unknown \(kind) \(quoted(written)); the AWS CLI refuses it",
            path: path, range: range,
            help: [didYouMean(expected)],
            fixes: [
                Fix(
                    message: "replace with '\(expected)'",
                    edits: [TextEdit(path: path, range: range, replacement: expected)])
            ])
    }

    /// The global option `option` (its name at `range` of `path`) took the service name as its value.
    static func swallowedService(option: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .optionValue,
            message: "\(option) expects a value; it takes 'workmail' as its value here, so the AWS CLI reads "
                + "'put-identity-provider-configuration' as the service name",
            path: path, range: range)
    }

    /// A stray word `text` at `range` of `path`.
    static func strayArgument(text: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .optionValue,
            message: "unexpected argument \(quoted(text)); the command takes only options",
            path: path, range: range,
            help: ["quote a value that contains spaces, or remove the stray word"])
    }

    /// The flag `option` given the value `value` at `range` of `path`.
    static func unexpectedValue(option: String, value: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(
            rule: .optionValue, message: "\(option) takes no value, found \(quoted(value))", path: path, range: range)
    }

    /// The option `option` (its name at `range` of `path`) without the value it takes.
    static func missingValue(option: String, at range: SourceRange, path: String) -> Diagnostic {
        Diagnostic(rule: .optionValue, message: "\(option) expects a value", path: path, range: range)
    }

    /// The paging option `option` at `range` of `path`, given while `disabledBy` (at `disabledAt`) turns the CLI's
    /// paging off.
    static func pagingOff(
        option: String, at range: SourceRange, disabledBy: String, disabledAt: SourceRange, path: String
    ) -> Diagnostic {
        Diagnostic(
            rule: .optionValue,
            message: "\(option) cannot be used while the AWS CLI's paging is off, and \(disabledBy) turns it off; "
                + "the AWS CLI refuses the command",
            path: path, range: range,
            help: [
                disabledBy == "--no-paginate"
                    ? "remove \(option), or let the CLI page (remove --no-paginate)"
                    : "use \(option) or \(disabledBy), not both"
            ],
            related: [RelatedLocation(message: "\(disabledBy) given here", path: path, range: disabledAt)])
    }

    /// The value `value` of `option`, at `range` of `path`, refused for `problem`.
    static func badValue(
        option: String, value: String, problem: OptionFinding.ValueProblem, at range: SourceRange, path: String
    ) -> Diagnostic {
        let (message, help) = badValueWording(option: option, value: value, problem: problem)
        return Diagnostic(rule: .optionValue, message: message, path: path, range: range, help: help)
    }
}

/// The message and help lines for a refused option value.
private func badValueWording(
    option: String, value: String, problem: OptionFinding.ValueProblem
) -> (message: String, help: [String]) {
    switch problem {
    case .invalidQuery(let error):
        if case .tooDeep = error.kind {
            return (
                "\(quoted(value)) is nested too deeply to check as a JMESPath expression for --query: \(error); "
                    + "the AWS CLI itself refuses expressions nested a few hundred levels deep", []
            )
        }
        return (
            "\(quoted(value)) is not a valid JMESPath expression for --query: \(error); the AWS CLI refuses the command",
            []
        )
    case .notAChoice(let choices):
        return (
            "\(quoted(value)) is not a valid value for \(option); expected "
                + choices.map { "'\($0)'" }.joined(separator: ", "),
            didYouMean(Spelling.nearest(to: value, in: choices))
        )
    case .emptyRegion:
        return ("--region is empty; the AWS CLI builds no endpoint from it", [])
    case .invalidRegion:
        let isBlank = { (character: Character) in character.isWhitespace }
        let trimmed = String(value.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
        return (
            "\(quoted(value)) is not a valid value for --region: a region name is letters, digits and inner '-'; "
                + "the AWS CLI refuses the command",
            trimmed != value && CommandOptions.isRegionName(trimmed) ? [didYouMean(trimmed)] : []
        )
    case .timeoutNotWholeNumber:
        return (
            "\(quoted(value)) is not a valid value for \(option); expected a whole number of seconds, as Python's "
                + "int() reads it", []
        )
    case .negativeTimeout:
        return (
            "\(quoted(value)) is not a valid value for \(option); a timeout cannot be negative (0 means no timeout)",
            []
        )
    case .notWholeNumber:
        return (
            "\(quoted(value)) is not a valid value for \(option); expected a whole number, as Python's int() reads it",
            []
        )
    case .invalidEndpoint(let endpoint):
        let message =
            "\(quoted(value)) is not a valid value for --endpoint-url: \(endpointWording(endpoint)); the AWS CLI "
            + "refuses the command"
        guard case .noScheme = endpoint else { return (message, []) }
        let host = String(value.drop { $0 == " " || $0 == "/" })
        return (message, host.isEmpty ? ["give a URL such as 'https://HOST'"] : ["did you mean 'https://\(host)'?"])
    }
}

/// What is wrong with an `--endpoint-url`, as the message says it.
private func endpointWording(_ problem: OptionFinding.EndpointProblem) -> String {
    switch problem {
    case .noScheme, .noSchemeSeparator: "it has no scheme"
    case .lineBreak: "it holds a tab or a line break"
    case .noHost: "it has no host"
    case .unclosedIPv6: "its IPv6 address has no closing ']'"
    case .notIPv6(let address): "\(quoted(address)) is not an IPv6 address"
    case .hostTooLong: "its host name is longer than 255 characters"
    case .invalidHost(let host): "\(quoted(host)) is not a valid host name"
    }
}
