import Foundation
import Testing
import WMLintSource
import WMLintSyntax

/// Runs the AWS CLI's own shorthand parser (`awscli.shorthand`) in one python3 process: one JSON string per
/// input line, one JSON answer per output line.
enum ShorthandOracle {
    /// The Python program: `s` mode parses shorthand (values as tagged lists, so key order survives the trip),
    /// `i` mode applies `int()`. File loading for `@=` is replaced by a marker: a value the CLI would load comes
    /// back as `"\u{0}LOADED " + value`.
    static let program = #"""
        import json, sys
        import awscli.shorthand as shorthand
        shorthand.get_paramfile = lambda path, cases: (
            "\u0000LOADED " + path if path.startswith(("file://", "fileb://")) else None)
        def tag(v):
            if isinstance(v, dict):
                return ["o", [[k, tag(x)] for k, x in v.items()]]
            if isinstance(v, list):
                return ["l", [tag(x) for x in v]]
            return ["s", v]
        mode = sys.argv[1]
        for raw in sys.stdin.buffer:
            s = json.loads(raw.decode("utf-8"))
            try:
                if mode == "s":
                    out = {"ok": tag(shorthand.ShorthandParser().parse(s))}
                else:
                    out = {"ok": str(int(s))}
            except Exception as e:
                out = {"error": type(e).__name__}
            sys.stdout.write(json.dumps(out) + "\n")
        """#

    /// Why the oracle cannot run, or `nil` when it can.
    static let unavailableReason: String? = {
        guard let result = try? run(["-c", "from awscli.shorthand import ShorthandParser"], input: Data()) else {
            return "python3 could not be started"
        }
        return result.status == 0 ? nil : "python3 cannot import awscli.shorthand (the AWS CLI v1 is not installed)"
    }()

    static var isAvailable: Bool { unavailableReason == nil }

    static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The oracle's answer for each input: `.success(value)` or `.failure` with the Python exception name.
    static func answers(mode: String, inputs: [String]) throws -> [Any] {
        var input = ""
        for text in inputs {
            input += JSONWriter.stringLiteral(text) + "\n"
        }
        let result = try run(["-c", program, mode], input: Data(input.utf8))
        let lines = result.output.split(separator: UInt8(ascii: "\n"))
        return try lines.map { try JSONSerialization.jsonObject(with: Data($0), options: [.fragmentsAllowed]) }
    }
}

/// A shorthand value compared code point by code point (no Unicode normalization), objects in key order.
indirect enum TaggedValue: Equatable, CustomStringConvertible {
    case string([UInt32])
    case list([TaggedValue])
    case object([(key: [UInt32], value: TaggedValue)])

    static func == (lhs: TaggedValue, rhs: TaggedValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    var description: String {
        switch self {
        case .string(let scalars): JSONWriter.stringLiteral(Self.text(scalars))
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{"
                + members.map { JSONWriter.stringLiteral(Self.text($0.key)) + ": " + $0.value.description }
                .joined(separator: ", ") + "}"
        }
    }

    static func text(_ scalars: [UInt32]) -> String {
        var text = ""
        for value in scalars { text.unicodeScalars.append(Unicode.Scalar(value) ?? "?") }
        return text
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Our node, with each object's repeated key once: at its first position, holding its last value; a string
    /// whose range is in `loaded` is marked as the oracle marks a value the CLI loads from a file.
    init?(_ node: SyntaxNode, loaded: Set<SourceRange> = []) {
        switch node.value {
        case .string(let text):
            self = .string(Self.scalars(loaded.contains(node.range) ? "\u{0}LOADED " + text : text))
        case .array(let items):
            var values: [TaggedValue] = []
            for item in items {
                guard let value = TaggedValue(item, loaded: loaded) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case .object(let members):
            var values: [(key: [UInt32], value: TaggedValue)] = []
            for member in JSONWriter.lastValues(members) {
                guard let value = TaggedValue(member.value, loaded: loaded) else { return nil }
                values.append((Self.scalars(member.key), value))
            }
            self = .object(values)
        default: return nil
        }
    }

    /// The oracle's `["s", text]` / `["l", items]` / `["o", [[key, value]…]]`.
    init?(tagged: Any) {
        guard let pair = tagged as? [Any], pair.count == 2, let kind = pair[0] as? String else { return nil }
        switch kind {
        case "s":
            guard let text = pair[1] as? String else { return nil }
            self = .string(Self.scalars(text))
        case "l":
            guard let items = pair[1] as? [Any] else { return nil }
            var values: [TaggedValue] = []
            for item in items {
                guard let value = TaggedValue(tagged: item) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case "o":
            guard let members = pair[1] as? [Any] else { return nil }
            var values: [(key: [UInt32], value: TaggedValue)] = []
            for member in members {
                guard let entry = member as? [Any], entry.count == 2, let key = entry[0] as? String,
                    let value = TaggedValue(tagged: entry[1])
                else { return nil }
                values.append((Self.scalars(key), value))
            }
            self = .object(values)
        default: return nil
        }
    }
}

/// SplitMix64: a fixed-seed generator, so every run tests the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs mixing keys, `=`, `@=`, commas, whitespace, quotes, escapes, brackets, braces and Unicode.
enum ShorthandCaseGenerator {
    static let keys = ["a", "b", "Status", "LifetimeInDays", "x.y", "k-1", "#/:", "_", "A9", ""]
    static let scalars = [
        "x", "ACTIVE", "30", "b c", "日本語", "é", "e\u{301}", "\u{A0}", "\u{3000}", "\u{85}", "\u{2028}", "\u{7F}",
        "file://p", "fileb://q", "y=z", "a[b", "a{b", "\\", "\\,", "\\\\", "@", "$", "~",
        "|", "^", "`", "-1", "",
    ]
    /// Scalars the CLI rejects in most places.
    static let risky = ["😀", "\u{1C}", "\u{1}", "=", "'", "a\"b", "a]b", "a}b", "]", "}"]
    static let quoted = [
        "'x'", "\"x\"", "'a,b'", "\"a=b\"", "'it\\'s'", "\"say \\\"hi\\\"\"", "'a\\\\b'", "'\\'", "\"\\\"",
        "'😀'", "\"日本\\n\"", "'a\r\nb'", "'x\\'", "\"\\\\\"", "''", "\"\"", "'a\"b'",
    ]
    static let junk = [
        ",", ",,", " ", "\t", "\n", "\r\n", "'", "\"", "=", "@=", "@", "[", "]", "{", "}", "\\", "\\,", "😀",
        "\u{A0}", "\u{B}", "\u{C}", "\u{1D}", "x", "a=", "b=1", ", ", " ,", "\u{FFFF}", "\u{10000}",
    ]
    static let spaces = ["", "", "", " ", "\t", "  ", "\n", " \u{B}", "\r\n"]

    static func pick<T>(_ items: [T], _ random: inout SeededGenerator) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    static func chance(_ percent: UInt64, _ random: inout SeededGenerator) -> Bool {
        random.next() % 100 < percent
    }

    static func scalar(_ random: inout SeededGenerator) -> String {
        if chance(30, &random) { return pick(quoted, &random) }
        var text = pick(scalars, &random)
        if chance(30, &random) { text += pick(scalars, &random) }
        if chance(6, &random) { text += pick(risky, &random) }
        if chance(10, &random) { text += pick(spaces, &random) }
        return text
    }

    static func value(_ random: inout SeededGenerator, depth: Int) -> String {
        let roll = random.next() % 100
        if depth < 4 && roll < 15 {
            let count = Int(random.next() % 4)
            let items = (0..<count).map { _ in value(&random, depth: depth + 1) }
            return "[" + pick(spaces, &random) + items.joined(separator: pick([",", ",", ", ", " ,", ",,"], &random))
                + pick(spaces, &random) + (chance(10, &random) ? "," : "") + "]"
        }
        if depth < 4 && roll < 30 {
            let count = Int(random.next() % 4)
            let members = (0..<count).map { _ in
                pick(keys, &random) + pick(spaces, &random) + pick(["=", "@=", "=", " = "], &random)
                    + value(&random, depth: depth + 1)
            }
            return "{" + pick(spaces, &random) + members.joined(separator: pick([",", ",", ", ", ",,"], &random))
                + (chance(10, &random) ? "," : "") + "}"
        }
        if roll < 45 {
            let count = 2 + Int(random.next() % 3)
            return (0..<count).map { _ in scalar(&random) }.joined(separator: pick([",", ", ", " , ", ",,"], &random))
        }
        return scalar(&random)
    }

    /// A structured input: pairs of generated values, sometimes mutated.
    static func structured(_ random: inout SeededGenerator) -> String {
        let count = 1 + Int(random.next() % 4)
        var pairs: [String] = []
        for _ in 0..<count {
            let equals = pick(["=", "=", "=", "@=", " = ", " @ =", "@ ="], &random)
            pairs.append(pick(keys, &random) + equals + value(&random, depth: 1))
        }
        var text = pairs.joined(separator: pick([",", ",", ",", ", ", ",,", " ,", ",\n"], &random))
        if chance(8, &random) { text += "," }
        if chance(5, &random) { text = " " + text }
        if chance(8, &random) { text += pick(spaces, &random) }
        if chance(25, &random) {
            var scalars = Array(text.unicodeScalars)
            let mutations = 1 + Int(random.next() % 3)
            for _ in 0..<mutations {
                let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
                switch random.next() % 3 {
                case 0:
                    scalars.insert(contentsOf: pick(junk, &random).unicodeScalars, at: position)
                case 1:
                    if position < scalars.count { scalars.remove(at: position) }
                default:
                    if position < scalars.count {
                        scalars.replaceSubrange(
                            position..<(position + 1), with: Array(pick(junk, &random).unicodeScalars))
                    }
                }
            }
            var mutated = ""
            mutated.unicodeScalars.append(contentsOf: scalars)
            text = mutated
        }
        return text
    }

    /// Token soup: anything next to anything.
    static func soup(_ random: inout SeededGenerator) -> String {
        let count = 1 + Int(random.next() % 10)
        return (0..<count).map { _ in
            switch random.next() % 4 {
            case 0: pick(keys, &random)
            case 1: pick(junk, &random)
            case 2: pick(scalars, &random)
            default: pick(quoted, &random)
            }
        }.joined()
    }

    static let corners = [
        "a=b", "a=b,,c=d", "a=b,,,c=d", "a=[x],,c=d", "a={x=1,,y=2}", "a=b,", "a=b,c,", "a=b,c,,", "a=b,c,,d=e",
        " a=b", " =b", "=b", "", " ", ",", "a", "a=", "a= ", "a=,b=c", "a=b=c", "a=b,c=d=e", "a=x[y", "a=[x",
        "a=[", "a={", "a={b", "a={b=", "a={b=1", "a=b\\,c", "a=b\\c", "a=b,c\\,d", "a=b'c", "a=b,c'd", "a=b,'c'",
        "a=b\\", "a=😀", "a='😀'", "a=x😀", "a=\"😀\"", "a=[😀]", "a={b=😀}", "a=b,,", "a=b,,c", "a={}", "a=[]",
        "a=[,]", "a=[a,]", "a=[,,]", "a={b=1,}", "a={b=1,b=2}", "a=b,a=c", "a=b,b=c", "a@=x", "a @ = x", "a@ =x",
        "a=b\t", "a=b,\tc", "a={ b = 1 }", "a=[ x , y ]", "a=[ x ]", "a=[x] ", "a={b=1} ", "a=[x] ,c=d",
        "a=b,c\\,d=e", "a=b,'k,y='q'", "a='ab\\'", "a='a\\\\'", "a='a\\'b\\'c", "a='a\\'b'c'", "a=b,\u{1C}c",
        "a=b\u{A0}", "a=\u{A0}b", "a=b \u{A0},c", "a='x'\u{A0}", "a=[x=1]", "a=[x[1]]", "a=x,{y}", "a=x,[y]",
        "a=x,y[z],w", "a=x,y=z", "a=x, y = z", "a=b\n,c=d", "a='x\r\ny'", "a='x' ", "a=b,c ", "a=b , c ,d=e",
        "a=[[[]]]", "a=[{b=[c,{d=e}]}]", "a={b={c={}}}", "a=]", "a=}", "a=b]", "a=b}", "a=[b}", "a={b=c]",
        "a=\"x\\\"", "a=\"x\\\\\"", "a=\"x\\\"y", "a='x''y'", "a=\"a\",b=\"c\"", "a='a' , 'b'", "a='a','b',c=d",
        "a=b,\"c\\\",d=e", "Status=ACTIVE,LifetimeInDays=30", "Status=ACTIVE LifetimeInDays=30",
        "InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:x",
        "a=\u{FFFF}", "a=\u{10000}", "a=b\u{10000}", "a=\u{1}", "a=b\u{1}", "a=\u{7F}", "a=\u{85}", "a@=file://p",
        "a@=fileb://p,b=1", "a@=[file://x,{b=file://y},file://z]", "a={b@=file://x}", "a@={b=1}", "a=b,@=c",
        "a=b,c@=d", "a=\\,", "a=\\,,b", "a=b,\\,", "a=b,\\,=c", "日本=語", "a=日本語", "a=b,日本語", "a:b=c",
        "a/b#c.d-e_f:g=h", "a=b\r\n,c=d", "a=b,\r\nc=d", "a=\tb", "a=[\tb\t]", "a={\tb\t=\tc\t}", "a=\u{B}b",
        "\u{B}=b", "a\u{C}=b", "a=[b,c]d", "a=[b]c", "a={b=c}d", "a=[b,\"c]\"]", "a=[\"\"]", "a=['']",
        "a=[b,,c]", "a=[b, ,c]", "a=b,=", "a=b,=c", "a=b,c=", "a==b", "a=b==", "@=b", "a@@=b", "a=@", "a=b,@",
    ]

    static func cases() -> [String] {
        var random = SeededGenerator(state: 0x5EED_5407_7A4D)
        var inputs = corners
        for _ in 0..<2000 { inputs.append(structured(&random)) }
        for _ in 0..<500 { inputs.append(soup(&random)) }
        return inputs
    }
}

@Suite(.enabled(if: ShorthandOracle.isAvailable, Comment(rawValue: ShorthandOracle.unavailableReason ?? "")))
struct ShorthandDifferentialTests {
    @Test func agreesWithTheAWSCLIParser() throws {
        let inputs = ShorthandCaseGenerator.cases()
        #expect(inputs.count >= 2000)
        let answers = try ShorthandOracle.answers(mode: "s", inputs: inputs)
        try #require(answers.count == inputs.count)
        var mismatches = 0
        var errors = 0
        for (input, answer) in zip(inputs, answers) {
            let result = ShorthandParser.parse(SourceText(bytes: Array(input.utf8), path: "case"))
            let ourError = result.diagnostics.contains { $0.rule == .shorthandSyntax }
            let answer = answer as? [String: Any] ?? [:]
            let shown = JSONWriter.stringLiteral(input)
            if let error = answer["error"] {
                errors += 1
                if !ourError || result.root != nil {
                    mismatches += 1
                    Issue.record("\(shown): the CLI raises \(error), wmlint accepts it")
                }
                continue
            }
            guard let expected = answer["ok"].flatMap({ TaggedValue(tagged: $0) }) else {
                Issue.record("\(shown): unreadable oracle answer")
                continue
            }
            guard !ourError, let root = result.root,
                let ours = TaggedValue(root, loaded: Set(ShorthandParser.fileReferences(in: root).map(\.range)))
            else {
                mismatches += 1
                let message = result.diagnostics.first?.message ?? "no root"
                Issue.record("\(shown): the CLI gives \(expected), wmlint reports \(message)")
                continue
            }
            if ours != expected {
                mismatches += 1
                Issue.record("\(shown): the CLI gives \(expected), wmlint gives \(ours)")
            }
        }
        print("shorthand differential: \(inputs.count) cases, \(errors) rejected by the CLI, \(mismatches) mismatches")
        #expect(mismatches == 0)
        // Both outcomes must be well represented, or the generator tests too little.
        #expect(errors > inputs.count / 5)
        #expect(errors < inputs.count * 4 / 5)
    }

    static func intCases() -> [String] {
        var random = SeededGenerator(state: 0x1A7)
        let pieces = [
            "0", "1", "3", "9", "0", "07", "١", "٣", "٠", "۳", "３", "０", "३", "𝟑", "߀", "_", "_", "+", "-", " ", "\t",
            "\n", "\u{B}", "\u{C}", "\u{A0}", "\u{3000}", "\u{85}", "\u{2028}", "\u{1C}", "\u{1F}", "\u{200B}", "x",
            "e", ".", "0x", "²", "Ⅻ", "½",
        ]
        var cases = [
            "30", "030", "-0", "+0", "-007", " 30 ", "\t30\n", "1_000", "1__000", "_1", "1_", "-_1", "+ 1", "", " ",
            "1e2", "30.0", "thirty", "0x1E", "٣٠", "３０", "\u{3000}12\u{3000}", "12\u{1C}", "\u{1C}12",
            String(repeating: "0", count: 4300), String(repeating: "0", count: 4301),
            String(repeating: "7", count: 4300), "-" + String(repeating: "7", count: 4301),
            String(repeating: "1_", count: 2200) + "1", "99999999999999999999999999", "-1", "+-1", "--1",
        ]
        for _ in 0..<400 {
            let count = 1 + Int(random.next() % 6)
            var text = ""
            for _ in 0..<count { text += ShorthandCaseGenerator.pick(pieces, &random) }
            cases.append(text)
        }
        return cases
    }

    @Test func pythonIntAgreesWithPython() throws {
        let inputs = Self.intCases()
        let answers = try ShorthandOracle.answers(mode: "i", inputs: inputs)
        try #require(answers.count == inputs.count)
        var accepted = 0
        for (input, answer) in zip(inputs, answers) {
            let expected = (answer as? [String: Any])?["ok"] as? String
            if expected != nil { accepted += 1 }
            let ours = ShorthandParser.pythonInt(input)
            #expect(ours == expected, "int(\(JSONWriter.stringLiteral(input)))")
        }
        #expect(accepted > 30)
        #expect(accepted < inputs.count - 30)
    }
}
