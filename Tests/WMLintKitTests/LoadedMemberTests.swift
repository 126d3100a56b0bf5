import Foundation
import Testing

/// `key@=file://p` in shorthand: the CLI replaces the member's value by the file's text, so a finding on it is
/// located in the file, with the reference in the script as a related location, and its fix edits the file.
@Suite struct LoadedMemberTests {
    static let applicationArn =
        "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"

    static func project(status: String) throws -> String {
        let directory = try Hostile.temporaryDirectory()
        try Hostile.write(Array("arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845".utf8), to: directory + "/arn.txt")
        try Hostile.write(Array(status.utf8), to: directory + "/status.txt")
        let script =
            "\(Hostile.operation) --organization-id m-0123456789abcdef0123456789abcdef "
            + "--authentication-mode IDENTITY_PROVIDER_ONLY "
            + "--identity-center-configuration InstanceArn@=file://arn.txt,ApplicationArn=\(applicationArn) "
            + "--personal-access-token-configuration Status@=file://status.txt,LifetimeInDays=30\n"
        try Hostile.write(Array(script.utf8), to: directory + "/setup.sh")
        return directory
    }

    @Test func aFindingOnALoadedValueIsInTheFile() throws {
        let directory = try Self.project(status: "ACTIVEX")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["check", "--format", "json", "setup.sh"], in: directory)
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let errors = diagnostics.filter { $0["severity"] as? String == "error" }
        #expect(errors.map { $0["rule"] as? String } == ["enum-value"])
        let finding = try #require(errors.first)
        #expect(finding["path"] as? String == "status.txt")
        #expect(finding["pointer"] as? String == "/PersonalAccessTokenConfiguration/Status")
        let range = try #require(finding["range"] as? [String: [String: Int]])
        #expect(range["start"]?["offset"] == 0 && range["end"]?["offset"] == 7)
        let related = try #require((finding["related"] as? [[String: Any]])?.first)
        #expect(related["message"] as? String == "read by Status@= here")
        #expect(related["path"] as? String == "setup.sh")
        let script = Array(try String(contentsOfFile: directory + "/setup.sh", encoding: .utf8).utf8)
        let relatedRange = try #require(related["range"] as? [String: [String: Int]])
        let lower = try #require(relatedRange["start"]?["offset"])
        let upper = try #require(relatedRange["end"]?["offset"])
        #expect(String(decoding: script[lower..<upper], as: UTF8.self) == "file://status.txt")
    }

    @Test func itsFixEditsTheFile() throws {
        let directory = try Self.project(status: "active")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["check", "--fix", "setup.sh"], in: directory)
        #expect(try String(contentsOfFile: directory + "/status.txt", encoding: .utf8) == "ACTIVE")
        #expect(run.stderr.contains("fixed 1 problem in 1 file"))
        let again = try TestSupport.run(["convert", "setup.sh"], in: directory)
        #expect(again.stdout.contains("\"Status\": \"ACTIVE\""))
    }
}
