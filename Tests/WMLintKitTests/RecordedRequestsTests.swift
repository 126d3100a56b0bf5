import Testing

@testable import WMLintKit

/// What the AWS CLI would do with each request is worked out only when a run asks for it (`convert`).
@Suite struct RecordedRequestsTests {
    @Test func aRunRecordsRequestsOnlyWhenAsked() throws {
        let tree = try TemporaryTree()
        let document = try tree.write("request.json", RunConfigurationTests.request)
        let script = try tree.write(
            "setup.sh",
            """
            aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \\
              --authentication-mode IDENTITY_PROVIDER_ONLY \\
              --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=x \\
              --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30
            aws workmail put-identity-provider-configuration --generate-cli-skeleton

            """)
        var options = LintOptions(paths: [document, script])
        let plain = try Linter.run(options)
        #expect(plain.requests.isEmpty)
        options.recordsRequests = true
        let recorded = try Linter.run(options)
        #expect(recorded.diagnostics == plain.diagnostics)
        let outcomes = recorded.requests.map { request -> String in
            switch request.outcome {
            case .sends: "sends"
            case .rejects: "rejects"
            case .unknown: "unknown"
            case .skeleton: "skeleton"
            }
        }
        // Inputs in the order named: the document, then the script's two invocations (a too-short ApplicationArn
        // fails botocore's validation).
        #expect(outcomes == ["sends", "rejects", "skeleton"])
    }
}
