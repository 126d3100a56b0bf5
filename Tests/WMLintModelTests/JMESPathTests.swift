import Foundation
import Testing
import WMLintModel
import WMLintSource
import WMLintSyntax

@Suite struct JMESPathTests {
    @Test(arguments: [
        "Instances[0].InstanceArn", "a", "a.b.c", "_a9.B_", "@", "@.a", "*", "*.a", "a.*", "a[*]", "a[*].b", "[*]",
        "a[]", "a[].b[]", "[]", "[][]", "a[0]", "a[-1]", "a[007]", "[0][1]", "a[0][1:2].b", "a[1:2]", "a[::2]", "[::]",
        "a[:]", "[1:2 3]", "a[?b]", "a[?b == `1`]", "a[?b][]", "[?a]", "a[?b != 'x' && c < `2` || !d]",
        "a < b", "a <= b", "a > b", "a >= b", "a == b", "a != b", "a || b", "a && b", "!a", "!!a", "a | b | c",
        "(a)", "((a).b)", "(a)()", "(\"a\")()", "a.b()", "length(@)", "unknown_fn(a)", "f()", "f(a b)", "f(a,)",
        "sort_by(@, &a)", "&a", "{a: b}", "{a: b, \"c d\": e}", "{a: b c: d}", "a.{b: c}", "[a, b]",
        "[a, *]", "a.[b, c]", "[*].[*]", "`1`", "`\"x\"`", "`[1, {\"a\": null}]`", "`NaN`", "`-Infinity`",
        "`{\"a\":1,\"a\":2}`", "`foo`", "` foo`", "`1e`", "`01`", "`[1,]`", "`[`", "`\\``", "`\u{FEFF}1`",
        "`\\ud800`", "`\u{85}`", "'raw'", "'it\\'s'", "'\\q'", "''", "\"\"", "\"a\\\"b\"", "\"\\u00e9\"",
        "\"日本語\"", "'日本語'", "`\"日本語\"`", "a[?name == '😀']", " a ", "\ta\r\n", "a\n.\nb",
    ])
    func validExpressionsCompile(_ expression: String) {
        #expect(JMESPath.syntaxError(in: expression) == nil)
    }

    /// Invalid expressions, with the reason and the 0-based offset in Unicode scalars that jmespath.py gives.
    @Test(arguments: [
        ("a=b", "unknown token '='", 1),
        ("a = b", "unknown token '='", 2),
        ("a=", "unknown token '='", 1),
        ("Foo[0", "incomplete expression", 5),
        (" ", "incomplete expression", 1),
        ("\t\n", "incomplete expression", 2),
        ("-", "unknown token '-'", 0),
        ("a #", "unknown token '#'", 2),
        ("é", "unknown token 'é'", 0),
        ("\"日本語\" = x", "unknown token '='", 6),
        ("'日本語' == ☃", "unknown token '☃'", 9),
        ("`abc", "unclosed ` delimiter", 0),
        ("a.'abc\\'", "unclosed ' delimiter", 2),
        ("\"abc", "unclosed \" delimiter", 0),
        ("`\"a`", "bad literal: the text between backquotes is not JSON", 0),
        ("x || `a\"b`", "bad literal: the text between backquotes is not JSON", 5),
        ("\"\\q\"", "bad quoted identifier: invalid \\escape", 0),
        ("\"\\u12\"", "bad quoted identifier: invalid \\uXXXX escape", 0),
        ("\"a\u{1}\"", "bad quoted identifier: invalid control character", 0),
        ("-1", "invalid token '-1'", 0),
        (".a", "invalid token '.'", 0),
        ("a*", "invalid token '*'", 1),
        ("a!", "invalid token '!'", 1),
        ("()", "invalid token ')'", 1),
        ("abs(1)", "invalid token '1'", 4),
        ("[a,]", "invalid token ']'", 3),
        ("*]", "unexpected token ']'", 1),
        ("a b", "unexpected token 'b'", 2),
        ("a&b", "unexpected token '&'", 1),
        ("[1 2]", "expected ']', found '2'", 3),
        ("a[b]", "expected '*', found 'b'", 2),
        ("{}", "expected an identifier as the key, found '}'", 1),
        ("{a b}", "expected ':', found 'b'", 3),
        ("a.`1`", "expected an identifier, '*', '[' or '{' after '.', found '`1`'", 2),
        ("a.", "expected an identifier, '*', '[' or '{' after '.', found the end", 2),
        ("a[1::2:]", "syntax error in a slice at ':'", 6),
        ("a[1:", "syntax error in a slice at the end", 4),
        ("**", "syntax error after a projection at '*'", 1),
        ("\"a\"()", "a quoted identifier cannot name a function", 0),
        ("[0](", "invalid function name ']'", 2),
        ("(a.b)()", "invalid function name ')'", 4),
        ("a.b(", "incomplete expression", 4),
        ("a ==", "incomplete expression", 4),
        ("!", "incomplete expression", 1),
        ("&&a", "invalid token '&&'", 0),
    ])
    func invalidExpressionsSayWhyAndWhere(_ expression: String, _ reason: String, _ offset: Int) throws {
        let error = try #require(JMESPath.syntaxError(in: expression))
        #expect(error.reason == reason)
        #expect(error.offset == offset)
        #expect(error.description == "\(reason) at column \(offset + 1)")
    }

