import Testing
import WMLintSource
import WMLintSyntax

private func parse(_ source: String, maxDepth: Int = 256) -> ParseResult {
    JSONParser.parse(SourceText(bytes: Array(source.utf8), path: "in.json"), maxDepth: maxDepth)
}

private func parseBytes(_ bytes: [UInt8]) -> ParseResult {
    JSONParser.parse(SourceText(bytes: bytes, path: "in.json"))
}

private func syntaxErrors(_ result: ParseResult) -> [Diagnostic] {
    result.diagnostics.filter { $0.rule == .jsonSyntax }
}

/// The UTF-8 byte range of the `occurrence`-th (0-based) appearance of `needle` in `source`.
private func byteRange(of needle: String, in source: String, occurrence: Int = 0) -> SourceRange {
    let haystack = Array(source.utf8)
    let pattern = Array(needle.utf8)
    var seen = 0
    var index = 0
    while index + pattern.count <= haystack.count {
        if Array(haystack[index..<(index + pattern.count)]) == pattern {
            if seen == occurrence { return .bytes(index, index + pattern.count) }
            seen += 1
        }
        index += 1
    }
    Issue.record("\(needle) not found in \(source)")
    return .bytes(0, 0)
}

extension SyntaxNode {
    fileprivate var testMembers: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    fileprivate var testElements: [SyntaxNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    fileprivate var testString: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    fileprivate var testNumber: Number? {
        if case .number(let number) = value { return number }
        return nil
    }
}

@Suite struct JSONParserNodeTests {
    @Test func buildsEveryKindWithExactRanges() throws {
        let source = #"{"list": [1, "x", true, false, null, -2.5e3], "obj": {}, "empty": []}"#
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == .bytes(0, source.utf8.count))
        let members = try #require(root.testMembers)
        #expect(members.map(\.key) == ["list", "obj", "empty"])
        #expect(members[0].keyRange == byteRange(of: #""list""#, in: source))
        #expect(members[0].value.range == byteRange(of: #"[1, "x", true, false, null, -2.5e3]"#, in: source))
        let elements = try #require(members[0].value.testElements)
        #expect(elements.count == 6)
        #expect(elements[0].value == .number(Number(lexeme: "1", kind: .integer("1"))))
        #expect(elements[0].range == byteRange(of: "1", in: source))
        #expect(elements[1].value == .string("x"))
        #expect(elements[1].range == byteRange(of: #""x""#, in: source))
        #expect(elements[2].value == .bool(true))
        #expect(elements[2].range == byteRange(of: "true", in: source))
        #expect(elements[3].value == .bool(false))
        #expect(elements[4].value == .null)
        #expect(elements[4].range == byteRange(of: "null", in: source))
        #expect(elements[5].value == .number(Number(lexeme: "-2.5e3", kind: .float(-2500))))
        #expect(elements[5].range == byteRange(of: "-2.5e3", in: source))
        #expect(members[1].value.value == .object([]))
        #expect(members[1].value.range == byteRange(of: "{}", in: source))
        #expect(members[2].value.value == .array([]))
        #expect(members[2].value.range == byteRange(of: "[]", in: source))
    }

    @Test func scalarRootsAreValues() throws {
        #expect(parse("\"solo\"").root?.value == .string("solo"))
        #expect(parse(" 42 ").root?.range == .bytes(1, 3))
        #expect(parse("null").root?.value == .null)
        #expect(parse("false\n").diagnostics.isEmpty)
    }

    @Test func multiByteKeysAndValuesHaveByteRanges() throws {
        let source = #"{"日本語": "😀", "k": "é"}"#
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        let members = try #require(result.root?.testMembers)
        #expect(members[0].key == "日本語")
        #expect(members[0].keyRange == .bytes(1, 12))
        #expect(members[0].value.value == .string("😀"))
        #expect(members[0].value.range == .bytes(14, 20))
        #expect(members[1].keyRange == .bytes(22, 25))
        #expect(members[1].value.range == .bytes(27, 31))
        #expect(result.root?.range == .bytes(0, 32))
    }

