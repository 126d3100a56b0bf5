import Foundation
import Testing
import WMLintSource
import WMLintSyntax

private func load(_ text: String, demand: NodeDemand = .all, maxAliasExpansion: Int = 10_000) -> ParseResult {
    YAMLLoader.load(
        SourceText(bytes: Array(text.utf8), path: "in.yaml"), demand: demand, maxAliasExpansion: maxAliasExpansion)
}

private func load(bytes: [UInt8], demand: NodeDemand = .all) -> ParseResult {
    YAMLLoader.load(SourceText(bytes: bytes, path: "in.yaml"), demand: demand)
}

private func offset(of needle: String, in text: String) -> Int {
    guard let range = text.range(of: needle) else { return -1 }
    return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
}

private func member(_ node: SyntaxNode?, _ key: String) -> Member? {
    guard case .object(let members) = node?.value else { return nil }
    return members.last { $0.key == key }
}

/// Demands made from a whole tree: its mapping keys asked for whole, opaque or by their own members in turn, so
/// that every kind of boundary between built and opaque values is crossed somewhere.
private func demands(for root: SyntaxNode?) -> [NodeDemand] {
    var result: [NodeDemand] = [.all, .none, requestLikeDemand, .members([:])]
    guard let root else { return result }
    for variant in 0..<3 {
        result.append(demand(for: root, variant: variant, depth: 0))
    }
    return result
}

private func demand(for node: SyntaxNode, variant: Int, depth: Int) -> NodeDemand {
    guard depth < 4, case .object(let members) = node.value else { return depth % 2 == 0 ? .all : .none }
    var asked: [String: NodeDemand] = [:]
    for (index, member) in members.enumerated() {
        switch (index + variant) % 3 {
        case 0: asked[member.key] = .all
        case 1: continue
        default: asked[member.key] = demand(for: member.value, variant: variant, depth: depth + 1)
        }
    }
    return .members(asked)
}

/// Loads `bytes` whole and under each demand made from its tree, and checks every shaped result against the
/// whole one.
private func expectShapedParses(
    _ bytes: [UInt8], extra: [NodeDemand] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let whole = withoutNaN(load(bytes: bytes))
    for demand in demands(for: whole.root) + extra {
        expectShapedParse(
            withoutNaN(load(bytes: bytes, demand: demand)), matches: whole, demand: demand,
            sourceLocation: sourceLocation)
    }
}

/// The result with every NaN number replaced by its lexeme as a string: NaN is unequal to itself, which would
/// make equal trees compare unequal.
private func withoutNaN(_ result: ParseResult) -> ParseResult {
    func clean(_ node: SyntaxNode) -> SyntaxNode {
        var node = node
        switch node.value {
        case .number(let number):
            if case .float(let value) = number.kind, value.isNaN { node.value = .string(number.lexeme) }
        case .object(let members):
            node.value = .object(
                members.map { member in
                    var member = member
                    member.value = clean(member.value)
                    return member
                })
        case .array(let items):
            node.value = .array(items.map(clean))
        default:
            break
        }
        return node
    }
    var result = result
    result.root = result.root.map(clean)
    return result
}

