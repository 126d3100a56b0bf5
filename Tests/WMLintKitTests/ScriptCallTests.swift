import Foundation
import Testing

/// The rules across the commands of one script: values followed from `$(aws … --query … --output text)`, through
/// variables or in place, and the regions the calls run in.
@Suite struct ScriptCallTests {
    static let organization = Hostile.organization
    static let instance = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
    static let put =
        "aws workmail put-identity-provider-configuration --organization-id \(Hostile.organization) "
        + "--authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY --personal-access-token-configuration Status=ACTIVE"

    /// `rule text` per diagnostic (the characters its range covers), and the same for each related location.
    static func findings(_ text: String, name: String = "s.sh") throws -> [String] {
        let directory = try Hostile.project([name: text])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try TestSupport.run(["check", "--format", "json", name], in: directory)
        let bytes = Array(text.utf8)
        func covered(_ range: [String: [String: Int]]?) -> String {
            let start = range?["start"]?["offset"] ?? 0
            let end = range?["end"]?["offset"] ?? 0
            return start <= end && end <= bytes.count ? String(decoding: bytes[start..<end], as: UTF8.self) : "?"
        }
        return try Hostile.diagnostics(of: run).compactMap { diagnostic in
            let rule = diagnostic["rule"] as? String ?? "?"
            guard rule != "unresolved-value" else { return nil }
            let related = (diagnostic["related"] as? [[String: Any]] ?? []).map {
                " | " + covered($0["range"] as? [String: [String: Int]])
            }
            return "\(rule) \(covered(diagnostic["range"] as? [String: [String: Int]]))" + related.joined()
        }
    }

    @Test func theSetupScriptGetsEachErrorItDeserves() throws {
        let script = """
            INSTANCE=$(aws sso-admin list-instances --query 'Instances[0].InstanceArn' --output text)
            APP=$(aws workmail create-identity-center-application --name "WorkMail prod" --instance-arn "$INSTANCE" --query ApplicationArn --output text)
            \(Self.put) --region eu-west-1 \\
                --identity-center-configuration InstanceArn=$INSTANCE,ApplicationArn=$APP
            aws workmail update-user --region us-east-1 --organization-id \(Self.organization) --user-id bob --identity-provider-user-id 1234

            """
        #expect(
            try Self.findings(script) == [
                "value-pattern  ",
                "region-inconsistent us-east-1 | eu-west-1",
                "value-pattern 1234",
            ])
    }

    @Test func anApplicationFromSSOAdminIsNotWorkMails() throws {
        let viaVariable = """
            APP=$(aws sso-admin create-application --instance-arn \(Self.instance) --name WorkMail --application-provider-arn p --query ApplicationArn --output text)
            \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$APP

            """
        #expect(try Self.findings(viaVariable) == ["application-not-from-workmail $APP | create-application"])
        let inPlace = """
            \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$(aws sso-admin create-application --instance-arn \(Self.instance) --name W --application-provider-arn p --query ApplicationArn --output text)

            """
        let found = try Self.findings(inPlace)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("application-not-from-workmail $(aws sso-admin create-application") == true)
        // Another query, or another output format, prints something else: nothing is known.
        let otherQuery = viaVariable.replacingOccurrences(of: "--query ApplicationArn", with: "--query Name")
        #expect(try Self.findings(otherQuery).isEmpty)
        let json = viaVariable.replacingOccurrences(of: "--output text", with: "--output json")
        #expect(try Self.findings(json).isEmpty)
    }

    @Test func anApplicationCreatedForAnotherInstanceMismatches() throws {
        let other = "arn:aws:sso:::instance/ssoins-1111111111111111"
        let script = """
            APP=$(aws workmail create-identity-center-application --name WorkMail --instance-arn \(other) --query ApplicationArn --output text)
            \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$APP

            """
        #expect(try Self.findings(script) == ["application-instance-mismatch $APP | \(other) | \(Self.instance)"])
        // The same instance, written again or through one substitution: nothing to report.
        let same = script.replacingOccurrences(of: other, with: Self.instance)
        #expect(try Self.findings(same).isEmpty)
        let shared = """
            INSTANCE=$(aws sso-admin list-instances --query 'Instances[0].InstanceArn' --output text)
            APP=$(aws workmail create-identity-center-application --name WorkMail --instance-arn "$INSTANCE" --query ApplicationArn --output text)
            \(Self.put) --identity-center-configuration InstanceArn=$INSTANCE,ApplicationArn=$APP

            """
        #expect(try Self.findings(shared).isEmpty)
    }

    @Test func aDeletedApplicationThatIsUsedLaterWarns() throws {
        let script = """
            APP=$(aws workmail create-identity-center-application --name WorkMail --instance-arn \(Self.instance) --query ApplicationArn --output text)
            aws workmail delete-identity-center-application --application-arn "$APP"
            \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$APP

            """
        #expect(
            try Self.findings(script) == ["application-deleted $APP | delete-identity-center-application"])
        // Deleted after its last use: fine.
        let after = """
            APP=$(aws workmail create-identity-center-application --name WorkMail --instance-arn \(Self.instance) --query ApplicationArn --output text)
            \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$APP
            aws workmail delete-identity-center-application --application-arn "$APP"

            """
        #expect(try Self.findings(after).isEmpty)
    }

    @Test func regionsComeFromTheOptionOrTheEnvironmentTheScriptSets() throws {
        let script = """
            aws workmail describe-identity-provider-configuration --region us-east-1 --organization-id \(Self.organization)
            export AWS_REGION=us-west-2
            aws workmail delete-identity-provider-configuration --organization-id \(Self.organization)
            aws sso-admin list-instances --region=us-east-1
            AWS_DEFAULT_REGION=eu-west-1 aws sso-admin list-instances --region us-east-1
            aws sso-admin list-instances --region "$REGION"

            """
        let found = try Self.findings(script).filter { $0.hasPrefix("region-inconsistent") }
        #expect(found == ["region-inconsistent us-west-2 | us-east-1"])
        let unset = """
            aws workmail describe-identity-provider-configuration --organization-id \(Self.organization)
            aws workmail describe-identity-provider-configuration --region us-east-1 --organization-id \(Self.organization)

            """
        #expect(try Self.findings(unset).isEmpty)
    }

    @Test func valuesAreFollowedWithinOneWorkflowStep() throws {
        let workflow = """
            on: push
            jobs:
              idc:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      APP=$(aws sso-admin create-application --instance-arn \(Self.instance) --name W --application-provider-arn p --query ApplicationArn --output text)
                      \(Self.put) --identity-center-configuration InstanceArn=\(Self.instance),ApplicationArn=$APP

            """
        #expect(
            try Self.findings(workflow, name: ".github/workflows/idc.yml") == [
                "application-not-from-workmail $APP | create-application"
            ])
    }
}
