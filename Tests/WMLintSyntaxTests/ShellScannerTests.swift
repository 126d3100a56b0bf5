import Foundation
import Testing
import WMLintSource

@testable import WMLintSyntax

/// Scans `script` as the whole file `t.sh`.
private func scan(_ script: String) -> ShellScript {
    ShellScanner.scan(SourceText(bytes: Array(script.utf8), path: "t.sh"))
}

/// The words of each `aws` command found in `script`.
private func words(_ script: String) -> [[String]] {
    scan(script).commands.map { $0.words.map(\.text) }
}

/// The UTF-8 offset of the `occurrence`-th `needle` in `haystack`.
private func offset(of needle: String, in haystack: String, occurrence: Int = 0) -> Int {
    let bytes = Array(haystack.utf8)
    let pattern = Array(needle.utf8)
    var seen = 0
    var position = 0
    while position + pattern.count <= bytes.count {
        if Array(bytes[position..<(position + pattern.count)]) == pattern {
            if seen == occurrence { return position }
            seen += 1
        }
        position += 1
    }
    return -1
}

@Suite struct ShellScannerTests {
    // MARK: Words and maps

    @Test func splitsASimpleCommand() throws {
        let script = "aws workmail put-identity-provider-configuration --organization-id m-1\n"
        let result = scan(script)
        let command = try #require(result.commands.first)
        #expect(result.commands.count == 1)
        #expect(
            command.words.map(\.text) == [
                "aws", "workmail", "put-identity-provider-configuration", "--organization-id", "m-1",
            ]
        )
        #expect(command.words[0].range == .bytes(0, 3))
        #expect(command.words[4].range == .bytes(67, 70))
        #expect(command.range == .bytes(0, 70))
        #expect(command.words.allSatisfy { $0.isStatic })
        #expect(command.syntaxError == nil)
        #expect(command.words[1].map.starts == [4, 5, 6, 7, 8, 9, 10, 11, 12])
    }

    @Test func stepsOverQuotedArgumentsOfOtherCommandsAndScansTheirSubstitutions() throws {
        // Quoted and `$` arguments of a command that is not `aws`, with a substitution holding one, over CRLF
        // lines, tabs and multi-byte text; a fault in such an argument is not reported.
        let script =
            "echo\t'日本 語' \"é $(aws s3 ls \"$B\")\" $'\\t' $X\r\n"
            + "printf \"%s\" 'unterminated\r\naws ec2 x\n"
        let result = scan(script)
        let command = try #require(result.commands.first)
        #expect(result.commands.count == 1)
        #expect(command.words.map(\.text) == ["aws", "s3", "ls", "$B"])
        let start = offset(of: "aws s3", in: script)
        let end = offset(of: "\")\" $'", in: script) + 1
        #expect(command.range == .bytes(start, end))
        #expect(command.syntaxError == nil)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func mapsJSONInsideDoubleQuotesThroughEscapes() throws {
        let script = #"aws x --p "{\"Key\":\"v\"}""#
        let word = try #require(scan(script).commands.first?.words.last)
        #expect(word.text == #"{"Key":"v"}"#)
        #expect(word.range == .bytes(10, script.utf8.count))
        // The decoded `"Key"` (bytes 1..<6) came from `\"Key\"` in the file.
        let keyStart = offset(of: #"\"Key"#, in: script)
        #expect(word.map.fileRange(1..<6) == .bytes(keyStart, keyStart + 7))
        // The decoded `"` maps to the two bytes `\"`.
        #expect(word.map.fileRange(1..<2) == .bytes(keyStart, keyStart + 2))
        // The end of the text is just before the closing quote.
        #expect(word.map.fileRange(11..<11) == .bytes(script.utf8.count - 1, script.utf8.count - 1))
    }

    @Test func mapsAcrossLineContinuations() throws {
        let script = "aws x \"ab\\\ncd\" ef\\\ngh\n"
        let command = try #require(scan(script).commands.first)
        #expect(command.words.map(\.text) == ["aws", "x", "abcd", "efgh"])
        let quoted = command.words[2]
        // `c` sits after the backslash-newline.
        #expect(quoted.map.fileRange(2..<3) == .bytes(11, 12))
        #expect(quoted.map.fileRange(0..<4) == .bytes(7, 13))
        let bare = command.words[3]
        #expect(bare.map.fileRange(2..<4) == .bytes(19, 21))
        #expect(bare.map.fileRange(1..<3) == .bytes(16, 20))
        #expect(bare.range == .bytes(15, 21))
    }

    @Test func decodesQuotesAndEscapes() {
        #expect(words(#"aws 'a b' "c d" e\ f 'x'"y"z "" ''"#) == [["aws", "a b", "c d", "e f", "xyz", "", ""]])
        #expect(words(#"aws "a\b\$c\`d\\e\"f""#) == [["aws", #"a\b$c`d\e"f"#]])
        #expect(words(#"aws 'no\escape"here' \'\"\\"#) == [["aws", #"no\escape"here"#, #"'"\"#]])
        #expect(words("aws '#not' a#b").first == ["aws", "#not", "a#b"])
    }

    @Test func decodesANSICStrings() throws {
        let script = #"aws $'a\nb\t\x41\u00e9\101\cA\'q\e\\\z' $'x\0y'z"#
        let command = try #require(scan(script).commands.first)
        #expect(command.words[1].text == "a\nb\tAé" + "A\u{1}'q\u{1B}\\\\z")
        #expect(command.words[2].text == "xz")
        // `é` (two bytes) maps to its whole escape `\u00e9`.
        let escape = offset(of: #"\u00e9"#, in: script)
        let decodedE = Array("a\nb\tA".utf8).count
        #expect(command.words[1].map.fileRange(decodedE..<(decodedE + 2)) == .bytes(escape, escape + 6))
        #expect(command.words[1].isStatic)
    }

    @Test func repairsInvalidUTF8FromHexEscapes() throws {
        let word = try #require(scan(#"aws $'a\xFFb'"#).commands.first?.words.last)
        #expect(word.text == "a\u{FFFD}b")
        #expect(word.map.starts.count == word.text.utf8.count + 1)
        #expect(word.map.fileRange(1..<4) == .bytes(7, 11))
    }

    // MARK: Expansions

    @Test func keepsExpansionsAsWritten() throws {
        let script = #"aws "--org=$X" "$@" ${A:-b}c $((1+2)) `date` $(id -u) a$ "$" $ "#
        let command = try #require(scan(script).commands.first)
        #expect(
            command.words.map(\.text) == [
                "aws", "--org=$X", "$@", "${A:-b}c", "$((1+2))", "`date`", "$(id -u)", "a$", "$", "$",
            ]
        )
        let org = command.words[1]
        let dollar = offset(of: "$X", in: script)
        #expect(org.expansions == [.bytes(dollar, dollar + 2)])
        #expect(!org.isStatic)
        #expect(command.words[2].expansions.count == 1)
        #expect(command.words[3].expansions == [.bytes(offset(of: "${", in: script), offset(of: "}c", in: script) + 1)])
        #expect(command.words[7].isStatic)
        #expect(command.words[8].isStatic)
        #expect(command.words[9].isStatic)
    }

    // MARK: Where commands start

    @Test(arguments: [
        ("if aws a; then aws b; elif aws c; else aws d; fi", ["a", "b", "c", "d"]),
        ("while aws a; do aws b; done; until aws c; do :; done", ["a", "b", "c"]),
        ("! aws a && aws b || aws c | aws d & aws e; aws f |& aws g", ["a", "b", "c", "d", "e", "f", "g"]),
        ("{ aws a; }; (aws b); ( ( aws c ) )", ["a", "b", "c"]),
        ("x=$(aws a) y=`aws b` z=\"$(aws c)\"", ["a", "b", "c"]),
        ("f() { aws a; }\nfunction g { aws b; }\nfunction h() {\n  aws c\n}", ["a", "b", "c"]),
        ("case $x in\n  a) aws a;;\n  (b|c) aws b ;;\n  *) echo; aws c;;\nesac\naws d", ["a", "b", "c", "d"]),
        ("echo \"$(aws a --q \"$(aws b)\")\"", ["a", "b"]),
        ("diff <(aws a) >(aws b)", ["a", "b"]),
        ("for f in *; do aws a \"$f\"; done", ["a"]),
        ("echo ${x:-$(aws a)} $(( $(aws b) + 1 ))", ["a", "b"]),
        ("a\naws a\r\n\taws b", ["a\r", "b"]),
    ])
    func findsCommandsWhereverTheyStart(script: String, expected: [String]) {
        #expect(scan(script).commands.map { $0.words.count > 1 ? $0.words[1].text : "" } == expected)
    }

    @Test(arguments: [
        "echo aws s3 ls", "command -v aws", "awsx s3", "# aws s3", "x aws", "cat <<EOF\naws s3\nEOF\n",
        "$AWS s3", "xargs aws s3", "echo 'aws s3'", "a=aws", "echo \"aws s3\"",
    ])
    func ignoresWhatIsNotAnAWSCommand(script: String) {
        #expect(scan(script).commands.isEmpty)
    }

    @Test(arguments: [
        ("sudo aws s3 ls", 0),
        ("sudo -u root -E -H aws s3 ls", 0),
        ("sudo --user=root -- aws s3 ls", 0),
        ("sudo -Eu root aws s3 ls", 0),
        ("env aws s3 ls", 0),
        ("env -i -u HOME A=1 aws s3 ls", 1),
        ("exec aws s3 ls", 0),
        ("exec -a name aws s3 ls", 0),
        ("time aws s3 ls", 0),
        ("time -p aws s3 ls", 0),
        ("command aws s3 ls", 0),
        ("nohup aws s3 ls", 0),
        ("nice aws s3 ls", 0),
        ("nice -n 10 aws s3 ls", 0),
        ("nice -n5 aws s3 ls", 0),
        ("nice -10 aws s3 ls", 0),
        ("nice --adjustment 3 aws s3 ls", 0),
        ("nice --adjustment=3 sudo aws s3 ls", 0),
        ("timeout 10 aws s3 ls", 0),
        ("timeout -s KILL --preserve-status 1m aws s3 ls", 0),
        ("AWS_REGION=eu-west-1 aws s3 ls", 1),
        ("A=1 B='x y' sudo -E env C=3 aws s3 ls", 3),
        ("nohup timeout 5 sudo aws s3 ls", 0),
        ("/usr/local/bin/aws s3 ls", 0),
        ("\"aws\" s3 ls", 0),
    ])
    func looksBehindWrappers(script: String, assignments: Int) throws {
        let command = try #require(scan(script).commands.first)
        #expect(command.words.count == 3)
        #expect(command.words[0].text.hasSuffix("aws"))
        #expect(command.words.dropFirst().map(\.text) == ["s3", "ls"])
        #expect(command.assignments.count == assignments)
        #expect(command.range == .bytes(0, script.utf8.count))
    }

    @Test func collectsPrefixAssignments() throws {
        let script = "AWS_REGION=eu-west-1 X=\"$Y\" env Z=1 aws s3"
        let command = try #require(scan(script).commands.first)
        #expect(command.assignments.map(\.name) == ["AWS_REGION", "X", "Z"])
        #expect(command.assignments[0].value.text == "eu-west-1")
        #expect(command.assignments[0].value.range == .bytes(11, 20))
        #expect(command.assignments[0].value.map.fileRange(0..<2) == .bytes(11, 13))
        #expect(command.assignments[0].range == .bytes(0, 20))
        #expect(command.assignments[0].value.isStatic)
        #expect(command.assignments[1].value.text == "$Y")
        #expect(!command.assignments[1].value.isStatic)
        #expect(command.range == .bytes(0, script.utf8.count))
    }

    @Test func keepsPrefixAssignmentsApartAcrossNestedCommands() throws {
        // Assignments are held until the command name is known; nested commands hold theirs in between.
        let script = "A=1 B=$(C='2 3' aws inner; D=4 ls) E=\"$(F=5 G=6 aws deep)\" aws outer\nH=7 ls\nI=\"8\" aws last"
        let commands = scan(script).commands
        #expect(commands.map { $0.words.last?.text } == ["outer", "inner", "deep", "last"])
        #expect(commands.map { $0.assignments.map(\.name) } == [["A", "B", "E"], ["C"], ["F", "G"], ["I"]])
        #expect(commands[0].assignments[0].value.text == "1")
        #expect(commands[0].assignments[1].value.text == "$(C='2 3' aws inner; D=4 ls)")
        #expect(commands[1].assignments[0].value.text == "2 3")
        #expect(
            commands[1].assignments[0].value.range
                == .bytes(offset(of: "'2 3'", in: script), offset(of: " aws inner", in: script)))
        #expect(commands[2].assignments.map(\.value.text) == ["5", "6"])
        #expect(commands[3].assignments[0].value.text == "8")
        #expect(
            commands[3].assignments[0].range
                == .bytes(offset(of: "I=", in: script), offset(of: " aws last", in: script)))
    }

    @Test func leavesRedirectionsOut() {
        #expect(
            words("aws a >out 2>&1 b <in &>log c >>app 3<&- d <<<here e >|f") == [["aws", "a", "b", "c", "d", "e"]])
        #expect(words(">log aws a") == [["aws", "a"]])
    }

    @Test func ordersNestedCommandsBySourcePosition() {
        let script = "X=$(aws inner) aws outer \"$(aws third)\""
        #expect(words(script) == [["aws", "outer", "$(aws third)"], ["aws", "inner"], ["aws", "third"]])
    }

    // MARK: Heredocs

    @Test func skipsHeredocBodies() {
        let script = """
            cat <<EOF
            aws no1
            EOF
            cat <<'END' | aws yes1
            aws no2
            END
            cat <<-"TAB"
            \taws no3
            \tTAB
            cat <<A; cat <<B
            aws no4
            A
            aws no5
            B
            aws yes2 <<<"aws no6"
            aws yes3 <<X
            aws no7
            X
            """
        #expect(words(script) == [["aws", "yes1"], ["aws", "yes2"], ["aws", "yes3"]])
    }

    /// In a CRLF file the delimiter word is `EOF\r`, and so is the line that ends the body; a body line `EOF` with
    /// an LF ending does not end it, as in bash.
    @Test func endsCRLFHeredocsAtTheirDelimiter() {
        #expect(words("cat <<EOF\r\naws no\r\nEOF\r\naws yes\r\n") == [["aws", "yes\r"]])
        #expect(words("cat <<EOF\r\naws no\nEOF\naws no\nEOF\r\naws yes\n") == [["aws", "yes"]])
        #expect(words("cat <<EOF\naws no\nEOF\r\naws no\nEOF\naws yes\n") == [["aws", "yes"]])
    }

    // MARK: Exports and comments

    @Test func collectsExports() throws {
        let script =
            "export AWS_REGION=us-east-1 B=\"x y\"\nexport -n C=1\ndeclare -x D=$E\ntypeset -rx F=1\nexport G\n"
        let exports = scan(script).exports
        #expect(exports.map(\.name) == ["AWS_REGION", "B", "D", "F"])
        #expect(exports.map(\.value.text) == ["us-east-1", "x y", "$E", "1"])
        #expect(exports.map(\.value.isStatic) == [true, true, false, true])
        let first = try #require(exports.first)
        #expect(first.range == .bytes(7, 27))
        #expect(first.value.range == .bytes(18, 27))
    }

    @Test func recordsComments() {
        let script = "#!/bin/sh\naws a # wmlint-disable-line x\r\necho a#b '#c' \"#d\"\n  # last"
        let comments = scan(script).comments
        let second = offset(of: "# wm", in: script)
        #expect(
            comments == [
                .bytes(0, 9), .bytes(second, second + "# wmlint-disable-line x".utf8.count),
                .bytes(offset(of: "# last", in: script), script.utf8.count),
            ]
        )
        #expect(words(script) == [["aws", "a"]])
    }

    // MARK: Faults

    @Test(arguments: [
        ("aws x \"abc", 6, 7, "unterminated double-quoted string starting here; expected a closing quote"),
        ("aws x 'abc", 6, 7, "unterminated single-quoted string starting here; expected a closing quote"),
        ("aws x $'abc", 6, 8, "unterminated ANSI-C string starting here; expected a closing quote"),
        ("aws x $(id", 6, 8, "unterminated command substitution starting here; expected ')'"),
        ("aws x ${id", 6, 8, "unterminated parameter expansion starting here; expected '}'"),
        ("aws x `id", 6, 7, "unterminated backquote substitution starting here; expected a closing '`'"),
        ("aws x $((1", 6, 9, "unterminated arithmetic expansion starting here; expected '))'"),
        ("aws x \"$(id\"", 7, 9, "unterminated command substitution starting here; expected ')'"),
    ])
    func reportsUnterminatedConstructsOnTheirOpener(script: String, start: Int, end: Int, message: String) throws {
        let command = try #require(scan(script).commands.first)
        let error = try #require(command.syntaxError)
        #expect(error.rule == .shellSyntax)
        #expect(error.range == .bytes(start, end))
        #expect(error.message == message)
        #expect(error.path == "t.sh")
    }

    @Test func reportsTheInnerCommandsOwnFault() throws {
        let result = scan("aws x \"$(aws y 'oops")
        #expect(result.commands.count == 2)
        #expect(result.commands[0].syntaxError?.range == .bytes(7, 9))
        #expect(result.commands[1].syntaxError?.range == .bytes(15, 16))
    }

    @Test func scansAnUnterminatedQuoteOverALongScriptOnce() throws {
        var script = "aws x \"start\n"
        for line in 0..<50_000 { script += "echo line \(line) aws y $(z)\n" }
        // One pass: the quote swallows the rest of the script into one word (timing belongs to the benchmarks).
        let found = scan(script)
        #expect(found.commands.count == 1)
        #expect(found.commands.first?.syntaxError?.range == .bytes(6, 7))
        #expect(found.commands.first?.words.last?.text.utf8.count == script.utf8.count - 7)
    }

    // MARK: Text forms

    @Test func mapsMultiByteText() throws {
        let script = "aws --名前 \"日本語😀\" é"
        let command = try #require(scan(script).commands.first)
        #expect(command.words.map(\.text) == ["aws", "--名前", "日本語😀", "é"])
        let quoteStart = offset(of: "\"", in: script)
        #expect(command.words[2].range == .bytes(quoteStart, quoteStart + 15))
        // `😀` is decoded bytes 9..<13 and file bytes after the three ideographs.
        #expect(command.words[2].map.fileRange(9..<13) == .bytes(quoteStart + 10, quoteStart + 14))
    }

    /// As in bash, the `\r` of a CRLF line ending is part of the line's last word, and a backslash before it
    /// escapes it instead of continuing the line.
    @Test func keepsTheCarriageReturnOfCRLFLinesAsBashDoes() throws {
        let script = "aws a b\r\naws c \\\r\n  d \"e\r\nf\"\r\naws g\\\r\n"
        let result = scan(script)
        #expect(
            result.commands.map { $0.words.map(\.text) } == [
                ["aws", "a", "b\r"], ["aws", "c", "\r"], ["aws", "g\r"],
            ])
        #expect(result.commands[0].range == .bytes(0, 8))
        #expect(result.commands[1].words[2].range == .bytes(15, 17))
    }

    @Test func splitsOnTabs() {
        #expect(words("\taws\ta\t\"b\tc\"\t") == [["aws", "a", "b\tc"]])
    }

    @Test func skipsALeadingByteOrderMark() throws {
        let script = "\u{FEFF}aws s3 ls"
        let command = try #require(scan(script).commands.first)
        #expect(command.words.map(\.text) == ["aws", "s3", "ls"])
        #expect(command.words[0].range == .bytes(3, 6))
    }

    @Test func composesTheMapOfAnEmbeddedText() throws {
        // A code block sitting at byte 100 of a Markdown file.
        let block = "aws x \"a\\\"b\"\n# note\n"
        let bytes = Array(block.utf8)
        let map = OffsetMap.contiguous(base: 100, count: bytes.count)
        let result = ShellScanner.scan(SourceText(bytes: bytes, path: "README.md", map: map))
        let word = try #require(result.commands.first?.words.last)
        #expect(word.text == "a\"b")
        #expect(word.range == .bytes(106, 112))
        #expect(word.map.fileRange(1..<2) == .bytes(108, 110))
        #expect(result.comments == [.bytes(113, 119)])
    }

    @Test func mapsCommandsInsideBackquotesToTheFile() throws {
        let script = "x=`aws a \\`id\\` \"b\\$c\"`"
        let command = try #require(scan(script).commands.first)
        #expect(command.words.map(\.text) == ["aws", "a", "`id`", "b$c"])
        #expect(command.words[0].range == .bytes(3, 6))
        #expect(command.words[2].range == .bytes(9, 15))
    }

    // MARK: Depth

    @Test func survivesAMillionNestedSubstitutions() {
        let depth = 1_000_000
        let script = "aws x " + String(repeating: "$(", count: depth) + String(repeating: ")", count: depth) + "\naws y"
        let result = scan(script)
        #expect(result.commands.map { $0.words.map(\.text).prefix(2) } == [["aws", "x"], ["aws", "y"]])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.rule == .inputLimit)
        let limitAt = 6 + 2 * 256
        #expect(result.diagnostics.first?.range == .bytes(limitAt, limitAt + 2))
        #expect(result.commands.first?.words.last?.expansions == [.bytes(6, 6 + 3 * depth)])
    }

    @Test(arguments: [
        ("\"$(", ")\"", false), ("${x:-", "}", false), ("$((", "))", false), ("`", "", false), ("( ", " )", true),
        ("{ ", "; }", true), ("\"${x:-", "}\"", false), ("$(\"", "\")", false),
    ])
    func survivesDeepNestingOf(opener: String, closer: String, unbounded: Bool) {
        let depth = 200_000
        let script =
            String(repeating: opener, count: depth) + " aws z " + String(repeating: closer, count: depth) + "\naws y"
        let result = scan(script)
        #expect(result.commands.last?.words.map(\.text) == ["aws", "y"])
        #expect(result.commands.contains { $0.words.last?.text == "z" } == unbounded)
    }

    @Test func survivesUnclosedDeepNesting() {
        let script = String(repeating: "\"$(", count: 200_000) + " aws z"
        let result = scan(script)
        #expect(result.commands.isEmpty)
        #expect(result.diagnostics.map(\.rule) == [.inputLimit])
    }

    @Test func findsCommandsUpToTheDepthLimit() {
        let inner = String(repeating: "$(", count: 3) + "aws deep" + String(repeating: ")", count: 3)
        #expect(ShellScanner.scan(SourceText(bytes: Array(inner.utf8), path: "t.sh"), maxDepth: 3).commands.count == 1)
        let limited = ShellScanner.scan(SourceText(bytes: Array(inner.utf8), path: "t.sh"), maxDepth: 2)
        #expect(limited.commands.isEmpty)
        #expect(limited.diagnostics.first?.range == .bytes(4, 6))
    }

    @Test func neverStallsOnJunk() {
        let junk: [UInt8] = [0, 0xFF, 0x28, 0x29, 0x29, 0x3C, 0x3E, 0x26, 0x7C, 0x3B, 0x5C, 0x24, 0x60, 0x0D, 0x22]
        var bytes: [UInt8] = []
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(junk[Int(state >> 59) % junk.count])
        }
        bytes += Array("\naws ok".utf8)
        let result = ShellScanner.scan(SourceText(bytes: bytes, path: "junk.sh"))
        // The junk is one line that leaves a construct open (bash refuses it), so the last line is inside it.
        #expect(result.commands.isEmpty)
    }

    @Test func classifiesSpecialBytes() {
        let wordSpecial = Set(Array(" \t\n\"$&'();<>\\`|".utf8))
        let doubleSpecial = Set(Array("\"$\\`".utf8))
        for byte in 0...255 {
            #expect(isWordSpecial(UInt8(byte)) == wordSpecial.contains(UInt8(byte)))
            #expect(isDoubleQuoteSpecial(UInt8(byte)) == doubleSpecial.contains(UInt8(byte)))
        }
    }
}

