import Testing
import WMLintKit
import WMLintSource
import WMLintSyntax

private typealias S = SuppressionSupport

@Suite struct SuppressionParserShellTests {
    @Test func nextLineCoversTheWholeCommandWithItsContinuationLines() throws {
        let text = """
            #!/bin/sh
            # wmlint-disable-next-line enum-value, clients-locked-out -- migration in progress
            aws workmail put-identity-provider-configuration \\
              --authentication-mode identity_provider_only \\
              --organization-id m-0123
            echo done

            """
        let (_, script, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppressions.count == 1)
        #expect(suppression.kind == .nextLine)
        #expect(suppression.path == "setup.sh")
        #expect(suppression.names.map(\.text) == ["enum-value", "clients-locked-out"])
        #expect(suppression.names.map(\.rule) == [.enumValue, .clientsLockedOut])
        #expect(suppression.names[0].range == S.range(of: "enum-value", in: text))
        #expect(suppression.names[1].range == S.range(of: "clients-locked-out", in: text))
        #expect(suppression.reason == "migration in progress")
        #expect(
            suppression.comment
                == S.range(
                    of: "# wmlint-disable-next-line enum-value, clients-locked-out -- migration in progress", in: text))
        let command = try #require(script.commands.first)
        let coverage = try #require(suppression.coverage)
        #expect(coverage.lowerBound.offset == S.offset(of: "aws workmail", in: text))
        #expect(coverage.upperBound == command.range.upperBound)
        #expect(S.slice(text, coverage)?.hasSuffix("m-0123") == true)
        #expect(suppression.coversCommand)
    }

    @Test func nextLineSkipsBlankAndCommentLinesSoSuppressionsStack() throws {
        let text = """
            # wmlint-disable-next-line enum-value
            # wmlint-disable-next-line clients-locked-out

            aws workmail put-identity-provider-configuration --authentication-mode x
            """
        let (_, _, suppressions) = S.shell(text)
        #expect(suppressions.count == 2)
        let expected = S.range(of: "aws workmail put-identity-provider-configuration --authentication-mode x", in: text)
        #expect(suppressions.map(\.coverage) == [expected, expected])
    }

    @Test func nextLineWithoutCommandCoversJustThatLine() throws {
        let text = "# wmlint-disable-next-line enum-value\necho hello world\naws workmail x\n"
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(S.slice(text, suppression.coverage) == "echo hello world")
        #expect(!suppression.coversCommand)
    }

    @Test func nextLineCoversEveryCommandStartingOnTheLine() throws {
        let text = "# wmlint-disable-next-line enum-value\nif true; then aws a \\\n  b; aws c \\\n  d; fi\naws e\n"
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(S.slice(text, suppression.coverage) == "if true; then aws a \\\n  b; aws c \\\n  d; fi")
    }

    @Test func nextLineAtTheEndOfTheFileCoversNothing() throws {
        let (_, _, suppressions) = S.shell("aws workmail x\n# wmlint-disable-next-line enum-value\n\n")
        let suppression = try #require(suppressions.first)
        #expect(suppression.coverage == nil)
    }

    @Test func heredocBodiesAreNeitherCommandsNorComments() throws {
        let text = """
            # wmlint-disable-next-line enum-value
            cat <<EOF
            aws workmail put-identity-provider-configuration --authentication-mode x
            # wmlint-disable-file enum-value
            EOF
            echo "# wmlint-disable-file clients-locked-out" '# wmlint-disable-line enum-value'
            """
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppressions.count == 1)
        #expect(S.slice(text, suppression.coverage) == "cat <<EOF")
        #expect(!suppression.coversCommand)
    }

    @Test func lineCoversItsOwnLine() throws {
        let text = "aws workmail a \\\n  --x y # wmlint-disable-line enum-value\naws b\n"
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppression.kind == .line)
        #expect(S.slice(text, suppression.coverage) == "  --x y # wmlint-disable-line enum-value")
        #expect(suppression.removal == S.range(of: " # wmlint-disable-line enum-value", in: text))
    }

    @Test func fileCoversTheWholeFile() throws {
        let text = "aws a\n# wmlint-disable-file unknown-key pat-lifetime-ignored\naws b\n"
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppression.kind == .file)
        #expect(suppression.coverage == .bytes(0, text.utf8.count))
        #expect(suppression.names.map(\.rule) == [.unknownKey, .patLifetimeIgnored])
        // Alone on its line: removing it removes the line.
        #expect(
            suppression.removal == S.range(of: "# wmlint-disable-file unknown-key pat-lifetime-ignored\n", in: text))
    }

    @Test(
        arguments: [
            ("a,b  c ,d", ["a", "b", "c", "d"], nil),
            ("enum-value,,clients-locked-out--x", ["enum-value", "clients-locked-out--x"], nil),
            ("enum-value --", ["enum-value"], ""),
            ("enum-value --no space", ["enum-value"], "no space"),
            ("-- only a reason", [], "only a reason"),
            ("", [], nil),
        ] as [(String, [String], String?)])
    func idsAreSplitOnCommasAndBlanksUpToTheReason(ids: String, names: [String], reason: String?) throws {
        let text = "# wmlint-disable-line \(ids)\n"
        let (_, _, suppressions) = S.shell(text)
        let suppression = try #require(suppressions.first)
        #expect(suppression.names.map(\.text) == names)
        #expect(suppression.reason == reason)
        for name in suppression.names {
            #expect(S.slice(text, name.range) == name.text)
        }
    }

    @Test(arguments: [
        "# wmlint-disable-lines enum-value",
        "# see wmlint-disable-line enum-value",
        "# wmlint-disable enum-value",
        "# wmlint-disable-line:enum-value",
        "## no directive here",
    ])
    func otherCommentsAreNotDirectives(comment: String) {
        #expect(S.shell("aws a \(comment)\n").2.isEmpty)
    }

    @Test func blanksAfterTheHashAreAllowed() throws {
        let text = "#\twmlint-disable-line enum-value\n#wmlint-disable-file encoding"
        let (_, _, suppressions) = S.shell(text)
        #expect(suppressions.map(\.kind) == [.line, .file])
    }

    @Test func crlfAndMultiByteTextKeepExactRanges() throws {
        let text =
            "echo 日本語 🚀\r\n# wmlint-disable-next-line enum-value -- 理由 🚀\r\n"
            + "aws workmail x --authentication-mode é\r\necho 'é' # wmlint-disable-line  clients-locked-out\r\n"
        let (_, _, suppressions) = S.shell(text)
        #expect(suppressions.count == 2)
        let next = suppressions[0]
        #expect(next.reason == "理由 🚀")
        #expect(S.slice(text, next.comment) == "# wmlint-disable-next-line enum-value -- 理由 🚀")
        // The command ends with its last word, which holds the `\r` (as it does in bash).
        #expect(S.slice(text, next.coverage) == "aws workmail x --authentication-mode é\r")
        #expect(next.names[0].range == S.range(of: "enum-value", in: text))
        #expect(next.removal == S.range(of: "# wmlint-disable-next-line enum-value -- 理由 🚀\r\n", in: text))
        let line = suppressions[1]
        #expect(S.slice(text, line.coverage) == "echo 'é' # wmlint-disable-line  clients-locked-out")
        #expect(line.names[0].range == S.range(of: "clients-locked-out", in: text))
        #expect(S.slice(text, line.removal) == " # wmlint-disable-line  clients-locked-out")
    }

    @Test func commentRangesOutsideTheTextAreClampedOrIgnored() {
        let text = "# wmlint-disable-file enum-value"
        let file = SourceFile(path: "a.sh", text: text)
        let suppressions = SuppressionParser.parse(
            file, comments: [.bytes(0, 999), .bytes(500, 510)], syntax: .shell(commands: [.bytes(400, 900)]))
        #expect(suppressions.map(\.comment) == [.bytes(0, text.utf8.count)])
        #expect(suppressions.map(\.removal) == [.bytes(0, text.utf8.count)])
    }

    @Test func unknownIdsAreKeptWithoutARule() throws {
        let (_, _, suppressions) = S.shell("# wmlint-disable-line enum-valu Enum-Value 日本\n")
        let names = try #require(suppressions.first).names
        #expect(names.map(\.text) == ["enum-valu", "Enum-Value", "日本"])
        #expect(names.map(\.rule) == [nil, nil, nil])
    }
}

