import Foundation
import Testing
import WMLintKit
import WMLintSource

/// One re-quoting case: a script with the edited range marked `⏩…⏪`, the value written there, the script
/// expected, and what the shell prints when it runs that script.
struct QuotingCase: CustomTestStringConvertible, Sendable {
    var name: String
    var script: String
    var value: String
    var expected: String
    var printed: String
    var context: ShellQuoteContext

    var testDescription: String { name }

    /// The script without markers and the marked range (0-based UTF-8 byte offsets).
    func unmarked() -> (text: String, range: Range<Int>)? {
        guard let start = byteOffset(of: "⏩", in: script) else { return nil }
        let withoutStart = script.replacingOccurrences(of: "⏩", with: "")
        guard let end = byteOffset(of: "⏪", in: withoutStart) else { return nil }
        return (withoutStart.replacingOccurrences(of: "⏪", with: ""), start..<end)
    }
}

let quotingCases: [QuotingCase] = [
    QuotingCase(
        name: "single quotes", script: "printf %s 'a⏩X⏪b'", value: "it's", expected: #"printf %s 'ait'\''sb'"#,
        printed: "ait'sb", context: .singleQuoted),
    QuotingCase(
        name: "double quotes", script: #"printf %s "a⏩X⏪b""#, value: #"$HOME "q" \ `x`"#,
        expected: #"printf %s "a\$HOME \"q\" \\ \`x\`b""#, printed: #"a$HOME "q" \ `x`b"#, context: .doubleQuoted),
    QuotingCase(
        name: "unquoted", script: "printf %s a⏩X⏪b", value: "x y;z*", expected: "printf %s a'x y;z*'b",
        printed: "ax y;z*b", context: .unquoted),
    QuotingCase(
        name: "unquoted with a quote and a newline", script: "printf %s ⏩X⏪", value: "it's\nok",
        expected: "printf %s 'it'\\''s\nok'", printed: "it's\nok", context: .unquoted),
    QuotingCase(
        name: "unquoted, nothing special", script: "printf %s --status ⏩Activ⏪", value: "ACTIVE",
        expected: "printf %s --status ACTIVE", printed: "--statusACTIVE", context: .unquoted),
    QuotingCase(
        name: "unquoted empty word", script: "printf '[%s]' ⏩X⏪", value: "", expected: "printf '[%s]' ''",
        printed: "[]", context: .unquoted),
    QuotingCase(
        name: "ANSI-C quotes", script: "printf %s $'a\\t⏩X⏪b'", value: #"it's \n"#,
        expected: #"printf %s $'a\tit\'s \\nb'"#, printed: "a\tit's \\nb", context: .dollarSingleQuoted),
    QuotingCase(
        name: "JSON inside single quotes", script: #"printf %s '{"Name": ⏩"x"⏪}'"#, value: #""it's""#,
        expected: #"printf %s '{"Name": "it'\''s"}'"#, printed: #"{"Name": "it's"}"#, context: .singleQuoted),
    QuotingCase(
        name: "JSON inside double quotes", script: #"printf %s "{\"Status\": ⏩\"Activ\"⏪}""#,
        value: #""ACTIVE""#, expected: #"printf %s "{\"Status\": \"ACTIVE\"}""#, printed: #"{"Status": "ACTIVE"}"#,
        context: .doubleQuoted),
    QuotingCase(
        name: "single quotes spanning lines", script: "printf %s 'one\ntwo ⏩X⏪'", value: "a'b",
        expected: "printf %s 'one\ntwo a'\\''b'", printed: "one\ntwo a'b", context: .singleQuoted),
    QuotingCase(
        name: "substitution inside double quotes", script: #"printf %s "$(printf %s ⏩X⏪)""#, value: "a  b",
        expected: #"printf %s "$(printf %s 'a  b')""#, printed: "a  b", context: .unquoted),
    QuotingCase(
        name: "double quotes inside a substitution", script: #"printf %s $(printf %s "⏩X⏪")"#, value: "$x",
        expected: #"printf %s $(printf %s "\$x")"#, printed: "$x", context: .doubleQuoted),
    QuotingCase(
        name: "after a comment holding a quote", script: "# it's a comment\nprintf %s ⏩X⏪", value: "a b",
        expected: "# it's a comment\nprintf %s 'a b'", printed: "a b", context: .unquoted),
    QuotingCase(
        name: "a quote after a word is no comment", script: "printf %s a#'⏩X⏪'", value: "'",
        expected: #"printf %s a#''\'''"#, printed: "a#'", context: .singleQuoted),
    QuotingCase(
        name: "escaped quote before", script: #"printf %s \'"⏩X⏪""#, value: "$",
        expected: #"printf %s \'"\$""#, printed: "'$", context: .doubleQuoted),
    QuotingCase(
        name: "quoted here-document", script: "cat <<'EOF'\n⏩X⏪ 'q'\nEOF", value: "$x `y` \\",
        expected: "cat <<'EOF'\n$x `y` \\ 'q'\nEOF", printed: "$x `y` \\ 'q'\n", context: .literal),
    QuotingCase(
        name: "unquoted here-document", script: "cat <<-EOF\n\t'⏩X⏪'\n\tEOF\nprintf %s ' after'", value: "$x `y`",
        expected: "cat <<-EOF\n\t'\\$x \\`y\\`'\n\tEOF\nprintf %s ' after'", printed: "'$x `y`'\n after",
        context: .heredoc),
    QuotingCase(
        name: "after a here-document", script: "cat <<EOF\nit's\nEOF\nprintf %s ⏩X⏪", value: "a b",
        expected: "cat <<EOF\nit's\nEOF\nprintf %s 'a b'", printed: "it's\na b", context: .unquoted),
    QuotingCase(
        name: "after an arithmetic shift (no here-document)", script: "echo $(( 1 << 2 ))\nprintf %s ⏩X⏪",
        value: "a b", expected: "echo $(( 1 << 2 ))\nprintf %s 'a b'", printed: "4\na b", context: .unquoted),
    QuotingCase(
        name: "multi-byte text", script: "printf %s '日本語⏩X⏪🎉'", value: "🎉'é",
        expected: "printf %s '日本語🎉'\\''é🎉'", printed: "日本語🎉'é🎉", context: .singleQuoted),
    QuotingCase(
        name: "parameter default inside double quotes", script: #"printf %s "${UNSET_VAR:-⏩X⏪}""#, value: #"a"b"#,
        expected: #"printf %s "${UNSET_VAR:-a\"b}""#, printed: #"a"b"#, context: .doubleQuoted),
]

@Suite("FixShellQuoting")
struct FixShellQuotingTests {
    @Test(arguments: quotingCases)
    func requotesForTheContext(_ testCase: QuotingCase) throws {
        let (text, range) = try #require(testCase.unmarked())
        let bytes = Array(text.utf8)
        #expect(ShellQuoting.context(in: bytes, at: range.lowerBound) == testCase.context)
        let diagnostic = fixDiagnostic(.enumValue, "s.sh", range.lowerBound, range.upperBound, testCase.value)
        let plan = FixPlanner(shellScripts: ["s.sh"]).plan([diagnostic], contents: ["s.sh": bytes])
        let fixed = String(decoding: plan.output(for: "s.sh", original: bytes), as: UTF8.self)
        #expect(fixed == testCase.expected)
    }

    @Test(arguments: quotingCases)
    func theShellReadsTheValueBack(_ testCase: QuotingCase) throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let output = try runBash(testCase.expected)
        #expect(output == testCase.printed)
    }

    @Test func contextsAtManyOffsetsInOnePass() {
        let bytes = Array(#"a 'b' "c $'d' $(e 'f')" $'g\'h' # 'i"#.utf8)
        let offsets = [0, 4, 8, 11, 17, 20, 27, 33, 1000]
        let expected: [ShellQuoteContext] = [
            .unquoted, .singleQuoted, .doubleQuoted, .doubleQuoted, .unquoted, .singleQuoted, .dollarSingleQuoted,
            .literal, .literal,
        ]
        #expect(ShellQuoting.contexts(in: bytes, at: offsets) == expected)
        // The order of the offsets does not matter.
        #expect(ShellQuoting.contexts(in: bytes, at: offsets.reversed()) == expected.reversed())
    }

    @Test func unterminatedQuotesAndDeepNestingDoNotTrap() {
        let open = Array("printf %s 'never closed".utf8)
        #expect(ShellQuoting.context(in: open, at: open.count) == .singleQuoted)
        let nested = Array(String(repeating: "$(\"", count: 100).utf8)
        #expect(ShellQuoting.context(in: nested, at: nested.count) == .doubleQuoted)
        // Past 256 frames nesting is no longer followed; the scan still ends.
        let deep = Array(String(repeating: "$(\"", count: 100_000).utf8)
        #expect([.unquoted, .doubleQuoted].contains(ShellQuoting.context(in: deep, at: deep.count)))
        let backslash = Array("a\\".utf8)
        #expect(ShellQuoting.context(in: backslash, at: backslash.count) == .unquoted)
        #expect(ShellQuoting.contexts(in: [], at: [0, 5]) == [.unquoted, .unquoted])
    }

    @Test(arguments: [
        (ShellQuoteContext.singleQuoted, "plain value", false), (.singleQuoted, "it's", true),
        (.doubleQuoted, "it's", false), (.doubleQuoted, "a$b", true), (.unquoted, "ACTIVE", false),
        (.unquoted, "a b", true), (.dollarSingleQuoted, "a\"b", false), (.dollarSingleQuoted, "a\\b", true),
        (.literal, "'\"$", false),
    ])
    func needsQuoting(_ context: ShellQuoteContext, _ value: String, _ expected: Bool) {
        #expect(ShellQuoting.needsQuoting(value, in: context) == expected)
        if !expected { #expect(ShellQuoting.quote(value, for: context) == value) }
    }

    /// Runs `script` with bash in a temporary directory and returns what it prints.
    func runBash(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", script]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