    @Test func emptyHasNoColumn() throws {
        let error = try #require(JMESPath.syntaxError(in: ""))
        #expect(error.kind == .empty)
        #expect(error.offset == nil)
        #expect(error.description == "cannot be empty")
    }

    @Test func numbersFollowPythonIntDigitLimit() {
        #expect(JMESPath.syntaxError(in: "a[" + String(repeating: "1", count: 4300) + "]") == nil)
        #expect(JMESPath.syntaxError(in: "a[-" + String(repeating: "1", count: 4300) + "]") == nil)
        #expect(
            JMESPath.syntaxError(in: "a[" + String(repeating: "0", count: 4301) + "]")?.kind
                == .numberTooLong(digits: 4301))
        // Inside a literal a too-long integer fails json.loads; the deprecated string form then decides.
        let long = String(repeating: "1", count: 4301)
        #expect(JMESPath.syntaxError(in: "`[" + long + "]`") == nil)
        #expect(JMESPath.syntaxError(in: "`[\"a\", " + long + "]`")?.kind == .invalidLiteral)
        #expect(JMESPath.syntaxError(in: "`[\"a\", " + long + ".5]`") == nil)
    }

    @Test func nestingIsBoundedWithoutExhaustingTheStack() throws {
        let limit = JMESPath.maxDepth
        func parens(_ count: Int) -> String {
            String(repeating: "(", count: count) + "a" + String(repeating: ")", count: count)
        }
        // `(` n times is n + 1 nested expressions.
        #expect(JMESPath.syntaxError(in: parens(limit - 1)) == nil)
        let deep = try #require(JMESPath.syntaxError(in: parens(limit)))
        #expect(deep.kind == .tooDeep(limit: limit))
        #expect(deep.offset == limit)
        #expect(deep.reason == "nested deeper than 256 levels")
        let hostile = [
            String(repeating: "(", count: 100_000),
            String(repeating: "!", count: 100_000) + "a",
            String(repeating: "& ", count: 100_000) + "a",
            "a" + String(repeating: "[*]", count: 100_000),
            String(repeating: "*.", count: 100_000) + "a",
            String(repeating: "[?", count: 100_000),
            String(repeating: "{a:", count: 100_000),
            String(repeating: "f(", count: 100_000),
            String(repeating: "[", count: 100_000),
        ]
        for text in hostile {
            #expect(JMESPath.syntaxError(in: text)?.kind == .tooDeep(limit: limit), "\(text.prefix(8))…")
        }
        // A literal nests on its own stack, with the same limit.
        let array = { (n: Int) in "`" + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "`" }
        #expect(JMESPath.syntaxError(in: array(limit)) == nil)
        #expect(JMESPath.syntaxError(in: array(limit + 1))?.kind == .tooDeep(limit: limit))
        #expect(JMESPath.syntaxError(in: array(1_000_000))?.kind == .tooDeep(limit: limit))
        // Chains that jmespath.py reads in a loop are not nesting.
        let flat = Array(repeating: "a", count: 50_000)
        #expect(JMESPath.syntaxError(in: flat.joined(separator: ".")) == nil)
        #expect(JMESPath.syntaxError(in: flat.joined(separator: " | ")) == nil)
        #expect(JMESPath.syntaxError(in: flat.joined(separator: " == ")) == nil)
        #expect(JMESPath.syntaxError(in: "a" + String(repeating: "[0]", count: 50_000)) == nil)
    }

    @Test func aLexerErrorAnywhereWinsOverAnEarlierParseError() throws {
        // jmespath.py lexes the whole text before parsing.
        let error = try #require(JMESPath.syntaxError(in: "a b c = d"))
        #expect(error.kind == .unknownToken("="))
        #expect(error.offset == 6)
    }
}