@Suite struct ShellScannerMoreTests {
    @Test func keepsCommentsAndHashesApart() {
        #expect(words("aws s3 ls # list\naws s3 ls#x") == [["aws", "s3", "ls"], ["aws", "s3", "ls#x"]])
        #expect(scan("aws s3 ls # list\naws s3 ls#x").comments == [.bytes(10, 16)])
    }

    @Test func readsLocaleStringsAndLiteralDollarQuotes() {
        #expect(words(#"aws $"a b" "$'x'" "a$"b"#) == [["aws", "a b", "$'x'", "a$b"]])
    }

    @Test func readsQuotesInsideParameterExpansions() throws {
        let command = try #require(scan(#"aws ${x:-'a}b'} "${y:-"}"}""#).commands.first)
        #expect(command.words.map(\.text) == ["aws", "${x:-'a}b'}", "${y:-\"}\"}"])
        #expect(command.words.dropFirst().allSatisfy { !$0.isStatic })
    }

    @Test func skipsHeredocsInsideSubstitutions() {
        let script = "x=$(cat <<EOF\naws no\nEOF\n)\naws yes"
        #expect(words(script) == [["aws", "yes"]])
    }

    @Test func endsHeredocsAtDelimitersWrittenWithDollarSigns() {
        #expect(words("cat <<$END\naws no\n$END\naws yes") == [["aws", "yes"]])
        #expect(words("cat <<\"E\"'O'F\naws no\nEOF\naws yes") == [["aws", "yes"]])
    }

