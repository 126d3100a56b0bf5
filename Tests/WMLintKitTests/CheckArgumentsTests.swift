import ArgumentParser
import Testing

@testable import wmlint

/// `check`'s plain reading of its arguments (no swift-argument-parser) against the full parser: every command line
/// it accepts gives the settings the full parser gives, and what it declines is left to the full parser.
@Suite struct CheckArgumentsTests {
    /// Command lines the plain reading accepts.
    static let accepted: [[String]] = [
        [],
        ["testdata/examples/setup.sh"],
        ["-"],
        ["a.sh", "b.json", "dir/"],
        ["--format", "json", "x"],
        ["--format=gcc", "x"],
        ["x", "--strict", "y", "--quiet"],
        ["--fix", "x"],
        ["--diff"],
        ["--no-config", "--jobs", "1", "--max-file-size", "100", "x"],
        ["--jobs=+2", "x"],
        ["--color", "always", "--region", "eu-west-1", "--account-id", "123456789012", "x"],
        ["--output", "sarif=a.sarif", "--output=json=b.json", "x"],
        ["--enable", "enum-value", "--disable", "enum-value", "--severity", "type-mismatch=warning"],
        ["--severity=type-mismatch=info", "x"],
        ["--input-format", "yaml", "--stdin-filename", "a.yaml", "-"],
        ["--stdin-filename=dir/日本語.json", "-"],
        ["--config", ".wmlint.yaml", "x"],
        ["--region=us-east-1", "--account-id=000000000000"],
        ["répertoire/fichier.sh", "--format", "sarif"],
    ]

    /// Command lines the plain reading declines (help, malformed or unusual spellings, invalid values).
    static let declined: [[String]] = [
        ["--help"],
        ["-h"],
        ["--", "x"],
        ["-x"],
        ["---x"],
        ["--no-such-flag"],
        ["--format"],
        ["--format", "xml"],
        ["--format="],
        ["--format", "--strict"],
        ["--region", "-x"],
        ["--region=-x"],
        ["--region", ""],
        ["--strict=1"],
        ["--strict", "--strict"],
        ["--format", "json", "--format", "gcc"],
        ["--jobs", "0"],
        ["--jobs", "x"],
        ["--jobs", "-1"],
        ["--max-file-size", "-5"],
        ["--enable", "no-such-rule"],
        ["--severity", "enum-value"],
        ["--severity", "enum-value=fatal"],
        ["--config", "x", "--no-config"],
        ["--fix", "--diff"],
        ["--output", "xml=foo"],
        ["--color", "sometimes"],
        ["--input-format", "toml"],
        ["--Format", "json"],
    ]

    @Test(arguments: accepted)
    func acceptedCommandLinesMatchTheFullParser(_ arguments: [String]) throws {
        let plain = try #require(CheckSettings(plainArguments: arguments))
        let full = try Check.parseAsRoot(arguments)
        let check = try #require(full as? Check)
        #expect(plain == check.settings)
    }

    @Test(arguments: declined)
    func otherCommandLinesAreLeftToTheFullParser(_ arguments: [String]) {
        #expect(CheckSettings(plainArguments: arguments) == nil)
    }

    /// A repeated single-valued option is left to the full parser, which takes the last value.
    @Test func repeatedOptionsAreLeftToTheFullParser() throws {
        #expect(CheckSettings(plainArguments: ["--jobs", "1", "--jobs", "2"]) == nil)
        let check = try #require(try Check.parseAsRoot(["--jobs", "1", "--jobs", "2"]) as? Check)
        #expect(check.settings.jobs == 2)
    }
}