    @Test func crlfAndTabsAreWhitespace() throws {
        let source = "{\r\n\t\"a\":\t1,\r\n\t\"b\" :\r\n[ ]\r\n}\r\n"
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        let members = try #require(result.root?.testMembers)
        #expect(members[0].keyRange == .bytes(4, 7))
        #expect(members[0].value.range == .bytes(9, 10))
        #expect(members[1].keyRange == .bytes(14, 17))
        #expect(members[1].value.range == .bytes(21, 24))
        #expect(result.root?.range == .bytes(0, 27))
    }

    @Test func leadingByteOrderMarkIsSkipped() throws {
        let result = parseBytes([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == .bytes(3, 10))
        #expect(root.testMembers?.first?.keyRange == .bytes(4, 7))
    }

    @Test func byteOrderMarkElsewhereIsAnError() throws {
        let errors = syntaxErrors(parse("[\u{FEFF}1]"))
        #expect(errors.map(\.message) == ["expected a value, found U+FEFF"])
        #expect(errors.first?.range == .bytes(1, 4))
    }

    @Test func rangesGoThroughTheOffsetMap() throws {
        let source = #"{"key": [true]}"#
        let bytes = Array(source.utf8)
        let text = SourceText(
            bytes: bytes, path: "run.sh", map: .contiguous(base: 10, count: bytes.count))
        let result = JSONParser.parse(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == .bytes(10, 25))
        let member = try #require(root.testMembers?.first)
        #expect(member.keyRange == .bytes(11, 16))
        #expect(member.value.range == .bytes(18, 24))
        #expect(member.value.testElements?.first?.range == .bytes(19, 23))

        let broken = Array(#"{"key" true}"#.utf8)
        let shifted = JSONParser.parse(
            SourceText(bytes: broken, path: "run.sh", map: .contiguous(base: 10, count: broken.count)))
        let error = try #require(syntaxErrors(shifted).first)
        #expect(error.message == "expected ':' after object key, found 'true'")
        #expect(error.range == .bytes(17, 21))
        #expect(error.path == "run.sh")
    }

    @Test func rangesFollowAnUnevenMap() throws {
        // Every decoded byte came from two file bytes (as `\"` does in a shell word).
        let bytes = Array(#"{"a":"#.utf8)
        let map = OffsetMap(
            starts: (0...bytes.count).map { 100 + 2 * $0 }, ends: (0..<bytes.count).map { 102 + 2 * $0 })
        let result = JSONParser.parse(SourceText(bytes: bytes, path: "run.sh", map: map))
        let error = try #require(syntaxErrors(result).first)
        #expect(error.message == "expected a value, found end of file")
        #expect(error.range == .bytes(110, 110))
        let members = try #require(result.root?.testMembers)
        #expect(members.isEmpty)
        #expect(result.root?.range == .bytes(100, 110))
    }
}

@Suite struct JSONParserRangeTests {
    /// Every node of `node`, depth first, and every member key range.
    private func walk(_ node: SyntaxNode, nodes: inout [SyntaxNode], keys: inout [(String, SourceRange)]) {
        nodes.append(node)
        switch node.value {
        case .object(let members):
            for member in members {
                keys.append((member.key, member.keyRange))
                walk(member.value, nodes: &nodes, keys: &keys)
            }
        case .array(let elements):
            for element in elements { walk(element, nodes: &nodes, keys: &keys) }
        default:
            break
        }
    }

    @Test func everyRangeHoldsExactlyItsOwnText() throws {
        let source = """
            \u{FEFF}{
            \t"OrganizationId": "m-0123456789abcdef0123456789abcdef",\r
              "日本語": {"😀": [1, -0, 2.5E+2, true, null, "a\\u00e9\\n"], "": {}},
              "list": [[], [{}], {"x": [false]}, "tab\\there"], "big": 123456789012345678901234567890
            }
            """
        let bytes = Array(source.utf8)
        let result = parseBytes(bytes)
        #expect(result.diagnostics.isEmpty)
        var nodes: [SyntaxNode] = []
        var keys: [(String, SourceRange)] = []
        walk(try #require(result.root), nodes: &nodes, keys: &keys)
        #expect(nodes.count == 20)
        #expect(keys.map(\.0) == ["OrganizationId", "日本語", "😀", "", "list", "x", "big"])
        for node in nodes {
            let slice = Array(bytes[node.range.offsets])
            let reparsed = parseBytes(slice)
            #expect(reparsed.diagnostics.isEmpty, "\(node.range)")
            // Nested ranges differ in the slice, so compare what the values write as.
            let written = try #require(reparsed.root.map { JSONWriter.write($0) })
            #expect(written == JSONWriter.write(node), "\(node.range)")
        }
        for (key, range) in keys {
            let reparsed = parseBytes(Array(bytes[range.offsets]))
            #expect(reparsed.root?.value == .string(key), "\(range)")
        }
    }
}

@Suite struct JSONParserStringTests {
    @Test func escapesAreDecoded() throws {
        let source = #"["\"\\\/\b\f\n\r\t", "\u00e9\u65E5", "\uD83D\uDE00!"]"#
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        let elements = try #require(result.root?.testElements)
        #expect(elements[0].testString == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(elements[1].testString == "é日")
        #expect(elements[2].testString == "😀!")
        #expect(elements[2].range == byteRange(of: #""\uD83D\uDE00!""#, in: source))
    }

    @Test(arguments: [
        (#"["\uD800"]"#, "\u{FFFD}"),
        (#"["\uDC00x"]"#, "\u{FFFD}x"),
        (#"["\uD800\u0041"]"#, "\u{FFFD}A"),
        (#"["\uD83D\uD83D\uDE00"]"#, "\u{FFFD}😀"),
        (#"["\uDE00\uD83D"]"#, "\u{FFFD}\u{FFFD}"),
    ])
    func loneSurrogatesBecomeReplacementCharacters(source: String, expected: String) throws {
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.testElements?.first?.testString == expected)
    }

    @Test func invalidUTF8InsideAStringIsRepaired() throws {
        let result = parseBytes(Array(#"["a"#.utf8) + [0xFF, 0xC3] + Array(#"b"]"#.utf8))
        #expect(syntaxErrors(result).isEmpty)
        #expect(result.root?.testElements?.first?.testString == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func longRepeatedStringsDecodeAlike() throws {
        let long = "IDENTITY_PROVIDER_AND_DIRECTORY"
        let source = "[" + Array(repeating: "\"\(long)\"", count: 5).joined(separator: ",") + ",\"\(long)x\"]"
        let elements = try #require(parse(source).root?.testElements)
        #expect(elements.map(\.testString) == Array(repeating: long, count: 5) + [long + "x"])
    }
}

@Suite struct JSONParserNumberTests {
    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("-1", "-1"), ("-9", "-9"), ("-12", "-12"), ("7", "7"), ("10", "10"),
        ("123456789012345678901234567890123456789", "123456789012345678901234567890123456789"),
        ("-99999999999999999999999", "-99999999999999999999999"),
    ])
    func integersKeepCanonicalDecimalText(lexeme: String, canonical: String) throws {
        let result = parse(lexeme)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.testNumber == Number(lexeme: lexeme, kind: .integer(canonical)))
    }

    @Test(arguments: [
        ("1.5", 1.5), ("-2.5e3", -2500), ("1E-2", 0.01), ("30.0", 30), ("0e0", 0), ("1e400", Double.infinity),
        ("-1e400", -Double.infinity),
    ])
    func fractionsAndExponentsAreFloats(lexeme: String, value: Double) throws {
        let result = parse(lexeme)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.testNumber == Number(lexeme: lexeme, kind: .float(value)))
    }

    @Test func nonFiniteLiteralsAreReportedButBound() throws {
        let source = "[NaN, Infinity, -Infinity]"
        let result = parse(source)
        let errors = syntaxErrors(result)
        #expect(errors.count == 3)
        #expect(errors.map(\.range) == [.bytes(1, 4), .bytes(6, 14), .bytes(16, 25)])
        #expect(
            errors[0].message
                == "'NaN' is not valid JSON; the AWS CLI's parser accepts it but other JSON tools reject it")
        #expect(errors[2].message.hasPrefix("'-Infinity' is not valid JSON; the AWS CLI's parser accepts it"))
        let elements = try #require(result.root?.testElements)
        guard case .float(let nan) = elements[0].testNumber?.kind else {
            Issue.record("NaN is not a float node")
            return
        }
        #expect(nan.isNaN)
        #expect(elements[0].testNumber?.lexeme == "NaN")
        #expect(elements[1].testNumber?.kind == .float(.infinity))
        #expect(elements[2].testNumber == Number(lexeme: "-Infinity", kind: .float(-.infinity)))
        #expect(elements[2].range == .bytes(16, 25))
        #expect(result.hasErrors)
    }
}

@Suite struct JSONParserDuplicateKeyTests {
    @Test func laterKeyIsReportedWithTheFirstAsRelated() throws {
        let source = #"{"a": 1, "b": 2, "a": 3, "a": 4}"#
        let result = parse(source)
        #expect(syntaxErrors(result).isEmpty)
        #expect(!result.hasErrors)
        let duplicates = result.diagnostics.filter { $0.rule == .duplicateKey }
        #expect(duplicates.count == 2)
        #expect(duplicates.map(\.range) == [byteRange(of: #""a""#, in: source, occurrence: 1), .bytes(25, 28)])
        #expect(duplicates.allSatisfy { $0.related.map(\.range) == [.bytes(1, 4)] })
        #expect(duplicates.first?.related.first?.path == "in.json")
        #expect(duplicates.first?.message.hasPrefix("duplicate key 'a'") == true)
        let members = try #require(result.root?.testMembers)
        #expect(members.map(\.key) == ["a", "b", "a", "a"])
        #expect(members.last?.value.testNumber?.lexeme == "4")
    }

    @Test func keysCompareByDecodedBytes() throws {
        // An escaped key equals its plain spelling; canonically equivalent but different bytes do not.
        let escaped = parse(#"{"a": 1, "\u0061": 2}"#)
        #expect(escaped.diagnostics.map(\.rule) == [.duplicateKey])
        #expect(escaped.diagnostics.first?.range == .bytes(9, 17))
        let equivalent = parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(equivalent.diagnostics.isEmpty)
        #expect(equivalent.root?.testMembers?.count == 2)
    }

    @Test func duplicatesAreFoundInLargeObjects() throws {
        var source = "{"
        for index in 0..<40 { source += "\"key\(index)\": \(index), " }
        source += "\"key7\": 0, \"key39\": 1, \"new\": 2, \"key7\": 3, \"new\": 4}"
        let result = parse(source)
        let duplicates = result.diagnostics.filter { $0.rule == .duplicateKey }
        #expect(
            duplicates.map(\.range) == [
                byteRange(of: #""key7""#, in: source, occurrence: 1),
                byteRange(of: #""key39""#, in: source, occurrence: 1),
                byteRange(of: #""key7""#, in: source, occurrence: 2),
                byteRange(of: #""new""#, in: source, occurrence: 1),
            ])
        // Every later occurrence points at the first one.
        #expect(
            duplicates.map { $0.related.first?.range } == [
                byteRange(of: #""key7""#, in: source), byteRange(of: #""key39""#, in: source),
                byteRange(of: #""key7""#, in: source), byteRange(of: #""new""#, in: source),
            ])
        #expect(result.root?.testMembers?.count == 45)
    }

    @Test func nestedObjectsHaveTheirOwnKeys() throws {
        let result = parse(#"{"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 2}]}"#)
        #expect(result.diagnostics.isEmpty)
    }
}

/// A malformed input, the one error it gives and its exact byte range.
struct JSONErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var message: String
    var range: Range<Int>
    var testDescription: String { source }

    init(_ source: String, _ message: String, _ range: Range<Int>) {
        self.source = source
        self.message = message
        self.range = range
    }
}

@Suite struct JSONParserErrorTests {
    static let cases: [JSONErrorCase] = [
        .init(#"{"a":1 x}"#, "expected ',' or '}' after object member, found 'x'", 7..<8),
        .init(#"{"a":1]"#, "expected ',' or '}' after object member, found ']'", 6..<7),
        .init("[1}", "expected ',' or ']' after array element, found '}'", 2..<3),
        .init("[1 2]", "expected ',' or ']' after array element, found '2'", 3..<4),
        .init("[1,2", "expected ',' or ']' after array element, found end of file", 4..<4),
        .init(#""abc"#, "unterminated string", 0..<1),
        .init(#"["日本"#, "unterminated string", 1..<2),
        .init(#"["\"#, "unterminated string", 1..<2),
        .init(#"["\u12"#, "unterminated string", 1..<2),
        .init("[1,2,]", "trailing comma is not allowed in JSON", 4..<5),
        .init("{\"a\":1,\r\n}", "trailing comma is not allowed in JSON", 6..<7),
        .init("", "expected a value, found end of file", 0..<0),
        .init(" \t\r\n", "expected a value, found end of file", 4..<4),
        .init(#"{"a":"#, "expected a value, found end of file", 5..<5),
        .init("[1] x", "unexpected data after the JSON value", 4..<5),
        .init("{\"a\":1} {\"b\":2}\n", "unexpected data after the JSON value", 8..<15),
        .init(#"["a\qb"]"#, #"invalid escape '\q' in string"#, 3..<5),
        .init(#"["日\é"]"#, #"invalid escape '\é' in string"#, 5..<8),
        .init(#"["\u12G4"]"#, #"invalid escape '\u12' in string; expected four hex digits after '\u'"#, 2..<6),
        .init("[\"a\nb\"]", "control character U+000A must be escaped in a string", 3..<4),
        .init("[\"\t\"]", "control character U+0009 must be escaped in a string", 2..<3),
        .init("[\"\u{1}\"]", "control character U+0001 must be escaped in a string", 2..<3),
        .init("[012]", "leading zeros are not allowed in numbers", 1..<4),
        .init("[-00.5]", "leading zeros are not allowed in numbers", 1..<6),
        .init("[0x1F]", "hexadecimal numbers are not valid JSON; write the number in decimal", 1..<5),
        .init("{'a':1}", "single quotes are not valid JSON; use '\"'", 1..<2),
        .init("['a']", "single quotes are not valid JSON; use '\"'", 1..<2),
        .init("{\"a\":1 // note\r\n}", "comments are not allowed in JSON", 7..<14),
        .init("[1 /* c */]", "comments are not allowed in JSON", 3..<10),
        .init("/* open", "comments are not allowed in JSON", 0..<7),
        .init("[1]\n// trailing", "comments are not allowed in JSON", 4..<15),
        .init(#"{"a" 1}"#, "expected ':' after object key, found '1'", 5..<6),
        .init("{a:1}", "expected a string key or '}', found 'a'", 1..<2),
        .init("{,}", "expected a string key or '}', found ','", 1..<2),
        .init(#"{"a":1, 2}"#, "expected a string key, found '2'", 8..<9),
        .init("[True]", "expected a value, found 'True'", 1..<5),
        .init("[nul]", "expected a value, found 'nul'", 1..<4),
        .init("[1,,2]", "expected a value, found ','", 3..<4),
        .init(#"{"a":}"#, "expected a value, found '}'", 5..<6),
        .init("[\u{C}]", "expected a value, found control character U+000C", 1..<2),
        .init("[\u{A0}]", "expected a value, found U+00A0", 1..<3),
        .init("[é]", "expected a value, found 'é' (U+00E9)", 1..<3),
        .init("[-]", "expected a digit after '-', found ']'", 2..<3),
        .init("[-x]", "expected a digit after '-', found 'x'", 2..<3),
        .init("[1.]", "expected a digit after the decimal point, found ']'", 3..<4),
        .init("[1.e5]", "expected a digit after the decimal point, found 'e5'", 3..<5),
        .init("[1e+]", "expected a digit in the exponent, found ']'", 4..<5),
        .init("[+1]", "a leading '+' is not allowed in numbers", 1..<2),
        .init("[.5]", "a number must start with a digit, not '.'", 1..<3),
        .init("[-NaN]", "expected a digit after '-', found 'NaN'", 2..<5),
        .init("[\"😀\" x]", "expected ',' or ']' after array element, found 'x'", 8..<9),
    ]

    @Test(arguments: cases)
    func reportsTheFirstErrorAtItsExactRange(errorCase: JSONErrorCase) throws {
        let result = parse(errorCase.source)
        let errors = syntaxErrors(result)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message == errorCase.message)
        #expect(error.range.offsets == errorCase.range)
        #expect(error.severity == .error)
        #expect(error.path == "in.json")
        #expect(result.hasErrors)
    }

    @Test func invalidUTF8OutsideAStringIsASyntaxError() throws {
        let errors = syntaxErrors(parseBytes([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")]))
        #expect(errors.map(\.message) == ["expected a value, found invalid UTF-8 byte 0xFF"])
        #expect(errors.first?.range == .bytes(1, 2))
    }

    @Test func helpSuggestsTheIntendedSpelling() throws {
        #expect(syntaxErrors(parse("[True]")).first?.help == ["JSON literals are lower case; did you mean 'true'?"])
        #expect(syntaxErrors(parse("[None]")).first?.help == ["did you mean 'null'?"])
        #expect(syntaxErrors(parse("{a:1}")).first?.help == ["object keys must be strings in double quotes"])
        #expect(syntaxErrors(parse("[\"\n\"]")).first?.help == [#"write it as '\n'"#])
    }

    @Test func trailingCommaHasARemovalFix() throws {
        let error = try #require(syntaxErrors(parse("[1,\t]")).first)
        #expect(error.fixes.first?.edits == [TextEdit(path: "in.json", range: .bytes(2, 3), replacement: "")])
    }

    @Test func stopsAtTheFirstFatalError() throws {
        let result = parse("[1,,2,,3, NaN")
        #expect(syntaxErrors(result).map(\.range) == [.bytes(3, 4)])
    }

    @Test func partialRootHoldsWhatWasRead() throws {
        let result = parse(#"{"a": [1, 2"#)
        let root = try #require(result.root)
        #expect(root.range == .bytes(0, 11))
        let member = try #require(root.testMembers?.first)
        #expect(member.key == "a")
        #expect(member.value.range == .bytes(6, 11))
        #expect(member.value.testElements?.count == 2)
        let dangling = parse(#"{"a": 1, "b": }"#)
        #expect(dangling.root?.testMembers?.map(\.key) == ["a"])
        #expect(parse("[1] x").root?.testElements?.count == 1)
        #expect(parse("x").root == nil)
    }
}

@Suite struct JSONParserDepthTests {
    @Test func twoHundredFiftySixLevelsAreAllowed() throws {
        let source = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.range == .bytes(0, 512))
    }

    @Test func threeHundredLevelsAreTooDeep() throws {
        let source = String(repeating: "{\"k\":[", count: 150) + "1" + String(repeating: "]}", count: 150)
        let errors = syntaxErrors(parse(source))
        #expect(errors.map(\.message) == ["nesting deeper than 256 levels"])
        // The 257th opening bracket is the 129th `{` (each `{"k":[` opens two levels).
        #expect(errors.first?.range == .bytes(128 * 6, 128 * 6 + 1))
    }

    @Test func aMillionOpeningBracketsStopAtTheLimit() throws {
        let result = parse(String(repeating: "[", count: 1_000_000))
        let errors = syntaxErrors(result)
        #expect(errors.map(\.message) == ["nesting deeper than 256 levels"])
        #expect(errors.first?.range == .bytes(256, 257))
        var depth = 0
        var node = result.root
        while let current = node {
            depth += 1
            node = current.testElements?.first
        }
        #expect(depth == 256)
    }

    @Test func aMillionNestedObjectsStopAtTheLimit() throws {
        let result = parse(String(repeating: #"{"a":"#, count: 1_000_000))
        #expect(syntaxErrors(result).first?.range == .bytes(256 * 5, 256 * 5 + 1))
    }

    @Test func maxDepthIsAParameter() throws {
        #expect(parse("[[1]]", maxDepth: 2).diagnostics.isEmpty)
        let errors = syntaxErrors(parse("[[[1]]]", maxDepth: 2))
        #expect(errors.map(\.message) == ["nesting deeper than 2 levels"])
        #expect(errors.first?.range == .bytes(2, 3))
    }
}
