import Testing
import WMLintSource
import WMLintSyntax

private func parse(_ text: String, demand: NodeDemand = .all, maxDepth: Int = 256) -> ParseResult {
    ShorthandParser.parse(SourceText(bytes: Array(text.utf8), path: "in.sh"), demand: demand, maxDepth: maxDepth)
}

/// Demands over the keys the differential corpus uses (`a`, `b`, `Status`, …), from nothing to everything.
private let corpusDemands: [NodeDemand] = [
    .none,
    requestLikeDemand,
    .members([:]),
    .members(["a": .all]),
    .members(["a": .none, "b": .all]),
    .members(["a": .members(["b": .all]), "Status": .all]),
    .members(["a": .members(["a": .members(["b": .none]), "b": .all]), "b": .members(["a": .all])]),
    .members(["LifetimeInDays": .all, "x.y": .members([:]), "": .all]),
]

@Suite struct ShorthandDemandTests {
    /// Every input of the differential corpus (valid and not), parsed whole and shaped, under several demands.
    @Test func shapedParsesMatchTheWholeParseOverTheDifferentialCorpus() {
        let inputs = ShorthandCaseGenerator.cases()
        for input in inputs {
            let whole = parse(input)
            for demand in corpusDemands {
                expectShapedParse(parse(input, demand: demand), matches: whole, demand: demand)
            }
        }
    }

    @Test func anUnknownMemberIsOneOpaqueNodeWithItsRange() throws {
        let text = "InstanceArn=arn:x,ApplicationArn='arn:y',Extra=[{Name=ü,Tags=[a,b]},{Name=b}]"
        let demand = NodeDemand.members(["InstanceArn": .all, "ApplicationArn": .all])
        let result = parse(text, demand: demand)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        guard case .object(let members) = root.value else {
            Issue.record("root is not an object")
            return
        }
        #expect(members.map(\.key) == ["InstanceArn", "ApplicationArn", "Extra"])
        #expect(members[0].value.value == .string("arn:x"))
        #expect(members[1].value.value == .string("arn:y"))
        #expect(members[2].value.value == .opaque(.array))
        // "Extra=" ends at byte 47; the list runs to the end (the "ü" is two bytes).
        #expect(members[2].value.range == .bytes(47, text.utf8.count))
    }

    @Test func listsAreOpaqueUnlessDemandedWhole() throws {
        let demand = NodeDemand.members(["a": .members(["b": .all]), "c": .members([:])])
        let result = parse("a=x,y,c={d=1},e=p", demand: demand)
        let root = try #require(result.root)
        guard case .object(let members) = root.value else {
            Issue.record("root is not an object")
            return
        }
        #expect(members[0].value.value == .opaque(.array))
        #expect(members[0].value.range == .bytes(2, 5))
        guard case .object(let inner) = members[1].value.value else {
            Issue.record("c is not built")
            return
        }
        #expect(inner.map(\.value.value) == [.opaque(.scalar)])
        #expect(members[2].value.value == .opaque(.scalar))
        #expect(members[2].value.range == .bytes(16, 17))
    }

    @Test func errorsInOpaqueValuesKeepTheirRangeAndMessage() throws {
        let inputs = [
            "a=[{b=1,c='x}]", "a=[x,]y", "a={b=1,c}", "a=[😀]", "a={b={c=[d,\r\n\te]}", "a=[{b=1},{c=2}] ",
            "a=x,y,", "a={b=1,b=2},c=[1,2", "a=[\"日本]",
        ]
        for input in inputs {
            let whole = parse(input)
            #expect(whole.hasErrors, "\(input)")
            for demand in [NodeDemand.none, .members([:]), .members(["a": .members([:])])] {
                let shaped = parse(input, demand: demand)
                #expect(shaped.diagnostics == whole.diagnostics, "\(input)")
                #expect(shaped.root == nil)
            }
        }
    }

    @Test func repeatedKeysInsideOpaqueValuesNeedNotBeReported() throws {
        let text = "a={b=1,b=2},c={d=1,d=2}"
        #expect(parse(text).diagnostics.count == 2)
        let shaped = parse(text, demand: .members(["c": .all]))
        #expect(shaped.diagnostics.count == 1)
        #expect(shaped.diagnostics.first?.range == .bytes(19, 20))
        // A repeated top-level key is a syntax error even when nothing is built.
        #expect(parse("a=1,a=2", demand: .none).diagnostics.first?.rule == .shorthandSyntax)
    }

    @Test func deepNestingInOpaqueValuesIsBoundedWithoutRecursion() throws {
        let deep = "a=" + String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        let diagnostic = try #require(parse(deep, demand: .none).diagnostics.first)
        #expect(diagnostic.message == "shorthand nested deeper than 256 levels")
        #expect(diagnostic.range == .bytes(257, 258))
        let huge = parse("a=" + String(repeating: "[{b=", count: 250_000), demand: .none, maxDepth: 1_000_000)
        #expect(huge.diagnostics.first?.message == "expected ',' or '}' after the value of key 'b', found end of input")
    }

    @Test func rangesOfOpaqueValuesGoThroughTheOffsetMap() throws {
        // The word `'a=[x]',b=y` in a script at offset 10: decoded "a=[x],b=y" with the quotes skipped.
        var builder = OffsetMap.Builder()
        builder.appendStep(start: 11, count: 5)
        builder.appendStep(start: 17, count: 4)
        let text = SourceText(bytes: Array("a=[x],b=y".utf8), path: "run.sh", map: builder.map(endOffset: 21))
        let result = ShorthandParser.parse(text, demand: .none)
        let root = try #require(result.root)
        #expect(root.value == .opaque(.object))
        #expect(root.range == .bytes(11, 21))
        let members = ShorthandParser.parse(text, demand: .members(["b": .all]))
        guard case .object(let pairs) = try #require(members.root).value else {
            Issue.record("root is not an object")
            return
        }
        #expect(pairs[0].value.range == .bytes(13, 16))
        #expect(pairs[1].value.range == .bytes(20, 21))
    }
}
