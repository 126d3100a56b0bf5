import Testing

@testable import WMLintKit

/// A request document gives each parameter once: a repeated key keeps its last value, as Python's dict does.
@Suite struct DocumentReaderTests {
    static let rest = """
         "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
          "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"},
         "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}
        """

    @Test(arguments: [(first: "BAD", last: "IDENTITY_PROVIDER_ONLY"), (first: "IDENTITY_PROVIDER_ONLY", last: "BAD")])
    func aRepeatedKeyKeepsItsLastValue(first: String, last: String) throws {
        let tree = try TemporaryTree()
        let text =
            "{\"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"AuthenticationMode\": \"\(first)\",\n"
            + "\"AuthenticationMode\": \"\(last)\",\n" + Self.rest
        let path = try tree.write("request.json", text)
        let report = try Linter.run(LintOptions(paths: [path]))
        let enumValues = report.diagnostics.filter { $0.rule == .enumValue }
        #expect(enumValues.count == (last == "BAD" ? 1 : 0))
        if let diagnostic = enumValues.first {
            let bad = try #require(text.utf8.firstRange(of: "\"BAD\"".utf8))
            let start = text.utf8.distance(from: text.utf8.startIndex, to: bad.lowerBound)
            #expect(diagnostic.range == .bytes(start + 1, start + 4))
        }
        #expect(report.diagnostics.filter { $0.rule == .missingRequired }.isEmpty)
    }
}
