import Testing
import WMLintSource

@testable import WMLintSyntax

private func scan(_ script: String, mapped: Bool = false, maxDepth: Int = 256) -> ShellScript {
    let bytes = Array(script.utf8)
    let map: OffsetMap? = mapped ? .contiguous(base: 0, count: bytes.count) : nil
    return ShellScanner.scan(SourceText(bytes: bytes, path: "t.sh", map: map), maxDepth: maxDepth)
}

/// Everything a scan found, one line per item, with exact ranges and maps (`starts` of every word).
private func dump(_ script: ShellScript) -> String {
    func word(_ word: ShellWord) -> String {
        let expansions = word.expansions.map { "\($0.lowerBound.offset)-\($0.upperBound.offset)" }
        return "\(word.text.debugDescription)@\(word.range.lowerBound.offset)-\(word.range.upperBound.offset)"
            + " starts=\(word.map.starts) ends=\(word.map.ends) exp=\(expansions)"
    }
    var lines: [String] = []
    for command in script.commands {
        lines.append("command \(command.range.lowerBound.offset)-\(command.range.upperBound.offset)")
        for assignment in command.assignments { lines.append("  set \(assignment.name) = \(word(assignment.value))") }
        for item in command.words { lines.append("  word \(word(item))") }
        if let error = command.syntaxError { lines.append("  error \(error.message)") }
    }
    for export in script.exports {
        lines.append(
            "export \(export.name)@\(export.range.lowerBound.offset)-\(export.range.upperBound.offset) = "
                + word(export.value))
    }
    for comment in script.comments { lines.append("comment \(comment.lowerBound.offset)-\(comment.upperBound.offset)") }
    for diagnostic in script.diagnostics { lines.append("diagnostic \(diagnostic.message)") }
    return lines.joined(separator: "\n")
}

/// Scripts made of the constructs the ordinary-command loop, the command-name decision, simple words and simple
/// export values step over or build directly, next to the ones they leave to the word reader.
private let scripts: [String] = [
    "echo \"step $i: configuring ${NAME:-default}\" >&2\naws workmail x --a b\n",
    "printf '%s\\n' \"quoted \\\"text\\\" here\" 'single quoted' $'ansi\\tc'; aws s o\n",
    "if [ -f \"$CONFIG\" ]; then source \"$CONFIG\"; fi; aws a b\n",
    "for f in *.json; do cp -- \"$f\" \"/tmp/backup/$f\"; done && aws x y\n",
    "case \"$MODE\" in a|b) echo one ;; *) aws c d ;; esac\naws e f\n",
    "RESULT=$(grep -c 'pattern with spaces' input.txt || aws g h)\nA=1 B=\"x y\" aws i j\n",
    "export PATH=\"$HOME/bin:$PATH\"; cd /tmp && ls -la | sort -k5n |& aws k l\n",
    // Exports: escapes, quotes in the middle, empty values, `+=`, parameters, braces, several per line.
    "export A=\"x\\$y\" B=\"p\\\\q\" C=\"r\\\"s\" D='t\\u' E=$F\"g\" H=\"$I\" J=${K} L=\"a b\" M+=$1$2 N= O=\"\" P=''\n",
    "export Q=é\"ü$R\"ß S='日本' T=\"$U\"tail V=a$'\\x41'b W=\"\\\nx\" X=$Y$Z\n",
    "declare -x A=1 B=\"$C\"; typeset D=2; export -n E=3; export F\n",
    // Multi-byte text, tabs, CRLF, comments right after separators.
    "echo é\tü;aws ß 日本\r\necho a;#c aws x\r\n\techo b #c\n\taws \"m\"\t'n'\r\n",
    "echo a\\\n b; aws c\\\r\n d\necho \"x\r\ny\" ; aws z\r\n",
    // IO numbers, redirections, and names that are near reserved words, wrappers or aws.
    "echo 2>x 3< y aws a; x2 >out aws b\necho a>b; aws c 2>&1 >/dev/null\n",
    "A=1 then aws a; A=1 if x; xaws a; /usr/bin/aws b; ./aws c; a/aws d\n",
    "{ aws a; } ; ! aws b; time aws c; nohup aws d & sudo -u me aws e | env A=1 aws f\n",
    "fi=1 aws a\nesac=2 aws b\naws=3 aws c\n",
    // Substitutions, arithmetic, process substitution, parameters with quotes or expansions inside braces.
    "echo ${A:-\"b c\"} ${D:-$E} ${F:-`aws g h`} $(aws i j) $((1+2)) <(aws k l)\n",
    "echo \"$(aws a b)\" \"${X}\" \"$1$@$#\" $$ $ \"$\" 'x'y\"z\"$W\n",
    // Unterminated constructs at the end of the text.
    "echo \"abc $X",
    "echo 'abc",
    "echo $'abc\\",
    "echo ${abc",
    "aws a \"b",
    "echo a\\",
    "echo a; aws",
    // Parameters longer than the kept part of an expansion's text.
    "export A=\"$" + String(repeating: "N", count: 300) + "\" B=$" + String(repeating: "M", count: 255) + "x\n"
        + "aws a \"$" + String(repeating: "P", count: 256) + "\" $" + String(repeating: "Q", count: 260) + " 'r'\n",
    // Heredocs keep the ordinary-command loop out of their bodies.
    "cat <<EOF; echo x\naws no\nEOF\naws yes\n",
]

