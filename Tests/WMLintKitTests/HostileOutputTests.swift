import Foundation
import Testing

/// Output that a hostile file name, option word or source line cannot forge: no GitHub Actions command outside
/// `--format github`, no terminal control sequence in text or gcc, exact text in JSON; through the built binary.
@Suite("Hostile output")
struct HostileOutputTests {
    /// Characters that must never reach text or gcc output raw.
    static let controls: [Unicode.Scalar] =
        (0x01..<0x20).filter { $0 != 0x0A }.compactMap(Unicode.Scalar.init)
        + [
            0x7F, 0x85, 0x9B, 0x9D, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028,
            0x2029,
        ]
        .compactMap(Unicode.Scalar.init)

    /// A project whose file name, option word and source line carry a forged command and control sequences.
    static func makeProject() throws -> String {
        let base = try Hostile.temporaryDirectory()
        let forgedName = "a\n::error file=README.md,line=1::forged\n.sh"
        try Hostile.write(
            Hostile.operation + " --organization-id \(Hostile.organization) \u{1B}]52;c;aGk=\u{07}\n",
            to: base + "/" + forgedName)
        try Hostile.write(
            Hostile.operation + " --organization-id \(Hostile.organization) $'--x\\n::add-mask::y'\n",
            to: base + "/b.sh")
        let every = controls.map { String(Character($0)) }.joined()
        try Hostile.write(
            Hostile.operation + " --organization-id \(Hostile.organization) --x\(every)y 'v\(every)'\n",
            to: base + "/c.sh")
        try Hostile.write(Hostile.operation + " --bad\n", to: base + "/::warning::named.sh")
        return base
    }

    @Test("no line of text or gcc output begins with '::', and every github line is one command of its own")
    func noForgedCommands() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        for format in ["text", "gcc"] {
            for color in ["never", "always"] {
                let run = try Hostile.wmlint(["check", "--format", format, "--color", color, "."], in: base)
                #expect(run.status == 1, "\(format): \(run.stderr)")
                #expect(!run.stdout.isEmpty)
                for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                    #expect(!line.hasPrefix("::"), "\(format) line begins with '::': \(line)")
                }
                for line in run.stderr.split(separator: "\n") {
                    #expect(!line.hasPrefix("::"), "\(format) standard error line begins with '::': \(line)")
                }
            }
        }
        let github = try Hostile.wmlint(["check", "--format", "github", "."], in: base)
        #expect(github.status == 1)
        #expect(!github.stdout.isEmpty)
        for line in github.stdout.split(separator: "\n") {
            let command = ["::error ", "::warning ", "::notice "].contains { line.hasPrefix($0) }
            #expect(command, "github line is not one annotation: \(line)")
            #expect(!line.contains("\u{1B}"), "github line carries an escape: \(line)")
        }
    }

    @Test("control, C1 and bidi characters are visible escapes in text and gcc, exact in JSON")
    func controlCharacters() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        for format in ["text", "gcc"] {
            let run = try Hostile.wmlint(["check", "--format", format, "--color", "never", "."], in: base)
            for scalar in Self.controls {
                #expect(
                    !run.stdout.unicodeScalars.contains(scalar),
                    "\(format) shows U+\(String(scalar.value, radix: 16)) raw")
            }
            #expect(run.stdout.contains("\\u{1b}]52"), "\(format) does not show the escape visibly")
            #expect(run.stdout.contains("\\u{202e}"), "\(format) does not show the bidi override visibly")
            #expect(run.stdout.contains("a\\n::error file=README.md"), "\(format) does not escape the file name")
        }
        let json = try Hostile.wmlint(["check", "--format", "json", "."], in: base)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        let paths = Set(diagnostics.compactMap { $0["path"] as? String })
        #expect(paths.contains("a\n::error file=README.md,line=1::forged\n.sh"))
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("--x\n::add-mask::y") }, "JSON does not carry the exact option word")
        let sarif = try Hostile.wmlint(["check", "--format", "sarif", "."], in: base)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) }
    }

    @Test("a write error on standard output is exit 2 with a message")
    func fullStandardOutput() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let binary = try #require(TestSupport.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" check . > /dev/full 2> errors", binary]
        process.currentDirectoryURL = URL(fileURLWithPath: base)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let errors = try String(contentsOfFile: base + "/errors", encoding: .utf8)
        #expect(errors.contains("cannot write to standard output"), "\(errors)")
    }

    @Test("a closed standard output is exit 2 with a message")
    func closedStandardOutput() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" check . >&- 2> errors", try #require(TestSupport.binary)]
        process.currentDirectoryURL = URL(fileURLWithPath: base)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let errors = try String(contentsOfFile: base + "/errors", encoding: .utf8)
        // Descriptor 1 is held on /dev/null from the start, so no file the run opens takes its number.
        #expect(errors == "wmlint: error: cannot write to standard output: it was closed when wmlint started\n")
    }

    /// A reader that has gone: the write fails with `EPIPE` (no silent death by `SIGPIPE`).
    @Test("a pipe nobody reads is exit 2 with a message")
    func brokenPipe() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let output = Pipe()
        try output.fileHandleForReading.close()
        let errors = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TestSupport.binary))
        process.arguments = ["check", "."]
        process.currentDirectoryURL = URL(fileURLWithPath: base)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try output.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write to standard output: Broken pipe"), "\(message)")
    }
}

