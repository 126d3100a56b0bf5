import Foundation
import Testing

/// Scripts saved with CRLF line endings, as bash runs them: the `\r` stays in each line's last word, and a `\`
/// before CRLF escapes the `\r` instead of continuing the line. Embedded scripts (Markdown, workflows) have no `\r`.
@Suite struct CarriageReturnTests {
    static func diagnostics(_ arguments: [String], in directory: String) throws -> [[String: Any]] {
        try Hostile.diagnostics(of: TestSupport.run(["check", "--format", "json"] + arguments, in: directory))
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aValueEndingInTheCarriageReturnSaysSoAndTheFixRemovesIt() throws {
        let script = "\(Hostile.operation) \(Hostile.validOptions) --authentication-mode IDENTITY_PROVIDER_ONLY\r\n"
        let directory = try Hostile.project(["setup.sh": script])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let found = try Self.diagnostics(["setup.sh"], in: directory)
        #expect(found.map { $0["rule"] as? String } == ["enum-value"])
        let finding = try #require(found.first)
        #expect((finding["message"] as? String)?.hasPrefix("'IDENTITY_PROVIDER_ONLY\\r' is not a valid") == true)
        #expect((finding["notes"] as? [String])?.contains { $0.contains("CRLF (Windows) line ending") } == true)
        let fixes = try #require(finding["fixes"] as? [[String: Any]])
        #expect(fixes.map { $0["message"] as? String } == ["remove the carriage return"])

        let fixed = try TestSupport.run(["check", "--fix", "setup.sh"], in: directory)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(try Self.bytes(directory + "/setup.sh") == Array(script.utf8).filter { $0 != 0x0D })
    }

    @Test func aBackslashBeforeCRLFIsReportedAndTheFixMakesItAContinuation() throws {
        // `LifetimeInDays=30\r` is 30 to the CLI: only the lost continuation is wrong.
        let script =
            "\(Hostile.operation) --authentication-mode IDENTITY_PROVIDER_ONLY \(Hostile.validOptions)\\\r\n"
            + "  --region eu-west-1\n"
        let directory = try Hostile.project(["setup.sh": script])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let found = try Self.diagnostics(["setup.sh"], in: directory)
        #expect(found.map { $0["rule"] as? String } == ["shell-syntax"])
        let finding = try #require(found.first)
        let offset = script.utf8.count - "\\\r\n  --region eu-west-1\n".utf8.count
        let range = try #require(finding["range"] as? [String: [String: Int]])
        #expect(range["start"]?["offset"] == offset && range["end"]?["offset"] == offset + 2)
        #expect((finding["notes"] as? [String])?.first?.contains("the line does not continue") == true)

        let fixed = try TestSupport.run(["check", "--fix", "setup.sh"], in: directory)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(try Self.bytes(directory + "/setup.sh") == Array(script.utf8).filter { $0 != 0x0D })
        // The option on the next line now belongs to the command.
        let converted = try TestSupport.run(["convert", "--to", "command", "setup.sh"], in: directory)
        #expect(converted.stdout.contains("--region eu-west-1"))
    }

    /// A lone escaped `\r` (`… \` CRLF) reaches the CLI as an argument of its own, which it refuses; that finding
    /// explains the line ending, and no `shell-syntax` repeats it.
    @Test func aStrayEscapedCarriageReturnIsExplainedOnce() throws {
        let script =
            "\(Hostile.operation) \(Hostile.validOptions) \\\r\n  --authentication-mode IDENTITY_PROVIDER_ONLY\n"
        let directory = try Hostile.project(["setup.sh": script])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let found = try Self.diagnostics(["setup.sh"], in: directory)
        #expect(found.compactMap { $0["rule"] as? String }.sorted() == ["missing-required", "option-value"])
        let stray = try #require(found.first { $0["rule"] as? String == "option-value" })
        #expect((stray["notes"] as? [String])?.first?.contains("the line does not continue") == true)
        #expect((stray["help"] as? [String]) == ["save the script with LF line endings (for example with dos2unix)"])
    }

    @Test func aRegionWithTheCarriageReturnIsRefusedAsTheCLIRefusesIt() throws {
        let script =
            "\(Hostile.operation) \(Hostile.validOptions) --authentication-mode IDENTITY_PROVIDER_ONLY "
            + "--region us-west-2\r\n"
        let directory = try Hostile.project(["setup.sh": script])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let found = try Self.diagnostics(["setup.sh"], in: directory)
        #expect(found.map { $0["rule"] as? String } == ["option-value"])
        #expect((found.first?["help"] as? [String])?.first == "did you mean 'us-west-2'?")
        let converted = try TestSupport.run(["convert", "setup.sh"], in: directory)
        #expect(converted.status == 1)
        #expect(converted.stdout.isEmpty)
    }

    /// Python's `int()` ignores surrounding whitespace, so a lifetime ending in `\r` is the number the CLI sends.
    @Test func anIntegerEndingInTheCarriageReturnIsAccepted() throws {
        let script = "\(Hostile.operation) --authentication-mode IDENTITY_PROVIDER_ONLY \(Hostile.validOptions)\r\n"
        let directory = try Hostile.project(["setup.sh": script])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try Self.diagnostics(["setup.sh"], in: directory).isEmpty)
    }

    @Test func embeddedScriptsReadCRLFAsALineBreak() throws {
        let command =
            "\(Hostile.operation) \(Hostile.validOptions) \\\r\n  --authentication-mode IDENTITY_PROVIDER_ONLY"
        let workflow =
            "on: push\r\njobs:\r\n  idc:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: |\r\n"
            + "          \(command.replacingOccurrences(of: "\r\n  ", with: "\r\n            "))\r\n"
        let markdown = "# Setup\r\n\r\n```sh\r\n\(command)\r\n```\r\n\r\n```console\r\n$ \(command)\r\n```\r\n"
        let directory = try Hostile.project([".github/workflows/idc.yml": workflow, "README.md": markdown])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try Self.diagnostics([".github/workflows/idc.yml", "README.md"], in: directory).isEmpty)
        let converted = try TestSupport.run(["convert", "README.md"], in: directory)
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(!converted.stdout.utf8.contains(0x0D))
    }
}
