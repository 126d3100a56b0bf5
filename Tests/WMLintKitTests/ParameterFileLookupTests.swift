import Foundation
import Testing

/// Where a relative `file://` target is looked for: the current directory, the naming script's directory, then
/// the project root, so that a script reads the same targets wherever wmlint (or an editor) is started.
@Suite("file:// lookup order")
struct ParameterFileLookupTests {
    /// A project holding `scripts/deploy.sh`, which names `infra/request.json` (from the root), a missing file
    /// and an absolute missing file; `infra/request.json` has an upper-case organization id.
    static func makeProject() throws -> String {
        let project = try Hostile.temporaryDirectory()
        try Hostile.write("", to: project + "/.git/HEAD")
        try Hostile.write(
            """
            {"OrganizationId": "m-0123456789ABCDEF0123456789abcdef",
             "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY",
             "IdentityCenterConfiguration": {
               "InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
               "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"},
             "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}

            """, to: project + "/infra/request.json")
        try Hostile.write(
            """
            \(Hostile.operation) --cli-input-json file://infra/request.json
            \(Hostile.operation) --cli-input-json file://infra/missing.json
            \(Hostile.operation) --cli-input-json file://\(project)/infra/missing.json

            """, to: project + "/scripts/deploy.sh")
        return project
    }

    /// Each diagnostic of a JSON report as `rule line:column message`, with its path made absolute against
    /// `directory`, sorted.
    static func findings(_ json: String, in directory: String) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        return try diagnostics.map { diagnostic in
            let path = try #require(diagnostic["path"] as? String)
            let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory + "/"))
                .standardizedFileURL.path
            let range = try #require(diagnostic["range"] as? [String: Any])
            let start = try #require(range["start"] as? [String: Any])
            let line = try #require(start["line"] as? Int)
            let column = try #require(start["column"] as? Int)
            let rule = try #require(diagnostic["rule"] as? String)
            let message = try #require(diagnostic["message"] as? String)
            return "\(absolute):\(line):\(column) \(rule) \(message)"
        }.sorted()
    }

    @Test func aScriptReadsTheSameTargetsFromTheRootAndFromItsOwnDirectory() throws {
        let binary = try #require(TestSupport.binary, "the wmlint binary is not built")
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        let fromRoot = try Hostile.run(
            binary, ["check", "--format", "json", "scripts/deploy.sh"], in: project)
        let fromScripts = try Hostile.run(
            binary, ["check", "--format", "json", "deploy.sh"], in: project + "/scripts")
        #expect(fromRoot.status == 1)
        #expect(fromScripts.status == 1)
        let rootFindings = try Self.findings(fromRoot.stdout, in: project)
        let scriptFindings = try Self.findings(fromScripts.stdout, in: project + "/scripts")
        #expect(
            rootFindings.contains {
                $0.hasPrefix(project + "/infra/request.json:1:") && $0.contains("organization-id-format")
            })
        let rules = { (findings: [String]) in findings.map { $0.split(separator: " ")[1] } }
        #expect(rules(rootFindings) == rules(scriptFindings))
        // The messages name the directories tried, relative to the project root, in the order tried.
        #expect(
            fromRoot.stdout.contains(
                "file 'infra/missing.json' does not exist (looked in the project root and 'scripts')"))
        #expect(
            fromScripts.stdout.contains(
                "file 'infra/missing.json' does not exist (looked in 'scripts' and the project root)"))
        // An absolute name is looked for only where it says; no directory is named.
        #expect(fromRoot.stdout.contains("/infra/missing.json' does not exist\""))
    }

    @Test func theCurrentDirectoryComesFirst() throws {
        let binary = try #require(TestSupport.binary, "the wmlint binary is not built")
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        // A second request under the script's directory, with a valid organization id: the copy in the current
        // directory is read, as the AWS CLI would read it there.
        let valid = try String(contentsOfFile: project + "/infra/request.json", encoding: .utf8)
            .replacingOccurrences(of: "ABCDEF", with: "abcdef")
        try Hostile.write(valid, to: project + "/scripts/infra/request.json")
        let fromScripts = try Hostile.run(
            binary, ["check", "--format", "json", "deploy.sh"], in: project + "/scripts")
        #expect(!fromScripts.stdout.contains("organization-id-format"))
        let fromRoot = try Hostile.run(binary, ["check", "--format", "json", "scripts/deploy.sh"], in: project)
        let findings = try Self.findings(fromRoot.stdout, in: project)
        #expect(
            findings.contains {
                $0.hasPrefix(project + "/infra/request.json:1:") && $0.contains("organization-id-format")
            })
    }
}
