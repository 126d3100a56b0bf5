import Foundation
import Testing
import WMLintKit
import WMLintSource
import WMLintSyntax

/// One hostile input: its bytes, the form it is read as, and the rules of which at least one must be reported.
struct HostileCase: CustomTestStringConvertible, Sendable {
    var name: String
    var format: InputFormat
    var file: String
    var make: @Sendable () -> [UInt8]
    var expected: Set<RuleID>

    var testDescription: String { name }

    static func repeated(_ head: String, _ unit: String, _ count: Int, _ tail: String = "") -> [UInt8] {
        var bytes = Array(head.utf8)
        let unitBytes = Array(unit.utf8)
        bytes.reserveCapacity(bytes.count + unitBytes.count * count + tail.utf8.count)
        for _ in 0..<count { bytes += unitBytes }
        bytes += Array(tail.utf8)
        return bytes
    }
}

/// Deep, huge and malformed inputs: each is a specific diagnostic, never a trap, a stack overflow or a hang.
///
/// No case asserts a wall-clock limit: the inputs are big enough (a million levels, ten megabytes, fifty
/// thousand lines) that quadratic work or unbounded recursion would not finish or would overflow the stack.
@Suite("Hostile input")
struct HostileInputTests {
    static let million = 1_000_000
    static let command = Hostile.operation + " --organization-id " + Hostile.organization

    static let deepCases: [HostileCase] = [
        HostileCase(
            name: "JSON [ x 1e6", format: .json, file: "deep.json",
            make: { HostileCase.repeated("", "[", million) }, expected: [.jsonSyntax, .inputLimit]),
        HostileCase(
            name: "JSON {\"a\": x 1e6", format: .json, file: "deep.json",
            make: { HostileCase.repeated("", "{\"a\":", million) }, expected: [.jsonSyntax, .inputLimit]),
        HostileCase(
            name: "JSON closed [ x 1e6 ]", format: .json, file: "deep.json",
            make: { HostileCase.repeated("", "[", million) + HostileCase.repeated("", "]", million) },
            expected: [.jsonSyntax, .inputLimit]),
        HostileCase(
            name: "YAML flow [ x 1e6", format: .yaml, file: "deep.yaml",
            make: { HostileCase.repeated("OrganizationId: ", "[", million) }, expected: [.yamlSyntax, .inputLimit]),
        HostileCase(
            name: "YAML flow {a: x 1e6", format: .yaml, file: "deep.yaml",
            make: { HostileCase.repeated("OrganizationId: ", "{a: ", million) },
            expected: [.yamlSyntax, .inputLimit]),
        HostileCase(
            name: "YAML block '- ' x 1e6 on one line", format: .yaml, file: "deep.yaml",
            make: { HostileCase.repeated("OrganizationId:\n", "- ", million, "x\n") },
            expected: [.yamlSyntax, .inputLimit]),
        HostileCase(
            name: "YAML block indentation 2000 levels", format: .yaml, file: "deep.yaml",
            make: {
                var text = "OrganizationId:\n"
                for level in 1...2000 { text += String(repeating: " ", count: level) + "k:\n" }
                return Array(text.utf8)
            }, expected: [.yamlSyntax, .inputLimit]),
        HostileCase(
            name: "shorthand a=[ x 1e6", format: .shell, file: "deep.sh",
            make: {
                HostileCase.repeated(command + " --identity-center-configuration a=", "[", million, "\n")
            }, expected: [.shorthandSyntax, .inputLimit]),
        HostileCase(
            name: "shorthand a={b= x 1e6", format: .shell, file: "deep.sh",
            make: {
                HostileCase.repeated(command + " --identity-center-configuration a=", "{b=", million, "\n")
            }, expected: [.shorthandSyntax, .inputLimit]),
        HostileCase(
            name: "shell $( x 1e6", format: .shell, file: "deep.sh",
            make: { HostileCase.repeated(command + " --authentication-mode ", "$( ", million, "\n") },
            expected: [.shellSyntax, .inputLimit]),
        HostileCase(
            name: "shell \"$( x 1e6", format: .shell, file: "deep.sh",
            make: { HostileCase.repeated(command + " --authentication-mode ", "\"$(", million, "\n") },
            expected: [.shellSyntax, .inputLimit]),
        HostileCase(
            name: "shell ${a:- x 1e6", format: .shell, file: "deep.sh",
            make: { HostileCase.repeated(command + " --authentication-mode ", "${a:-", million, "\n") },
            expected: [.shellSyntax, .inputLimit]),
        HostileCase(
            name: "shell '( ' x 1e6 subshells", format: .shell, file: "deep.sh",
            make: { HostileCase.repeated("", "( ", million, Hostile.operation + " --organization-id m-1\n") },
            expected: [.shellSyntax, .inputLimit, .organizationIdFormat]),
    ]

