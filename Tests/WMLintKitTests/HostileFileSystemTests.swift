import Foundation
import Synchronization
import Testing

/// `file://` containment, the network, and file-system edges, through the built binary.
@Suite("Hostile file system")
struct HostileFileSystemTests {
    /// A project (`project/`, holding `.git`) beside a directory outside it holding a secret, and a script in the
    /// project naming every kind of target that must not be read.
    struct Layout {
        var base: String
        var project: String
        var outside: String
        var secret: String
        /// The script's lines, each naming one target that must be reported and not read.
        var references: [String]
    }

    static func makeLayout() throws -> Layout {
        let base = try Hostile.temporaryDirectory()
        let project = base + "/project"
        let outside = base + "/outside"
        let secret = "WMLINT-SECRET-" + UUID().uuidString
        try Hostile.write("", to: project + "/.git/HEAD")
        try Hostile.write("{\"OrganizationId\": \"\(secret)\"}\n", to: outside + "/secret.json")
        try Hostile.write(secret + "\n", to: outside + "/secret.txt")
        let files = FileManager.default
        try files.createSymbolicLink(atPath: project + "/link.json", withDestinationPath: outside + "/secret.json")
        try files.createSymbolicLink(
            atPath: project + "/relative-link.json", withDestinationPath: "../outside/secret.json")
        try files.createSymbolicLink(atPath: project + "/linkdir", withDestinationPath: outside)
        #expect(mkfifo(project + "/fifo.json", 0o644) == 0)
        let references = [
            "--cli-input-json file:///etc/passwd",
            "--cli-input-json file://\(outside)/secret.json",
            "--cli-input-json file://../outside/secret.json",
            "--cli-input-json file://../../\(URL(fileURLWithPath: base).lastPathComponent)/outside/secret.json",
            "--cli-input-json file://link.json",
            "--cli-input-json file://relative-link.json",
            "--cli-input-json file://linkdir/secret.json",
            "--cli-input-json file:///proc/self/environ",
            "--cli-input-yaml file:///proc/self/environ",
            "--cli-input-json file:///dev/zero",
            "--cli-input-json file://fifo.json",
            "--organization-id file://\(outside)/secret.txt",
            "--organization-id file://../outside/secret.txt",
            "--organization-id file:///proc/self/cmdline",
        ]
        let script = references.map { Hostile.operation + " " + $0 + "\n" }.joined()
        try Hostile.write("#!/bin/sh\n" + script, to: project + "/check.sh")
        return Layout(base: base, project: project, outside: outside, secret: secret, references: references)
    }

