import Foundation
import Testing
import WMLintKit
import WMLintRules

/// The formats as their consumers read them: Vim's quickfix list over `gcc`, SARIF viewers over `sarif`, GitHub
/// Actions over `github`. Each is checked against the `json` report of the same run.
@Suite(.serialized) struct FormatConsumerTests {
    /// The errorformat documented in the README for the `gcc` format.
    static let errorformat = "%f:%l:%c: %t%*[^:]: %m"

    static let paths = ["testdata/formats", "testdata/golden", "testdata/examples"]

    static func report() throws -> LintReport {
        TestSupport.enterRoot()
        return try Linter.run(LintOptions(paths: paths))
    }

    static func jsonDiagnostics(_ report: LintReport) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(JSONFormatter.format(report).utf8))
        return try #require((object as? [String: Any])?["diagnostics"] as? [[String: Any]])
    }

    static func start(_ diagnostic: [String: Any]) -> [String: Int] {
        ((diagnostic["range"] as? [String: Any])?["start"] as? [String: Int]) ?? [:]
    }

    static func end(_ diagnostic: [String: Any]) -> [String: Int] {
        ((diagnostic["range"] as? [String: Any])?["end"] as? [String: Int]) ?? [:]
    }

    @Test(.enabled(if: FormatSupport.vim != nil, "vim is not installed"))
    func vimQuickfixReadsTheGCCFormat() throws {
        let report = try Self.report()
        let expected = try Self.jsonDiagnostics(report)
        #expect(expected.count >= 20)
        let input = FormatSupport.temporaryFile("gcc.txt")
        let output = FormatSupport.temporaryFile("qf.json")
        let script = FormatSupport.temporaryFile("qf.vim")
        defer {
            for file in [input, output, script] { try? FileManager.default.removeItem(atPath: file) }
        }
        try GCCFormatter.format(report).write(toFile: input, atomically: true, encoding: .utf8)
        let vimScript = """
            let &errorformat = '\(Self.errorformat)'
            execute 'cgetfile ' . fnameescape('\(input)')
            let items = map(getqflist(), {_, e -> {'file': bufname(e.bufnr), 'lnum': e.lnum, 'col': e.col, 'type': e.type, 'text': e.text, 'valid': e.valid}})
            call writefile([json_encode(items)], '\(output)')
            qa!
            """
        try vimScript.write(toFile: script, atomically: true, encoding: .utf8)
        let vim = try #require(FormatSupport.vim)
        let run = try FormatSupport.run(vim, ["-es", "-u", "NONE", "-i", "NONE", "-N", "-S", script])
        #expect(run.status == 0, "vim: \(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let items = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        try #require(items.count == expected.count)
        let types = ["error": "e", "warning": "w", "info": "n"]
        for (item, diagnostic) in zip(items, expected) {
            let start = Self.start(diagnostic)
            #expect(item["valid"] as? Int == 1)
            #expect(item["file"] as? String == diagnostic["path"] as? String)
            #expect(item["lnum"] as? Int == start["line"])
            #expect(item["col"] as? Int == start["column"])
            #expect(item["type"] as? String == types[diagnostic["severity"] as? String ?? ""])
            let rule = diagnostic["rule"] as? String ?? ""
            #expect(item["text"] as? String == (diagnostic["message"] as? String ?? "") + " [\(rule)]")
        }
        #expect(Set(items.compactMap { $0["type"] as? String }) == ["e", "w", "n"])
    }

    @Test func sarifCarriesTheJSONReport() throws {
        let report = try Self.report()
        let expected = try Self.jsonDiagnostics(report)
        let object = try JSONSerialization.jsonObject(with: Data(SARIFFormatter.format(report).utf8))
        let log = try #require(object as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SARIFFormatter.schemaURI)
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["description"] as? [String: String] == ["text": "the directory wmlint ran in"])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "wmlint")
        #expect(driver["version"] as? String == WMLintVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleCatalogue.all.map(\.id.rawValue))
        let levels: [String: String] = ["error": "error", "warning": "warning", "info": "note"]
        for (rule, description) in zip(rules, RuleCatalogue.all) {
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == levels[description.severity.rawValue])
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == description.summary)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        try #require(results.count == expected.count)
        var sawFix = false
        var sawRelated = false
        for (result, diagnostic) in zip(results, expected) {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleID == diagnostic["rule"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(result["level"] as? String == levels[diagnostic["severity"] as? String ?? ""])
            #expect((result["message"] as? [String: Any])?["text"] as? String == diagnostic["message"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            try checkLocation(physical, path: diagnostic["path"], range: diagnostic["range"], report: report)
            let related = diagnostic["related"] as? [[String: Any]] ?? []
            let relatedLocations = result["relatedLocations"] as? [[String: Any]] ?? []
            #expect(relatedLocations.count == related.count)
            for (index, (location, item)) in zip(relatedLocations, related).enumerated() {
                sawRelated = true
                #expect(location["id"] as? Int == index + 1)
                #expect((location["message"] as? [String: Any])?["text"] as? String == item["message"] as? String)
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                try checkLocation(physical, path: item["path"], range: item["range"], report: report)
            }
            let fixes = diagnostic["fixes"] as? [[String: Any]] ?? []
            let sarifFixes = result["fixes"] as? [[String: Any]] ?? []
            #expect(sarifFixes.count == fixes.count)
            for (sarifFix, fix) in zip(sarifFixes, fixes) {
                sawFix = true
                #expect((sarifFix["description"] as? [String: Any])?["text"] as? String == fix["message"] as? String)
                let changes = try #require(sarifFix["artifactChanges"] as? [[String: Any]])
                let replacements = changes.flatMap { $0["replacements"] as? [[String: Any]] ?? [] }
                let edits = fix["edits"] as? [[String: Any]] ?? []
                #expect(replacements.count == edits.count)
                for (replacement, edit) in zip(replacements, edits) {
                    let inserted = (replacement["insertedContent"] as? [String: Any])?["text"] as? String
                    #expect(inserted == edit["replacement"] as? String)
                    let region = try #require(replacement["deletedRegion"] as? [String: Any])
                    try checkRegion(region, path: edit["path"] as? String ?? "", range: edit["range"], report: report)
                }
            }
        }
        #expect(sawFix && sawRelated)
    }

    /// The artifact location is the path as a relative URI against `%SRCROOT%`; the region is the JSON range.
    private func checkLocation(_ physical: [String: Any], path: Any?, range: Any?, report: LintReport) throws {
        let path = try #require(path as? String)
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == path.addingPercentEncoding(withAllowedCharacters: Self.uriCharacters))
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        try checkRegion(try #require(physical["region"] as? [String: Any]), path: path, range: range, report: report)
    }

    static let uriCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    /// Lines and code-point columns as in the JSON report; `charOffset`/`charLength` (when present) count code
    /// points from the start of the file, checked independently with Swift's own decoding.
    private func checkRegion(_ region: [String: Any], path: String, range: Any?, report: LintReport) throws {
        let range = try #require(range as? [String: [String: Int]])
        let start = try #require(range["start"])
        let end = try #require(range["end"])
        #expect(region["startLine"] as? Int == start["line"])
        #expect(region["startColumn"] as? Int == start["column"])
        #expect(region["endLine"] as? Int == end["line"])
        #expect(region["endColumn"] as? Int == end["column"])
        guard let charOffset = region["charOffset"] as? Int else { return }
        let bytes = try #require(report.sources[path]?.bytes)
        let startOffset = try #require(start["offset"])
        let endOffset = try #require(end["offset"])
        let before = try #require(String(validating: bytes[..<startOffset], as: UTF8.self))
        let inside = try #require(String(validating: bytes[startOffset..<endOffset], as: UTF8.self))
        #expect(charOffset == before.unicodeScalars.count)
        #expect(region["charLength"] as? Int == inside.unicodeScalars.count)
    }

    @Test func sarifLeavesOutCharacterOffsetsWhereTheyAreNotExact() throws {
        TestSupport.enterRoot()
        for name in ["testdata/golden/latin1.json", "testdata/golden/bom.json"] {
            let report = try Linter.run(LintOptions(paths: [name]))
            try #require(!report.diagnostics.isEmpty)
            let sarif = SARIFFormatter.format(report)
            #expect(!sarif.contains("charOffset"), "\(name)")
            #expect(sarif.contains("\"startColumn\""))
        }
    }

    @Test func sarifURIsArePercentEncodedAndAbsolutePathsAreFileURIs() throws {
        let directory = FormatSupport.temporaryFile("sarif dir")
        let nested = directory + "/a b:c"
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"{"OrganizationId": 1}"#.write(toFile: nested + "/日本 100%.json", atomically: true, encoding: .utf8)
        let relative = try TestSupport.run(["check", "--format", "sarif", "a b:c"], in: directory)
        #expect(relative.status == 1)
        #expect(
            relative.stdout.contains(#""uri": "a%20b%3Ac/%E6%97%A5%E6%9C%AC%20100%25.json", "uriBaseId": "%SRCROOT%""#))
        let root =
            try "file://" + #require((directory + "/").addingPercentEncoding(withAllowedCharacters: Self.uriCharacters))
        #expect(relative.stdout.contains(#""originalUriBaseIds": {"%SRCROOT%": {"uri": ""# + root + #""}}"#))
        let absolute = try TestSupport.run(["check", "--format", "sarif", nested], in: TestSupport.root)
        #expect(absolute.status == 1)
        let expected =
            try "file://"
            + #require((nested + "/日本 100%.json").addingPercentEncoding(withAllowedCharacters: Self.uriCharacters))
        #expect(absolute.stdout.contains(#"{"uri": ""# + expected + #""}"#))
        #expect(!absolute.stdout.contains(#""uriBaseId""#))
    }

    @Test func githubCommandsMatchTheJSONReport() throws {
        let report = try Self.report()
        let expected = try Self.jsonDiagnostics(report)
        let lines = GitHubFormatter.format(report).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == expected.count)
        let commands = ["error": "error", "warning": "warning", "info": "notice"]
        for (line, diagnostic) in zip(lines, expected) {
            let start = Self.start(diagnostic)
            let end = Self.end(diagnostic)
            let path = diagnostic["path"] as? String ?? ""
            var prefix = "::\(commands[diagnostic["severity"] as? String ?? ""] ?? "?") file=\(path),"
            prefix += "line=\(start["line"] ?? 0),col=\(start["column"] ?? 0),endLine=\(end["line"] ?? 0),"
            if start["line"] == end["line"] { prefix += "endColumn=\(end["column"] ?? 0)," }
            prefix += "title=\(diagnostic["rule"] as? String ?? "")::"
            #expect(line.hasPrefix(prefix), "\(line)")
            #expect(!line.contains("\r"))
            let message = GitHubFormatter.escapeData(diagnostic["message"] as? String ?? "")
            #expect(line.dropFirst(prefix.count).hasPrefix(message))
        }
    }

    @Test(arguments: [
        ("plain", "plain", "plain"),
        ("100% done", "100%25 done", "100%25 done"),
        ("a\r\nb\nc", "a%0D%0Ab%0Ac", "a%0D%0Ab%0Ac"),
        ("x:y,z", "x:y,z", "x%3Ay%2Cz"),
        ("%3A:", "%253A:", "%253A%3A"),
        ("日本 😀", "日本 😀", "日本 😀"),
    ])
    func githubEscaping(_ input: String, _ data: String, _ property: String) {
        #expect(GitHubFormatter.escapeData(input) == data)
        #expect(GitHubFormatter.escapeProperty(input) == property)
    }

    @Test func githubEscapesPathsAndMultiLineMessages() throws {
        let directory = FormatSupport.temporaryFile("gh")
        try FileManager.default.createDirectory(atPath: directory + "/a,b:c", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"{"OrganizationId": "M-1"}"#.write(toFile: directory + "/a,b:c/x%.json", atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["check", "--format", "github", "a,b:c"], in: directory)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=a%2Cb%3Ac/x%25.json,line=1,col="), "\(line)")
        }
        #expect(run.stdout.contains("%0Ahelp: ") || run.stdout.contains("%0Anote: "))
    }
}
