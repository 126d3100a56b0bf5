import Testing
import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

@testable import WMLintKit

/// The assembler returns what it found as values: the input, the findings in order, the files read, and whether
/// the AWS CLI refuses the command.
@Suite struct InvocationAssemblerTests {
    static let op = "aws workmail put-identity-provider-configuration"

    static func assemble(_ script: String, contents: [String: [UInt8]] = [:]) throws -> AssembledInput {
        let file = SourceFile(path: "t.sh", text: script)
        let command = try #require(ShellScanner.scan(SourceText(file: file)).commands.first)
        let invocation = try #require(InvocationParser.parse(command, path: "t.sh"))
        let settings = RunSettings(
            currentDirectory: FileSystem.currentDirectory(), maxFileSize: 1 << 20,
            overrides: ConfigurationOverrides(), contents: contents)
        return InvocationAssembler(
            invocation: invocation, files: ParameterFiles(settings: settings, namingPath: "t.sh")
        )
        .assemble()
    }

    @Test func aCleanCommandFindsNothingAndIsSent() throws {
        let assembled = try Self.assemble(
            Self.op + " --organization-id m-1 --authentication-mode IDENTITY_PROVIDER_ONLY")
        #expect(assembled.findings.isEmpty)
        #expect(!assembled.cliRejects)
        #expect(!assembled.input.hasUnknownSource)
        #expect(assembled.input.parameters.map(\.key) == ["OrganizationId", "AuthenticationMode"])
        #expect(assembled.files.isEmpty && assembled.canonicalPaths.isEmpty)
    }

    @Test func bothDocumentOptionsConflictAndLeaveTheRequestUnknown() throws {
        let script = Self.op + " --cli-input-json '{}' --cli-input-yaml 'a: 1'"
        let assembled = try Self.assemble(script)
        let json = Self.op.utf8.count + 1
        let yaml = json + " --cli-input-json '{}'".utf8.count
        #expect(
            assembled.findings == [
                .conflictingInput(
                    option: "--cli-input-yaml", at: .bytes(yaml, yaml + 16), first: "--cli-input-json",
                    firstAt: .bytes(json, json + 16))
            ])
        #expect(assembled.cliRejects)
        #expect(assembled.input.hasUnknownSource)
    }

    @Test func theCommandLineFindingsComeFirstAndAnAbbreviationIsNotRefused() throws {
        let assembled = try Self.assemble(Self.op + " --organization m-1 --region \"$REGION\"")
        let start = Self.op.utf8.count + 1
        let region = Self.op.utf8.count + " --organization m-1 --region ".utf8.count
        #expect(
            assembled.findings == [
                .option(
                    .abbreviated(written: "--organization", full: "--organization-id", at: .bytes(start, start + 14))),
                .unresolvedRegion(at: .bytes(region, region + 9)),
            ])
        #expect(!assembled.cliRejects)
    }

    @Test func anOptionReplacingADocumentMemberPointsAtIt() throws {
        let document = "{\"OrganizationId\": \"m-2\"}"
        let script = Self.op + " --cli-input-json '\(document)' --organization-id m-1"
        let assembled = try Self.assemble(script)
        let option = Self.op.utf8.count + " --cli-input-json '\(document)' ".utf8.count
        let key = Self.op.utf8.count + " --cli-input-json '{".utf8.count
        #expect(
            assembled.findings == [
                .overriddenInput(
                    option: "--organization-id", parameter: "OrganizationId", at: .bytes(option, option + 17),
                    replacedPath: "t.sh", replacedAt: .bytes(key, key + 16))
            ])
        #expect(assembled.findings.map { $0.diagnostic(path: "t.sh").rule } == [.overriddenInput])
    }

    @Test func aFileReferenceProblemIsAtTheTarget() throws {
        let assembled = try Self.assemble(Self.op + " --organization-id file://")
        let end = (Self.op + " --organization-id file://").utf8.count
        #expect(assembled.findings == [.fileReference(.namesNoFile, at: .bytes(end, end))])
        #expect(assembled.cliRejects)
        let fileb = try Self.assemble(Self.op + " --organization-id fileb://x")
        let start = Self.op.utf8.count + " --organization-id ".utf8.count
        #expect(
            fileb.findings == [.fileReference(.readsBytes(option: "--organization-id"), at: .bytes(start, start + 8))])
        let diagnostic = try #require(fileb.findings.first).diagnostic(path: "t.sh")
        #expect(
            diagnostic.message
                == "--organization-id takes text, but 'fileb://' reads the file as raw bytes; use 'file://'")
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "file://")
    }
}
