import Foundation
import Testing

@testable import WMLintKit

/// Command lines that are not what they look like: help, a region known only at run time, a URL given as a
/// document.
@Suite struct CLIFormTests {
    static let command = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")

    /// `help` as the one word after the operation prints help: no request, so nothing to report; anywhere else it
    /// is a stray word, as the CLI says.
    @Test func helpIsNotAnInvocation() throws {
        let text =
            "aws workmail put-identity-provider-configuration help\n"
            + "aws --region us-east-1 workmail put-identity-provider-configuration help\n"
            + "aws workmail put-identity-provider-configuration --organization-id m-0 help\n"
        let result = try EmbeddedLint.lint(text, name: "x.sh")
        #expect(result.report.diagnostics.allSatisfy { $0.range.lowerBound.offset >= 128 })
        #expect(result.found.contains("option-value: help"))
    }

    @Test(arguments: ["--region \"$REGION\"", "--region=$REGION", "--region $(get-region)"])
    func unknownRegionIsAnUnresolvedValue(_ region: String) throws {
        let text = Self.command.replacingOccurrences(of: "aws workmail", with: "aws \(region) workmail") + "\n"
        let result = try EmbeddedLint.lint(text, name: "x.sh")
        let unresolved = result.report.diagnostics.filter { $0.rule == .unresolvedValue }
        #expect(unresolved.count == 1)
        #expect(unresolved.first?.message.contains("region") == true)
        #expect(unresolved.first.map { region.hasSuffix(result.covered($0.range)) } == true)
    }

    @Test(arguments: [
        ("--cli-input-json https://example.com/request.json", "json-syntax", "https", "a JSON object"),
        ("--cli-input-yaml HTTP://example.com/r.yaml", "yaml-syntax", "http", "a YAML mapping"),
    ])
    func urlDocumentIsNotFetched(_ option: String, _ rule: String, _ scheme: String, _ what: String) throws {
        let text = "aws workmail put-identity-provider-configuration \(option)\n"
        let result = try EmbeddedLint.lint(text, name: "x.sh")
        #expect(result.report.diagnostics.map(\.rule.rawValue) == [rule])
        let diagnostic = try #require(result.report.diagnostics.first)
        #expect(diagnostic.message.contains("does not fetch '\(scheme)://' URLs"))
        #expect(diagnostic.message.contains(what))
        #expect(option.hasSuffix(result.covered(diagnostic.range)))
    }
}