    @Test func stripsTabsOnlyForDashHeredocs() {
        #expect(words("cat <<EOF\n\tEOF\naws no\nEOF\naws yes") == [["aws", "yes"]])
        #expect(words("cat <<-EOF\n\t\tEOF\naws yes") == [["aws", "yes"]])
    }

    @Test func mapsThroughANonContiguousEmbedding() throws {
        // A console block: the file holds "$ aws x 'ab'\n$ aws y\n" at byte 50; the prompts are stripped.
        let block = Array("aws x 'ab'\naws y\n".utf8)
        var starts: [Int] = []
        var ends: [Int] = []
        for index in block.indices {
            let file = 50 + 2 + index + (index >= 11 ? 2 : 0)
            starts.append(file)
            ends.append(file + 1)
        }
        starts.append(50 + 2 + block.count + 2)
        let text = SourceText(bytes: block, path: "README.md", map: OffsetMap(starts: starts, ends: ends))
        let result = ShellScanner.scan(text)
        #expect(result.commands.count == 2)
        let quoted = try #require(result.commands.first?.words.last)
        #expect(quoted.text == "ab")
        #expect(quoted.range == .bytes(58, 62))
        #expect(quoted.map.fileRange(0..<2) == .bytes(59, 61))
        #expect(result.commands[1].range == .bytes(65, 70))
    }

