import Foundation
import Testing

/// `identity-provider-deleted` over whole files: a deletion counts against the puts after it in the same file,
/// whatever the form (script, workflow steps, Markdown blocks), and a suppression comment covers it.
@Suite struct IdentityProviderDeletedTests {
    static let delete = "aws workmail delete-identity-provider-configuration --organization-id \(Hostile.organization)"
    static let put =
        "\(Hostile.operation) \(Hostile.validOptions) --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY"

    /// The rules and start offsets of what `check` reports on `name` holding `text`.
    static func findings(_ name: String, _ text: String) throws -> [String] {
        let directory = try Hostile.project([name: text])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["check", "--format", "json", name], in: directory)
        return try Hostile.diagnostics(of: run).map { diagnostic in
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
        // The deletion, and its missing --organization-id.
        #expect(
            try Self.findings("a.sh", spaced).map { $0.prefix { $0 != "@" } } == [
                "identity-provider-deleted", "missing-required",
            ])
        #expect(try Self.findings("b.sh", "aws workmail delete-identity-provider-configuration help\n").isEmpty)
        let otherOperation =
            "aws workmail delete-organization --organization-id \(Hostile.organization) --delete-directory\n"
        #expect(try Self.findings("c.sh", otherOperation).isEmpty)
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
