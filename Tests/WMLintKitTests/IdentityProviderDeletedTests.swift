import Foundation
import Testing

/// `identity-provider-deleted` over whole files: a deletion counts against the puts after it in the same file,
/// whatever the form (script, workflow steps, Markdown blocks), and a suppression comment covers it.
@Suite struct IdentityProviderDeletedTests {
    static let delete =
        "aws workmail delete-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef"
    static let put =
        "aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef "
        + "--authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --identity-center-configuration "
        + "InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:"
        + "application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 "
        + "--personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30"

    /// The rules and start offsets of what `check` reports on `name` holding `text`.
    static func findings(_ name: String, _ text: String) throws -> [String] {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Hostile.write(Array(text.utf8), to: path)
        let run = try TestSupport.run(["check", "--format", "json", name], in: directory)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        return diagnostics.map { diagnostic in
            let range = diagnostic["range"] as? [String: [String: Int]]
            return "\(diagnostic["rule"] as? String ?? "?")@\(range?["start"]?["offset"] ?? -1)"
        }
    }

    @Test func aDeletionWithNoPutAfterItWarnsAtTheOperationName() throws {
        let offset = "aws workmail ".utf8.count
        #expect(try Self.findings("a.sh", Self.delete + "\n") == ["identity-provider-deleted@\(offset)"])
        let afterPut = Self.put + "\n" + Self.delete + "\n"
        #expect(
            try Self.findings("b.sh", afterPut) == ["identity-provider-deleted@\(Self.put.utf8.count + 1 + offset)"])
        #expect(try Self.findings("c.sh", Self.delete + "\n" + Self.put + "\n").isEmpty)
    }

    @Test func globalOptionsHelpAndOtherOperationsAreReadAsTheCLIReadsThem() throws {
        let spaced = "aws --region us-east-1 --output json workmail --debug delete-identity-provider-configuration\n"
        #expect(try Self.findings("a.sh", spaced).count == 1)
        #expect(try Self.findings("b.sh", "aws workmail delete-identity-provider-configuration help\n").isEmpty)
        #expect(try Self.findings("c.sh", "aws workmail delete-organization --organization-id m-1\n").isEmpty)
        #expect(try Self.findings("d.sh", "aws \"$SERVICE\" delete-identity-provider-configuration\n").isEmpty)
    }

    @Test func aLaterStepOrBlockPutsTheNewConfiguration() throws {
        let workflow =
            "on: push\njobs:\n  idc:\n    runs-on: ubuntu-latest\n    steps:\n      - run: \(Self.delete)\n"
            + "      - run: \(Self.put)\n"
        #expect(try Self.findings(".github/workflows/idc.yml", workflow).isEmpty)
        let markdown = "```sh\n\(Self.delete)\n```\n\nThen:\n\n```sh\n\(Self.put)\n```\n"
        #expect(try Self.findings("README.md", markdown).isEmpty)
        let deleteOnly = "# Offboarding\n\n```console\n$ \(Self.delete)\n```\n"
        #expect(try Self.findings("OFFBOARD.md", deleteOnly).map { $0.prefix(25) } == ["identity-provider-deleted"])
    }

    @Test func aSuppressionCommentCoversIt() throws {
        let script = "# wmlint-disable-next-line identity-provider-deleted -- offboarding\n\(Self.delete)\n"
        #expect(try Self.findings("a.sh", script).isEmpty)
    }
}