@Suite struct SuppressionParserYAMLTests {
    @Test func eachKindInYAML() throws {
        let text = """
            # wmlint-disable-file unknown-key
            OrganizationId: m-0 # wmlint-disable-line organization-id-format
            # wmlint-disable-next-line enum-value -- reviewed
            AuthenticationMode: idp
            Other: 1

            """
        let suppressions = S.yaml(text)
        #expect(suppressions.map(\.kind) == [.file, .line, .nextLine])
        #expect(suppressions[0].coverage == .bytes(0, text.utf8.count))
        #expect(
            S.slice(text, suppressions[1].coverage)
                == "OrganizationId: m-0 # wmlint-disable-line organization-id-format")
        #expect(S.slice(text, suppressions[2].coverage) == "AuthenticationMode: idp")
        #expect(suppressions[2].reason == "reviewed")
        #expect(suppressions[1].names[0].range == S.range(of: "organization-id-format", in: text))
    }

    @Test func nextLineCoversANestedMapping() throws {
        let text = """
            # wmlint-disable-next-line pat-lifetime-ignored
            PersonalAccessTokenConfiguration:
              # a comment inside

              Status: INACTIVE
              LifetimeInDays: 30
            # trailing comment
            AuthenticationMode: x
            """
        let suppression = try #require(S.yaml(text).first)
        #expect(
            S.slice(text, suppression.coverage)
                == "PersonalAccessTokenConfiguration:\n  # a comment inside\n\n  Status: INACTIVE\n  LifetimeInDays: 30"
        )
    }

    @Test func nextLineCoversASequenceAtTheKeysIndentation() throws {
        let text = "# wmlint-disable-next-line unknown-key\nItems: # list\n- a\n-\n  b: 1\nNext: 2\n"
        let suppression = try #require(S.yaml(text).first)
        #expect(S.slice(text, suppression.coverage) == "Items: # list\n- a\n-\n  b: 1")
    }

    @Test func nextLineCoversABlockScalarAndAFlowValue() throws {
        let text = "# wmlint-disable-next-line type-mismatch\nA: |\n  # not a comment\n  text\nB: 1\n"
        let suppression = try #require(S.yaml(text).first)
        #expect(S.slice(text, suppression.coverage) == "A: |\n  # not a comment\n  text")
        let flow = "# wmlint-disable-next-line type-mismatch\nA: {x: 1}\nB: 1\n"
        #expect(S.slice(flow, try #require(S.yaml(flow).first).coverage) == "A: {x: 1}")
    }

    @Test func nextLineCoversOnlyTheSubtreeOfANestedKeyOrItem() throws {
        let text = """
            IdentityCenterConfiguration:
              # wmlint-disable-next-line instance-arn-format
              InstanceArn: >-
                arn:aws:sso:::instance/x
              ApplicationArn: y
            List:
            # wmlint-disable-next-line unknown-key
            - a: 1
              b: 2
            - c: 3
            """
        let suppressions = S.yaml(text)
        #expect(suppressions.count == 2)
        #expect(S.slice(text, suppressions[0].coverage) == "  InstanceArn: >-\n    arn:aws:sso:::instance/x")
        #expect(S.slice(text, suppressions[1].coverage) == "- a: 1\n  b: 2")
    }

    @Test func hashesInsideScalarsAreNotDirectives() {
        let text = """
            A: '# wmlint-disable-file enum-value'
            B: "# wmlint-disable-file enum-value"
            C: |
              # wmlint-disable-file enum-value
            D: >-
                # wmlint-disable-file enum-value
            E: a#wmlint-disable-file enum-value
            F: ['x # wmlint-disable-file enum-value']

            """
        #expect(S.yaml(text).isEmpty)
    }

    @Test func crlfAndMultiByteYAML() throws {
        let text =
            "\u{FEFF}名前: '日本 # x' # wmlint-disable-line unknown-key\r\n# wmlint-disable-next-line enum-value\r\nA: 🚀\r\n"
        let suppressions = S.yaml(text)
        #expect(suppressions.count == 2)
        #expect(S.slice(text, suppressions[0].comment) == "# wmlint-disable-line unknown-key")
        #expect(suppressions[0].names[0].range == S.range(of: "unknown-key", in: text))
        #expect(S.slice(text, suppressions[0].coverage) == "\u{FEFF}名前: '日本 # x' # wmlint-disable-line unknown-key")
        #expect(S.slice(text, suppressions[1].coverage) == "A: 🚀")
        #expect(S.slice(text, suppressions[1].removal) == "# wmlint-disable-next-line enum-value\r\n")
    }
}

