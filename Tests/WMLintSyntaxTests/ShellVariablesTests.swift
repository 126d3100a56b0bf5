import Testing
import WMLintSource

@testable import WMLintSyntax

/// Variable values as the scanner records and the resolver follows them.
@Suite struct ShellVariablesTests {
    /// The scanned and resolved script `text`.
    func resolved(_ text: String) -> ShellScript {
        let source = SourceText(bytes: Array(text.utf8), path: "s.sh")
        return ShellScanner.scan(source).resolvingVariables(in: source, environment: ["AWS_REGION"])
    }

    /// The last word of the first `aws` command, if it is known.
    func value(_ text: String) -> String? {
        guard let word = resolved(text).commands.first?.words.last, word.isStatic else { return nil }
        return word.text
    }

    // MARK: What resolves

    @Test func plainQuotedAndDeclaredAssignmentsResolve() {
        #expect(value("A=x\naws \"$A\"") == "x")
        #expect(value("A=x\naws $A") == "x")
        #expect(value("A=x; aws ${A}") == "x")
        #expect(value("A='x y'\naws \"$A\"") == "x y")
        #expect(value("export A=x\naws \"$A\"") == "x")
        #expect(value("readonly A=x\naws \"$A\"") == "x")
        #expect(value("declare A=x\naws \"$A\"") == "x")
        #expect(value("typeset -r A=x\naws \"$A\"") == "x")
        #expect(value("declare -x A=x\naws \"$A\"") == "x")
        #expect(value("f() {\n  local A=x\n  aws \"$A\"\n}") == "x")
        #expect(value("A=x\nf() { aws \"$A\"; }") == "x")
        #expect(value("A=x B=y\naws \"$A-$B\"") == "x-y")
    }

    @Test func theLastStraightLineAssignmentReaches() {
        #expect(value("A=1\nA=2\naws \"$A\"") == "2")
        #expect(value("A=1\naws \"$A\"\nA=2") == "1")
    }

    @Test func valuesBuiltOfVariablesResolveThroughTheChain() {
        #expect(value("A=x\nB=\"$A/y\"\nC=${B}z\naws \"$C\"") == "x/yz")
        // A chain longer than the bound stays unknown, and so does a variable defined by itself.
        let long = (1...12).map { "V\($0)=$V\($0 - 1)" }.joined(separator: "\n")
        #expect(value("V0=a\n" + long + "\naws \"$V12\"") == nil)
        #expect(value("A=$A\naws \"$A\"") == nil)
    }

    @Test func commentsDoNotCountAsMentions() {
        #expect(value("# A is the organization\nA=x\naws \"$A\"") == "x")
    }

    @Test func aDefaultAppliesWhereTheScriptSetsTheVariableNowhere() throws {
        let script = resolved("aws \"${ORG:-m-1}\" ${R-eu}")
        let words = try #require(script.commands.first?.words)
        #expect(words.map(\.text) == ["aws", "m-1", "eu"])
        #expect(words[1].substitutions.map(\.isDefault) == [true])
        // `m-1` sits at bytes 12..<15 of the file.
        #expect(words[1].substitutions.first?.value == .bytes(12, 15))
        #expect(value("ORG=m-2\naws \"${ORG:-m-1}\"") == "m-2")
        #expect(value("ORG=\naws \"${ORG:-m-1}\"") == nil)
        #expect(value("read ORG\naws \"${ORG:-m-1}\"") == nil)
        #expect(value("aws \"${ORG:-$X}\"") == nil)
    }

    // MARK: What stays unknown

    @Test(arguments: [
        "if true; then A=x; fi\naws \"$A\"",
        "case y in y) A=x;; esac\naws \"$A\"",
        "while true; do A=x; done\naws \"$A\"",
        "for i in 1; do A=x; done\naws \"$A\"",
        "(A=x)\naws \"$A\"",
        "B=$(A=x)\naws \"$A\"",
        "A=x | cat\naws \"$A\"",
        "A=x &\naws \"$A\"",
        "true && A=x\naws \"$A\"",
        "false || A=x\naws \"$A\"",
        "true &&\n  A=x\naws \"$A\"",
        "A=x\nif true; then A=y; fi\naws \"$A\"",
        "A=x\nwhile true; do aws \"$A\"; A=y; done",
        "read A\naws \"$A\"",
        "A=x\nread A\naws \"$A\"",
        "for A in x; do :; done\naws \"$A\"",
        "A=x\nunset A\naws \"$A\"",
        "A=x\nprintf -v A %s y\naws \"$A\"",
        "A=x\n: ${A:=y}\naws \"$A\"",
        "aws \"$A\"",
        "aws \"$1\"",
        "A=(x y)\naws \"$A\"",
        "A=x\nA+=y\naws \"$A\"",
        "declare -i A=1\naws \"$A\"",
        "declare -a A=x\naws \"$A\"",
        "aws \"$A\"\nA=x",
        "A=x\naws \"${A:0:1}\"",
        "A=x\naws \"${#A}\"",
        "A=x\naws \"${A%x}\"",
        "f() { A=y; }\nA=x\nf\naws \"$A\"",
        "f() {\n  local A=x\n}\naws \"$A\"",
        "A=\"x y\"\naws $A",
        "A='*'\naws $A",
        "A=\naws $A",
        "A=$(date)\naws \"$A\"",
        "A=`date`\naws \"$A\"",
        "echo A\nA=x\naws \"$A\"",
    ])
    func staysUnknown(_ script: String) {
        #expect(value(script) == nil, "\(script.debugDescription)")
    }