/// `file://` targets in version-control directories, and the same message whether a file outside exists.
@Suite("Hostile file references")
struct HostileFileReferenceTests {
    @Test("file:// never reads inside .git, .hg or .svn, through any spelling or link")
    func versionControlDirectories() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let project = base + "/project"
        let secret = "WMLINT-TOKEN-" + UUID().uuidString
        for directory in [".git", ".hg", ".svn"] {
            try Hostile.write("token=\(secret)\n", to: project + "/\(directory)/config")
        }
        try FileManager.default.createSymbolicLink(atPath: project + "/cfg", withDestinationPath: ".git/config")
        let targets = [
            ".git/config", "./.git/../.git/config", ".hg/config", ".svn/config", "cfg", project + "/.git/config",
            "sub/../.git/config",
        ]
        let script = targets.map { Hostile.operation + " --organization-id file://\($0)\n" }.joined()
        try Hostile.write(script, to: project + "/check.sh")
        for format in ["text", "gcc", "json", "github"] {
            let run = try Hostile.wmlint(["check", "--format", format, "check.sh"], in: project)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(!run.stdout.contains(secret), "\(format) shows the token")
            #expect(!run.stdout.contains("token="), "\(format) quotes the file")
        }
        let gcc = try Hostile.wmlint(["check", "--format", "gcc", "check.sh"], in: project)
        for line in 1...targets.count {
            #expect(
                gcc.stdout.split(separator: "\n").contains {
                    $0.hasPrefix("check.sh:\(line):") && $0.contains("file-reference")
                },
                "no file-reference for \(targets[line - 1])\n\(gcc.stdout)")
        }
    }

    @Test("the message for a name outside the root is the same whether or not the file exists")
    func existenceIsNotRevealed() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let project = base + "/project"
        try Hostile.write("", to: project + "/.git/HEAD")
        try Hostile.write("x\n", to: base + "/outside/exists.txt")
        try FileManager.default.createSymbolicLink(atPath: project + "/out", withDestinationPath: base + "/outside")
        func message(_ target: String) throws -> String {
            try Hostile.write(Hostile.operation + " --organization-id file://\(target)\n", to: project + "/check.sh")
            let run = try Hostile.wmlint(["check", "--format", "gcc", "check.sh"], in: project)
            let line = run.stdout.split(separator: "\n").first { $0.contains("file-reference") }
            return String(line ?? "").replacing("absent", with: "exists")
        }
        for (present, absent) in [
            ("../outside/exists.txt", "../outside/absent.txt"),
            (base + "/outside/exists.txt", base + "/outside/absent.txt"),
            ("out/exists.txt", "out/absent.txt"),
        ] {
            let shown = try message(present)
            #expect(!shown.isEmpty)
            let other = try message(absent)
            #expect(shown == other, "\(present) and \(absent) read differently: \(shown) / \(other)")
        }
    }
}