@Suite struct YAMLDemandTests {
    /// A request-shaped document with a large unknown member: the request is built, the rest opaque, with exact
    /// ranges (multi-byte text before and inside the opaque value, CRLF line breaks).
    @Test func requestShapedDocument() throws {
        let text =
            "\u{FEFF}OrganizationId: m-日本\r\nNotes:\r\n  - id: 1\r\n    tags: [a, 日本語]\r\n  - {x: 'it''s'}\r\n"
            + "PersonalAccessTokenConfiguration:\r\n  Status: ACTIVE\r\n  Extra: {a: [1, 2]}\r\n  LifetimeInDays: 030\r\n"
        let result = load(text, demand: requestLikeDemand)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(member(root, "OrganizationId")?.value.value == .string("m-日本"))
        let notes = try #require(member(root, "Notes"))
        let notesStart = offset(of: "- id", in: text)
        let notesEnd = offset(of: "'it''s'}", in: text) + "'it''s'}".utf8.count
        #expect(notes.value == SyntaxNode(.opaque(.array), range: .bytes(notesStart, notesEnd)))
        let token = try #require(member(root, "PersonalAccessTokenConfiguration")?.value)
        let extraStart = offset(of: "{a: [1", in: text)
        #expect(
            member(token, "Extra")?.value
                == SyntaxNode(.opaque(.object), range: .bytes(extraStart, extraStart + "{a: [1, 2]}".utf8.count)))
        #expect(
            member(token, "LifetimeInDays")?.value.value == .number(Number(lexeme: "030", kind: .integer("30"))))
        expectShapedParse(result, matches: load(text), demand: requestLikeDemand)
    }

    /// Exact byte ranges after long runs of 2-, 3- and 4-byte characters (libyaml counts Unicode scalars), for
    /// values before, inside and after opaque ones.
    @Test func rangesAfterMultiByteText() throws {
        let pieces = ["é", "日本語", "😀", "a", "ab cd", "ÿÿÿÿÿÿÿÿÿ", "😀😀😀😀😀😀😀😀😀", "x日x😀xé"]
        var text = ""
        var expected: [(key: String, value: String, offset: Int)] = []
        for index in 0..<120 {
            let value = (0...(index % 7)).map { pieces[($0 * 3 + index) % pieces.count] }.joined()
            let key = "k\(index)"
            let line = index % 3 == 0 ? "\(key): [\(value), \(value)]\n" : "\(key): \(value)\n"
            let prefix = index % 3 == 0 ? "\(key): [" : "\(key): "
            expected.append((key, value, text.utf8.count + prefix.utf8.count))
            text += line
        }
        var asked: [String: NodeDemand] = [:]
        for (index, entry) in expected.enumerated() where index % 2 == 1 { asked[entry.key] = .all }
        for demand in [NodeDemand.all, .members(asked)] {
            let root = try #require(load(text, demand: demand).root)
            for (index, entry) in expected.enumerated() {
                let node = try #require(member(root, entry.key)?.value)
                if index % 3 == 0 {
                    #expect(node.range.lowerBound.offset == entry.offset - 1)
                } else if case .members = demand, index % 2 == 0 {
                    #expect(node == SyntaxNode(.opaque(.scalar), range: node.range))
                    #expect(node.range == .bytes(entry.offset, entry.offset + entry.value.utf8.count))
                } else {
                    #expect(node.value == .string(entry.value))
                    #expect(node.range == .bytes(entry.offset, entry.offset + entry.value.utf8.count))
                }
            }
        }
        expectShapedParses(Array(text.utf8))
    }

    /// `.none` keeps the root's kind and range only; a root scalar is opaque too.
    @Test(arguments: [
        ("a: 1\nb: [2]\n", SyntaxNode.OpaqueKind.object), ("- 1\n- 2\n", .array), ("[1, 2]", .array),
        ("plain", .scalar), ("'quoted'", .scalar), ("!!omap [a: 1]", .object), ("", .scalar),
    ])
    func opaqueRoot(text: String, kind: SyntaxNode.OpaqueKind) throws {
        let result = load(text, demand: .none)
        #expect(try #require(result.root).value == .opaque(kind))
        expectShapedParse(result, matches: load(text), demand: .none)
    }

    /// Every error is still reported inside an opaque value, at the same range with the same message.
    @Test(arguments: [
        "x:\n  - 0b_\n", "x: [<<]\n", "x:\n  k: =\n", "x: {a: 2024-13-01}\n", "x: [!!int abc, !custom y]\n",
        "x:\n  - !!timestamp 2024-02-30\n", "x: {<<: 1}\n", "x: {<<: [{a: 1}, 2]}\n",
        "x:\n  <<: {a: 1}\n  <<: {b: 2}\n",
        "x: [*nope]\n", "x: &a [*a]\n", "x: !!omap [a: 1, b, {c: 1, d: 2}]\n", "x: !!set {a: 1}\n",
        "x: [a\n", "x: {a: 1}\n---\ny: 2\n", "x: [1, 2]]\n", "x: 'unterminated\n", "x:\n  - a\n - b\n",
        "x:\n  - b\tc\n", "x:\n  -\tb\n", "x:\n  - [b\tc]\n", "x: [.5e1, -.nan, 1_000, -_]\n",
        "%YAML 1.1\n---\nx: [1:30, 0b102, 09, 0o8, 190:20:30.5, 0b_]\n", "x: [\"\\xZZ\"]\n", "x: [1, 2, \u{1}]\n",
        "x:\n  a: 1\n  a: 2\n",
    ])
    func errorsInOpaqueValues(text: String) {
        let whole = load(text)
        #expect(!whole.diagnostics.isEmpty)
        for demand in [NodeDemand.none, .members([:]), .members(["y": .all])] {
            expectShapedParse(load(text, demand: demand), matches: whole, demand: demand)
        }
    }

    /// A duplicate key inside an opaque value need not be reported; one in a built mapping is.
    @Test func duplicateKeys() {
        let text = "a: 1\na: 2\nx:\n  k: 1\n  k: 2\n"
        #expect(load(text).diagnostics.filter { $0.rule == .duplicateKey }.count == 2)
        let shapedResult = load(text, demand: .members(["a": .all]))
        #expect(shapedResult.diagnostics.filter { $0.rule == .duplicateKey }.count >= 1)
        expectShapedParse(shapedResult, matches: load(text), demand: .members(["a": .all]))
    }

    /// Two empty complex keys (`?`): the second one is an empty range at the end of the text, which is also the end of
    /// the mapping; inside the opaque mapping it need not be reported either.
    @Test func duplicateEmptyKeyAtTheEndOfAnOpaqueMapping() throws {
        let text = "?\n?"
        let duplicate = try #require(load(text).diagnostics.first { $0.rule == .duplicateKey })
        #expect(duplicate.range == SourcePosition(offset: 3)..<SourcePosition(offset: 3))
        let shapedResult = load(text, demand: .none)
        #expect(shapedResult.root?.range == SourcePosition(offset: 0)..<SourcePosition(offset: 3))
        #expect(shapedResult.diagnostics.isEmpty)
        expectShapedParse(shapedResult, matches: load(text), demand: .none)
    }

    /// An anchor inside an opaque value is built whole, so an alias in the request gets the whole value, and its
    /// expansion counts against the limit as before.
    @Test func anchorsInOpaqueValues() throws {
        let text =
            "x:\n  - &v {InstanceArn: arn, More: [1, 2]}\n  - &s 日本\nIdentityCenterConfiguration: *v\nOrganizationId: *s\n"
        let result = load(text, demand: requestLikeDemand)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let center = try #require(member(root, "IdentityCenterConfiguration")?.value)
        #expect(member(center, "InstanceArn")?.value.value == .string("arn"))
        #expect(member(center, "More")?.value.value == .opaque(.array))
        #expect(member(root, "OrganizationId")?.value.value == .string("日本"))
        expectShapedParse(result, matches: load(text), demand: requestLikeDemand)

        let bomb =
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        let whole = load(bomb, maxAliasExpansion: 1_000)
        #expect(whole.root == nil)
        for demand in [NodeDemand.none, .members([:]), .members(["a": .all])] {
            expectShapedParse(load(bomb, demand: demand, maxAliasExpansion: 1_000), matches: whole, demand: demand)
        }
    }

    /// Merge keys inside and outside opaque values: merged members are shaped by their own keys' demand.
    @Test func mergeKeys() {
        let texts = [
            "base: &b {Status: ACTIVE, Other: [1]}\nPersonalAccessTokenConfiguration:\n  <<: *b\n  LifetimeInDays: 3\n",
            "PersonalAccessTokenConfiguration:\n  <<: [{Status: A, X: {y: 1}}, {LifetimeInDays: 1}]\n",
            "x:\n  - <<: {a: 1}\n    b: 2\n  - <<: [{a: 1}, {b: [3]}]\n",
            "PersonalAccessTokenConfiguration: {<<: {Status: A}, <<: {Status: B}}\n",
        ]
        for text in texts {
            expectShapedParses(Array(text.utf8))
        }
    }

    /// Nesting far deeper than the limit stops at the same place, inside an opaque value or not, without
    /// overflowing the stack.
    @Test func deepNesting() {
        let depth = 1_000_000
        let flow = "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let block = "x:\n" + (1...400).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n")
        for text in [flow, block] {
            let whole = load(text)
            #expect(whole.root == nil)
            #expect(whole.diagnostics.contains { $0.message.contains("depth limit") })
            for demand in [NodeDemand.none, .members([:]), .members(["x": .none])] {
                expectShapedParse(load(text, demand: demand), matches: whole, demand: demand)
            }
        }
    }

    /// Odd layouts: tabs, CRLF, a BOM, comments, block scalars, empty collections, complex keys, tags and
    /// multi-byte text around opaque values.
    @Test(arguments: [
        "\u{FEFF}a: 1\r\nb:\t\"日\"\r\nc: |\r\n  x\r\n",
        "a: [1,\t2]\nb: {c: 'd\te'}\nf:\n  - 'b\tc'\n",
        "a: []\nb: {}\nc:\n  -\n  - []\nd:\n",
        "? [a, b]\n: c\n? {d: e}\n: f\ng: h\n",
        "a: !!map {b: 1}\nc: !!seq [1]\nd: !!str 日本\n",
        "# c\na: # c\n  - x # c\n  # c\n  - y\nb: >\n  folded\n  text\n",
        "a:\n  b:\n    c:\n      d: [e, {f: g}]\n  h: 1\n",
        "😀: 日本語\nx: [😀, {😀: 😀}]\n",
        "a: - b",
        "- a\n- b: c\n  d: e\n",
        "a: &x 1\nb: *x\nc: [*x, &y {z: *x}]\nd: *y\n",
        "a: {b: c}\n...\n",
        "a: &x {k: 1}\nb:\n  - - - {<<: *x, j: [*x, 0b_]}\n    - [!!str 1, &y [2], *y, {m: []}]\n  - {}\n",
        "b:\n  - - - {<<: [{k: 1}, 2], j: [*nope]}\n      - [[[[x]]], {a: {b: {c: d}}}]\n",
        // Unhashable keys, refused wherever they are: with an anchor, and through an alias, in opaque values.
        "{ &a [a, {b: c}]: d }\n",
        "x: [&k [a, {b: c}], {*k : 1}]\n",
        "{ &a [a, &a a: &b \u{04AB}AGb]b\n*: *b, b  *b,:  **a\n",
    ])
    func layouts(text: String) {
        expectShapedParses(Array(text.utf8))
    }

    /// The yaml-test-suite inputs, each loaded whole and under several demands.
    @Test(.enabled(if: YAMLTestSuiteTests.suiteRoot != nil, "yaml-test-suite not found"))
    func conformanceCorpus() throws {
        let root = try #require(YAMLTestSuiteTests.suiteRoot)
        let cases = YAMLTestSuiteTests.cases(in: root)
        #expect(cases.count > 300)
        for testCase in cases {
            let data = try Data(contentsOf: testCase.directory.appendingPathComponent("in.yaml"))
            expectShapedParses(Array(data))
        }
    }

    /// The differential corpus (typing, tags, merges, tabs), each document loaded whole and under several
    /// demands, in YAML 1.2 and 1.1.
    @Test func differentialCorpus() {
        for document in YAMLDifferentialTests.documents {
            expectShapedParses(Array(document.utf8))
            expectShapedParses(Array(("x:\n  - " + document.replacingOccurrences(of: "\n", with: "\n    ")).utf8))
        }
    }
}
