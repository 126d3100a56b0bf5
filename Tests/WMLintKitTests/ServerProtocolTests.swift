import Foundation
import Testing

/// `wmlint server` spoken to directly, through the built binary: the cases an editor does not exercise, and the
/// diagnostics compared with `wmlint check --format json` on the same file.
@Suite struct ServerProtocolTests {
    /// A script whose first error stands after multi-byte text on its line (UTF-16 and UTF-8 columns differ).
    static let script = """
        #!/bin/sh
        NOTE="日本語🎉" aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=thirty
        aws workmail put-identity-provider-configuration --organization m-0123456789abcdef0123456789abcdef --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30

        """

    static func frame(_ object: Any) throws -> Data {
        let body = try JSONSerialization.data(withJSONObject: object)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static func frame(raw body: String) -> Data {
        Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    /// Runs one scripted session in `directory`: writes every message, closes standard input, and returns the
    /// messages the server wrote and its exit status.
    static func session(_ input: Data, in directory: String) throws -> (messages: [[String: Any]], status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TestSupport.binary, "the wmlint binary is built"))
        process.arguments = ["server"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(input)
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var messages: [[String: Any]] = []
        var rest = data[...]
        while let headerEnd = rest.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: rest[rest.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            let length = try #require(
                header.split(separator: "\r\n").compactMap { line -> Int? in
                    line.hasPrefix("Content-Length: ") ? Int(line.dropFirst(16)) : nil
                }.first, "every message has a Content-Length: \(header)")
            let body = rest[headerEnd.upperBound..<(headerEnd.upperBound + length)]
            messages.append(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
            rest = rest[(headerEnd.upperBound + length)...]
        }
        #expect(rest.isEmpty, "nothing but framed messages on standard output")
        return (messages, process.terminationStatus)
    }

    static func scratchDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-server-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // A repository root of its own: configuration discovery stops here.
        try FileManager.default.createDirectory(atPath: directory + "/.git", withIntermediateDirectories: true)
        return directory
    }

