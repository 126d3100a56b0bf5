import Testing
import WMLintSource

@testable import WMLintKit

/// A diagnostic at `start..<end` of `path` whose one fix replaces that range (or `edits`, when given).
func fixDiagnostic(
    _ rule: RuleID, _ path: String, _ start: Int, _ end: Int, _ replacement: String, edits: [TextEdit]? = nil,
    message: String = "fix"
) -> Diagnostic {
    let fixEdits = edits ?? [TextEdit(path: path, range: .bytes(start, end), replacement: replacement)]
    return Diagnostic(
        rule: rule, message: "problem", path: path, range: .bytes(start, end),
        fixes: [Fix(message: message, edits: fixEdits)])
}

/// The byte offset of the first occurrence of `needle` in `text` (UTF-8).
func byteOffset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - pattern.count)
    where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start
    }
    return nil
}

@Suite("FixPlanner")
struct FixPlannerTests {
    let planner = FixPlanner()

    @Test func replacesOneRange() throws {
        let text = Array(#"{"Status": "Activ"}"#.utf8)
        let plan = planner.plan([fixDiagnostic(.enumValue, "a.json", 11, 18, #""ACTIVE""#)], contents: ["a.json": text])
        let file = try #require(plan.file("a.json"))
        #expect(String(decoding: file.fixed, as: UTF8.self) == #"{"Status": "ACTIVE"}"#)
        #expect(file.original == text)
        #expect(plan.applied.map(\.rule) == [.enumValue])
        #expect(plan.skipped.isEmpty)
        #expect(plan.hasChanges)
    }

    @Test func overlappingFixIsSkippedWhateverTheInputOrder() throws {
        let text = Array("abcdefghij".utf8)
        let first = fixDiagnostic(.enumValue, "f", 2, 5, "XYZ")
        let second = fixDiagnostic(.typeMismatch, "f", 4, 7, "Q")
        for diagnostics in [[first, second], [second, first]] {
            let plan = planner.plan(diagnostics, contents: ["f": text])
            let file = try #require(plan.file("f"))
            #expect(String(decoding: file.fixed, as: UTF8.self) == "abXYZfghij")
            #expect(plan.applied.map(\.rule) == [.enumValue])
            #expect(plan.skipped.map(\.rule) == [.typeMismatch])
            #expect(plan.skipped.map(\.reason) == [.overlaps])
        }
    }

    @Test func sameStartIsDecidedByRuleID() throws {
        let text = Array("value".utf8)
        // "enum-value" sorts before "type-mismatch": its fix wins.
        let plan = planner.plan(
            [fixDiagnostic(.typeMismatch, "f", 0, 5, "B"), fixDiagnostic(.enumValue, "f", 0, 5, "A")],
            contents: ["f": text])
        #expect(plan.file("f")?.fixed == Array("A".utf8))
        #expect(plan.skipped.map(\.rule) == [.typeMismatch])
    }

    @Test func identicalEditsApplyOnce() throws {
        let text = Array("x = Activ".utf8)
        let plan = planner.plan(
            [fixDiagnostic(.enumValue, "f", 4, 9, "ACTIVE"), fixDiagnostic(.typeMismatch, "f", 4, 9, "ACTIVE")],
            contents: ["f": text])
        let file = try #require(plan.file("f"))
        #expect(String(decoding: file.fixed, as: UTF8.self) == "x = ACTIVE")
        #expect(file.edits.count == 1)
        #expect(plan.applied.map(\.rule) == [.enumValue, .typeMismatch])
        #expect(plan.skipped.isEmpty)
    }

    @Test func insertionIsAnEmptyRange() throws {
        let text = Array("--a 1".utf8)
        let plan = planner.plan([fixDiagnostic(.missingRequired, "s.sh", 5, 5, " --b 2")], contents: ["s.sh": text])
        #expect(plan.file("s.sh")?.fixed == Array("--a 1 --b 2".utf8))
    }

    @Test func insertionsAtTheEdgesOfAReplacementBothApply() throws {
        let text = Array("abcdef".utf8)
        let plan = planner.plan(
            [
                fixDiagnostic(.enumValue, "f", 2, 4, "XY"), fixDiagnostic(.typeMismatch, "f", 2, 2, "<"),
                fixDiagnostic(.unknownKey, "f", 4, 4, ">"),
            ], contents: ["f": text])
        #expect(String(decoding: try #require(plan.file("f")).fixed, as: UTF8.self) == "ab<XY>ef")
        #expect(plan.skipped.isEmpty)
    }

    @Test func insertionInsideAReplacementOrBesideAnotherInsertionConflicts() throws {
        let text = Array("abcdef".utf8)
        let plan = planner.plan(
            [
                fixDiagnostic(.enumValue, "f", 1, 4, "-"), fixDiagnostic(.typeMismatch, "f", 2, 2, "!"),
                fixDiagnostic(.unknownKey, "f", 5, 5, "1"), fixDiagnostic(.unknownOption, "f", 5, 5, "2"),
            ], contents: ["f": text])
        #expect(String(decoding: try #require(plan.file("f")).fixed, as: UTF8.self) == "a-e1f")
        #expect(plan.skipped.map(\.rule) == [.typeMismatch, .unknownOption])
    }

    @Test func aFixAppliesWholeOrNotAtAll() throws {
        let script = Array("aws --cli-input-json file://a.json".utf8)
        let json = Array(#"{"A": 1}"#.utf8)
        let spanning = fixDiagnostic(
            .conflictingInput, "s.sh", 0, 3, "",
            edits: [
                TextEdit(path: "s.sh", range: .bytes(0, 3), replacement: "AWS"),
                TextEdit(path: "a.json", range: .bytes(6, 7), replacement: "2"),
            ])
        let blocker = fixDiagnostic(.typeMismatch, "a.json", 6, 7, "\"1\"")
        let plan = planner.plan([spanning, blocker], contents: ["s.sh": script, "a.json": json])
        // Ordered by the first edit's path: "a.json" (blocker, and the spanning fix's edit there) — the blocker
        // starts at the same offset and "type-mismatch" > "conflicting-input", so the spanning fix goes first.
        #expect(plan.applied.map(\.rule) == [.conflictingInput])
        #expect(plan.file("s.sh")?.fixed == Array("AWS --cli-input-json file://a.json".utf8))
        #expect(plan.file("a.json")?.fixed == Array(#"{"A": 2}"#.utf8))
        #expect(plan.files.map(\.path) == ["a.json", "s.sh"])

        // When the blocker wins, neither file of the spanning fix changes.
        let early = fixDiagnostic(.typeMismatch, "a.json", 5, 7, " 3")
        let second = planner.plan([spanning, early], contents: ["s.sh": script, "a.json": json])
        #expect(second.applied.map(\.rule) == [.typeMismatch])
        #expect(second.file("s.sh") == nil)
        #expect(second.file("a.json")?.fixed == Array(#"{"A": 3}"#.utf8))
    }

    @Test func invalidFixesAreSkipped() {
        let text = Array("abc".utf8)
        let plan = planner.plan(
            [
                fixDiagnostic(.enumValue, "f", 2, 9, "x"),
                fixDiagnostic(.typeMismatch, "missing", 0, 1, "x"),
                fixDiagnostic(
                    .unknownKey, "f", 0, 2, "",
                    edits: [
                        TextEdit(path: "f", range: .bytes(0, 2), replacement: "1"),
                        TextEdit(path: "f", range: .bytes(1, 3), replacement: "2"),
                    ]),
            ], contents: ["f": text])
        #expect(plan.files.isEmpty)
        #expect(plan.skipped.map(\.reason) == [.invalid, .invalid, .invalid])
    }

    @Test func manyFixesInOneFile() throws {
        // 5,000 one-byte replacements, each shadowed by a later-sorting fix two bytes wide, and an insertion
        // before each: the replacements and insertions apply, the wide fixes all conflict.
        let count = 5_000
        let text = [UInt8](repeating: UInt8(ascii: "a"), count: count * 2)
        var diagnostics: [Diagnostic] = []
        for index in stride(from: 0, to: count * 2, by: 2) {
            diagnostics.append(fixDiagnostic(.typeMismatch, "f", index, index + 2, "zz"))
            diagnostics.append(fixDiagnostic(.enumValue, "f", index, index + 1, "b"))
            diagnostics.append(fixDiagnostic(.unknownKey, "f", index, index, "<"))
        }
        let plan = planner.plan(diagnostics.reversed(), contents: ["f": text])
        let fixed = try #require(plan.file("f")).fixed
        #expect(fixed == Array(String(repeating: "<ba", count: count).utf8))
        #expect(plan.applied.count == count * 2)
        #expect(plan.skipped.count == count)
        #expect(plan.skipped.allSatisfy { $0.rule == .typeMismatch && $0.reason == .overlaps })
    }

    @Test func onlyTheFirstFixOfADiagnosticCounts() throws {
        let text = Array("abc".utf8)
        let diagnostic = Diagnostic(
            rule: .enumValue, message: "problem", path: "f", range: .bytes(0, 1),
            fixes: [
                Fix(message: "first", edits: [TextEdit(path: "f", range: .bytes(0, 1), replacement: "1")]),
                Fix(message: "second", edits: [TextEdit(path: "f", range: .bytes(0, 1), replacement: "2")]),
            ])
        let plan = planner.plan([diagnostic], contents: ["f": text])
        #expect(plan.file("f")?.fixed == Array("1bc".utf8))
        #expect(plan.applied.map(\.message) == ["first"])
    }

    @Test func bytesOutsideEditsAreKeptExactly() throws {
        // Multi-byte text, emoji, tabs, CRLF and a BOM around the edit; and invalid UTF-8 after it.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("{\r\n\t\"名前\": \"日本語🎉\",\r\n\t\"Status\": \"Activ\"\r\n}\r\n".utf8)
        bytes += [0xFF, 0xFE, 0x0A]
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(byteOffset(of: "\"Activ\"", in: text))
        let plan = planner.plan(
            [fixDiagnostic(.enumValue, "a.json", start, start + 7, "\"ACTIVE\"")], contents: ["a.json": bytes])
        let fixed = try #require(plan.file("a.json")).fixed
        #expect(Array(fixed[..<start]) == Array(bytes[..<start]))
        #expect(Array(fixed[(start + 8)...]) == Array(bytes[(start + 7)...]))
        #expect(Array(fixed[start..<(start + 8)]) == Array("\"ACTIVE\"".utf8))
        #expect(fixed.count == bytes.count + 1)
    }

    @Test func emptyPlanChangesNothing() {
        let text = Array("unchanged\r\n".utf8)
        let plan = planner.plan(
            [Diagnostic(rule: .enumValue, message: "no fix", path: "f", range: .bytes(0, 1))],
            contents: ["f": text])
        #expect(plan == FixPlanner().plan([], contents: ["f": text]))
        #expect(plan.files.isEmpty)
        #expect(!plan.hasChanges)
        #expect(plan.output(for: "f", original: text) == text)
        #expect(UnifiedDiff.render(plan).isEmpty)
    }

    @Test func standardInputOutputIsTheFixedText() {
        let text = Array("aws workmail x --status Activ\n".utf8)
        let plan = planner.plan([fixDiagnostic(.enumValue, "-", 24, 29, "ACTIVE")], contents: ["-": text])
        #expect(plan.output(for: "-", original: text) == Array("aws workmail x --status ACTIVE\n".utf8))
    }

    /// A tiny linter: every `Activ` not followed by `E` is a diagnostic whose fix writes `ACTIVE`.
    static func toyLint(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        let pattern = Array("Activ".utf8)
        var result: [Diagnostic] = []
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern),
                index + pattern.count == bytes.count || bytes[index + pattern.count] != UInt8(ascii: "e")
            {
                result.append(fixDiagnostic(.enumValue, path, index, index + pattern.count, "ACTIVE"))
                index += pattern.count
            } else {
                index += 1
            }
        }
        return result
    }

    @Test func fixingTwiceChangesNothingTheSecondTime() throws {
        let text = Array("a Activ b 日本語 Activ\r\nActiv".utf8)
        let first = planner.plan(Self.toyLint("f", text), contents: ["f": text])
        let fixed = try #require(first.file("f")).fixed
        #expect(String(decoding: fixed, as: UTF8.self) == "a ACTIVE b 日本語 ACTIVE\r\nACTIVE")
        #expect(first.applied.count == 3)
        let second = planner.plan(Self.toyLint("f", fixed), contents: ["f": fixed])
        #expect(second.files.isEmpty)
        #expect(second.output(for: "f", original: fixed) == fixed)
    }

    @Test func shellValueEditsAreRequotedOnlyInShellScripts() throws {
        let script = Array("aws x --name 'old'\n".utf8)
        let json = Array(#"{"Name": "old"}"#.utf8)
        let shellPlanner = FixPlanner(shellScripts: ["s.sh"])
        let plan = shellPlanner.plan(
            [fixDiagnostic(.enumValue, "s.sh", 14, 17, "it's"), fixDiagnostic(.enumValue, "a.json", 10, 13, "it's")],
            contents: ["s.sh": script, "a.json": json])
        #expect(plan.file("s.sh")?.fixed == Array(#"aws x --name 'it'\''s'"#.utf8) + [0x0A])
        #expect(plan.file("a.json")?.fixed == Array(#"{"Name": "it's"}"#.utf8))
        // The applied fix reports the edit as written.
        let applied = try #require(plan.applied.first { $0.path == "s.sh" })
        #expect(applied.edits.map(\.replacement) == [#"it'\''s"#])
    }

    @Test func aClosureDecidesPerEdit() throws {
        let script = Array("aws x --name old\n".utf8)
        let planner = FixPlanner { diagnostic, _ in diagnostic.rule == .enumValue ? .shellValue : .verbatim }
        let plan = planner.plan(
            [
                fixDiagnostic(.enumValue, "s", 13, 16, "a b"),
                fixDiagnostic(.missingRequired, "s", 16, 16, " --c 'd e'"),
            ],
            contents: ["s": script])
        #expect(plan.file("s")?.fixed == Array("aws x --name 'a b' --c 'd e'\n".utf8))
    }

    @Test func aReportsShellScriptsAreFoundByNameOrShebang() throws {
        let files = [
            "run.sh": "aws x --name 'old'\n", "run": "#!/usr/bin/env bash\naws x --name 'old'\n",
            "a.json": #"{"Name": 'old'}"#, "notes": "aws x --name 'old'\n",
        ]
        var sources: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in files {
            sources[path] = SourceFile(path: path, text: text)
            let start = try #require(byteOffset(of: "old", in: text))
            diagnostics.append(fixDiagnostic(.enumValue, path, start, start + 3, "it's"))
        }
        let report = LintReport(diagnostics: diagnostics, sources: sources, fileCount: files.count, requests: [])
        let plan = FixPlanner.forReport(report).plan(report)
        #expect(plan.file("run.sh")?.fixed == Array("aws x --name 'it'\\''s'\n".utf8))
        #expect(plan.file("run")?.fixed == Array("#!/usr/bin/env bash\naws x --name 'it'\\''s'\n".utf8))
        #expect(plan.file("a.json")?.fixed == Array(#"{"Name": 'it's'}"#.utf8))
        #expect(plan.file("notes")?.fixed == Array("aws x --name 'it's'\n".utf8))
        let forced = FixPlanner.forReport(report, shellScripts: ["notes"]).plan(report)
        #expect(forced.file("notes")?.fixed == Array("aws x --name 'it'\\''s'\n".utf8))
        #expect(forced.file("run.sh")?.fixed == Array("aws x --name 'it's'\n".utf8))
    }
}
