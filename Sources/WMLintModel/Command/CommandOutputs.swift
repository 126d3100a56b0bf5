public import WMLintSource
public import WMLintSyntax

/// Where a value of a script comes from, as far as the script shows it.
public enum ValueSource: Hashable, Sendable {
    /// A value written in the script (through variables or not).
    case text(String)
    /// The output of the command substitution at this range of the file (`$(aws …)`), directly or through a
    /// variable set to it.
    case output(SourceRange)
}

/// A value's source and where the value is given.
public struct LocatedSource: Hashable, Sendable {
    public var source: ValueSource
    public var path: String
    /// The value, or the `$NAME` that stands for it, in the file.
    public var range: SourceRange { location.map(\.contentRange) ?? given }
    private var given: SourceRange
    /// The value's location in a bound request, whose characters are found only when a diagnostic needs them.
    private var location: ValueLocation?

    public init(source: ValueSource, path: String, range: SourceRange) {
        self.source = source
        self.path = path
        given = range
    }

    /// A value of a bound request.
    public init(source: ValueSource, location: ValueLocation) {
        self.source = source
        path = location.path
        given = location.range
        self.location = location
    }
}

/// What an `aws … --query Q --output text` command prints, for the commands whose output a WorkMail–Identity
/// Center script passes on.
public enum CommandOutput: Hashable, Sendable {
    /// An Identity Center instance ARN (`aws sso-admin list-instances --query 'Instances[0].InstanceArn'`).
    case instanceArn
    /// The ARN of an application WorkMail created (`aws workmail create-identity-center-application --query
    /// ApplicationArn`) for the instance its `--instance-arn` names (`nil` when that is not known).
    case workMailApplication(instance: LocatedSource?)
    /// The ARN of an application Identity Center created by itself (`aws sso-admin create-application --query
    /// ApplicationArn`), which WorkMail cannot use.
    case foreignApplication

    /// The commands whose output is known: service, operation, the `--query` expressions that select the value,
    /// and what they give. The CLI prints the selected value as it is with `--output text`.
    static let known: [(service: String, operation: String, queries: [String], output: CommandOutput)] = [
        ("sso-admin", "list-instances", ["Instances[0].InstanceArn", "Instances[].InstanceArn | [0]"], .instanceArn),
        (
            "workmail", "create-identity-center-application", ["ApplicationArn"],
            .workMailApplication(instance: nil)
        ),
        ("sso-admin", "create-application", ["ApplicationArn"], .foreignApplication),
    ]

    /// Whether `service` `operation` is one of the ``known`` commands, whose output may be known.
    public static func mayPrint(service: String, operation: String) -> Bool {
        known.contains { $0.service == service && $0.operation == operation }
    }

    /// What `command` prints, when it is one of the ``known`` commands with `--output text` and one of their
    /// queries; `instance` is the source of its `--instance-arn` value, for a WorkMail application.
    public static func of(
        _ command: ShellCommand, service: String, operation: String, instance: LocatedSource? = nil
    ) -> CommandOutput? {
        guard let output = lastValue(of: "--output", in: command), output.isStatic, output.text == "text",
            let query = lastValue(of: "--query", in: command), query.isStatic
        else { return nil }
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        let expression = String(query.text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        guard
            let entry = known.first(where: {
                $0.service == service && $0.operation == operation && $0.queries.contains(expression)
            })
        else { return nil }
        if case .workMailApplication = entry.output { return .workMailApplication(instance: instance) }
        return entry.output
    }

    /// The value of the last `NAME VALUE` or `NAME=VALUE` option among the command's words, spelt in full.
    public static func lastValue(of name: String, in command: ShellCommand) -> ShellWord? {
        var found: ShellWord?
        let length = name.utf8.count
        var index = 1
        let words = command.words
        while index < words.count {
            let word = words[index]
            if word.isStatic && word.text == name, index + 1 < words.count {
                found = words[index + 1]
                index += 2
                continue
            }
            let text = word.text.utf8
            if text.count > length, text.starts(with: name.utf8),
                text[text.index(text.startIndex, offsetBy: length)] == UInt8(ascii: "=")
            {
                found = word.suffix(fromByte: length + 1)
            }
            index += 1
        }
        return found
    }
}