    @Test("file:// targets outside the root, devices and FIFOs are reported, and no secret reaches any format")
    func containment() throws {
        let layout = try Self.makeLayout()
        defer { try? FileManager.default.removeItem(atPath: layout.base) }
        let environment = ["WMLINT_HOSTILE_SECRET": layout.secret]
        for format in ["text", "gcc", "json"] {
            let run = try Hostile.wmlint(
                ["check", "--format", format, "check.sh"], in: layout.project, environment: environment)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(!run.stdout.contains(layout.secret), "\(format) output shows the secret")
            #expect(!run.stderr.contains(layout.secret), "\(format) standard error shows the secret")
            #expect(!run.stdout.contains("root:x:0:0"), "\(format) output shows /etc/passwd")
        }
        let gcc = try Hostile.wmlint(
            ["check", "--format", "gcc", "check.sh"], in: layout.project, environment: environment)
        let lines = gcc.stdout.split(separator: "\n")
        for (index, reference) in layout.references.enumerated() {
            let line = index + 2
            #expect(
                lines.contains { $0.hasPrefix("check.sh:\(line):") && $0.contains("file-reference") },
                "no file-reference for line \(line): \(reference)\n\(gcc.stdout)")
        }
    }

    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "targets outside the root are never opened",
        .enabled(if: strace != nil, "strace is not installed (apt package 'strace')"))
    func outsideTargetsNeverOpened() throws {
        let layout = try Self.makeLayout()
        defer { try? FileManager.default.removeItem(atPath: layout.base) }
        let binary = try #require(TestSupport.binary)
        let log = layout.base + "/open.log"
        let run = try Hostile.run(
            try #require(Self.strace),
            ["-f", "-qq", "-o", log, "-e", "trace=open,openat,openat2", binary, "check", "check.sh"],
            in: layout.project)
        #expect(run.status == 1, "\(run.stderr)")
        let opens = try String(contentsOfFile: log, encoding: .utf8)
        for forbidden in [
            "/etc/passwd", "/proc/self/environ", "/proc/self/cmdline", "/dev/zero", "secret.json", "secret.txt",
        ] {
            let offending = opens.split(separator: "\n").filter { $0.contains(forbidden) }
            #expect(offending.isEmpty, "opened \(forbidden): \(offending)")
        }
        let fifo = opens.split(separator: "\n").filter { $0.contains("fifo.json") }
        #expect(fifo.isEmpty, "opened the FIFO: \(fifo)")

    }

    @Test(
        "no network: the only sockets are AF_UNIX, or none",
        .enabled(if: strace != nil, "strace is not installed (apt package 'strace')"))
    func noNetwork() throws {
        let binary = try #require(TestSupport.binary)
        let log = try Hostile.temporaryDirectory() + "/network.log"
        let run = try Hostile.run(
            try #require(Self.strace), ["-f", "-qq", "-o", log, "-e", "trace=network", binary, "check", "testdata"],
            in: TestSupport.root, environment: ["AWS_REGION": "us-east-1", "HTTPS_PROXY": "http://192.0.2.1:9"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let sockets = calls.filter { $0.contains("socket(") || $0.contains("connect(") }
        #expect(sockets.allSatisfy { $0.contains("AF_UNIX") }, "network calls: \(sockets)")
        #expect(!calls.contains { $0.contains("AF_INET") }, "\(calls.filter { $0.contains("AF_INET") })")
    }

    @Test("a named file that does not exist is exit 2")
    func missingNamedFile() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Hostile.wmlint(["check", "missing.sh"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing.sh"))
        let dangling = try Hostile.wmlint(["check", "dangling.json"], in: directory)
        #expect(dangling.status == 2)
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling.sh", withDestinationPath: "nowhere")
        #expect(try Hostile.wmlint(["check", "dangling.sh"], in: directory).status == 2)
    }

    @Test(
        "a named file that cannot be read is exit 2",
        .enabled(if: !Hostile.isRoot, "runs as root, which reads files whatever their mode"))
    func unreadableNamedFile() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Hostile.write("#!/bin/sh\n\(Hostile.operation) --organization-id x\n", to: directory + "/locked.sh")
        #expect(chmod(directory + "/locked.sh", 0) == 0)
        let run = try Hostile.wmlint(["check", "locked.sh"], in: directory)
        #expect(run.status == 2)

    }

    @Test("a named FIFO is reported, not waited on")
    func namedFIFO() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(mkfifo(directory + "/pipe.sh", 0o644) == 0)
        let run = try Hostile.wmlint(["check", "pipe.sh"], in: directory)
        #expect(run.status == 2, "exit \(run.status): \(run.stdout)")

    }

    @Test(
        "files found by walking that cannot be read are skipped",
        .enabled(if: !Hostile.isRoot, "runs as root, which reads files whatever their mode"))
    func unreadableWalkedFile() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Hostile.write("#!/bin/sh\n\(Hostile.operation) --organization-id x\n", to: directory + "/locked.sh")
        try Hostile.write("#!/bin/sh\necho fine\n", to: directory + "/fine.sh")
        #expect(chmod(directory + "/locked.sh", 0) == 0)
        try FileManager.default.createDirectory(atPath: directory + "/closed", withIntermediateDirectories: true)
        #expect(chmod(directory + "/closed", 0) == 0)
        defer { _ = chmod(directory + "/closed", 0o755) }
        let run = try Hostile.wmlint(["check", "."], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("directory symlink loops and self-referencing links end the walk")
    func symlinkLoops() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = FileManager.default
        try Hostile.write("#!/bin/sh\n\(Hostile.operation) --organization-id m-1\n", to: directory + "/a/b/bad.sh")
        try files.createSymbolicLink(atPath: directory + "/a/b/up", withDestinationPath: "..")
        try files.createSymbolicLink(atPath: directory + "/a/b/top", withDestinationPath: directory)
        try files.createSymbolicLink(atPath: directory + "/a/self", withDestinationPath: "self")
        try files.createSymbolicLink(atPath: directory + "/a/ping", withDestinationPath: "pong")
        try files.createSymbolicLink(atPath: directory + "/a/pong", withDestinationPath: "ping")
        let run = try Hostile.wmlint(["check", "--format", "gcc", "."], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        let reported = Set(run.stdout.split(separator: "\n").compactMap { $0.split(separator: ":").first })
        #expect(reported == ["a/b/bad.sh"], "\(run.stdout)")
    }

    @Test("files replaced, truncated and removed during a run: no crash, exit 0 or 1")
    func filesChangingDuringRun() throws {
        let directory = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = "#!/bin/sh\n" + String(repeating: "\(Hostile.operation) --organization-id m-1\n", count: 200)
        for index in 0..<200 {
            try Hostile.write(script, to: directory + "/s\(index).sh")
            try Hostile.write("{\"OrganizationId\": \"m-1\"}", to: directory + "/d\(index).json")
        }
        let stop = StopFlag()
        let churn = Thread {
            var round = 0
            while !stop.value.load(ordering: .relaxed) {
                let index = round % 200
                let path = directory + "/s\(index).sh"
                switch round % 4 {
                case 0: try? Data().write(to: URL(fileURLWithPath: path))
                case 1: try? FileManager.default.removeItem(atPath: path)
                case 2:
                    try? FileManager.default.removeItem(atPath: path)
                    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                default:
                    try? FileManager.default.removeItem(atPath: path)
                    try? Data(script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
                _ = try? Data([0xFF, 0x00]).write(to: URL(fileURLWithPath: directory + "/d\(index).json"))
                round += 1
            }
        }
        churn.start()
        for _ in 0..<5 {
            let run = try Hostile.wmlint(["check", "--jobs", "2", "."], in: directory)
            #expect(run.status == 0 || run.status == 1, "exit \(run.status): \(run.stderr)")
        }
        stop.value.store(true, ordering: .relaxed)
    }
}

/// A flag one thread sets and another polls.
final class StopFlag: Sendable {
    let value = Atomic(false)
}
