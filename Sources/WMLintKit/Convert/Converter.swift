import WMLintModel
import WMLintSource
import WMLintSyntax

/// What `convert` prints.
public enum ConvertTarget: String, CaseIterable, Sendable {
    case json, yaml, command
}

/// `wmlint convert`: prints each request as the AWS CLI would send it.
public enum Converter {
    /// The converted requests, one value per invocation or document, each followed by a newline; the report
    /// holds the diagnostics (for stderr) and decides the exit code.
    public static func convert(_ options: LintOptions, to target: ConvertTarget) throws(WMLintError) -> (
        output: String, report: LintReport, allConverted: Bool
    ) {
        var options = options
        options.forcesNamedDocuments = true
        options.buildsWholeValues = true
        options.recordsRequests = true
        let report = try Linter.run(options)
        var output = ""
        var allConverted = true
        var converted = 0
        for request in report.requests {
            guard case .sends(let body) = request.outcome else {
                allConverted = false
                continue
            }
            switch target {
            case .json: output += JSONWriter.write(body, indent: 4) + "\n"
            case .yaml: output += (converted > 0 ? "---\n" : "") + YAMLText.write(body)
            case .command:
                output += commandLine(body, operation: request.operation, globalOptions: request.globalOptions) + "\n"
            }
            converted += 1
        }
        return (output, report, allConverted)
    }

    /// An equivalent `aws workmail OPERATION` line: the command's global options as it gave them, right after the
    /// operation, then the parameters, structures as compact JSON, booleans as their flags.
    static func commandLine(
        _ body: SyntaxNode, operation: String = OperationModel.operation,
        globalOptions: [(name: String, value: String?)] = []
    ) -> String {
        var words = ["aws", OperationModel.service, operation]
        for option in globalOptions {
            words.append(option.name)
            if let value = option.value { words.append(value) }
        }
        guard case .object(let members) = body.value else { return words.joined(separator: " ") }
        // A string with an unpaired surrogate cannot be a command-line word: it goes in a `--cli-input-json`
        // document, whose JSON escapes the CLI decodes to exactly that string.
        var unpaired: [Member] = []
        for member in JSONWriter.lastValues(members) {
            switch member.value.value {
            case .string where member.value.utf16 != nil:
                unpaired.append(member)
            case .string(let text):
                words += [OperationModel.optionName(of: member.key), shellQuote(text)]
            case .bool(let value):
                let option = OperationModel.optionName(of: member.key)
                words.append(value ? option : "--no-" + option.dropFirst(2))
            case .number(let number):
                words += [OperationModel.optionName(of: member.key), number.lexeme]
            default:
                words += [OperationModel.optionName(of: member.key), shellQuote(JSONWriter.writeCompact(member.value))]
            }
        }
        if !unpaired.isEmpty {
            let document = SyntaxNode(.object(unpaired), range: body.range)
            words += [CommandOptions.cliInputJSON, shellQuote(JSONWriter.writeCompact(document))]
        }
        return words.joined(separator: " ")
    }

    /// Quotes a word for a POSIX shell: bare when safe, else in single quotes.
    static func shellQuote(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || "-_./:=@,+%".utf8.contains(byte)
            }
        if safe { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }
}

/// A minimal YAML writer: block mappings and sequences, scalars as JSON literals (valid YAML 1.2).
enum YAMLText {
    static func write(_ node: SyntaxNode) -> String {
        var output = ""
        write(node, level: 0, into: &output, inline: false)
        if !output.hasSuffix("\n") { output += "\n" }
        return output
    }

    private static func write(_ node: SyntaxNode, level: Int, into output: inout String, inline: Bool) {
        let indent = String(repeating: "  ", count: level)
        switch node.value {
        case .object(let members):
            let unique = JSONWriter.lastValues(members)
            if unique.isEmpty {
                output += (inline ? " " : "") + "{}\n"
                return
            }
            if inline { output += "\n" }
            for member in unique {
                output += indent + scalar(member.key) + ":"
                write(member.value, level: level + 1, into: &output, inline: true)
            }
        case .array(let items):
            if items.isEmpty {
                output += (inline ? " " : "") + "[]\n"
                return
            }
            if inline { output += "\n" }
            for item in items {
                output += indent + "-"
                write(item, level: level + 1, into: &output, inline: true)
            }
        case .string(let text):
            // A string with an unpaired surrogate is written as its JSON literal (a double-quoted YAML scalar).
            output += (inline ? " " : "") + (node.utf16 == nil ? scalar(text) : JSONWriter.write(node)) + "\n"
        default:
            output += (inline ? " " : "") + JSONWriter.write(node) + "\n"
        }
    }

    /// A string as a plain scalar when YAML 1.1 and 1.2 both read it back as that string, else double-quoted.
    private static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]
        let isPlain =
            text.utf8.first.map { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) } == true
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || "_./:-".utf8.contains(byte)
            }
            && !text.hasSuffix(":") && !reserved.contains(text.lowercased())
        return isPlain ? text : JSONWriter.stringLiteral(text)
    }
}
