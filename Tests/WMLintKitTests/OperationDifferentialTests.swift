import Foundation
import Testing
import WMLintKit
import WMLintRules
import WMLintSource
import WMLintSyntax

/// `wmlint convert` judged by the real AWS CLI on every covered operation but `put-identity-provider-configuration`
/// (which ``DifferentialTests`` covers): generated invocations of each (`Tests/oracle/generate_operation_cases.py`)
/// run through the CLI's own argument processing and botocore's validation (`Tests/oracle/aws_oracle.py`, nothing
/// is sent), and each request the CLI would send is judged by the service model's constraints
/// (`Tests/oracle/shape_oracle.py`). Where the CLI sends a request, wmlint must print exactly that request (an
/// idempotency token the CLI generated left out), report no error if the model accepts it and at least one if the
/// model rejects it; where the CLI refuses, wmlint must print nothing and report at least one error.
@Suite(.serialized) struct OperationDifferentialTests {
    static let countPerOperation = 300
    static let seed = 20_261_207
    /// What the oracle writes for an idempotency token that the CLI filled with a fresh UUID.
    static let generatedToken = "$generated"

    /// The outcome of one operation's cases: `sent` and `refused` count the cases wmlint agrees on, `skipped` the
    /// skeletons and the cases that depend on the machine, so `cases` is their sum with `mismatches`.
    struct Tally {
        var cases = 0
        var sent = 0
        var refused = 0
        var skipped = 0
        var mismatches = 0
    }

