import Testing
import WMLintSource
import WMLintSyntax

private func parse(_ text: String, maxDepth: Int = 256) -> ParseResult {
    ShorthandParser.parse(SourceText(bytes: Array(text.utf8), path: "in.sh"), maxDepth: maxDepth)
}

private func members(_ result: ParseResult) throws -> [Member] {
    let root = try #require(result.root)
    guard case .object(let members) = root.value else {
        Issue.record("root is not an object")
        return []
    }
    return members
}

private func offsets(_ range: SourceRange) -> Range<Int> {
    range.lowerBound.offset..<range.upperBound.offset
}

private func only(_ result: ParseResult) throws -> Diagnostic {
    #expect(result.diagnostics.count == 1)
    return try #require(result.diagnostics.first)
}

@Suite struct ShorthandParserTests {
    @Test func pairsHaveExactKeyAndValueRanges() throws {
        let result = parse("Status=ACTIVE,LifetimeInDays=30")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(offsets(root.range) == 0..<31)
        let pairs = try members(result)
        #expect(pairs.map(\.key) == ["Status", "LifetimeInDays"])
        #expect(pairs.map { offsets($0.keyRange) } == [0..<6, 14..<28])
        #expect(pairs.map { offsets($0.value.range) } == [7..<13, 29..<31])
        #expect(pairs[0].value.value == .string("ACTIVE"))
        #expect(pairs.allSatisfy { !$0.loadsFile })
    }

    @Test func multiByteTextKeepsByteRanges() throws {
        // "a=" 2 bytes, "日本語" 9 bytes, "," then "b=" then "'😀'" 6 bytes.
        let pairs = try members(parse("a=日本語,b='😀'"))
        #expect(pairs[0].value.value == .string("日本語"))
        #expect(offsets(pairs[0].value.range) == 2..<11)
        #expect(offsets(pairs[1].keyRange) == 12..<13)
        #expect(pairs[1].value.value == .string("😀"))
        #expect(offsets(pairs[1].value.range) == 14..<20)
    }

    @Test func whitespaceAroundSeparatorsIsSkippedAndTrailingWhitespaceStripped() throws {
        let pairs = try members(parse("a\t@ =\tb c \u{3000},\td"))
        #expect(pairs[0].loadsFile)
        guard case .array(let items) = pairs[0].value.value else {
            Issue.record("expected a list for 'b c ,d'")
            return
        }
        #expect(items.map(\.value) == [.string("b c"), .string("d")])
        // "b c" starts after "a\t@ =\t" (6 bytes) and ends before the trailing space and U+3000 (3 bytes).
        #expect(offsets(items[0].range) == 6..<9)
        #expect(offsets(items[1].range) == 15..<16)
        #expect(offsets(pairs[0].value.range) == 6..<16)
        // A second value followed by '=' starts a new pair instead.
        let split = try members(parse("a=b c ,\td=e"))
        #expect(split.map(\.key) == ["a", "d"])
        #expect(split[0].value.value == .string("b c"))
    }

    @Test func quotedValuesKeepCRLFAndUnescapeOnlyQuoteAndBackslash() throws {
        let pairs = try members(parse("a='x\r\ny',b=\"say \\\"hi\\\" \\n \\\\\",c='it\\'s'"))
        #expect(pairs[0].value.value == .string("x\r\ny"))
        #expect(offsets(pairs[0].value.range) == 2..<8)
        #expect(pairs[1].value.value == .string("say \"hi\" \\n \\"))
        #expect(pairs[2].value.value == .string("it's"))
    }

    @Test func unquotedValuesKeepBackslashesButEscapedCommas() throws {
        let pairs = try members(parse("a=b\\,c,d=x\\y=z[{"))
        #expect(pairs[0].value.value == .string("b,c"))
        #expect(offsets(pairs[0].value.range) == 2..<6)
        #expect(pairs[1].value.value == .string("x\\y=z[{"))
    }

    @Test func quoteClosesAtLastEscapedQuoteWhenNoneIsUnescaped() throws {
        // The CLI's regex backtracks: 'a\' is the value a\ when no other quote follows.
        let pairs = try members(parse("a='ab\\',b=c"))
        #expect(pairs[0].value.value == .string("ab\\"))
        #expect(offsets(pairs[0].value.range) == 2..<7)
        #expect(pairs[1].value.value == .string("c"))
    }

    @Test func listsAndHashesNestWithRanges() throws {
        let text = "a=[x, {b=1, c=[]}],d={}"
        let pairs = try members(parse(text))
        #expect(offsets(pairs[0].value.range) == 2..<18)
        guard case .array(let items) = pairs[0].value.value, items.count == 2,
            case .object(let inner) = items[1].value
        else {
            Issue.record("unexpected shape \(pairs[0].value)")
            return
        }
        #expect(offsets(items[1].range) == 6..<17)
        #expect(inner.map(\.key) == ["b", "c"])
        #expect(offsets(inner[1].value.range) == 14..<16)
        #expect(inner[1].value.value == .array([]))
        #expect(pairs[1].value.value == .object([]))
    }