    @Test(
        "a million levels of nesting is a syntax or limit diagnostic, not a stack overflow", .serialized,
        arguments: deepCases)
    func deepNesting(_ hostile: HostileCase) throws {
        let report = try Hostile.lint(hostile.make(), as: hostile.format, name: hostile.file)
        let rules = Hostile.rules(report)
        #expect(
            !rules.isDisjoint(with: hostile.expected),
            "expected one of \(hostile.expected.map(\.rawValue).sorted()), got \(rules.map(\.rawValue).sorted())")
        #expect(report.fails(strict: false))
    }

    @Test("YAML billion laughs is a yaml-syntax error about alias expansion")
    func billionLaughs() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(aliases)]\n"
        }
        text += "OrganizationId: *a9\n"
        let report = try Hostile.lint(text, as: .yaml, name: "laughs.yaml")
        let syntax = report.diagnostics.filter { $0.rule == .yamlSyntax }
        #expect(syntax.contains { $0.message.contains("alias expansion") }, "\(report.diagnostics.map(\.message))")
    }

    @Test("YAML aliases to a collection holding them are an error, not an endless expansion")
    func recursiveAlias() throws {
        let report = try Hostile.lint("OrganizationId: &a [*a, *a]\n", as: .yaml, name: "recursive.yaml")
        #expect(Hostile.rules(report).contains(.yamlSyntax))
    }

    @Test("standard input over --max-file-size is one input-limit error and is not parsed")
    func oversizedInput() throws {
        let text = "{\"OrganizationId\": \"" + String(repeating: "x", count: 2000) + "\"}"
        let report = try Hostile.lint(text, as: .json, name: "big.json", maxFileSize: 1000)
        #expect(report.diagnostics.map(\.rule) == [.inputLimit])
        #expect(report.diagnostics.first?.message.contains("over the limit of 1000") == true)
    }

    @Test("a file yielding more than 1000 diagnostics reports the first 1000 and one input-limit summary")
    func diagnosticFlood() throws {
        let line = Hostile.operation + " --organization-id x --bogus-option y\n"
        let report = try Hostile.lint(String(repeating: line, count: 1500), as: .shell, name: "flood.sh")
        let limits = report.diagnostics.filter { $0.rule == .inputLimit }
        #expect(report.diagnostics.count == 1001)
        #expect(limits.count == 1)

        #expect(report.diagnostics.count >= 1000)
    }

    static let tenMegabytes = 10 * 1024 * 1024

    static let longLineCases: [HostileCase] = [
        HostileCase(
            name: "JSON 10 MB string", format: .json, file: "long.json",
            make: { HostileCase.repeated("{\"OrganizationId\": \"m-", "a", tenMegabytes, "\"}") },
            expected: [.organizationIdFormat]),
        HostileCase(
            name: "JSON 10 MB of spaces", format: .json, file: "long.json",
            make: {
                HostileCase.repeated("{\"OrganizationId\":", " ", tenMegabytes, "\"m-1\"}")
            }, expected: [.organizationIdFormat]),
        HostileCase(
            name: "YAML 10 MB plain scalar", format: .yaml, file: "long.yaml",
            make: { HostileCase.repeated("OrganizationId: m-", "a", tenMegabytes, "\n") },
            expected: [.organizationIdFormat]),
        HostileCase(
            name: "shell 10 MB word", format: .shell, file: "long.sh",
            make: { HostileCase.repeated(Hostile.operation + " --organization-id m-", "a", tenMegabytes, "\n") },
            expected: [.organizationIdFormat]),
        HostileCase(
            name: "shell 10 MB comment then a bad call", format: .shell, file: "long.sh",
            make: {
                HostileCase.repeated("#", "x", tenMegabytes, "\n" + Hostile.operation + " --organization-id m-1\n")
            }, expected: [.organizationIdFormat]),
        HostileCase(
            name: "shorthand 10 MB of escaped commas", format: .shell, file: "long.sh",
            make: {
                HostileCase.repeated(
                    command + " --authentication-mode IDENTITY_PROVIDER_ONLY "
                        + "--identity-center-configuration InstanceArn=", "\\,", tenMegabytes / 2, "\n")
            }, expected: [.instanceArnFormat, .missingRequired]),
        HostileCase(
            name: "shorthand 10 MB list", format: .shell, file: "long.sh",
            make: {
                HostileCase.repeated(
                    command + " --authentication-mode IDENTITY_PROVIDER_ONLY "
                        + "--identity-center-configuration InstanceArn=a", ",b", tenMegabytes / 2, "\n")
            }, expected: [.typeMismatch, .instanceArnFormat, .missingRequired]),
    ]

    @Test("10 MB lines are read in one pass and quoted briefly", .serialized, arguments: longLineCases)
    func longLines(_ hostile: HostileCase) throws {
        let report = try Hostile.lint(hostile.make(), as: hostile.format, name: hostile.file, maxFileSize: 32 << 20)
        let rules = Hostile.rules(report)
        #expect(
            !rules.isDisjoint(with: hostile.expected),
            "expected one of \(hostile.expected.map(\.rawValue).sorted()), got \(rules.map(\.rawValue).sorted())")
        for diagnostic in report.diagnostics {
            #expect(
                diagnostic.message.utf8.count < 2000,
                "\(diagnostic.rule) message is \(diagnostic.message.utf8.count) bytes")
        }
        #expect(GCCFormatter.format(report).utf8.count < 100_000)
        let text = TextFormatter.format(report)
        // The text format shortens a long line around the range instead of echoing it per diagnostic.
        #expect(text.utf8.count < 100_000, "the text report is \(text.utf8.count) bytes")
    }

    @Test("an unterminated quote on line 1 of a 50,000-line script is one shell-syntax error at line 1")
    func unterminatedQuoteOverManyLines() throws {
        var text = Hostile.operation + " --organization-id '" + Hostile.organization + "\n"
        let line = Hostile.operation + " --organization-id " + Hostile.organization + " --authentication-mode x\n"
        text += String(repeating: line, count: 50_000)
        let report = try Hostile.lint(text, as: .shell, name: "quote.sh")
        let syntax = report.diagnostics.filter { $0.rule == .shellSyntax }
        #expect(syntax.count == 1)
        let offset = try #require(syntax.first).range.lowerBound.offset
        #expect(offset == Hostile.operation.utf8.count + " --organization-id ".utf8.count)
    }

    @Test("lines each opening a substitution that the next line continues: words hold linear text in all")
    func nestedSubstitutionLines() throws {
        // Each line's "$( swallows every later line, 256 levels deep. A scanner whose words copy the rest of the
        // file at each level holds 256 times the file (plus a 16-byte offset pair per byte): counted here on
        // 2,000 lines, where 50,000 lines (3 MB) take over 6 GB and minutes.
        let line = Hostile.operation + " --authentication-mode \"$(\n"
        let text = String(repeating: line, count: 2_000)
        let script = ShellScanner.scan(SourceText(bytes: Array(text.utf8), path: "subst.sh"))
        let held = script.commands.reduce(0) { sum, command in
            sum + command.words.reduce(0) { $0 + $1.text.utf8.count }
        }
        #expect(script.diagnostics.contains { $0.rule == .shellSyntax || $0.rule == .inputLimit })
        #expect(held <= 4 * text.utf8.count, "words hold \(held) bytes for a \(text.utf8.count)-byte script")

    }

    static let encodingCases: [HostileCase] = [
        HostileCase(
            name: "invalid UTF-8 byte FF", format: .json, file: "enc.json",
            make: { Array("{\"OrganizationId\": \"".utf8) + [0xFF] + Array("\"}".utf8) }, expected: [.encoding]),
        HostileCase(
            name: "overlong '/' C0 AF", format: .json, file: "enc.json",
            make: { Array("{\"OrganizationId\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8) }, expected: [.encoding]),
        HostileCase(
            name: "overlong NUL E0 80 80", format: .yaml, file: "enc.yaml",
            make: { Array("OrganizationId: a".utf8) + [0xE0, 0x80, 0x80] + [0x0A] }, expected: [.encoding]),
        HostileCase(
            name: "surrogate ED A0 80 in JSON", format: .json, file: "enc.json",
            make: { Array("{\"OrganizationId\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8) },
            expected: [.encoding]),
        HostileCase(
            name: "surrogate ED A0 80 in shell", format: .shell, file: "enc.sh",
            make: { Array((Hostile.operation + " --organization-id ").utf8) + [0xED, 0xA0, 0x80, 0x0A] },
            expected: [.encoding]),
        HostileCase(
            name: "truncated sequence at the end", format: .shell, file: "enc.sh",
            make: { Array((Hostile.operation + " --organization-id x").utf8) + [0xE6, 0x97] }, expected: [.encoding]),
        HostileCase(
            name: "NUL in JSON", format: .json, file: "enc.json",
            make: { Array("{\"OrganizationId\": \"m-".utf8) + [0] + Array("\"}".utf8) }, expected: [.encoding]),
        HostileCase(
            name: "NUL in shell", format: .shell, file: "enc.sh",
            make: { Array((Hostile.operation + " --organization-id m-").utf8) + [0, 0x0A] }, expected: [.encoding]),
        HostileCase(
            name: "NUL in YAML", format: .yaml, file: "enc.yaml",
            make: { Array("OrganizationId: m-".utf8) + [0, 0x0A] }, expected: [.encoding]),
        HostileCase(
            name: "BOM before JSON", format: .json, file: "enc.json",
            make: { [0xEF, 0xBB, 0xBF] + Array("{\"OrganizationId\": \"\(Hostile.organization)\"}".utf8) },
            expected: [.encoding]),
        HostileCase(
            name: "BOM before a script", format: .shell, file: "enc.sh",
            make: { [0xEF, 0xBB, 0xBF] + Array("#!/bin/sh\n\(Hostile.operation)\n".utf8) }, expected: [.encoding]),
        HostileCase(
            name: "UTF-16 JSON", format: .json, file: "enc.json",
            make: { [0xFF, 0xFE] + Array("{\"OrganizationId\": 1}".utf8).flatMap { [$0, 0] } },
            expected: [.encoding]),
        HostileCase(
            name: "random binary named .json", format: .json, file: "binary.json",
            make: { randomBytes(65_536, seed: 1) }, expected: [.encoding, .jsonSyntax]),
        HostileCase(
            name: "random binary named .yaml", format: .yaml, file: "binary.yaml",
            make: { randomBytes(65_536, seed: 2) }, expected: [.encoding, .yamlSyntax]),
        HostileCase(
            name: "random binary named .sh", format: .shell, file: "binary.sh",
            make: { Array((Hostile.operation + " ").utf8) + randomBytes(65_536, seed: 3) },
            expected: [.encoding]),
        HostileCase(
            name: "empty JSON", format: .json, file: "empty.json", make: { [] }, expected: [.jsonSyntax]),
        HostileCase(
            name: "whitespace-only JSON", format: .json, file: "blank.json", make: { Array(" \n\t\r\n".utf8) },
            expected: [.jsonSyntax]),
        HostileCase(
            name: "empty YAML", format: .yaml, file: "empty.yaml", make: { [] },
            expected: [.yamlSyntax, .missingRequired, .typeMismatch]),
        HostileCase(
            name: "whitespace-only YAML", format: .yaml, file: "blank.yaml", make: { Array("  \n\n".utf8) },
            expected: [.yamlSyntax, .missingRequired, .typeMismatch]),
    ]

    /// Deterministic pseudo-random bytes (xorshift), so a failure reproduces.
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    @Test("malformed encodings are a diagnostic each, never a trap", arguments: encodingCases)
    func encodings(_ hostile: HostileCase) throws {
        let report = try Hostile.lint(hostile.make(), as: hostile.format, name: hostile.file)
        let rules = Hostile.rules(report)
        #expect(
            !rules.isDisjoint(with: hostile.expected),
            "expected one of \(hostile.expected.map(\.rawValue).sorted()), got \(rules.map(\.rawValue).sorted())")
        #expect(report.fails(strict: false))
        _ = TextFormatter.format(report)
        _ = GCCFormatter.format(report)
        _ = JSONFormatter.format(report)
    }

    @Test("an empty or whitespace-only shell script is clean", arguments: ["", "\n\n  \t\n", "#!/bin/sh\n"])
    func emptyScript(_ text: String) throws {
        let report = try Hostile.lint(text, as: .shell, name: "empty.sh")
        #expect(report.diagnostics.isEmpty)
    }
}
