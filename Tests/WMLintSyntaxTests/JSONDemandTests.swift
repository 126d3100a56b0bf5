import Foundation
import Testing
import WMLintSource
import WMLintSyntax

private func parse(_ bytes: [UInt8], demand: NodeDemand = .all, maxDepth: Int = 256) -> ParseResult {
    JSONParser.parse(SourceText(bytes: bytes, path: "in.json"), demand: demand, maxDepth: maxDepth)
}

private func parse(_ source: String, demand: NodeDemand = .all, maxDepth: Int = 256) -> ParseResult {
    parse(Array(source.utf8), demand: demand, maxDepth: maxDepth)
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

private func members(of result: ParseResult) -> [Member] {
    if case .object(let members) = result.root?.value { return members }
    return []
}

/// Demands drawn from the keys of a whole parse's tree, so that every document gets built and opaque parts at
/// several depths: each object's keys alternate between built whole, opaque, and shaped further.
private func derivedDemands(for root: SyntaxNode?) -> [NodeDemand] {
    guard let root else { return [] }
    func derive(_ node: SyntaxNode, phase: Int, depth: Int) -> NodeDemand {
        guard depth < 8, case .object(let members) = node.value else { return phase % 2 == 0 ? .none : .all }
        var demands: [String: NodeDemand] = [:]
        for (index, member) in members.enumerated() {
            switch (index + phase) % 3 {
            case 0: demands[member.key] = .all
            case 1: break  // opaque
            default: demands[member.key] = derive(member.value, phase: phase + 1, depth: depth + 1)
            }
        }
        return .members(demands)
    }
    return [derive(root, phase: 0, depth: 0), derive(root, phase: 1, depth: 0), derive(root, phase: 2, depth: 0)]
}

/// The fixed demands every text is parsed with, besides those derived from its own keys.
private let fixedDemands: [NodeDemand] = [
    .none, requestLikeDemand, .members([:]), .members(["a": .none, "k": .all, "": .members(["": .none])]),
]

/// Parses `bytes` whole and with every demand, and checks each shaped parse against the whole one.
private func expectEveryDemandMatches(
    _ bytes: [UInt8], map: OffsetMap? = nil, maxDepth: Int = 256,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let text = SourceText(bytes: bytes, path: "in.json", map: map)
    let whole = withComparableNaN(JSONParser.parse(text, maxDepth: maxDepth))
    for demand in fixedDemands + derivedDemands(for: whole.root) {
        let shapedResult = withComparableNaN(JSONParser.parse(text, demand: demand, maxDepth: maxDepth))
        expectShapedParse(shapedResult, matches: whole, demand: demand, sourceLocation: sourceLocation)
    }
}

/// `result` with every NaN number's value made a float that equals itself (NaN is unequal to NaN, so a tree
/// holding one never equals itself).
private func withComparableNaN(_ result: ParseResult) -> ParseResult {
    func fix(_ node: SyntaxNode) -> SyntaxNode {
        var node = node
        switch node.value {
        case .number(var number):
            if case .float(let value) = number.kind, value.isNaN {
                number.kind = .float(.greatestFiniteMagnitude)
                node.value = .number(number)
            }
        case .object(let members):
            node.value = .object(
                members.map { member in
                    var member = member
                    member.value = fix(member.value)
                    return member
                })
        case .array(let elements):
            node.value = .array(elements.map(fix))
        default:
            break
        }
        return node
    }
    var result = result
    result.root = result.root.map(fix)
    return result
}

@Suite struct JSONDemandTests {
    @Test func opaqueValuesKeepTheirKindAndExactRange() throws {
        let source = #"{"keep": {"x": [1]}, "日本語": {"a": "é"}, "list": [1, {"b": 2}], "s": "😀", "n": -1.5e3}"#
        let result = parse(source, demand: .members(["keep": .all]))
        #expect(result.diagnostics.isEmpty)
        #expect(result.isComplete)
        let built = members(of: result)
        try #require(built.count == 5)
        #expect(built.map(\.key) == ["keep", "日本語", "list", "s", "n"])
        #expect(built[0] == members(of: parse(source))[0])
        #expect(built[1].keyRange == byteRange(of: #""日本語""#, in: source))
        #expect(built[1].value == SyntaxNode(.opaque(.object), range: byteRange(of: #"{"a": "é"}"#, in: source)))
        #expect(built[2].value == SyntaxNode(.opaque(.array), range: byteRange(of: #"[1, {"b": 2}]"#, in: source)))
        #expect(built[3].value == SyntaxNode(.opaque(.scalar), range: byteRange(of: #""😀""#, in: source)))
        #expect(built[4].value == SyntaxNode(.opaque(.scalar), range: byteRange(of: "-1.5e3", in: source)))
        expectShapedParse(result, matches: parse(source), demand: .members(["keep": .all]))
    }

    @Test func aListUnderMembersIsOpaqueAndAScalarIsBuilt() throws {
        let demand = NodeDemand.members(["a": .none])
        #expect(parse("[1, 2]", demand: demand).root == SyntaxNode(.opaque(.array), range: .bytes(0, 6)))
        #expect(parse(" \"s\" ", demand: demand).root == SyntaxNode(.string("s"), range: .bytes(1, 4)))
        #expect(parse("{}", demand: .none).root == SyntaxNode(.opaque(.object), range: .bytes(0, 2)))
        #expect(parse("[]", demand: .none).root == SyntaxNode(.opaque(.array), range: .bytes(0, 2)))
        #expect(parse("null", demand: .none).root == SyntaxNode(.opaque(.scalar), range: .bytes(0, 4)))
        // The request's mappings given a list, a scalar, and a built member given a mapping.
        let source =
            #"{"IdentityCenterConfiguration": [1, {"a": 2}], "PersonalAccessTokenConfiguration": "s", "#
            + #""OrganizationId": {"x": [1]}}"#
        let result = parse(source, demand: requestLikeDemand)
        let built = members(of: result)
        try #require(built.count == 3)
        #expect(built[0].value == SyntaxNode(.opaque(.array), range: byteRange(of: #"[1, {"a": 2}]"#, in: source)))
        #expect(built[1].value == SyntaxNode(.string("s"), range: byteRange(of: #""s""#, in: source)))
        #expect(built[2].value == members(of: parse(source))[2].value)
        expectShapedParse(result, matches: parse(source), demand: requestLikeDemand)
    }

    @Test func duplicateKeysAreReportedOnlyInBuiltObjects() throws {
        let source = #"{"a": {"x": 1, "x": 2}, "b": {"y": 1, "y": 2}, "a": 3}"#
        let result = parse(source, demand: .members(["b": .all]))
        let duplicates = result.diagnostics.filter { $0.rule == .duplicateKey }
        // The second "y" (in built "b") and the second "a" (top level); not "x", inside opaque "a".
        #expect(
            duplicates.map(\.range) == [
                byteRange(of: #""y""#, in: source, occurrence: 1), byteRange(of: #""a""#, in: source, occurrence: 1),
            ])
        expectShapedParse(result, matches: parse(source), demand: .members(["b": .all]))
    }

    @Test func errorsInsideOpaqueValuesAreTheSame() throws {
        // Every error case of the parser, as the document and as an unknown member's value.
        for errorCase in JSONParserErrorTests.cases {
            expectEveryDemandMatches(Array(errorCase.source.utf8))
            let wrapped = "{\"OrganizationId\": \"m-1\",\r\n\t\"Notes\": " + errorCase.source
            expectEveryDemandMatches(Array(wrapped.utf8))
            let inList = "{\"Notes\": [{\"k\": [" + errorCase.source
            expectEveryDemandMatches(Array(inList.utf8))
            let opaque = parse(wrapped, demand: requestLikeDemand)
            let error = try #require(opaque.diagnostics.first { $0.rule == .jsonSyntax })
            if errorCase.message != "unexpected data after the JSON value" {
                #expect(error.message == errorCase.message)
            }
        }
    }

    @Test func aCutShortOpaqueContainerEndsAtTheError() throws {
        let source = #"{"OrganizationId": "m-1", "Notes": [{"a": 1}, {"b": "#
        let result = parse(source, demand: requestLikeDemand)
        #expect(!result.isComplete)
        let built = members(of: result)
        #expect(built.map(\.key) == ["OrganizationId", "Notes"])
        // The error is at the end of the file (52 bytes): the list ends there.
        #expect(source.utf8.count == 52)
        #expect(built.last?.value == SyntaxNode(.opaque(.array), range: .bytes(35, 52)))
        #expect(result.root?.range == .bytes(0, 52))
        expectEveryDemandMatches(Array(source.utf8))
        // A scalar cut short leaves no value, as in a built object.
        let dangling = parse(#"{"a": 1, "Notes": "abc"#, demand: .members(["a": .all]))
        #expect(members(of: dangling).map(\.key) == ["a"])
    }

    @Test func multiByteTextCRLFTabsAndBOM() throws {
        let source =
            "\u{FEFF}{\r\n\t\"OrganizationId\":\t\"m-日本語\",\r\n\t\"Notes\": {\"😀\": [\"é\\u00e9\\ud83d\\ude00\", 1e-3, "
            + "true, false, null, {\"\": []}]},\r\n\t\"x\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"\r\n}\r\n"
        let bytes = Array(source.utf8)
        let result = parse(bytes, demand: requestLikeDemand)
        #expect(result.diagnostics.isEmpty)
        let notes = try #require(members(of: result).first { $0.key == "Notes" })
        #expect(notes.value.value == .opaque(.object))
        let notesText = #"{"😀": ["é\u00e9\ud83d\ude00", 1e-3, true, false, null, {"": []}]}"#
        #expect(notes.value.range == byteRange(of: notesText, in: source))
        expectEveryDemandMatches(bytes)
    }

    @Test func rangesGoThroughTheOffsetMap() throws {
        let bytes = Array(#"{"a": [1, {"b": "x"}], "c": tru}"#.utf8)
        expectEveryDemandMatches(bytes, map: .contiguous(base: 10, count: bytes.count))
        let uneven = OffsetMap(
            starts: (0...bytes.count).map { 100 + 2 * $0 }, ends: (0..<bytes.count).map { 102 + 2 * $0 })
        expectEveryDemandMatches(bytes, map: uneven)
        let result = JSONParser.parse(
            SourceText(bytes: bytes, path: "run.sh", map: .contiguous(base: 10, count: bytes.count)), demand: .none)
        #expect(result.root == SyntaxNode(.opaque(.object), range: .bytes(10, 38)))
        #expect(result.diagnostics.first?.range == .bytes(38, 41))
    }

    @Test func nonFiniteLiteralsAreReportedInOpaqueValues() throws {
        let source = #"{"Notes": [NaN, -Infinity, {"x": Infinity}]}"#
        let result = parse(source, demand: requestLikeDemand)
        #expect(result.diagnostics.count == 3)
        #expect(result.isComplete)
        expectEveryDemandMatches(Array(source.utf8))
    }

    @Test func aMillionOpeningBracketsInAnOpaqueValueStopAtTheLimit() throws {
        let source = #"{"Notes": "# + String(repeating: "[", count: 1_000_000)
        let result = parse(source, demand: requestLikeDemand)
        let errors = result.diagnostics.filter { $0.rule == .jsonSyntax }
        #expect(errors.map(\.message) == ["nesting deeper than 256 levels"])
        // The root object is level 1, so the 256th '[' is the 257th level.
        #expect(errors.first?.range == .bytes(10 + 255, 10 + 256))
        expectEveryDemandMatches(Array(source.utf8))
        let objects = String(repeating: #"{"a":"#, count: 1_000_000)
        #expect(parse(objects, demand: .none).diagnostics.first?.range == .bytes(256 * 5, 256 * 5 + 1))
    }

    @Test func depthCountsBuiltAndOpaqueLevels() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let source = String(repeating: #"{"k": "#, count: 56) + deep + String(repeating: "}", count: 56)
        let demand = (0..<56).reduce(NodeDemand.none) { inner, _ in .members(["k": inner]) }
        #expect(parse(source, demand: demand).diagnostics.isEmpty)
        let tooDeep = String(repeating: #"{"k": "#, count: 57) + deep + String(repeating: "}", count: 57)
        let errors = parse(tooDeep, demand: .members(["k": demand])).diagnostics
        #expect(errors.map(\.message) == ["nesting deeper than 256 levels"])
        for maxDepth in [0, 1, 2, 3, 100, 300] {
            expectEveryDemandMatches(Array(source.utf8), maxDepth: maxDepth)
        }
    }

    @Test func longStringsAndManyMembersInOpaqueValues() throws {
        var source = #"{"OrganizationId": "m-1", "Notes": {"#
        for index in 0..<300 {
            source += #""key\#(index % 40)": "\#(String(repeating: "é文a\\n", count: index % 17))", "#
        }
        source += #""end": [\#((0..<100).map { "\($0).5e\($0 % 7)" }.joined(separator: ","))]}}"#
        let result = parse(source, demand: requestLikeDemand)
        #expect(result.diagnostics.isEmpty)
        expectEveryDemandMatches(Array(source.utf8))
    }

    @Test func aConvertDemandBuildsEverything() throws {
        let source = #"{"a": [1, {"b": null}], "c": "d"}"#
        #expect(parse(source, demand: .all).root == parse(source).root)
    }
}

/// Every file of JSONTestSuite, parsed whole and with several demands.
@Suite struct JSONTestSuiteDemandTests {
    @Test(.enabled(if: JSONTestSuiteTests.suitePresent, "JSONTestSuite not found"))
    func shapedParsesMatchWholeParses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: JSONTestSuiteTests.suiteDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        try #require(names.count > 300)
        for name in names {
            let url = JSONTestSuiteTests.suiteDirectory.appendingPathComponent(name)
            let bytes = [UInt8](try Data(contentsOf: url))
            expectEveryDemandMatches(bytes)
            // The same text as an unknown member's value, so that it is skipped inside a built document.
            expectEveryDemandMatches(Array(#"{"OrganizationId": "m", "Notes": "#.utf8) + bytes + [UInt8(ascii: "}")])
        }
    }
}