@Suite struct YAMLCommentsTests {
    /// The texts of the comments the scanner finds.
    private func comments(_ text: String) -> [String] {
        YAMLComments.scan(Array(text.utf8)).compactMap { S.slice(text, $0) }
    }

    @Test(
        arguments: [
            ("a: 'x # y' # c1\n", ["# c1"]),
            ("a: 'it''s # y' # c1\n", ["# c1"]),
            ("b: \"q \\\" # z\" # c2\n", ["# c2"]),
            ("c: it's # c3\n", ["# c3"]),
            ("c: x, 'y # c4'\n", ["# c4'"]),
            ("url: http://x#y # c5\n", ["# c5"]),
            ("'k': v #c6\r\n#c7", ["#c6", "#c7"]),
            ("d: |\n  # not\n  text\n# c8\n", ["# c8"]),
            ("d: |+ # c9\n  # not\n\n  x\n  # c10?\n", ["# c9"]),
            ("e: >-\n    # not\n  # c11\n", ["# c11"]),
            ("e: |2\n   # not\n  # not\n # c12\n", ["# c12"]),
            ("- |\n  # not\n- x # c13\n", ["# c13"]),
            ("- k: |\n    # not\n  # c14\n", ["# c14"]),
            ("k: &a !!str |\n  # not\nz: 1 # c15\n", ["# c15"]),
            ("f: [a, 'b # c', {g: \"# h\"}] # c16\n", ["# c16"]),
            ("f: [a,\n  'b # c'] # c17\n", ["# c17"]),
            ("--- # c18\n--- |\n # not\n... # c19\n", ["# c18", "# c19"]),
            ("\u{FEFF}# c20\na: \"unterminated # x\n", ["# c20"]),
            ("a: '\n  # not\n  ' # c21\n", ["# c21"]),
            ("日本: 🚀 # 語\n", ["# 語"]),
        ] as [(String, [String])])
    func findsCommentsOutsideScalars(text: String, expected: [String]) {
        #expect(comments(text) == expected)
    }

    @Test func commentRangesAreExactBytes() {
        let text = "é: 'x' # a\r\n  # b"
        let ranges = YAMLComments.scan(Array(text.utf8))
        #expect(ranges == [S.range(of: "# a", in: text), S.range(of: "# b", in: text)])
    }

    @Test func junkAndDeepFlowNeverHang() {
        var bytes: [UInt8] = Array(repeating: UInt8(ascii: "["), count: 100_000)
        bytes += Array(" # c\n|\n\"\\".utf8) + [0xFF, 0x00, 0x0A, 0x23]
        let ranges = YAMLComments.scan(bytes)
        #expect(ranges.first == .bytes(100_001, 100_004))
    }
}
