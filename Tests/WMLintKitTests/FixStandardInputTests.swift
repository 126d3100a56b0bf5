import Foundation
import Testing

/// `--fix` and `--diff` as an editor or a hook uses them: through standard input, on the cases that once broke
/// scripts, emptied buffers or stayed silent.
@Suite struct FixStandardInputTests {
    static let head =
        "aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef"
        + " --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --identity-center-configuration"
        + " InstanceArn=arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6,"
        + "ApplicationArn=arn:aws:sso::210987654321:application/ssoins-7223a1b2c3d4e5f6/apl-a1b2c3d4e5f6a7b8"
        + " --personal-access-token-configuration "

    static let cases: [(String, String)] = [
        ("Status=INACTIVE,LifetimeInDays=\"30\"", "Status=INACTIVE"),
        ("'Status=INACTIVE',LifetimeInDays='30'", "'Status=INACTIVE'"),
        ("'LifetimeInDays=30,'\"Status=INACTIVE\"", "\"Status=INACTIVE\""),
        ("\"Status=INACTIVE,LifetimeInDays=30\"", "\"Status=INACTIVE\""),
        ("Status=INACTIVE,$'LifetimeInDays=30'", "Status=INACTIVE"),
        ("\"Status=act\"ive", "\"Status=ACTIVE\""),
        ("Status=ac'ti've", "Status=ACTIVE"),
        ("status=ACTIVE", "Status=ACTIVE"),
        ("'status'=ACTIVE", "'Status'=ACTIVE"),
    ]

    @Test(arguments: cases)
    func fixesTheWordOnItsPieces(_ before: String, _ after: String) throws {
        let run = try TestSupport.run(
            ["--no-config", "--stdin-filename", "run.sh", "--fix", "-"], input: Self.head + before + "\n")
        #expect(run.stdout == Self.head + after + "\n")
        #expect(run.stderr.contains("fixed 1 problem in 1 file; 0 remain"), "stderr: \(run.stderr)")
        #expect(run.status == 0)
    }

    @Test func aFixOfAnotherFileIsReportedAndTheScriptPrintedUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-fix-stdin-\(getpid())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = """
            {"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY",
             "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
              "ApplicationArn": "arn:aws:sso::210987654321:application/ssoins-7223a1b2c3d4e5f6/apl-a1b2c3d4e5f6a7b8"},
             "PersonalAccessTokenConfiguration": {"Status":"Active"}}

            """
        try Data(document.utf8).write(to: directory.appendingPathComponent("req.json"))
        let script = "aws workmail put-identity-provider-configuration --cli-input-json file://req.json\n"
        let run = try TestSupport.run(
            ["--no-config", "--stdin-filename", "run.sh", "--fix", "-"], in: directory.path, input: script)
        #expect(run.stdout == script)
        #expect(run.stderr.contains("error[enum-value]"))
        #expect(run.stderr.contains("the fix belongs to 'req.json'"))
        #expect(run.stderr.contains("fixed 0 problems in 0 files; 1 remain"))
        #expect(run.status == 1)
        let onDisk = try String(contentsOf: directory.appendingPathComponent("req.json"), encoding: .utf8)
        #expect(onDisk == document)
    }

    @Test func diffWithNothingToFixSaysSo() throws {
        let run = try TestSupport.run(
            ["--no-config", "--stdin-filename", "run.sh", "--diff", "-"], input: Self.head + "Status=ACTIVE\n")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("nothing to fix"))
        #expect(run.status == 0)
    }

    @Test func aRemovedYAMLMemberTakesItsComment() throws {
        let yaml = """
            OrganizationId: m-0123456789abcdef0123456789abcdef
            AuthenticationMode: IDENTITY_PROVIDER_AND_DIRECTORY
            IdentityCenterConfiguration:
              InstanceArn: arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6
              ApplicationArn: arn:aws:sso::210987654321:application/ssoins-7223a1b2c3d4e5f6/apl-a1b2c3d4e5f6a7b8
            PersonalAccessTokenConfiguration:
              Status: INACTIVE
              LifetimeInDays: 30   # one month
              # kept

            """
        let run = try TestSupport.run(["--no-config", "--stdin-filename", "r.yaml", "--fix", "-"], input: yaml)
        #expect(run.stdout == yaml.replacingOccurrences(of: "  LifetimeInDays: 30   # one month\n", with: ""))
    }
}
