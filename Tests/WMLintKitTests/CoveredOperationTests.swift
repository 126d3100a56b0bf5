import Foundation
import Testing

/// The WorkMail operations besides `put-identity-provider-configuration`: read as the AWS CLI reads them, checked
/// against the service model's shapes, and converted to the request the CLI sends.
@Suite struct CoveredOperationTests {
    static let organization = Hostile.organization
    static let instance = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"

    /// `rule text` for each diagnostic `check` reports on a script holding `text`: the rule and the characters
    /// its range covers.
    static func findings(_ text: String, name: String = "s.sh") throws -> [String] {
        let directory = try Hostile.project([name: text])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["check", "--format", "json", name], in: directory)
        let bytes = Array(text.utf8)
        return try Hostile.diagnostics(of: run).map { diagnostic in
            let range = diagnostic["range"] as? [String: [String: Int]]
            let start = range?["start"]?["offset"] ?? 0
            let end = range?["end"]?["offset"] ?? 0
            let covered = start <= end && end <= bytes.count ? String(decoding: bytes[start..<end], as: UTF8.self) : "?"
            return "\(diagnostic["rule"] as? String ?? "?") \(covered)"
        }
    }

    /// What `convert --to TARGET` prints for a script holding `text`, and its exit status.
    static func converted(_ text: String, to target: String = "json") throws -> (output: String, status: Int32) {
        let directory = try Hostile.project(["s.sh": text])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["convert", "--to", target, "s.sh"], in: directory)
        return (run.stdout, run.status)
    }

    @Test func patternsRangesAndEnumsOfTheModelAreChecked() throws {
        let script = """
            aws workmail create-identity-center-application --name "WorkMail prod" --instance-arn \(Self.instance)
            aws workmail list-personal-access-tokens --organization-id \(Self.organization) --max-results 500
            aws workmail update-user --organization-id \(Self.organization) --user-id bob --role user
            aws workmail get-personal-access-token-metadata --organization-id \(Self.organization) --personal-access-token-id ''

            """
        #expect(
            try Self.findings(script) == [
                "value-pattern  ", "value-range 500", "enum-value user", "value-range ''",
            ])
    }

    @Test func idsAndARNsGetTheirOwnRules() throws {
        let script = """
            aws workmail describe-identity-provider-configuration --organization-id m-0123
            aws workmail delete-identity-center-application --application-arn arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c
            aws workmail delete-identity-provider-configuration --organization-id m-d281d0a2fd824be5b6cd3d3ce909fd27
            aws workmail put-identity-provider-configuration --organization-id m-d281d0a2fd824be5b6cd3d3ce909fd27 --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 --personal-access-token-configuration Status=ACTIVE

            """
        let found = try Self.findings(script)
        #expect(found.contains("organization-id-format m-0123"))
        #expect(found.contains("application-arn-format apl-4f1c"))
        #expect(found.filter { $0 == "placeholder-value m-d281d0a2fd824be5b6cd3d3ce909fd27" }.count == 2)
        #expect(!found.contains { $0.hasPrefix("value-pattern") || $0.hasPrefix("value-range") })
    }

    @Test func theCommandLineIsReadAsTheCLIReadsIt() throws {
        let script = """
            aws workmail delete-organization --organization-id \(Self.organization) --force-delete
            aws workmail delete-organization --organization-id \(Self.organization) --delete-directory=true
            aws workmail list-personal-access-tokens --organization-id \(Self.organization) --max-results 0x5
            aws workmail list-personal-access-tokens --organization-id \(Self.organization) --max-results 5 --page-size 3
            aws workmail update-user --org \(Self.organization) --user-id bob --hidden --max 3
            aws workmail create-user --cli-input-json '{"OrganizationId": "\(Self.organization)", "Name": "bob", "DisplayName": "Bob", "HiddenFromGlobalAddressList": "yes", "Extra": 1}'

            """
        #expect(
            try Self.findings(script) == [
                "missing-required delete-organization",
                "option-value true",
                "type-mismatch 0x5",
                "option-value --page-size",
                "abbreviated-option --org",
                "abbreviated-option --hidden",
                "unknown-option --max",
                "type-mismatch \"yes\"",
                "unknown-key \"Extra\"",
            ])
    }

    @Test func aValidSetupIsQuiet() throws {
        let script = """
            aws workmail create-identity-center-application --name WorkMail-prod --instance-arn \(Self.instance)
            aws workmail list-personal-access-tokens --organization-id \(Self.organization) --page-size 50 --max-items 10
            aws workmail update-user --organization-id \(Self.organization) --user-id bob --no-hidden-from-global-address-list --identity-provider-user-id 9067a4c5b8-0b6a2e1d-4f3c-4a5b-9c8d-7e6f5a4b3c2d
            aws workmail delete-organization --organization-id \(Self.organization) --delete-directory --delete-identity-center-application
            aws workmail describe-identity-provider-configuration --organization-id "$ORG"

            """
        #expect(try Self.findings(script) == ["unresolved-value \"$ORG\""])
    }

    @Test func convertPrintsTheRequestTheCLISends() throws {
        let script = """
            aws workmail update-user --organization-id \(Self.organization) --user-id bob --no-hidden-from-global-address-list --region eu-west-1
            aws workmail list-personal-access-tokens --cli-input-json '{"OrganizationId": "\(Self.organization)", "MaxResults": 7}' --page-size ' +3'
            aws workmail delete-organization --organization-id \(Self.organization) --delete-directory

            """
        let json = try Self.converted(script)
        #expect(json.status == 0)
        #expect(
            json.output.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                == "{\"OrganizationId\":\"\(Self.organization)\",\"UserId\":\"bob\",\"HiddenFromGlobalAddressList\":false}"
                + "{\"OrganizationId\":\"\(Self.organization)\",\"MaxResults\":3}"
                + "{\"OrganizationId\":\"\(Self.organization)\",\"DeleteDirectory\":true}")
        let command = try Self.converted(script, to: "command")
        #expect(
            command.output.split(separator: "\n") == [
                "aws workmail update-user --region eu-west-1 --organization-id \(Self.organization) --user-id bob --no-hidden-from-global-address-list",
                "aws workmail list-personal-access-tokens --organization-id \(Self.organization) --max-results 3",
                "aws workmail delete-organization --organization-id \(Self.organization) --delete-directory",
            ])
    }

    @Test func convertPrintsNothingForWhatTheCLIRefusesOrOnlyTheScriptKnows() throws {
        for line in [
            "aws workmail delete-organization --organization-id \(Self.organization)",
            "aws workmail list-personal-access-tokens --organization-id \(Self.organization) --max-results x",
            "aws workmail describe-identity-provider-configuration --organization-id \"$ORG\"",
            "aws workmail list-personal-access-tokens --organization-id \(Self.organization) --starting-token eyJhIjogMX0=",
        ] {
            let result = try Self.converted(line + "\n")
            #expect(result.output.isEmpty, "\(line)")
            #expect(result.status == 1, "\(line)")
        }
    }
}
