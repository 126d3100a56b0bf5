import Foundation
import Testing
import WMLintKit
import WMLintRules
import WMLintSource
import WMLintSyntax

/// `wmlint convert` judged by the real AWS CLI: generated invocations (valid and subtly broken) run through the
/// CLI's own argument processing and botocore's validation (`Tests/oracle/aws_oracle.py`, nothing is sent), and
/// wmlint must build exactly the same request — or, where the CLI refuses, print nothing and report an error.
@Suite(.serialized) struct DifferentialTests {
    static let caseCount = 1200
    static let seed = 20_261_129

    static var oracleUnavailable: String? {
        guard let status = try? PythonRunner.run(["-c", "import awscli, botocore"], input: nil).status, status == 0
        else { return "python3 with awscli is not installed" }
        return nil
    }

    @Test(.enabled(if: oracleUnavailable == nil, "needs python3 with awscli (the oracle)"))
    func convertAgreesWithTheAWSCLI() throws {
        TestSupport.enterRoot()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-diff-\(getpid())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let generated = try PythonRunner.run(
            [
                TestSupport.root + "/Tests/oracle/generate_cases.py", "--count", String(Self.caseCount), "--seed",
                String(Self.seed), "--dir", directory.path,
            ], input: nil)
        try #require(generated.status == 0, "generator failed: \(generated.stderr)")
        let verdicts = try PythonRunner.run([TestSupport.root + "/Tests/oracle/aws_oracle.py"], input: generated.stdout)
        try #require(verdicts.status == 0, "oracle failed: \(verdicts.stderr)")

        let cases = generated.stdout.split(separator: "\n").map(String.init)
        let answers = verdicts.stdout.split(separator: "\n").map(String.init)
        try #require(cases.count == answers.count && cases.count >= Self.caseCount)
        // What the service model says of each request the CLI would send (patterns, enums, maximums).
        let sent = answers.filter { $0.contains(#""ok": true"#) && !$0.contains(#""request": null"#) }
        let judged = try PythonRunner.run(
            [TestSupport.root + "/Tests/oracle/model_check.py"], input: sent.joined(separator: "\n") + "\n")
        try #require(judged.status == 0, "model check failed: \(judged.stderr)")
        var modelValid: [String: Bool] = [:]
        for line in judged.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? String { modelValid[id] = object?["valid"] as? Bool }
        }

        var mismatches: [String] = []
        var agreed = (sent: 0, refused: 0, skipped: 0)
        for (line, answer) in zip(cases, answers) {
            let testCase = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            // Foundation refuses surrogate escapes; the request itself is compared through the JSON parser, which
            // keeps them.
            let verdict = try #require(
                try JSONSerialization.jsonObject(with: Data(Self.replacingSurrogateEscapes(answer).utf8))
                    as? [String: Any])
            let id = try #require(testCase["id"] as? String)
            let script = try #require(testCase["sh"] as? String)
            let caseDirectory = try #require(testCase["cwd"] as? String)
            let path = caseDirectory + "/" + id + ".sh"
            try (script + "\n").write(toFile: path, atomically: true, encoding: .utf8)

            let (output, report, _) = try Converter.convert(
                LintOptions(paths: [path], inputFormat: .shell), to: .json)
            let accepted = verdict["ok"] as? Bool == true
            if verdict["stage"] as? String == "other", (verdict["error"] as? String ?? "").contains("profile") {
                // A named profile exists or not on the machine that runs the CLI: not a property of the input.
                agreed.skipped += 1
                continue
            }
            let expected = accepted ? canonicalMember("request", of: answer) : nil
            if accepted, verdict["request"] is NSNull {
                // --generate-cli-skeleton: nothing is sent, nothing is printed.
                if output.isEmpty {
                    agreed.skipped += 1
                } else {
                    mismatches.append("\(id) skeleton printed\n\(script)")
                }
                continue
            }
            if let expected {
                let actual = CanonicalJSON.text(output)
                let errors = report.diagnostics.filter { $0.severity == .error }
                let unexplained = errors.filter { !Self.strictOrSemantic.contains($0.rule) }
                if actual != expected {
                    mismatches.append("\(id) CLI sends\n  \(expected)\nwmlint\n  \(actual ?? output)\n\(script)")
                } else if modelValid[id] == true && !unexplained.isEmpty {
                    mismatches.append(
                        "\(id) valid by the CLI and the service model, but wmlint reports "
                            + unexplained.map { "\($0.rule.rawValue): \($0.message)" }.joined(separator: "; ")
                            + "\n\(script)")
                } else if modelValid[id] == false && errors.isEmpty {
                    mismatches.append(
                        "\(id) the service model rejects the request the CLI sends; wmlint reports no error\n\(script)")
                } else if let difference = try roundTripDifference(of: path, expected: expected) {
                    mismatches.append("\(id) \(difference)\n\(script)")
                } else {
                    agreed.sent += 1
                }
            } else {
                let errors = report.diagnostics.filter { $0.severity == .error }
                if output.isEmpty && !errors.isEmpty {
                    agreed.refused += 1
                } else {
                    let stage = verdict["stage"] as? String ?? "?"
                    let error = verdict["error"] as? String ?? ""
                    mismatches.append(
                        "\(id) CLI refuses (\(stage): \(error.prefix(160)))\nwmlint printed \(output.isEmpty ? "nothing" : output), "
                            + "\(errors.count) errors\n\(script)")
                }
            }
        }
        print(
            "differential: \(cases.count) cases; sent \(agreed.sent), refused \(agreed.refused), skeleton or environment \(agreed.skipped); \(mismatches.count) mismatches"
        )
        if let dump = ProcessInfo.processInfo.environment["WMLINT_DIFF_REPORT"] {
            try? mismatches.joined(separator: "\n\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        for mismatch in mismatches.prefix(25) {
            Issue.record(Comment(rawValue: mismatch))
        }
        #expect(mismatches.isEmpty)
        // No mismatch means something only if the cases were compared: both verdicts, each in quantity.
        #expect(agreed.sent + agreed.refused + agreed.skipped + mismatches.count == cases.count)
        #expect(agreed.sent > cases.count / 4, "\(agreed)")
        #expect(agreed.refused > cases.count / 4, "\(agreed)")
    }

    /// Errors wmlint may report on a request the CLI sends and the service model accepts: the deliberately strict
    /// rules, and the semantic rules the model cannot express (same instance, same partition, same account).
    static let strictOrSemantic: Set<RuleID> = [
        .duplicateKey, .duplicateOption, .encoding, .fileReference, .jsonSyntax, .arnsSwapped,
        .applicationInstanceMismatch, .partitionMismatch, .regionUnsupported, .accountMismatch,
    ]

    /// How `convert --to command` and `--to yaml` fail to give back the request `expected` (canonical JSON) when
    /// converted again, or nil when both do.
    private func roundTripDifference(of path: String, expected: String) throws -> String? {
        // libyaml refuses an unpaired surrogate escape in YAML (ruamel.yaml, the CLI's loader, reads it): such a
        // request is not read back from YAML here.
        let hasSurrogate = Self.replacingSurrogateEscapes(expected) != expected
        for target in hasSurrogate ? [ConvertTarget.command] : [.command, .yaml] {
            let (text, _, _) = try Converter.convert(LintOptions(paths: [path], inputFormat: .shell), to: target)
            let copy = path + (target == .command ? ".command.sh" : ".request.yaml")
            try text.write(toFile: copy, atomically: true, encoding: .utf8)
            let (again, _, _) = try Converter.convert(
                LintOptions(paths: [copy], inputFormat: target == .command ? .shell : .yaml), to: .json)
            if CanonicalJSON.text(again) != expected {
                return "convert --to \(target.rawValue) gives\n  \(text)which converts back to\n  \(again)"
            }
        }
        return nil
    }

    /// JSON text with each `\uD800`…`\uDFFF` escape (a surrogate, paired or not) replaced by `\uFFFD`.
    static func replacingSurrogateEscapes(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        while index + 5 < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            let lead = bytes[index + 2] | 0x20
            if bytes[index + 1] == UInt8(ascii: "u"), lead == UInt8(ascii: "d"),
                (UInt8(ascii: "8")...UInt8(ascii: "9")).contains(bytes[index + 3])
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(bytes[index + 3] | 0x20)
            {
                bytes.replaceSubrange((index + 2)..<(index + 6), with: Array("fffd".utf8))
            }
            index += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The JSON value of member `key` of the JSON object `line`, in canonical text (keys sorted).
    private func canonicalMember(_ key: String, of line: String) -> String? {
        let parsed = JSONParser.parse(SourceText(bytes: Array(line.utf8), path: "-"))
        guard case .object(let members)? = parsed.root?.value,
            let member = JSONWriter.lastValues(members).first(where: { $0.key == key })
        else { return nil }
        if case .null = member.value.value { return nil }
        return CanonicalJSON.text(member.value)
    }
}

/// Runs python3 with arguments and optional standard input.
enum PythonRunner {
    static func run(_ arguments: [String], input: String?) throws -> TestSupport.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        let inPipe = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-py-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        let data = Data((input ?? "").utf8)
        let writer = Thread {
            inPipe.fileHandleForWriting.write(data)
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return TestSupport.Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