    // MARK: Where values point

    @Test func aResolvedWordMapsIntoTheAssignment() throws {
        // `ORG=m-é` puts the value at bytes 4..<8 (é is two bytes); the use `"$ORG"` is at 13..<19.
        let word = try #require(resolved("ORG=m-é\naws \"$ORG\"").commands.first?.words.last)
        #expect(word.text == "m-é")
        #expect(word.map.starts == [4, 5, 6, 7, 8])
        #expect(word.range == .bytes(4, 8))
        #expect(word.substitutions == [ShellSubstitution(name: "ORG", use: .bytes(14, 18), value: .bytes(4, 8))])
    }

    @Test func aUseInsideLiteralTextKeepsTheWordsOwnBytes() throws {
        // `A=x` has its value at byte 2; `"a$A-b"` is at bytes 8..<15, `$A` at 10..<12.
        let word = try #require(resolved("A=x\naws \"a$A-b\"").commands.first?.words.last)
        #expect(word.text == "ax-b")
        #expect(word.map.starts == [9, 2, 12, 13, 14])
        #expect(word.range == .bytes(8, 15))
    }

    /// Bash keeps the `\r` of a CRLF line ending in the line's last word, an assignment's value included.
    /// (Compared as bytes: `"\r\n"` and `"\r"` are single characters of a Swift string.)
    @Test func crlfScriptsKeepTheCarriageReturnAsBashDoes() {
        func bytes(_ text: String) -> [UInt8]? { value(text).map { Array($0.utf8) } }
        #expect(bytes("A=x\r\naws \"$A\"\n") == Array("x\r".utf8))
        #expect(bytes("A='x'\r\naws \"$A\"\n") == Array("x\r".utf8))
        #expect(bytes("A=x\r\naws \"$A\"\r\n") == Array("x\r\r".utf8))
        #expect(bytes("A='x'\naws \"$A\"\r\n") == Array("x\r".utf8))
    }

    // MARK: Region

    @Test func anExportedRegionReachesTheCommand() throws {
        func region(_ text: String) -> String? {
            resolved(text).commands.first?.environment.first { $0.name == "AWS_REGION" }?.value.text
        }
        #expect(region("export AWS_REGION=eu-west-1\naws x") == "eu-west-1")
        #expect(region("AWS_REGION=eu-west-1\nexport AWS_REGION\naws x") == "eu-west-1")
        #expect(region("export AWS_REGION\nAWS_REGION=eu-west-1\naws x") == "eu-west-1")
        #expect(region("R=eu-west-1\nexport AWS_REGION=$R\naws x") == "eu-west-1")
        #expect(region("AWS_REGION=eu-west-1\naws x") == nil)
        #expect(region("if true; then export AWS_REGION=eu-west-1; fi\naws x") == nil)
        // A later export sets the region of the commands after it.
        let script = resolved("export AWS_REGION=us-east-1\naws a\nexport AWS_REGION=eu-west-1\naws b")
        #expect(
            script.commands.map { $0.environment.first?.value.text } == ["us-east-1", "eu-west-1"])
    }

    // MARK: Scopes the scanner records

    @Test func bindingsKnowTheirScopeAndWhetherTheyMayNotRun() {
        let source = SourceText(
            bytes: Array("A=1\nf() { B=2; }\n(C=3)\nif x; then D=4; fi\nE=5 | cat\n".utf8), path: "s")
        let bindings = ShellScanner.scan(source).bindings
        #expect(bindings.map(\.name) == ["A", "B", "C", "D", "E"])
        // `{` is byte 8 and `(` byte 17: each scope is named by its opening's offset plus one.
        #expect(bindings.map(\.scope) == [0, 9, 18, 0, 0])
        #expect(bindings.map(\.isConditional) == [false, false, false, true, true])
    }
}