    @Test(.enabled(if: DifferentialTests.oracleUnavailable == nil, "needs python3 with awscli (the oracle)"))
    func convertAgreesWithTheAWSCLIOnEveryOperation() throws {
        TestSupport.enterRoot()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-opdiff-\(getpid())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let generated = try PythonRunner.run(
            [
                TestSupport.root + "/Tests/oracle/generate_operation_cases.py", "--count-per-operation",
                String(Self.countPerOperation), "--seed", String(Self.seed), "--dir", directory.path,
            ], input: nil)
        try #require(generated.status == 0, "generator failed: \(generated.stderr)")
        let verdicts = try PythonRunner.run([TestSupport.root + "/Tests/oracle/aws_oracle.py"], input: generated.stdout)
        try #require(verdicts.status == 0, "oracle failed: \(verdicts.stderr)")

        let cases = generated.stdout.split(separator: "\n").map(String.init)
        let answers = verdicts.stdout.split(separator: "\n").map(String.init)
        try #require(cases.count == answers.count && cases.count >= 10 * Self.countPerOperation)
        let modelValid = try judgeByTheModel(cases: cases, answers: answers)

        var tallies: [String: Tally] = [:]
        var mismatches: [String] = []
        for (line, answer) in zip(cases, answers) {
            let testCase = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let verdict = try #require(
                try JSONSerialization.jsonObject(with: Data(DifferentialTests.replacingSurrogateEscapes(answer).utf8))
                    as? [String: Any])
            let id = try #require(testCase["id"] as? String)
            let kind = testCase["kind"] as? String ?? "?"
            let script = try #require(testCase["sh"] as? String)
            let caseDirectory = try #require(testCase["cwd"] as? String)
            let operation = Self.operation(ofCase: id)
            let path = caseDirectory + "/" + id + ".sh"
            try (script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            tallies[operation, default: Tally()].cases += 1

            let (output, report, _) = try Converter.convert(
                LintOptions(paths: [path], inputFormat: .shell), to: .json)
            let errors = report.diagnostics.filter { $0.severity == .error }
            let mismatch: String?
            if verdict["stage"] as? String == "other", (verdict["error"] as? String ?? "").contains("profile") {
                // A named profile exists or not on the machine that runs the CLI: not a property of the input.
                tallies[operation, default: Tally()].skipped += 1
                continue
            } else if verdict["ok"] as? Bool == true, verdict["request"] is NSNull {
                // --generate-cli-skeleton: nothing is sent, nothing is printed.
                mismatch = output.isEmpty ? nil : "skeleton printed\n  \(output)"
                if mismatch == nil { tallies[operation, default: Tally()].skipped += 1 }
            } else if verdict["ok"] as? Bool == true {
                let expected = try #require(Self.canonicalRequest(of: answer), "no request in \(answer)")
                let actual = CanonicalJSON.text(output)
                let unexplained = errors.filter { !DifferentialTests.strictOrSemantic.contains($0.rule) }
                if actual != expected {
                    let printed = actual ?? (output.isEmpty ? "nothing" : output)
                    mismatch = "CLI sends\n  \(expected)\nwmlint printed\n  \(printed)"
                } else if modelValid[id] == true, !unexplained.isEmpty {
                    mismatch =
                        "valid by the CLI and the service model, but wmlint reports "
                        + unexplained.map { "\($0.rule.rawValue): \($0.message)" }.joined(separator: "; ")
                } else if modelValid[id] == false, errors.isEmpty {
                    mismatch = "the service model rejects the request the CLI sends; wmlint reports no error"
                } else {
                    mismatch = nil
                    tallies[operation, default: Tally()].sent += 1
                }
            } else if output.isEmpty, !errors.isEmpty {
                mismatch = nil
                tallies[operation, default: Tally()].refused += 1
            } else {
                let stage = verdict["stage"] as? String ?? "?"
                let error = verdict["error"] as? String ?? ""
                mismatch =
                    "CLI refuses (\(stage): \(error.prefix(160)))\nwmlint printed "
                    + (output.isEmpty ? "nothing" : output) + ", \(errors.count) errors"
            }
            if let mismatch {
                tallies[operation, default: Tally()].mismatches += 1
                mismatches.append("\(id) [\(kind)] \(mismatch)\n\(script)")
            }
        }
        for (operation, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            print(
                "operation \(operation): \(tally.cases) cases; sent \(tally.sent), refused \(tally.refused), "
                    + "skipped \(tally.skipped); \(tally.mismatches) mismatches")
        }
        if let dump = ProcessInfo.processInfo.environment["WMLINT_OPERATION_DIFF_REPORT"] {
            try? mismatches.joined(separator: "\n\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        #expect(tallies.count == 10, "operations: \(tallies.keys.sorted())")
        // Agreement means something only where the cases were compared: each operation has requests the CLI
        // sends and requests it refuses.
        for (operation, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            #expect(tally.sent > tally.cases / 4 && tally.refused > tally.cases / 10, "\(operation): \(tally)")
        }
        for mismatch in mismatches.prefix(25) {
            Issue.record(Comment(rawValue: mismatch))
        }
        // The count, not the list: an expectation prints the values it compares, and the 25 above are enough.
        let disagreeing = mismatches.count
        #expect(disagreeing == 0, "\(disagreeing) of \(cases.count) cases disagree with the AWS CLI")
    }

    @Test func anIdempotencyTokenTheCLIGeneratedIsLeftOutAndAGivenOneKept() {
        let generated =
            #"{"id": "delete-organization-0001", "ok": true, "operation": "DeleteOrganization", "request": "#
            + #"{"OrganizationId": "m-1", "DeleteDirectory": true, "ClientToken": "$generated"}, "url": "u"}"#
        #expect(Self.canonicalRequest(of: generated) == #"{"DeleteDirectory":true,"OrganizationId":"m-1"}"#)
        let given = generated.replacingOccurrences(of: "$generated", with: "token-0001")
        #expect(
            Self.canonicalRequest(of: given)
                == #"{"ClientToken":"token-0001","DeleteDirectory":true,"OrganizationId":"m-1"}"#)
        #expect(Self.canonicalRequest(of: #"{"id": "x", "ok": true, "request": null, "skeleton": {}}"#) == nil)
        #expect(Self.operation(ofCase: "list-personal-access-tokens-0042") == "list-personal-access-tokens")
    }

    /// Whether the service model accepts each request the CLI would send, by case id (`shape_oracle.py`).
    private func judgeByTheModel(cases: [String], answers: [String]) throws -> [String: Bool] {
        var lines: [String] = []
        for answer in answers {
            let parsed = JSONParser.parse(SourceText(bytes: Array(answer.utf8), path: "-"))
            guard case .object(let members)? = parsed.root?.value else { continue }
            let last = JSONWriter.lastValues(members)
            guard case .string(let id)? = last.first(where: { $0.key == "id" })?.value.value,
                let request = last.first(where: { $0.key == "request" })?.value, case .object = request.value
            else { continue }
            // The request's own text, so that integers of any size reach the oracle unchanged.
            let text = String(decoding: Array(answer.utf8)[request.range.offsets], as: UTF8.self)
            lines.append(
                #"{"id": \#(JSONWriter.stringLiteral(id)), "operation": "#
                    + JSONWriter.stringLiteral(Self.operation(ofCase: id)) + #", "value": \#(text)}"#)
        }
        let judged = try PythonRunner.run(
            [TestSupport.root + "/Tests/oracle/shape_oracle.py"], input: lines.joined(separator: "\n") + "\n")
        try #require(judged.status == 0, "shape oracle failed: \(judged.stderr)")
        var valid: [String: Bool] = [:]
        for line in judged.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? String, let faults = object?["faults"] as? [Any] {
                valid[id] = faults.isEmpty
            }
        }
        try #require(valid.count == lines.count, "the shape oracle judged \(valid.count) of \(lines.count) requests")
        return valid
    }

    /// The operation's CLI name, which a case id starts with (`create-user-0042`).
    static func operation(ofCase id: String) -> String {
        id.split(separator: "-").dropLast().joined(separator: "-")
    }

    /// The request of an oracle line in canonical text, without the idempotency tokens the CLI generated.
    static func canonicalRequest(of line: String) -> String? {
        let parsed = JSONParser.parse(SourceText(bytes: Array(line.utf8), path: "-"))
        guard case .object(let members)? = parsed.root?.value,
            let request = JSONWriter.lastValues(members).first(where: { $0.key == "request" })?.value,
            case .object(let requestMembers) = request.value
        else { return nil }
        var kept = request
        kept.value = .object(requestMembers.filter { $0.value.value != .string(generatedToken) })
        return CanonicalJSON.text(kept)
    }
}

/// JSON in a canonical text, to compare requests: the keys of each object sorted, the last of a repeated key
/// kept (as the AWS CLI keeps it).
enum CanonicalJSON {
    /// One JSON value printed by `convert`, in canonical text; `nil` unless the output is exactly one value.
    static func text(_ output: String) -> String? {
        let parsed = JSONParser.parse(SourceText(bytes: Array(output.utf8), path: "-"))
        guard let root = parsed.root, !parsed.hasErrors else { return nil }
        return text(root)
    }

    /// A value's JSON text with the keys of each object sorted and the last of a repeated key kept.
    static func text(_ node: SyntaxNode) -> String {
        switch node.value {
        case .object(let members):
            let sorted = JSONWriter.lastValues(members).sorted { $0.key < $1.key }
            return "{"
                + sorted.map { JSONWriter.stringLiteral($0.key) + ":" + text($0.value) }.joined(separator: ",")
                + "}"
        case .array(let items):
            return "[" + items.map(text).joined(separator: ",") + "]"
        case .number(let number):
            switch number.kind {
            case .integer(let digits): return digits
            case .float(let value): return "float:\(value)"
            }
        default:
            return JSONWriter.write(node)
        }
    }
}
