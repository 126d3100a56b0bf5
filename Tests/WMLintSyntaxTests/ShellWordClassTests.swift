import Testing
import WMLintSource

@testable import WMLintSyntax

private func scan(_ script: String) -> ShellScript {
    ShellScanner.scan(SourceText(bytes: Array(script.utf8), path: "t.sh"))
}

private func words(_ script: String) -> [[String]] {
    scan(script).commands.map { $0.words.map(\.text) }
}

/// Reserved words, builtins and wrappers are recognised on their packed bytes, and plain words are read without
/// being recorded: these pin down what each one does to the words after it.
@Suite struct ShellWordClassTests {
    @Test(arguments: [
        (
            "if aws a; then aws b; elif aws c; else aws d; fi",
            [["aws", "a"], ["aws", "b"], ["aws", "c"], ["aws", "d"]]
        ),
        ("while aws a; do aws b; done", [["aws", "a"], ["aws", "b"]]),
        ("until aws a; do aws b; done", [["aws", "a"], ["aws", "b"]]),
        ("! aws a\n{ aws b; }", [["aws", "a"], ["aws", "b"]]),
        ("for x in aws a; do aws b; done", [["aws", "b"]]),
        ("select x in aws a; do aws b; done", [["aws", "b"]]),
        ("function aws { aws b; }", [["aws", "b"]]),
        ("case aws in aws) aws b;; esac\naws c", [["aws", "b"], ["aws", "c"]]),
        (
            "sudo -u me aws a\nenv A=1 aws b\nexec aws c\ncommand aws d",
            [["aws", "a"], ["aws", "b"], ["aws", "c"], ["aws", "d"]]
        ),
        (
            "nohup aws a &\ntimeout 5 aws b\ntime aws c\n/usr/bin/aws d",
            [["aws", "a"], ["aws", "b"], ["aws", "c"], ["/usr/bin/aws", "d"]]
        ),
        // Near misses are ordinary commands.
        ("iff aws a\nfii aws b\nfors aws c\nsudoo aws d\nenvs aws e\ntimeouts aws f\nxaws g\naws2 h", []),
        ("functions aws a\ndeclares aws b\ncase2 aws c", []),
        // Plain and quoted spellings of the same name.
        (
            "'aws' a\n\"aw\"s b\na\\ws c\nsu'do' aws d\n'if' aws e",
            [["aws", "a"], ["aws", "b"], ["aws", "c"], ["aws", "d"]]
        ),
        (
            "aws\ta\r\naws b;aws c|aws d&&aws e)",
            [["aws", "a\r"], ["aws", "b"], ["aws", "c"], ["aws", "d"], ["aws", "e"]]
        ),
    ])
    func commandsAfterReservedWordsAndWrappers(script: String, expected: [[String]]) {
        #expect(words(script) == expected)
    }

    @Test func exportsAndDeclarations() {
        let script = "export A=1 B=\"x y\"\ndeclare -x C=2\ntypeset -x D=3\ndeclare E=4\nexports F=5\nexport -n G=6\n"
        #expect(scan(script).exports.map(\.name) == ["A", "B", "C", "D"])
        #expect(scan(script).exports.map(\.value.text) == ["1", "x y", "2", "3"])
    }

    @Test func assignmentsBeforeACommandAreKeptOnlyForAWS() throws {
        let script = "X=1 Y=$(date) ls\nAWS_REGION=eu-west-1 Z=\"$HOME\" aws a\n"
        let command = try #require(scan(script).commands.first)
        #expect(command.assignments.map(\.name) == ["AWS_REGION", "Z"])
        #expect(command.assignments.map(\.value.text) == ["eu-west-1", "$HOME"])
        #expect(command.assignments[0].value.range == .bytes(28, 37))
        #expect(command.assignments[1].value.map.fileRange(0..<5) == .bytes(41, 46))
    }

    @Test func invalidUTF8AfterALongASCIIRunIsReplacedAndMapped() throws {
        let word = try #require(scan("aws x $'abcdefghijkl\\xFF'mnopqrstu").commands.first?.words.last)
        #expect(word.text == "abcdefghijkl\u{FFFD}mnopqrstu")
        // The three bytes of U+FFFD come from the `\xFF` escape at 20..<24.
        #expect(word.map.fileRange(12..<15) == .bytes(20, 24))
        #expect(word.map.fileRange(15..<24) == .bytes(25, 34))
    }

    @Test func packedWordsTellTheirLength() {
        #expect(Reserved.pack("if") == 0x6669)
        #expect(Reserved.pack("function") == 0x6E6F_6974_636E_7566)
        let constants: [(StaticString, UInt64)] = [
            ("if", Reserved.if), ("do", Reserved.do), ("fi", Reserved.fi), ("for", Reserved.for),
            ("esac", Reserved.esac), ("case", Reserved.case), ("then", Reserved.then), ("else", Reserved.else),
            ("elif", Reserved.elif), ("done", Reserved.done), ("while", Reserved.while), ("until", Reserved.until),
            ("export", Reserved.export), ("select", Reserved.select), ("declare", Reserved.declare),
            ("typeset", Reserved.typeset), ("function", Reserved.function), ("sudo", Reserved.sudo),
            ("env", Reserved.env), ("exec", Reserved.exec), ("command", Reserved.command), ("nohup", Reserved.nohup),
            ("timeout", Reserved.timeout), ("time", Reserved.time), ("nice", Reserved.nice), ("aws", Reserved.aws),
        ]
        for (word, constant) in constants {
            #expect(Reserved.pack(word) == constant, "\(word)")
        }
        // A NUL after a reserved word does not make it one.
        #expect(words("if\u{0} aws a") == [])
        #expect(words("sudo\u{0} aws a") == [])
    }
}

/// The byte class table matches the definitions of the classes, byte by byte.
@Suite struct ShellByteClassTests {
    @Test func tableMatchesDefinitions() {
        let wordSpecial = Array(" \t\n\"$&'();<>\\`|".utf8)
        let doubleQuoteSpecial = Array("\"$\\`".utf8)
        for value in 0...255 {
            let byte = UInt8(value)
            let letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
            let digit = byte >= 48 && byte <= 57
            #expect(isWordSpecial(byte) == wordSpecial.contains(byte), "byte \(value)")
            #expect(isDoubleQuoteSpecial(byte) == doubleQuoteSpecial.contains(byte), "byte \(value)")
            #expect(isNameStart(byte) == letter, "byte \(value)")
            #expect(isNameByte(byte) == (letter || digit), "byte \(value)")
        }
    }
}