    @Test(arguments: [
        ("a=b,,c=d", #"{"a": "b", "c": "d"}"#),
        ("a=b,c,,d=e", #"{"a": ["b", "c"], "d": "e"}"#),
        ("a=b,c\\,d=e", #"{"a": "b", "d": "e"}"#),
        ("a=b,'k,y='q'", #"{"a": "b", "y": "q"}"#),
        (" =b", #"{"": "b"}"#),
        ("a=[,]", #"{"a": [""]}"#),
        ("a={b=1,}", #"{"a": {"b": "1"}}"#),
        ("a=x,y[z],w", #"{"a": ["x", "y[z]", "w"]}"#),
        ("a@=fileb", #"{"a": "fileb"}"#),
        ("a=\u{A0}b\u{A0}", #"{"a": "\#u{A0}b"}"#),
    ])
    func cornersMatchTheCLI(text: String, json: String) throws {
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(JSONWriter.write(try #require(result.root)) == json)
    }

    @Test func loadsFileIsSetForAtEquals() throws {
        let pairs = try members(parse("a@=file://p.json,b={c@=fileb://x}"))
        #expect(pairs[0].loadsFile)
        #expect(pairs[0].value.value == .string("file://p.json"))
        guard case .object(let inner) = pairs[1].value.value else {
            Issue.record("expected an object")
            return
        }
        #expect(!pairs[1].loadsFile)
        #expect(inner[0].loadsFile)
        #expect(inner[0].value.value == .string("fileb://x"))
    }

    @Test(arguments: [
        ("a@=file://x", ["file://x"]),
        ("a@=file://x,fileb://y", ["file://x", "fileb://y"]),
        ("a@=[file://x,{b=file://y},file://z]", ["file://x"]),
        ("a=[{b@=x},file://z],c=file://w", ["file://z"]),
        ("a@=[{b=x,c@=y},file://z]", ["file://z"]),
        ("a@='file://q',b=file://r", ["file://q"]),
        ("a@=FILE://x,b@=http://y", []),
        ("a=file://x", []),
    ])
    func fileReferencesFollowTheCLIFlag(text: String, loaded: [String]) throws {
        let root = try #require(parse(text).root)
        let references = ShorthandParser.fileReferences(in: root)
        #expect(references.map(\.value) == loaded.map { .string($0) })
    }

    @Test func repeatedKeyInsideBracesIsADuplicateKeyKeepingBoth() throws {
        let result = parse("a={b=1,b=2}")
        let diagnostic = try only(result)
        #expect(diagnostic.rule == .duplicateKey)
        #expect(offsets(diagnostic.range) == 7..<8)
        #expect(diagnostic.related.map { offsets($0.range) } == [3..<4])
        #expect(!result.hasErrors)
        let pairs = try members(result)
        guard case .object(let inner) = pairs[0].value.value else {
            Issue.record("expected an object")
            return
        }
        #expect(inner.map(\.value.value) == [.string("1"), .string("2")])
        #expect(JSONWriter.write(pairs[0].value) == #"{"b": "2"}"#)
    }

    @Test(arguments: [
        ("Status,x=1", "expected '=' after key 'Status', found ','", 6..<7),
        ("a=b,", "trailing ',' after the last pair", 3..<4),
        ("a=b,c, ", "trailing ',' after the last pair", 5..<6),
        ("a=[x],", "trailing ',' after the last pair", 5..<6),
        ("a=b,a=c", "key 'a' is given twice", 4..<5),
        ("a='xy", "unterminated quoted value: no closing '", 2..<3),
        (" \ta=b", "expected a key, found ' ' (whitespace before the first key is not allowed)", 0..<2),
        ("a=b,,,c=d", "expected a key, found ','", 5..<6),
        ("a={x=1,,y=2}", "expected a key, found ','", 7..<8),
        ("a=b'c", "expected ',' after the value of key 'a', found '''", 3..<4),
        ("a=日😀", "expected ',' after the value of key 'a', found '😀'", 5..<9),
        ("a=[x", "expected ',' or ']' after a list element, found end of input", 4..<4),
        ("a={b=1]}", "expected ',' or '}' after the value of key 'b', found ']'", 6..<7),
        ("a={", "expected a key or '}', found end of input", 3..<3),
        ("a=[x] ", "expected ',' after the value of key 'a', found end of input", 6..<6),
        ("", "expected 'key=value', found an empty value", 0..<0),
        ("\u{FEFF}a=b", "expected a key, found '\u{FEFF}'", 0..<3),
    ])
    func syntaxErrorsAreLocated(text: String, message: String, range: Range<Int>) throws {
        let result = parse(text)
        let diagnostic = try only(result)
        #expect(diagnostic.rule == .shorthandSyntax)
        #expect(diagnostic.message == message)
        #expect(offsets(diagnostic.range) == range)
        #expect(diagnostic.path == "in.sh")
        #expect(result.root == nil)
        #expect(result.hasErrors)
    }

    @Test func repeatedKeysAreFoundAmongManyKeys() throws {
        let keys = (0..<40).map { "Key\($0)" }
        let pairs = keys.map { "\($0)=v" }.joined(separator: ",")
        #expect(parse(pairs).diagnostics.isEmpty)
        let repeated = parse(pairs + ",Key17=w")
        let diagnostic = try only(repeated)
        #expect(diagnostic.message == "key 'Key17' is given twice")
        let firstKey = try #require(pairs.utf8.firstRange(of: "Key17=".utf8))
        let start = pairs.utf8.distance(from: pairs.utf8.startIndex, to: firstKey.lowerBound)
        #expect(diagnostic.related.map { offsets($0.range) } == [start..<(start + 5)])
        #expect(offsets(diagnostic.range) == (pairs.utf8.count + 1)..<(pairs.utf8.count + 6))
        let inBraces = parse("a={" + pairs + ",Key39=w,Key0=x}")
        #expect(inBraces.diagnostics.map(\.rule) == [.duplicateKey, .duplicateKey])
        #expect(
            inBraces.diagnostics.map(\.message) == [
                "key 'Key39' is given twice in '{…}'; the later value wins",
                "key 'Key0' is given twice in '{…}'; the later value wins",
            ])
        #expect(!inBraces.hasErrors)
    }

    @Test func rangesMapThroughAnOffsetMap() throws {
        // The shell word "a=x"y at file offset 10 decodes to a=xy: 11:a 12:= 13:x (14 is the quote) 15:y.
        let map = OffsetMap(starts: [11, 12, 13, 15, 16], ends: [12, 13, 14, 16])
        let text = SourceText(bytes: Array("a=xy".utf8), path: "run.sh", map: map)
        let result = ShorthandParser.parse(text)
        let pairs = try members(result)
        #expect(offsets(pairs[0].keyRange) == 11..<12)
        #expect(offsets(pairs[0].value.range) == 13..<16)
        let bad = ShorthandParser.parse(
            SourceText(
                bytes: Array("a=b,".utf8), path: "run.sh", map: OffsetMap(starts: [3, 4, 5, 8, 9], ends: [4, 5, 6, 9])))
        #expect(offsets(try only(bad).range) == 8..<9)
    }

    @Test func nestingIsBoundedWithoutRecursion() throws {
        let ok = "a=" + String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        #expect(parse(ok).diagnostics.isEmpty)
        let deep = "a=" + String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        let diagnostic = try only(parse(deep))
        #expect(diagnostic.message == "shorthand nested deeper than 256 levels")
        #expect(offsets(diagnostic.range) == 257..<258)
        let huge = parse("a=" + String(repeating: "[", count: 1_000_000))
        #expect(try only(huge).rule == .shorthandSyntax)
        let hashes = parse("a=" + String(repeating: "{b=", count: 300_000), maxDepth: 1_000_000)
        #expect(try only(hashes).message == "expected ',' or '}' after the value of key 'b', found end of input")
    }

    /// Invalid UTF-8 reads as U+FFFD, one per maximal ill-formed subsequence, in a value, a quoted value or a key.
    @Test(
        arguments: [
            ([0x61, 0x3D, 0xFF, 0xC3], [], "\u{FFFD}\u{FFFD}"),
            ([0x61, 0x3D, 0x27, 0xF0, 0x9F], ["unterminated quoted value: no closing '"], nil),
            ([0xE2, 0x82], ["expected a key, found '\u{FFFD}'"], nil),
            ([0x61, 0x3D, 0x80], [], "\u{FFFD}"),
        ] as [([UInt8], [String], String?)])
    func strayBytesNeverTrap(bytes: [UInt8], messages: [String], value: String?) throws {
        let result = ShorthandParser.parse(SourceText(bytes: bytes, path: "x"))
        #expect(result.diagnostics.map(\.message) == messages)
        if let value {
            let pairs = try members(result)
            #expect(pairs.map(\.key) == ["a"])
            #expect(pairs.first?.value.value == .string(value))
        } else {
            #expect(result.root == nil)
        }
    }
}

@Suite struct PythonIntTests {
    @Test(arguments: [
        ("30", "30"), ("030", "30"), ("-0", "0"), ("+007", "7"), (" 30\n", "30"), ("1_000", "1000"),
        ("٣٠", "30"), ("３０", "30"), ("\u{3000}12\u{A0}", "12"), ("-𝟑", "-3"), ("0_0", "0"),
    ])
    func accepts(text: String, expected: String) {
        #expect(ShorthandParser.pythonInt(text) == expected)
    }

    @Test(arguments: ["1e2", "30.0", "thirty", "", " ", "0x1E", "1__0", "_1", "1_", "+ 1", "--1", "12\u{1C}", "²"])
    func rejects(text: String) {
        #expect(ShorthandParser.pythonInt(text) == nil)
    }

    @Test func digitLimitMatchesPython() {
        #expect(ShorthandParser.pythonInt(String(repeating: "0", count: 4300)) == "0")
        #expect(ShorthandParser.pythonInt(String(repeating: "0", count: 4301)) == nil)
    }
}