@Suite struct ShellOrdinaryPathTests {
    /// Words built straight from the source (no map) equal the ones built through the word scratch (a map, even an
    /// identity one, takes the general path).
    @Test(arguments: scripts)
    func sourceBuiltWordsAgreeWithDecodedWords(script: String) {
        #expect(dump(scan(script)) == dump(scan(script, mapped: true)))
        #expect(scan(script) == scan(script, mapped: true))
    }

    /// The `${…}` shortcut stays below the depth limit: at the limit the word reader reports it.
    @Test func bracesAtTheDepthLimitAreReported() {
        let script = "echo $(echo ${A}) ${B}\naws a b\n"
        #expect(scan(script, maxDepth: 1).diagnostics.count == 1)
        #expect(scan(script, maxDepth: 2).diagnostics.isEmpty)
        #expect(scan(script, maxDepth: 1).commands.map { $0.words.map(\.text) } == [["aws", "a", "b"]])
    }

    /// Reserved words decided from their packed bytes set the phase of what follows as the word reader does; a
    /// newline does not end a `case` header.
    @Test func reservedWordsSetThePhaseOfTheWordsAfterThem() {
        let script = "case\nexport A=1 in x) aws a;; esac\nfor aws in b; do aws c; done\ndeclare -x B=2; typeset C=3\n"
        #expect(scan(script).exports.map(\.name) == ["B"])
        #expect(scan(script).commands.map { $0.words.map(\.text) } == [["aws", "a"], ["aws", "c"]])
        #expect(
            scan("function aws { aws d; }\nselect aws in e; do :; done").commands.map { $0.words.map(\.text) } == [
                ["aws", "d"]
            ])
    }

    @Test func simpleExportValuesKeepTheirText() throws {
        let script = "export A=\"x\\$y\" B=\"p\\\\q\" C='t\\u' D=\"$E/bin:$F\" G=é$H\n"
        let exports = scan(script).exports
        #expect(exports.map(\.name) == ["A", "B", "C", "D", "G"])
        #expect(exports.map(\.value.text) == ["x$y", "p\\q", "t\\u", "$E/bin:$F", "é$H"])
        let last = try #require(exports.last)
        // `G=é$H` starts at byte 47, its value at 49; `é` is two bytes.
        #expect(last.range == .bytes(47, 53))
        #expect(last.value.range == .bytes(49, 53))
        #expect(last.value.map.starts == [49, 50, 51, 52, 53])
        #expect(last.value.expansions == [.bytes(51, 53)])
        // `D="$E/bin:$F"`: the text is inside the quotes.
        let quoted = exports[3]
        #expect(quoted.value.range == .bytes(35, 46))
        #expect(quoted.value.map.starts == Array(36...45))
        #expect(quoted.value.expansions == [.bytes(36, 38), .bytes(43, 45)])
    }
}
