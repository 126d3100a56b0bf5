import Foundation
import Testing

/// What the format tests need beside the binary: the external consumers (python3 `jsonschema`, Vim) and the
/// official SARIF schema, each optional so that a missing one skips its test with a reason.
enum FormatSupport {
    /// The official SARIF 2.1.0 schema, beside the repository.
    static let sarifSchema = TestSupport.root + "/../shared/conformance/sarif/sarif-schema-2.1.0.json"
    static let reportSchema = TestSupport.root + "/schemas/report.schema.json"

    static var hasSARIFSchema: Bool { FileManager.default.fileExists(atPath: sarifSchema) }

    static let hasJSONSchema: Bool = {
        (try? run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status) == 0
    }()

    static let vim: String? = {
        for path in ["/usr/bin/vim", "/usr/local/bin/vim", "/bin/vim"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }()

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Validates the JSON document `text` against the schema at `schemaPath` with python3 `jsonschema` (the
    /// draft the schema names); returns the validator's complaints, empty when valid.
    static func validate(_ text: String, schemaPath: String) throws -> String {
        let file = temporaryFile("document.json")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let program = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            errors = sorted(cls(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors:
                print("/".join(map(str, error.absolute_path)) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let result = try run("/usr/bin/env", ["python3", "-c", program, schemaPath, file])
        return result.status == 0 ? "" : result.stdout + result.stderr
    }

    static func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "wmlint-format-\(getpid())-\(UUID().uuidString)-" + name
    }

    /// Runs an executable with an environment (added to this process's) and waits for it.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
    ) throws -> TestSupport.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? TestSupport.root)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        merged.removeValue(forKey: "NO_COLOR")
        if let noColor = environment["NO_COLOR"] { merged["NO_COLOR"] = noColor }
        process.environment = merged
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TestSupport.Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `text` without ANSI escape sequences.
    static func strippingANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
