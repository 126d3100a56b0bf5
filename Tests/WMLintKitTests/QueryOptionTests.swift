import Testing
import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// `--query` values through the command line: only the last one is compiled as JMESPath, as the AWS CLI does.
private let op = "aws workmail put-identity-provider-configuration"

/// The command line's diagnostics for the first command of `script`, as the rules word them.
private func worded(_ script: String) throws -> (diagnostics: [Diagnostic], findings: [OptionFinding]) {
    let file = SourceFile(path: "t.sh", text: script)
    let command = try #require(ShellScanner.scan(SourceText(file: file)).commands.first)
    let invocation = try #require(InvocationParser.parse(command, path: "t.sh"))
    return (invocation.findings.map { $0.diagnostic(path: "t.sh") }, invocation.findings)
}

@Suite struct QueryOptionTests {
    @Test func anInvalidQueryIsAnOptionValueErrorAtTheValue() throws {
        let script = op + " --query 'a=b'"
        let parsed = try worded(script)
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1)
        #expect(diagnostic.rule == .optionValue)
        #expect(diagnostic.severity == .error)
        #expect(
            diagnostic.message
                == "'a=b' is not a valid JMESPath expression for --query: unknown token '=' at column 2; "
                + "the AWS CLI refuses the command")
        let start = script.utf8.count - "'a=b'".utf8.count
        #expect(diagnostic.range == .bytes(start, script.utf8.count))
    }

    @Test(arguments: [
        " --query 'Instances[0].InstanceArn'", " --query=Instances[0].InstanceArn", " --query \"$Q\"",
        " --query \"${Q}[0]\"", " --query 'a=b' --query 'a'",
    ])
    func validOrUnknownQueriesAreClean(_ options: String) throws {
        let parsed = try worded(op + options)
        #expect(!parsed.diagnostics.contains { $0.rule == .optionValue })
    }

    @Test func onlyTheLastQueryIsCompiled() throws {
        let parsed = try worded(op + " --query a --query 'x[' --region us-east-1")
        let errors = parsed.diagnostics.filter { $0.rule == .optionValue }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("'x[' is not a valid JMESPath expression") == true)
    }

    @Test(arguments: [
        (" --query ''", "'' is not a valid JMESPath expression for --query: cannot be empty"),
        (" --query=", "'' is not a valid JMESPath expression for --query: cannot be empty"),
        (" --query ' '", "' ' is not a valid JMESPath expression for --query: incomplete expression at column 2"),
        (" --query '\"日本\" = a'", "'\"日本\" = a' is not a valid JMESPath expression for --query: unknown token '='"),
    ])
    func emptyBlankAndMultiByteQueries(_ options: String, _ message: String) throws {
        let parsed = try worded(op + options)
        let diagnostic = try #require(parsed.diagnostics.first { $0.rule == .optionValue })
        #expect(diagnostic.message.hasPrefix(message))
    }

    @Test func aQueryNestedTooDeeplySaysSo() throws {
        let query = String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)
        let parsed = try worded(op + " --query '\(query)'")
        let diagnostic = try #require(parsed.diagnostics.first { $0.rule == .optionValue })
        #expect(diagnostic.message.contains("is nested too deeply to check as a JMESPath expression for --query"))
        #expect(diagnostic.message.contains("nested deeper than 256 levels at column 257"))
    }
}
