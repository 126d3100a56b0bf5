import Testing
import WMLintSource
import WMLintSyntax

private func load(_ text: String, maxDepth: Int = 256) -> ParseResult {
    YAMLLoader.load(SourceText(bytes: Array(text.utf8), path: "in.yaml"), maxDepth: maxDepth)
}

private func json(_ text: String) -> String? {
    load(text).root.map { JSONWriter.write($0) }
}

private func offset(of needle: String, in text: String) -> Int {
    guard let range = text.range(of: needle) else { return -1 }
    return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
}

private func member(_ node: SyntaxNode?, _ key: String) -> Member? {
    guard case .object(let members) = node?.value else { return nil }
    return members.last { $0.key == key }
}

@Suite struct YAMLLoaderTests {
    // MARK: Typing

    /// Plain scalars typed as ruamel.yaml's safe loader types them (YAML 1.2), with each example of the contract.
    @Test(arguments: [
        ("030", "30"), ("0o30", "24"), ("0x1E", "30"), ("+30", "30"), ("1_000", "1000"), ("0b101", "5"),
        ("-0b11", "-3"), ("09", "9"), ("-0", "0"), ("0x_FF", "255"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175"),
        ("30.0", "30.0"), ("3e1", "30.0"), ("1.", "1.0"), ("-1.5e-3", "-0.0015"), (".5", "0.5"), ("+.5", "0.5"),
        (".5e+1", "5.0"), ("1e400", "Infinity"),
        (".inf", "Infinity"), ("-.Inf", "-Infinity"), ("+.INF", "Infinity"), (".nan", "NaN"), (".NaN", "NaN"),
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"), ("False", "false"),
        ("FALSE", "false"), ("tRUE", "\"tRUE\""),
        ("on", "\"on\""), ("off", "\"off\""), ("yes", "\"yes\""), ("no", "\"no\""), ("y", "\"y\""), ("n", "\"n\""),
        ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("nULL", "\"nULL\""), ("", "null"),
        ("2024-01-01", "\"2024-01-01\""), ("2001-12-14t21:59:43.10-05:00", "\"2001-12-14t21:59:43.10-05:00\""),
        ("1:30", "\"1:30\""), ("_1", "\"_1\""), ("_", "\"_\""), (".5e1", "\".5e1\""), ("-.nan", "\"-.nan\""),
        ("0o", "\"0o\""), ("0x", "\"0x\""), ("0b102", "\"0b102\""), ("1_000.5", "1000.5"), ("+", "\"+\""),
        ("'030'", "\"030\""), ("\"true\"", "\"true\""), ("!!str 30", "\"30\""), ("!!str true", "\"true\""),
        ("! 12", "12"), ("!!int '0x10'", "16"), ("!!int \"30\"", "30"), ("!!bool yes", "true"), ("!!bool Off", "false"),
        ("!!float 1", "1.0"), ("!!float '-inf'", "-Infinity"), ("!!null abc", "null"), ("=: a", "{\"=\": \"a\"}"),
        ("日本語", "\"日本語\""), ("😀", "\"😀\""),
    ])
    func plainScalarTyping(source: String, expected: String) {
        let result = load(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.root.map { JSONWriter.write($0) } == expected)
    }

    /// A `%YAML 1.1` directive switches to YAML 1.1 typing, as ruamel.yaml does.
    @Test func yaml11Typing() {
        let text =
            "%YAML 1.1\n---\n[on, Off, yes, n, 030, 0o30, 1:30, -1:30, 1:30.5, 0b11, 09, .5, +.5, 0x1E, 190:20:30]"
        #expect(
            json(text)
                == "[true, false, true, false, 24, \"0o30\", 90, -90, 90.5, 3, \"09\", 0.5, \"+.5\", 30, 685230]")
    }

