import Foundation
import Testing

#if canImport(Glibc)
    import CWMLintYAML  // sys/xattr.h
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--fix` on files it must not write, or must write faithfully, through the built binary.
@Suite("Hostile fixes")
struct HostileFixTests {
    /// An invocation with two safe fixes (the organization id's case, the authentication mode's case).
    static let fixable =
        Hostile.operation
        + " --organization-id m-0123456789ABCDEF0123456789ABCDEF --authentication-mode identity_provider_and_directory\n"

    /// The names in `directory` that are wmlint's temporary files.
    static func temporaryFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".wmlint-") }
    }

    @Test("a named file resolving outside the project root is linted but not written, and standard error says so")
    func namedLinkOutside() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write("", to: base + "/project/.git/HEAD")
        try Hostile.write(Self.fixable, to: base + "/outside/target.sh")
        try Hostile.write(Self.fixable, to: base + "/project/inside.sh")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/project/link.sh", withDestinationPath: base + "/outside/target.sh")
        let run = try Hostile.wmlint(
            ["check", "--fix", "--format", "text", "link.sh", "inside.sh"], in: base + "/project")
        #expect(run.status == 1)
        // The link's problems are reported as they stand, each saying why it was not fixed.
        #expect(run.stdout.contains("organization-id-format"), "the file is linted: \(run.stdout)")
        #expect(run.stdout.contains("not fixed: 'link.sh' resolves outside the project root"), "\(run.stdout)")
        #expect(run.stderr.contains("'link.sh' resolves outside the project root"), "\(run.stderr)")
        #expect(run.stderr.contains("fixed 2 problems in 1 file"), "\(run.stderr)")
        #expect(try String(contentsOfFile: base + "/outside/target.sh", encoding: .utf8) == Self.fixable)
        #expect(try String(contentsOfFile: base + "/project/inside.sh", encoding: .utf8) != Self.fixable)
        #expect(try Self.temporaryFiles(in: base + "/outside").isEmpty)
        // `--diff` writes nothing, so it shows the link's fixes.
        let diff = try Hostile.wmlint(["check", "--diff", "link.sh"], in: base + "/project")
        #expect(diff.stdout.contains("+" + Hostile.operation), "\(diff.stdout)")
    }

    @Test("a named file whose directory is a link leading into another repository is not written")
    func namedThroughDirectoryLink() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write("", to: base + "/project/.git/HEAD")
        try Hostile.write("", to: base + "/other/.git/HEAD")
        try Hostile.write(Self.fixable, to: base + "/other/a.sh")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/project/vendor", withDestinationPath: base + "/other")
        let run = try Hostile.wmlint(["check", "--fix", "vendor/a.sh"], in: base + "/project")
        #expect(run.stderr.contains("resolves outside the project root"), "\(run.stderr)")
        #expect(try String(contentsOfFile: base + "/other/a.sh", encoding: .utf8) == Self.fixable)
    }

    @Test("a link leading out of a repository named from above it is not written; a link within it is")
    func namedFromAboveTheRepository() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write("", to: base + "/project/.git/HEAD")
        try Hostile.write(Self.fixable, to: base + "/other/a.sh")
        try Hostile.write(Self.fixable, to: base + "/project/real/b.sh")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/project/out.sh", withDestinationPath: base + "/other/a.sh")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/project/in.sh", withDestinationPath: "real/b.sh")
        let run = try Hostile.wmlint(["check", "--fix", "project/out.sh", "project/in.sh"], in: base)
        #expect(run.stderr.contains("'project/out.sh' resolves outside the project root"), "\(run.stderr)")
        #expect(!run.stderr.contains("'project/in.sh' resolves"), "\(run.stderr)")
        #expect(try String(contentsOfFile: base + "/other/a.sh", encoding: .utf8) == Self.fixable)
        #expect(try String(contentsOfFile: base + "/project/real/b.sh", encoding: .utf8) != Self.fixable)
        #expect(FileSystemLink.isLink(base + "/project/in.sh"), "the link is kept")
    }

    @Test("16,627 invocations in one file are all fixed in one run")
    func manyInvocationsSettle() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write(String(repeating: Self.fixable, count: 16_627), to: base + "/big.sh")
        let run = try Hostile.wmlint(["check", "--fix", "--format", "gcc", "big.sh"], in: base)
        #expect(run.stderr.contains("fixed 33254 problems in 1 file"), "\(run.stderr)")
        // What remains is cut at the per-file limit, as without --fix.
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1001, "\(lines.count) lines")
        #expect(run.stdout.contains("more diagnostics in this file are not shown"))
        let again = try Hostile.wmlint(["check", "--diff", "big.sh"], in: base)
        #expect(again.stdout.isEmpty, "a second run still has fixes")
        #expect(again.stderr.contains("nothing to fix"))
    }

    @Test("extended attributes are kept by --fix")
    func extendedAttributes() throws {
        #if canImport(Glibc)
            let base = try Hostile.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: base) }
            let path = base + "/a.sh"
            try Hostile.write(Self.fixable, to: path)
            let value = "kept"
            // A file system without user attributes has nothing to keep.
            guard setxattr(path, "user.wmlint", value, value.utf8.count, 0) == 0 else { return }
            let run = try Hostile.wmlint(["check", "--fix", "a.sh"], in: base)
            #expect(run.stderr.contains("fixed 2 problems in 1 file"), "\(run.stderr)")
            var buffer = [UInt8](repeating: 0, count: 16)
            let length = getxattr(path, "user.wmlint", &buffer, buffer.count)
            #expect(length == 4 && String(decoding: buffer.prefix(4), as: UTF8.self) == value)
            #expect(try String(contentsOfFile: path, encoding: .utf8) != Self.fixable)
        #endif
    }

    @Test(
        "an access control list is kept by --fix",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setfacl"), "setfacl (acl) is not installed")
    )
    func accessControlList() throws {
        let setfacl = "/usr/bin/setfacl"
        let getfacl = "/usr/bin/getfacl"
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write(Self.fixable, to: base + "/a.sh")
        let set = try Hostile.run(setfacl, ["-m", "u:65534:r", "a.sh"], in: base)
        guard set.status == 0 else { return }  // The file system holds no ACLs.
        let before = try Hostile.run(getfacl, ["-c", "a.sh"], in: base).stdout
        let run = try Hostile.wmlint(["check", "--fix", "a.sh"], in: base)
        #expect(run.stderr.contains("fixed 2 problems in 1 file"), "\(run.stderr)")
        #expect(try Hostile.run(getfacl, ["-c", "a.sh"], in: base).stdout == before)
    }

    @Test(
        "a file whose owner cannot be kept is not written",
        .enabled(
            if: Hostile.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root, to give the file away, and setpriv, to run wmlint as another user"))
    func ownerNotKept() throws {
        let setpriv = "/usr/bin/setpriv"
        let binary = try #require(TestSupport.binary)
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = base + "/a.sh"
        try Hostile.write(Self.fixable, to: path)
        chmod(base, 0o777)
        chmod(path, 0o666)
        chown(path, 12345, 12345)
        // Anyone may write the file, but only root may give the new one away to its owner.
        let run = try Hostile.run(
            setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "check", "--fix", "a.sh"], in: base)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("owner or group cannot be kept"), "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.fixable)
        #expect(try Self.temporaryFiles(in: base).isEmpty)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_uid == 12345)
    }

    /// Whether a write can be held open by a preloaded library: a C compiler is installed and the binary is
    /// linked dynamically (it names a program interpreter, `ld-linux…`, near its start).
    static let canHoldWrite: Bool = {
        let compilers = ["/usr/bin/cc", "/usr/bin/clang", "/usr/bin/gcc"]
        guard compilers.contains(where: { FileManager.default.isExecutableFile(atPath: $0) }),
            let binary = TestSupport.binary, let handle = FileHandle(forReadingAtPath: binary)
        else { return false }
        defer { try? handle.close() }
        let start = handle.readData(ofLength: 4096)
        return start.range(of: Data("ld-linux".utf8)) != nil || start.range(of: Data("ld-musl".utf8)) != nil
    }()

    /// A shared library that makes every `fsync` wait, holding `--fix` between its temporary file and the rename;
    /// `nil` when it cannot be built (see ``canHoldWrite``). It also
    /// unblocks every signal at start-up, as in a process started from a shell: a test process's threads block
    /// them, and a child inherits the mask.
    static func slowSync(in directory: String) throws -> String? {
        let compiler = ["/usr/bin/cc", "/usr/bin/clang", "/usr/bin/gcc"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let compiler else { return nil }
        try Hostile.write(
            """
            #include <signal.h>
            #include <unistd.h>
            __attribute__((constructor)) static void unblock(void) {
                sigset_t none;
                sigemptyset(&none);
                sigprocmask(SIG_SETMASK, &none, 0);
            }
            int fsync(int descriptor) { (void)descriptor; sleep(2); return 0; }
            """,
            to: directory + "/slow.c")
        let built = try Hostile.run(
            compiler, ["-shared", "-fPIC", "-o", directory + "/slow.so", directory + "/slow.c"], in: directory)
        return built.status == 0 ? directory + "/slow.so" : nil
    }

    /// Starts `wmlint check --fix a.sh` in `directory` with `fsync` slowed, and waits for its temporary file.
    static func startHeldFix(in directory: String, library: String) throws -> Process? {
        let binary = try #require(TestSupport.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["check", "--fix", "a.sh"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_PRELOAD": library]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 {
            if try !temporaryFiles(in: directory).isEmpty { return process }
            if !process.isRunning { break }
            usleep(50_000)
        }
        process.terminate()
        process.waitUntilExit()
        return nil
    }

    @Test(
        "SIGINT, SIGTERM and SIGHUP between the temporary file and the rename remove the temporary file",
        .enabled(if: canHoldWrite, "needs a C compiler and a dynamically linked binary to hold the write open"),
        arguments: [SIGINT, SIGTERM, SIGHUP])
    func signalRemovesTemporaryFile(_ signal: Int32) throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let library = try #require(try Self.slowSync(in: base), "the preloaded library builds")
        let project = base + "/project"
        try Hostile.write(Self.fixable, to: project + "/a.sh")
        let process = try #require(try Self.startHeldFix(in: project, library: library), "a temporary file appears")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(try Self.temporaryFiles(in: project).isEmpty)
        #expect(try String(contentsOfFile: project + "/a.sh", encoding: .utf8) == Self.fixable)
    }

    @Test(
        "a change made while the fixed text is being written is kept: the file is not written, exit 2",
        .enabled(if: canHoldWrite, "needs a C compiler and a dynamically linked binary to hold the write open"))
    func changeBeforeRename() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let library = try #require(try Self.slowSync(in: base), "the preloaded library builds")
        let project = base + "/project"
        try Hostile.write(Self.fixable, to: project + "/a.sh")
        let process = try #require(try Self.startHeldFix(in: project, library: library), "a temporary file appears")
        let handle = try #require(FileHandle(forWritingAtPath: project + "/a.sh"))
        handle.seekToEndOfFile()
        handle.write(Data("echo appended\n".utf8))
        try handle.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2)
        #expect(try String(contentsOfFile: project + "/a.sh", encoding: .utf8) == Self.fixable + "echo appended\n")
        #expect(try Self.temporaryFiles(in: project).isEmpty)
    }
}

/// Whether a path is a symbolic link, for the tests.
enum FileSystemLink {
    static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
