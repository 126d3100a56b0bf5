import Foundation
import Testing

@testable import WMLintKit

/// `convert` prints what the CLI would send and nothing less: every document, every global option, and why a
/// request could not be converted.
@Suite struct ConvertFidelityTests {
    static let command = EmbeddedLint.command.replacingOccurrences(of: "STATUS", with: "ACTIVE")

    /// Converts `text` (a shell script) read from standard input.
    static func convert(_ text: String, to target: ConvertTarget) throws -> String {
        var options = LintOptions(paths: ["-"], inputFormat: .shell, stdinFilename: "x.sh", jobs: 1)
        options.standardInput = Array(text.utf8)
        return try Converter.convert(options, to: target).output
    }

    @Test func yamlSeparatesDocuments() throws {
        let one = try Self.convert(Self.command + "\n", to: .yaml)
        #expect(!one.contains("---"))
        let three = try Self.convert(String(repeating: Self.command + "\n", count: 3), to: .yaml)
        let documents = three.components(separatedBy: "---\n")
        #expect(documents.count == 3)
        #expect(documents.allSatisfy { $0 == one })
    }

    @Test func commandKeepsEveryGlobalOption() throws {
        let text =
            Self.command.replacingOccurrences(
                of: "aws workmail put-identity-provider-configuration",
                with: "aws --region=eu-west-1 --debug workmail put-identity-provider-configuration --profile \"$P\"")
            + " --endpoint-url https://workmail.eu-west-1.amazonaws.com --no-verify-ssl --query 'a | b'\n"
        let line = try Self.convert(text, to: .command)
        #expect(
            line.hasPrefix(
                "aws workmail put-identity-provider-configuration --region eu-west-1 --debug --profile \"$P\" "
                    + "--endpoint-url https://workmail.eu-west-1.amazonaws.com --no-verify-ssl --query 'a | b' "
                    + "--organization-id m-0123456789abcdef0123456789abcdef "))
        // The printed command converts back to the same request.
        #expect(try Self.convert(line, to: .json) == Self.convert(text, to: .json))
    }

    /// The CLI's YAML loader refuses a repeated key; its JSON reader keeps the last value.
    @Test func aRepeatedYAMLKeyIsNotConverted() throws {
        var options = LintOptions(paths: ["-"], inputFormat: .yaml, stdinFilename: "r.yaml", jobs: 1)
        options.standardInput = Array("OrganizationId: m-1\nOrganizationId: m-2\n".utf8)
        let (output, report, allConverted) = try Converter.convert(options, to: .json)
        #expect(output.isEmpty && !allConverted)
        #expect(report.diagnostics.first { $0.rule == .duplicateKey }?.notes.first?.contains("refuses") == true)
        options.inputFormat = .json
        options.standardInput = Array(#"{"OrganizationId": "m-1", "OrganizationId": "m-2"}"#.utf8)
        #expect(try Converter.convert(options, to: .json).output == "{\n    \"OrganizationId\": \"m-2\"\n}\n")
    }

    /// An unpaired surrogate escape reaches the request unchanged, as in Python; a command line cannot carry it, so
    /// `--to command` puts that member in a `--cli-input-json` document.
    @Test func anUnpairedSurrogateIsKept() throws {
        var options = LintOptions(paths: ["-"], inputFormat: .json, stdinFilename: "r.json", jobs: 1)
        options.standardInput = Array(#"{"OrganizationId": "m-\ud83d", "X": {"A": "\ud83d\ude00\udc00"}}"#.utf8)
        #expect(
            try Converter.convert(options, to: .json).output
                == "{\n    \"OrganizationId\": \"m-\\ud83d\",\n    \"X\": {\n        \"A\": \"😀\\udc00\"\n    }\n}\n")
        #expect(
            try Converter.convert(options, to: .yaml).output == "OrganizationId: \"m-\\ud83d\"\nX:\n  A: \"😀\\udc00\"\n"
        )
        #expect(
            try Converter.convert(options, to: .command).output
                == "aws workmail put-identity-provider-configuration --x '{\"A\":\"😀\\udc00\"}' "
                + "--cli-input-json '{\"OrganizationId\":\"m-\\ud83d\"}'\n")
    }

    @Test func unresolvedValuesAreSaidOnStandardError() throws {
        let text = Self.command.replacingOccurrences(of: "m-0123456789abcdef0123456789abcdef", with: "\"$ORG\"")
        let run = try TestSupport.run(["convert", "-", "--stdin-filename", "setup.sh"], input: text + "\n")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("setup.sh:1:68: note: the value of OrganizationId is only known when the script"))
        #expect(run.stderr.contains("[unresolved-value]"))
    }
}