    @Test func numbersKeepTheirLexeme() throws {
        let root = try #require(load("[0x1E, 1_000, 3e1, -0]").root)
        guard case .array(let items) = root.value else {
            Issue.record("expected a list")
            return
        }
        #expect(
            items.map(\.value) == [
                .number(Number(lexeme: "0x1E", kind: .integer("30"))),
                .number(Number(lexeme: "1_000", kind: .integer("1000"))),
                .number(Number(lexeme: "3e1", kind: .float(30))),
                .number(Number(lexeme: "-0", kind: .integer("0"))),
            ])
    }

    @Test func datesAreTimestampsAndTagsAreKept() throws {
        let root = try #require(load("d: 2024-01-01\ns: !!str 2024-01-01\nt: !!timestamp 2024-02-29\n").root)
        #expect(member(root, "d")?.value.value == .timestamp("2024-01-01"))
        #expect(member(root, "d")?.value.tag == nil)
        #expect(member(root, "s")?.value.value == .string("2024-01-01"))
        #expect(member(root, "s")?.value.tag == "!!str")
        #expect(member(root, "t")?.value.value == .timestamp("2024-02-29"))
    }

    @Test(arguments: [
        ("2024-13-01", "'2024-13-01' looks like a date but is not a valid one"),
        ("2023-02-29", "'2023-02-29' looks like a date but is not a valid one"),
        ("0b_", "'0b_' is not a valid integer"),
        ("._", "'._' is not a valid float"),
        ("!!int abc", "'abc' is not a valid integer"),
        ("!!bool maybe", "'maybe' is not a valid boolean"),
        ("!custom x", "unsupported tag '!custom' on a scalar; the AWS CLI's YAML loader cannot construct it"),
        ("a: =", "a plain '=' cannot be a value; quote it"),
        ("a: <<", "a plain '<<' is a merge key and cannot be a value; quote it"),
    ])
    func valuesRuamelCannotConstruct(source: String, message: String) {
        let result = load(source)
        #expect(result.diagnostics.map(\.message) == [message])
        #expect(result.diagnostics.map(\.rule) == [.yamlSyntax])
    }

    // MARK: Ranges

    @Test func rangesAreByteOffsetsAfterMultiByteText() throws {
        let text = "名前: 日本語\n😀: [x, \"é\"]\n"
        let root = try #require(load(text).root)
        let name = try #require(member(root, "名前"))
        #expect(name.keyRange == .bytes(0, 6))
        #expect(name.value.range == .bytes(8, 17))
        let emoji = try #require(member(root, "😀"))
        #expect(emoji.keyRange == .bytes(18, 22))
        guard case .array(let items) = emoji.value.value else {
            Issue.record("expected a list")
            return
        }
        let list = offset(of: "[", in: text)
        #expect(emoji.value.range == .bytes(list, list + 9))
        #expect(items[1].range == .bytes(list + 4, list + 8))
        #expect(root.range == .bytes(0, list + 9))
    }

    @Test func crlfTabsAndByteOrderMark() throws {
        let text = "\u{FEFF}a: 1\r\nb: [\t\"日\"]\r\nc: |\r\n  x\r\n"
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(member(root, "a")?.keyRange == .bytes(3, 4))
        #expect(member(root, "a")?.value.range == .bytes(6, 7))
        let quote = offset(of: "\"", in: text)
        #expect(member(root, "b")?.value.range == .bytes(quote - 2, quote + 6))
        #expect(member(root, "b")?.value.value == .array([SyntaxNode(.string("日"), range: .bytes(quote, quote + 5))]))
        #expect(member(root, "c")?.value.value == .string("x\n"))
        #expect(member(root, "c")?.value.range.lowerBound.offset == offset(of: "|", in: text))
    }

    /// ruamel.yaml's scanner rejects a tab between tokens outside flow collections and inside plain scalars,
    /// where libyaml accepts it.
    @Test(arguments: [
        ("b:\tx", "tab between tokens outside a flow collection", 2),
        ("a: 1\t# c", "tab between tokens outside a flow collection", 4),
        ("日本:\t1", "tab between tokens outside a flow collection", 7),
        ("k: v\t", "tab between tokens outside a flow collection", 4),
        ("a: b\tc", "tab inside a plain scalar", 4),
        ("[b\tc]", "tab inside a plain scalar", 2),
    ])
    func tabsRuamelRejects(source: String, message: String, at offset: Int) throws {
        let result = load(source)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == .yamlSyntax)
        #expect(diagnostic.message.hasPrefix(message))
        #expect(diagnostic.range == .bytes(offset, offset + 1))
        #expect(result.diagnostics.count == 1)
    }

    @Test(arguments: ["[1,\t2]", "a: 1 # x\ty", "# \t\na: 1", "a: \"x\ty\"", "a: |\n  x\ty", "a:\n  - {b:\tc}"])
    func tabsRuamelAccepts(source: String) {
        #expect(load(source).diagnostics.isEmpty)
    }

    @Test func blockScalars() throws {
        let text = "lit: |\n  one\n  two\nfold: >-\n  one\n  two\nkeep: |+\n  x\n\nend: 1\n"
        let root = try #require(load(text).root)
        #expect(member(root, "lit")?.value.value == .string("one\ntwo\n"))
        #expect(member(root, "fold")?.value.value == .string("one two"))
        #expect(member(root, "keep")?.value.value == .string("x\n\n"))
        #expect(member(root, "lit")?.value.range == .bytes(5, offset(of: "fold", in: text)))
    }

    @Test func flowAndBlockCollections() throws {
        let text = "a: {b: [1, 2], c: {d: e}}\nlist:\n  - x\n  - - y\n"
        let result = load(text)
        #expect(json(text) == "{\"a\": {\"b\": [1, 2], \"c\": {\"d\": \"e\"}}, \"list\": [\"x\", [\"y\"]]}")
        let root = try #require(result.root)
        #expect(member(root, "a")?.value.range == .bytes(3, 25))
        let list = try #require(member(root, "list"))
        #expect(list.value.range == .bytes(offset(of: "- x", in: text), text.utf8.count - 1))
        #expect(root.range == .bytes(0, text.utf8.count - 1))
    }

    @Test func rangesMapThroughAnOffsetMap() throws {
        let bytes = Array("a: 日".utf8)
        let map = OffsetMap.contiguous(base: 100, count: bytes.count)
        let result = YAMLLoader.load(SourceText(bytes: bytes, path: "run.sh", map: map))
        let value = try #require(member(result.root, "a"))
        #expect(value.keyRange == .bytes(100, 101))
        #expect(value.value.range == .bytes(103, 106))
    }

    @Test func nonScalarKeysUseTheirJSONText() {
        #expect(
            json("? [a, 1]\n: x\n? {k: v}\n: y\n1: z\ntrue: w")
                == "{\"[\\\"a\\\", 1]\": \"x\", \"{\\\"k\\\": \\\"v\\\"}\": \"y\", \"1\": \"z\", \"true\": \"w\"}")
    }

    // MARK: Anchors and merge keys

    @Test func aliasesCopyTheAnchoredNode() throws {
        let text = "a: &x {k: [1, 2]}\nb: *x\nc: &s 日本\nd: *s\n"
        #expect(json(text) == "{\"a\": {\"k\": [1, 2]}, \"b\": {\"k\": [1, 2]}, \"c\": \"日本\", \"d\": \"日本\"}")
        let root = try #require(load(text).root)
        // An alias copies the anchored node with its range, anchor included.
        #expect(member(root, "b")?.value.range == .bytes(3, 17))
    }

    @Test func mergeKeysAsRuamelReadsThem() {
        #expect(json("<<: {a: 1}\nb: 2") == "{\"a\": 1, \"b\": 2}")
        #expect(json("<<: [{a: 1, b: 1}, {a: 2, c: 2}]\nd: 3") == "{\"a\": 1, \"c\": 2, \"b\": 1, \"d\": 3}")
        #expect(
            json("base: &b {a: 1, b: 2}\nm:\n  b: 3\n  <<: *b\n")
                == "{\"base\": {\"a\": 1, \"b\": 2}, \"m\": {\"a\": 1, \"b\": 3}}")
        #expect(json("'<<': {a: 1}") == "{\"<<\": {\"a\": 1}}")
        let own = load("<<: {a: 1}\na: 2")
        #expect(own.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("<<: 1", "expected a mapping or list of mappings for merging, found an integer"),
        ("<<: [{a: 1}, x]", "expected a mapping for merging, found a string"),
        ("<<: {a: 1}\n<<: {b: 1}", "found a second merge key '<<' in a mapping; expected at most one"),
        ("a: *nope", "undefined alias '*nope'; expected an anchor defined before it"),
        ("a: &r [*r]", "alias '*r' refers to a collection that contains it"),
    ])
    func anchorAndMergeErrors(source: String, message: String) {
        #expect(load(source).diagnostics.map(\.message) == [message])
    }

    @Test func billionLaughsIsBounded() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let start = ContinuousClock.now
        let result = load(text)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(result.root == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == .yamlSyntax)
        #expect(diagnostic.message == "alias expansion exceeds 10000 nodes")
        // 90 + 819 + 7380 = 8289 nodes are expanded by the aliases of b, c and d; e's first '*d' adds 7381 more.
        let alias = offset(of: "e: &e [", in: text) + 7
        #expect(diagnostic.range == .bytes(alias, alias + 2))
    }

    // MARK: Depth

    @Test func nestingBeyondTheLimitStops() throws {
        let ok = load(String(repeating: "[", count: 256) + String(repeating: "]", count: 256))
        #expect(ok.diagnostics.isEmpty)
        let deep = load(String(repeating: "[", count: 257) + String(repeating: "]", count: 257))
        #expect(deep.root == nil)
        let diagnostic = try #require(deep.diagnostics.first)
        #expect(diagnostic.message == "nesting exceeds the depth limit of 256")
        #expect(diagnostic.range == .bytes(256, 257))
    }

    @Test func aMillionBracketsIsQuickAndSafe() {
        let start = ContinuousClock.now
        let result = load(String(repeating: "[", count: 1_000_000))
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(result.diagnostics.map(\.message) == ["nesting exceeds the depth limit of 256"])
    }

    @Test func deepBlockNestingStops() {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k:\n" }
        let result = load(text)
        #expect(result.diagnostics.map(\.message) == ["nesting exceeds the depth limit of 256"])
        #expect(
            result.diagnostics.first?.range.lowerBound.offset == offset(
                of: String(repeating: " ", count: 256) + "k", in: text) + 256)
    }

    // MARK: Documents, duplicates and errors

    @Test func emptyStreamsGiveANullRoot() throws {
        for text in ["", "# only a comment\n", "\n\n", "---\n", "--- ~\n"] {
            let result = load(text)
            #expect(result.diagnostics.isEmpty)
            #expect(try #require(result.root).value == .null)
        }
    }

    @Test func aSecondDocumentIsAnError() throws {
        let result = load("a: 1\n---\nb: 2\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "expected one document, found a second one")
        #expect(diagnostic.range == .bytes(5, 8))
        #expect(result.root.map { JSONWriter.write($0) } == "{\"a\": 1}")
    }

    /// ruamel.yaml reads a flow indicator right after a tag as part of the tag and fails; libyaml ends the tag
    /// there. A space before the indicator, or a block context, is fine for both; libyaml itself refuses a `]` or `}`
    /// right after a tag.
    @Test(arguments: [
        ("{foo: !!str, bar: 1}", "!!str,"), ("[!!str, a]", "!!str,"), ("[&a !!int]", nil),
        ("[!!str]", nil),
        ("[!!str , a]", nil), ("a: !!str,x\n", nil), ("{a: !<tag:yaml.org,2002:str> b}", nil), ("[&a!, 1]", nil),
    ])
    func flowIndicatorAfterATagIsRefused(_ text: String, _ flagged: String?) throws {
        let diagnostics = load(text).diagnostics.filter { $0.message.contains("as part of the tag") }
        let bytes = Array(text.utf8)
        #expect(
            diagnostics.map {
                String(decoding: bytes[$0.range.lowerBound.offset..<$0.range.upperBound.offset], as: UTF8.self)
            }
                == (flagged.map { [$0] } ?? []))
    }

    @Test func duplicateKeysReportTheLaterOneAndKeepTheLastValue() throws {
        let result = load("日本: 1\nb: 2\n日本: 3\n")
        #expect(result.root.map { JSONWriter.write($0) } == "{\"日本\": 3, \"b\": 2}")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == .duplicateKey)
        #expect(diagnostic.message == "duplicate key '日本' in a mapping")
        #expect(diagnostic.range == .bytes(15, 21))
        #expect(diagnostic.related.map(\.range) == [.bytes(0, 6)])
        #expect(!result.hasErrors)
    }

    @Test func duplicatesInLargeMappings() {
        let keys = (0..<40).map { "k\($0): \($0)" } + ["k7: again", "k39: again"]
        let result = load(keys.joined(separator: "\n"))
        #expect(
            result.diagnostics.map(\.message) == [
                "duplicate key 'k7' in a mapping",
                "duplicate key 'k39' in a mapping",
            ])
    }

    @Test(arguments: [
        ("a: b: c", "mapping values are not allowed in this context", 4, 5),
        ("[1, 2", "did not find expected ',' or ']' while parsing a flow sequence", 5, 5),
        ("a: 'x", "found unexpected end of stream while scanning a quoted scalar", 5, 5),
        ("a: 1\n b: 2", "mapping values are not allowed in this context", 7, 8),
        ("- a\nb: c", "did not find expected '-' indicator while parsing a block collection", 4, 5),
        ("a: \"日本\n@", "found unexpected end of stream while scanning a quoted scalar", 12, 12),
        ("x: `y", "found character that cannot start any token while scanning for the next token", 3, 4),
        ("a:\u{1}", "control characters are not allowed (0x1)", 2, 3),
    ])
    func libyamlErrorsAreLocated(source: String, message: String, lower: Int, upper: Int) throws {
        let result = load(source)
        #expect(result.root == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == .yamlSyntax)
        #expect(diagnostic.message == message)
        #expect(diagnostic.range == .bytes(lower, upper))
    }

    @Test func errorContextIsARelatedLocation() throws {
        let result = load("key: [1, 2\nnext: 3\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.related.map(\.message) == ["the flow sequence starts here"])
        #expect(diagnostic.related.map(\.range) == [.bytes(5, 6)])
    }

    @Test func invalidUTF8IsLocatedByByte() throws {
        let bytes: [UInt8] = Array("a: 日".utf8) + [0xFF]
        let result = YAMLLoader.load(SourceText(bytes: bytes, path: "in.yaml"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == .yamlSyntax)
        #expect(diagnostic.range.lowerBound.offset == 6)
    }
}