    static func response(_ messages: [[String: Any]], id: Int) -> [String: Any]? {
        messages.first { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    static func errorCode(_ messages: [[String: Any]], id: Int?) -> [Int] {
        messages.filter { message in
            guard message["error"] != nil else { return false }
            if let id { return (message["id"] as? Int) == id }
            return message["id"] is NSNull
        }.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
    }

    @Test func badInputIsAnsweredAndTheServerGoesOn() throws {
        let directory = try Self.scratchDirectory()
        var input = Data()
        input += Self.frame(raw: "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ")  // not JSON
        input += Data("Content-Type: application/json\r\n\r\n".utf8)  // no Content-Length
        input += Self.frame(raw: "[1, 2]")  // a batch
        input += Self.frame(raw: "{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"initialize\"}")  // bad id
        input += try Self.frame(["jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": [:]])
        input += try Self.frame(["jsonrpc": "2.0", "id": 3, "method": "initialize", "params": ["capabilities": [:]]])
        input += try Self.frame(["jsonrpc": "2.0", "id": 4, "method": "initialize", "params": ["capabilities": [:]]])
        input += try Self.frame(["jsonrpc": "2.0", "id": 5, "method": "workmail/unknown", "params": [:]])
        input += try Self.frame(["jsonrpc": "2.0", "method": "unknown/notification"])
        // A change to a document that was never opened, then hover on it.
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": ["textDocument": ["uri": "file://\(directory)/x.sh", "version": 2], "contentChanges": []],
        ])
        input += try Self.frame([
            "jsonrpc": "2.0", "id": 6, "method": "textDocument/hover",
            "params": ["textDocument": ["uri": "file://\(directory)/x.sh"], "position": ["line": 0, "character": 0]],
        ])
        input += try Self.frame(["jsonrpc": "2.0", "id": 7, "method": "shutdown"])
        input += try Self.frame(["jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": [:]])
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])
        let (messages, status) = try Self.session(input, in: directory)
        #expect(Self.errorCode(messages, id: nil) == [-32700, -32700, -32600, -32600])
        #expect(Self.errorCode(messages, id: 2) == [-32002])
        let initialized = Self.response(messages, id: 3)?["result"] as? [String: Any]
        #expect((initialized?["serverInfo"] as? [String: String])?["name"] == "wmlint")
        #expect(Self.errorCode(messages, id: 4) == [-32600])
        #expect(Self.errorCode(messages, id: 5) == [-32601])
        #expect(Self.errorCode(messages, id: 6) == [-32602])
        #expect(Self.response(messages, id: 7)?["result"] is NSNull)
        #expect(Self.errorCode(messages, id: 8) == [-32600])
        #expect(status == 0)
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        let input = try Self.frame(["jsonrpc": "2.0", "method": "exit"])
        #expect(try Self.session(input, in: try Self.scratchDirectory()).status == 1)
    }

    /// Opens `name` with `text`, asks for its diagnostics and returns them.
    static func pulled(
        _ name: String, text: String, in directory: String, encodings: [String]? = nil, language: String = "sh"
    ) throws -> (encoding: String?, items: [[String: Any]]) {
        var capabilities: [String: Any] = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        let uri = "file://\(directory)/\(name)"
        var input = try frame([
            "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": capabilities],
        ])
        input += try frame(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        input += try frame([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": uri, "languageId": language, "version": 1, "text": text]],
        ])
        input += try frame([
            "jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": uri]],
        ])
        input += try frame(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])
        input += try frame(["jsonrpc": "2.0", "method": "exit"])
        let (messages, status) = try session(input, in: directory)
        #expect(status == 0)
        let result = try #require(response(messages, id: 1)?["result"] as? [String: Any])
        let encoding = (result["capabilities"] as? [String: Any])?["positionEncoding"] as? String
        let report = try #require(response(messages, id: 2)?["result"] as? [String: Any])
        #expect(report["kind"] as? String == "full")
        return (encoding, try #require(report["items"] as? [[String: Any]]))
    }

    struct Seen: Equatable {
        var rule: String
        var message: String
        var start: [Int]
        var end: [Int]
    }

    static func seen(_ item: [String: Any]) -> Seen {
        let range = item["range"] as? [String: [String: Int]]
        return Seen(
            rule: item["code"] as? String ?? "", message: item["message"] as? String ?? "",
            start: [range?["start"]?["line"] ?? -1, range?["start"]?["character"] ?? -1],
            end: [range?["end"]?["line"] ?? -1, range?["end"]?["character"] ?? -1])
    }

    @Test(arguments: [nil, ["utf-16"], ["utf-8", "utf-16"]])
    func diagnosticsAreCheckJSONs(encodings: [String]?) throws {
        let directory = try Self.scratchDirectory()
        try Self.script.write(toFile: directory + "/deploy.sh", atomically: true, encoding: .utf8)
        let check = try TestSupport.run(["check", "--format", "json", "deploy.sh"], in: directory)
        #expect(check.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let expectedDiagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let (encoding, items) = try Self.pulled("deploy.sh", text: Self.script, in: directory, encodings: encodings)
        let utf8 = encodings?.contains("utf-8") == true
        #expect(encoding == (utf8 ? "utf-8" : "utf-16"))
        let lineStarts =
            [0]
            + Self.script.utf8.indices.filter { Self.script.utf8[$0] == 0x0A }.map {
                Self.script.utf8.distance(from: Self.script.utf8.startIndex, to: $0) + 1
            }
        func position(_ location: [String: Int]?) -> [Int] {
            let line = (location?["line"] ?? 0) - 1
            let character =
                utf8 ? (location?["offset"] ?? 0) - lineStarts[line] : (location?["utf16Column"] ?? 0) - 1
            return [line, character]
        }
        let expected = expectedDiagnostics.map { diagnostic in
            let range = diagnostic["range"] as? [String: [String: Int]]
            return Seen(
                rule: diagnostic["rule"] as? String ?? "", message: diagnostic["message"] as? String ?? "",
                start: position(range?["start"]), end: position(range?["end"]))
        }
        #expect(items.map(Self.seen) == expected)
        #expect(expected.count == 2)
        // The multi-byte text before the first error: 4 scalars, 5 UTF-16 units, 13 bytes.
        let first = try #require(items.first.map(Self.seen))
        #expect(first.rule == "type-mismatch")
        #expect(first.start == [1, utf8 ? 433 : 425])
        for item in items {
            #expect(item["source"] as? String == "wmlint")
            let href = (item["codeDescription"] as? [String: String])?["href"]
            #expect(href?.hasSuffix("/docs/rules/\(item["code"] as? String ?? "").md") == true)
        }
    }

    @Test func aDocumentThatIsNotAnInputHasNoDiagnostics() throws {
        let directory = try Self.scratchDirectory()
        let (_, json) = try Self.pulled("package.json", text: "{\"name\": \"x\", \"version\": [", in: directory)
        #expect(json.isEmpty)
        let (_, text) = try Self.pulled(
            "notes.txt", text: "aws workmail put-identity-provider-configuration --x", in: directory,
            language: "plaintext")
        #expect(text.isEmpty)
    }

    @Test func hoverOnARuleIdInASuppressionComment() throws {
        let directory = try Self.scratchDirectory()
        let text = "# wmlint-disable-next-line type-mismatch\naws workmail put-identity-provider-configuration --x\n"
        let uri = "file://\(directory)/a.sh"
        var input = try Self.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": uri, "languageId": "sh", "version": 1, "text": text]],
        ])
        input += try Self.frame([
            "jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
            "params": ["textDocument": ["uri": uri], "position": ["line": 0, "character": 30]],
        ])
        input += try Self.frame(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])
        let (messages, _) = try Self.session(input, in: directory)
        let result = try #require(Self.response(messages, id: 2)?["result"] as? [String: Any])
        let value = try #require((result["contents"] as? [String: Any])?["value"] as? String)
        #expect(value.hasPrefix("**type-mismatch**"))
        let range = result["range"] as? [String: [String: Int]]
        #expect(range?["start"]?["character"] == 27 && range?["end"]?["character"] == 40)
    }

    /// A message that pulls the diagnostics of `uri` (request `id`).
    static func pull(_ uri: String, id: Int) throws -> Data {
        try frame([
            "jsonrpc": "2.0", "id": id, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": uri]],
        ])
    }

    static func items(_ messages: [[String: Any]], id: Int) -> [[String: Any]] {
        (response(messages, id: id)?["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }

    @Test func anEditedTargetIsReadThroughTheScriptThatNamesIt() throws {
        let directory = try Self.scratchDirectory()
        let good = """
            {"OrganizationId": "m-0123456789abcdef0123456789abcdef",
             "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY",
             "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
               "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"},
             "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 90}}

            """
        try good.write(toFile: directory + "/request.json", atomically: true, encoding: .utf8)
        let script = "aws workmail put-identity-provider-configuration --cli-input-json file://request.json\n"
        let scriptURI = "file://\(directory)/deploy.sh"
        let targetURI = "file://\(directory)/request.json"
        var input = try Self.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        for (uri, text, language) in [(scriptURI, script, "sh"), (targetURI, good, "json")] {
            input += try Self.frame([
                "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": ["textDocument": ["uri": uri, "languageId": language, "version": 1, "text": text]],
            ])
        }
        input += try Self.pull(targetURI, id: 2)
        // The unsaved text of the target: a quoted number.
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": targetURI, "version": 2],
                "contentChanges": [
                    ["text": good.replacing("\"LifetimeInDays\": 90", with: "\"LifetimeInDays\": \"90\"")]
                ],
            ],
        ])
        input += try Self.pull(targetURI, id: 3)
        input += try Self.frame(["jsonrpc": "2.0", "id": 4, "method": "shutdown"])
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])
        let (messages, _) = try Self.session(input, in: directory)
        #expect(Self.items(messages, id: 2).isEmpty)
        let after = Self.items(messages, id: 3)
        #expect(after.contains { $0["code"] as? String == "type-mismatch" })
        // Found through the script: the option that read the document is its related location.
        let related = after.compactMap { $0["relatedInformation"] as? [[String: Any]] }.flatMap { $0 }
        #expect(related.contains { ($0["location"] as? [String: Any])?["uri"] as? String == scriptURI })
        // Pushed too, with the version linted.
        let pushed = messages.filter {
            $0["method"] as? String == "textDocument/publishDiagnostics"
                && ($0["params"] as? [String: Any])?["uri"] as? String == targetURI
        }
        #expect((pushed.last?["params"] as? [String: Any])?["version"] as? Int == 2)
    }

    /// An editor started outside the project: a script's relative `file://` targets are still found, through its
    /// own directory and then the project root.
    @Test func targetsResolveWhereverTheEditorRuns() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-server-\(UUID())").path
        let project = base + "/project"
        try FileManager.default.createDirectory(atPath: project + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: project + "/infra", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: project + "/scripts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let request = """
            {"OrganizationId": "m-0123456789abcdef0123456789abcdef",
             "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY",
             "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
               "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"},
             "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 90}}

            """
        try request.write(toFile: project + "/infra/request.json", atomically: true, encoding: .utf8)
        let script = """
            aws workmail put-identity-provider-configuration --cli-input-json file://infra/request.json
            aws workmail put-identity-provider-configuration --cli-input-json file://infra/missing.json

            """
        let (_, items) = try Self.pulled("project/scripts/deploy.sh", text: script, in: base)
        let seen = items.map(Self.seen)
        #expect(seen.map(\.rule) == ["file-reference"])
        #expect(seen.first?.start == [1, 73])
        #expect(
            seen.first?.message == "file 'infra/missing.json' does not exist (looked in 'scripts' and the project root)"
        )
    }

    @Test func aBrokenConfigurationIsADiagnosticInIt() throws {
        let directory = try Self.scratchDirectory()
        try "rules:\n  no-such-rule: error\n".write(
            toFile: directory + "/.wmlint.yaml", atomically: true, encoding: .utf8)
        let (_, items) = try Self.pulled("deploy.sh", text: Self.script, in: directory)
        // The script is still linted, without the configuration.
        #expect(items.map { $0["code"] as? String } == ["type-mismatch", "abbreviated-option"])
        var input = try Self.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": [
                    "uri": "file://\(directory)/deploy.sh", "languageId": "sh", "version": 1, "text": Self.script,
                ]
            ],
        ])
        input += try Self.pull("file://\(directory)/deploy.sh", id: 2)
        input += try Self.pull("file://\(directory)/.wmlint.yaml", id: 3)
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])
        let (messages, _) = try Self.session(input, in: directory)
        let problems = Self.items(messages, id: 3)
        #expect(problems.count == 1)
        #expect((problems.first?["message"] as? String)?.contains("no-such-rule") == true)
        #expect(((problems.first?["range"] as? [String: [String: Int]])?["start"])?["line"] == 1)
    }
}
