import Testing
import WMLintSource
import WMLintSyntax

/// Duplicate keys in objects far larger than the linear scan, against a reference built from the decoded keys'
/// UTF-8 bytes.
@Suite struct JSONKeyIndexTests {
    /// The keys of one large object: many distinct, some repeated (plain, escaped, canonically equivalent but
    /// different bytes, multi-byte), in a fixed pseudo-random order.
    private static func keys(count: Int) -> [(written: String, decoded: String)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var result: [(String, String)] = []
        for index in 0..<count {
            switch next() % 10 {
            case 0: result.append(("k\(next() % max(index, 1))", "k\(next() % max(index, 1))"))
            case 1: result.append(("\u{E9}", "\u{E9}"))
            case 2: result.append(("e\u{301}", "e\u{301}"))
            case 3: result.append(("\\u0061\(index % 7)", "a\(index % 7)"))
            case 4: result.append(("a\(index % 7)", "a\(index % 7)"))
            case 5: result.append(("日本語\(index % 13)", "日本語\(index % 13)"))
            default: result.append(("k\(index)", "k\(index)"))
            }
        }
        // The first case writes and decodes two different draws: make each pair consistent.
        return result.map { pair in pair.0.hasPrefix("k") ? (pair.0, pair.0) : pair }
    }

    @Test(arguments: [13, 14, 100, 5_000])
    func everyLaterOccurrenceIsReportedWithTheFirst(count: Int) throws {
        let keys = Self.keys(count: count)
        var source = "{"
        var keyRanges: [Range<Int>] = []
        for (index, key) in keys.enumerated() {
            if index > 0 { source += ", " }
            let start = source.utf8.count
            source += "\"\(key.written)\""
            keyRanges.append(start..<source.utf8.count)
            source += ": \(index)"
        }
        source += "}"
        var firstByBytes: [[UInt8]: Int] = [:]
        var expected: [(Range<Int>, Range<Int>)] = []
        for (index, key) in keys.enumerated() {
            let bytes = Array(key.decoded.utf8)
            if let first = firstByBytes[bytes] {
                expected.append((keyRanges[index], keyRanges[first]))
            } else {
                firstByBytes[bytes] = index
            }
        }
        let result = JSONParser.parse(SourceText(bytes: Array(source.utf8), path: "in.json"))
        let duplicates = result.diagnostics.filter { $0.rule == .duplicateKey }
        #expect(result.diagnostics.count == duplicates.count)
        #expect(duplicates.map(\.range.offsets) == expected.map(\.0))
        #expect(duplicates.map { $0.related.first?.range.offsets } == expected.map(\.1))
        if case .object(let members) = result.root?.value {
            #expect(members.map(\.key) == keys.map(\.decoded))
        } else {
            Issue.record("root is not an object")
        }
        #expect(!expected.isEmpty)
        #expect(count < 100 || expected.count > count / 10)
    }
}
