import Foundation
import Testing
import WMLintKit
import WMLintSource

/// Helpers for the hostile-input suites: in-process runs on given bytes, binary runs with an environment and a
/// hang guard, temporary project directories.
enum Hostile {
    /// The command every shell case invokes.
    static let operation = "aws workmail put-identity-provider-configuration"

    /// A valid organization id.
    static let organization = "m-0123456789abcdef0123456789abcdef"

    /// Valid values of every required option but `--authentication-mode`, as one stretch of a command line.
    static let validOptions =
        "--organization-id \(organization) "
        + "--identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,"
        + "ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 "
        + "--personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30"

    /// Lints `bytes` in process as standard input of the given form (forced, so every byte is read).
    static func lint(
        _ bytes: [UInt8], as format: InputFormat, name: String, maxFileSize: Int = 8 * 1024 * 1024
    ) throws -> LintReport {
        var options = LintOptions(
            paths: ["-"], inputFormat: format, stdinFilename: name, maxFileSize: maxFileSize, jobs: 1)
        options.standardInput = bytes
        return try Linter.run(options)
    }

    /// Lints `text` in process (see ``lint(_:as:name:maxFileSize:)``).
    static func lint(
        _ text: String, as format: InputFormat, name: String, maxFileSize: Int = 8 * 1024 * 1024
    ) throws -> LintReport {
        try lint(Array(text.utf8), as: format, name: name, maxFileSize: maxFileSize)
    }

    /// The rules a report names.
    static func rules(_ report: LintReport) -> Set<RuleID> {
        Set(report.diagnostics.map(\.rule))
    }

    /// A new empty directory under the system's temporary directory, with symlinks resolved.
    static func temporaryDirectory() throws -> String {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "wmlint-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return base.resolvingSymlinksInPath().path
    }

    /// Writes `bytes` to `path`, creating its directory.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// A new temporary directory holding `files` (path relative to it → text).
    static func project(_ files: [String: String]) throws -> String {
        let directory = try temporaryDirectory()
        for (name, text) in files { try write(text, to: directory + "/" + name) }
        return directory
    }

    /// The `diagnostics` of a `--format json` report on a run's standard output.
    static func diagnostics(of run: TestSupport.Run) throws -> [[String: Any]] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(report["diagnostics"] as? [[String: Any]])
    }

    /// Runs `executable` with `arguments` in `directory` with `environment` added to this process's, and no
    /// standard input. A run still going after `hangLimit` seconds is killed and recorded as a hang: this is a
    /// guard against a process that never ends, not a performance bound.
    static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        hangLimit: Double = 300, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> TestSupport.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        let watchdog = Thread {
            if finished.wait(timeout: .now() + hangLimit) == .timedOut { process.terminate() }
        }
        watchdog.start()
        let readQueue = DispatchQueue(label: "hostile.read", attributes: .concurrent)
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        readQueue.async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        readQueue.async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        finished.signal()
        if process.terminationReason == .uncaughtSignal {
            Issue.record(
                "\(arguments.joined(separator: " ")) ended by signal \(process.terminationStatus)",
                sourceLocation: sourceLocation)
        }
        return TestSupport.Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the built `wmlint` binary (see ``run(_:_:in:environment:hangLimit:sourceLocation:)``).
    static func wmlint(
        _ arguments: [String], in directory: String, environment: [String: String] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> TestSupport.Run {
        let binary = try #require(TestSupport.binary, "the wmlint binary is built")
        return try run(binary, arguments, in: directory, environment: environment, sourceLocation: sourceLocation)
    }

    /// Whether this process runs as root (which reads files whatever their mode).
    static var isRoot: Bool { geteuid() == 0 }
}