    @Test func keepsAssignmentsAfterWrappersOnlyWhereTheyApply() throws {
        #expect(scan("nohup A=1 aws s3").commands.isEmpty)
        let command = try #require(scan("time A=1 aws s3").commands.first)
        #expect(command.assignments.map(\.name) == ["A"])
        #expect(scan("env -S 'aws s3'").commands.isEmpty)
    }

    @Test func readsArrayAssignmentsAsNonStatic() throws {
        let command = try #require(scan("A=(1 2) B+=x aws s3").commands.first)
        #expect(command.assignments.map(\.name) == ["A", "B"])
        #expect(command.assignments.map(\.value.text) == ["(1 2)", "x"])
        #expect(command.assignments.map(\.value.isStatic) == [false, true])
    }

    @Test func giveAnEmptyWordAnInsertionPointInsideItsQuotes() throws {
        let word = try #require(scan("aws \"\"").commands.first?.words.last)
        #expect(word.text.isEmpty)
        #expect(word.map.starts == [5])
        #expect(word.map.fileRange(0..<0) == .bytes(5, 5))
    }
}

@Suite struct ShellScannerRobustnessTests {
    private static let tokens = [
        "aws", " ", "\n", "\r\n", "\t", "'", "\"", "\\", "\\\n", "$", "$(", "$((", "${", "`", "(", ")", "{", "}",
        ";", ";;", "&", "&&", "|", "||", "<", ">", "<<", "<<-", "<<<", "EOF", "#", "case", "in", "esac", "if",
        "then", "fi", "sudo", "-u", "env", "A=1", "export", "x", "日本", "😀", "$'", "\\x", "\\u", "\\c", "\u{FEFF}",
        "2>&1", "&>", "<(", "=(",
    ]