// MARK: - Against jmespath.py

/// Runs `Tests/oracle/jmespath_oracle.py` (the installed `jmespath` package) in one python3 process.
enum JMESPathOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("oracle/jmespath_oracle.py")

    struct Verdict: Decodable {
        var ok: Bool
        var error: String?
        var position: Int?
        var message: String?
    }

    /// Why the oracle cannot run, or `nil` when it can.
    static let unavailableReason: String? = {
        guard let result = try? run(["-c", "import jmespath"], input: Data()) else {
            return "python3 could not be started"
        }
        return result.status == 0 ? nil : "python3 cannot import jmespath (the package is not installed)"
    }()

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

    static func verdicts(_ expressions: [String]) throws -> [Verdict] {
        var input = ""
        for expression in expressions { input += JSONWriter.stringLiteral(expression) + "\n" }
        let result = try run([script.path], input: Data(input.utf8))
        let decoder = JSONDecoder()
        return try result.output.split(separator: UInt8(ascii: "\n")).map {
            try decoder.decode(Verdict.self, from: Data($0))
        }
    }
}

/// SplitMix64: the same expressions on every run.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Expressions from a small JMESPath grammar, mutated copies of them, and character soup.
private struct ExpressionGenerator {
    var random: Seeded

    static let names = ["a", "b", "foo", "Instances", "_x1", "InstanceArn", "length", "sort_by", "not_null"]
    static let quotedNames = ["\"a\"", "\"with space\"", "\"日本語\"", "\"a\\\"b\"", "\"\\u00e9\"", "\"\\n\"", "\"😀\""]
    static let literals = [
        "`1`", "`\"x\"`", "`[1, 2]`", "`{\"a\": true}`", "`null`", "`-0.5e3`", "`NaN`", "`foo`", "` bar`",
        "`\"日本\"`", "`[1,]`", "`\\``", "`01`", "`{\"a\"}`", "`\"a`", "'raw'", "'it\\'s'", "'日本'", "''",
    ]
    static let numbers = ["0", "1", "-1", "10", "007", "-20"]
    static let comparators = ["==", "!=", "<", "<=", ">", ">="]
    /// Characters the mutations insert or substitute.
    static let alphabet = Array(".[]{}()|&!=<>,:*@`'\"0123456789abcdefghijklmnopqrstuvwxyz ".unicodeScalars)
    static let extras: [Unicode.Scalar] = ["-", "?", "\\", "\t", "é", "日", "😀", "_", "#", "\u{A0}", "\u{1}"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func space() -> String { chance(15) ? pick([" ", "  ", "\t", "\n"]) : "" }

    mutating func identifier() -> String { chance(80) ? pick(Self.names) : pick(Self.quotedNames) }

    mutating func expression(_ depth: Int = 0) -> String {
        if depth > 3 || chance(25) {
            switch random.next() % 6 {
            case 0: return pick(Self.literals)
            case 1: return "@"
            case 2: return "*"
            default: return identifier()
            }
        }
        let e = { (generator: inout ExpressionGenerator) in generator.expression(depth + 1) }
        switch random.next() % 20 {
        case 0: return e(&self) + "." + identifier()
        case 1: return e(&self) + "[" + pick(Self.numbers) + "]"
        case 2:
            let parts = (0..<3).map { _ in chance(50) ? pick(Self.numbers) : "" }
            return e(&self) + "[" + parts[0] + ":" + parts[1] + (chance(50) ? ":" + parts[2] : "") + "]"
        case 3: return e(&self) + "[*]" + (chance(50) ? "." + identifier() : "")
        case 4: return e(&self) + ".*"
        case 5: return e(&self) + "[]"
        case 6: return e(&self) + "[?" + e(&self) + space() + pick(Self.comparators) + space() + e(&self) + "]"
        case 7: return "[" + e(&self) + "," + space() + e(&self) + "]"
        case 8: return "{" + identifier() + ":" + space() + e(&self) + "," + identifier() + ": " + e(&self) + "}"
        case 9: return pick(Self.names) + "(" + e(&self) + (chance(50) ? ", &" + e(&self) : "") + ")"
        case 10: return e(&self) + space() + "|" + space() + e(&self)
        case 11: return e(&self) + " || " + e(&self)
        case 12: return e(&self) + " && " + e(&self)
        case 13: return e(&self) + space() + pick(Self.comparators) + space() + e(&self)
        case 14: return "!" + e(&self)
        case 15: return "(" + e(&self) + ")"
        case 16: return "&" + e(&self)
        case 17: return e(&self) + "." + pick(["[a, b]", "{k: a}", "length(@)", "*"])
        case 18: return "[?" + e(&self) + "]" + (chance(50) ? "[]" : "")
        default: return e(&self) + "[" + pick(Self.numbers) + "][" + pick(Self.numbers) + ":]"
        }
    }

    mutating func mutated(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let position = Int(random.next() % UInt64(scalars.count + 1))
            let scalar = chance(90) ? pick(Self.alphabet) : pick(Self.extras)
            switch random.next() % 3 {
            case 0: scalars.insert(scalar, at: position)
            case 1: if position < scalars.count { scalars.remove(at: position) }
            default: if position < scalars.count { scalars[position] = scalar }
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    mutating func soup() -> String {
        var result = ""
        for _ in 0..<(1 + Int(random.next() % 12)) {
            result.unicodeScalars.append(chance(92) ? pick(Self.alphabet) : pick(Self.extras))
        }
        return result
    }
}

@Suite(.enabled(if: JMESPathOracle.unavailableReason == nil, Comment(rawValue: JMESPathOracle.unavailableReason ?? "")))
struct JMESPathDifferentialTests {
    /// The exception classes jmespath.py raises for each kind of error.
    static func pythonError(for kind: JMESPathSyntaxError.Kind) -> String {
        switch kind {
        case .empty: "EmptyExpressionError"
        case .unknownToken, .unclosed, .invalidLiteral, .invalidQuotedIdentifier: "LexerError"
        case .numberTooLong: "ValueError"
        case .incomplete: "IncompleteExpressionError"
        case .tooDeep: "RecursionError"
        default: "ParseError"
        }
    }

    @Test func agreesWithJMESPathCompile() throws {
        var generator = ExpressionGenerator(random: Seeded(state: 20_240_917))
        var cases: [String] = []
        for _ in 0..<2000 { cases.append(generator.expression()) }
        for _ in 0..<2000 {
            let base = generator.expression()
            cases.append(generator.mutated(base))
        }
        for _ in 0..<1000 { cases.append(generator.soup()) }
        let verdicts = try JMESPathOracle.verdicts(cases)
        try #require(verdicts.count == cases.count, "the oracle answered \(verdicts.count) of \(cases.count)")
        var valid = 0
        var mismatches = 0
        var positionChecks = 0
        var byError: [String: Int] = [:]
        for (expression, python) in zip(cases, verdicts) {
            let ours = JMESPath.syntaxError(in: expression)
            if python.ok { valid += 1 } else { byError[python.error ?? "?", default: 0] += 1 }
            guard python.ok == (ours == nil) else {
                mismatches += 1
                let theirs = python.ok ? "valid" : python.message ?? ""
                let mine = ours?.description ?? "valid"
                Issue.record("\(JSONWriter.stringLiteral(expression)): jmespath says \(theirs), wmlint says \(mine)")
                continue
            }
            guard let ours else { continue }
            #expect(
                python.error == Self.pythonError(for: ours.kind),
                "\(JSONWriter.stringLiteral(expression)): \(python.error ?? "") vs \(ours.description)")
            if ours.kind != .quotedFunctionName, let position = python.position {
                positionChecks += 1
                #expect(
                    ours.offset == position,
                    "\(JSONWriter.stringLiteral(expression)): jmespath at \(position), wmlint at \(ours.offset ?? -1)")
            }
        }
        print(
            "jmespath differential: \(cases.count) expressions, \(valid) valid, \(cases.count - valid) invalid, "
                + "\(positionChecks) positions compared, \(mismatches) mismatches; refused by "
                + byError.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(valid > 1000 && cases.count - valid > 1000, "the generator should give both kinds in numbers")
        #expect(positionChecks > 1000, "error positions should be compared in numbers")
    }
}