    @Test(arguments: 0..<40)
    func neverTrapsOnRandomTokens(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        var script = ""
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            script += Self.tokens[Int(state >> 33) % Self.tokens.count]
        }
        // The tokens seldom make an `aws` command, and a heredoc or an open quote early on makes the rest of the
        // script text, so each line is also scanned on its own behind `aws `: the maps and ranges are then checked
        // on words the scanner really found.
        let texts = [script] + script.split(separator: "\n").map { "aws " + $0 }
        var commands = 0
        for text in texts {
            for depth in [256, 2, 0] {
                let result = ShellScanner.scan(SourceText(bytes: Array(text.utf8), path: "r.sh"), maxDepth: depth)
                commands += result.commands.count
                for command in result.commands {
                    #expect(command.words.first.map { $0.text.hasSuffix("aws") } == true)
                    for word in command.words {
                        #expect(word.map.starts.count == word.text.utf8.count + 1)
                        #expect(word.map.ends.count == word.text.utf8.count)
                        #expect(word.map.starts.allSatisfy { $0 >= 0 && $0 <= text.utf8.count })
                    }
                }
                #expect(result.comments.allSatisfy { $0.upperBound.offset <= text.utf8.count })
            }
        }
        #expect(commands >= texts.count - 1)
    }
}
