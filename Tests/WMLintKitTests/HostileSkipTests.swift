import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs that used to be passed over with exit 0: a path longer than `PATH_MAX`, a file name that is not UTF-8,
/// an invocation nested past the scanner's limit; through the built binary.
@Suite("Hostile skips")
struct HostileSkipTests {
    /// An invocation with an upper-case organization id (`organization-id-format`, fixable).
    static let script =
        Hostile.operation + " --organization-id m-0123456789ABCDEF0123456789ABCDEF\n"

    /// The C path of the file whose name is `name`'s bytes in `directory` (a name Foundation cannot spell: it
    /// would open the file named with U+FFFD in place of each invalid byte).
    static func cPath(_ name: [UInt8], in directory: String) -> [CChar] {
        (Array((directory + "/").utf8) + name).map { CChar(bitPattern: $0) } + [0]
    }

    /// Creates the file whose name is `name`'s bytes in `directory`, holding `text`.
    static func create(_ name: [UInt8], in directory: String, text: String) throws {
        let descriptor = open(cPath(name, in: directory), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0, "the file system takes a name that is not UTF-8")
        let bytes = Array(text.utf8)
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)
    }

    /// The text of the file whose name is `name`'s bytes in `directory`.
    static func read(_ name: [UInt8], in directory: String) -> String? {
        let descriptor = open(cPath(name, in: directory), O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return count < 0 ? nil : String(decoding: bytes.prefix(count), as: UTF8.self)
    }

    @Test("a file under a path longer than PATH_MAX is walked to, linted and reported")
    func pathLongerThanLimit() throws {
        let base = try Hostile.temporaryDirectory()
        defer { _ = try? Hostile.run("/bin/rm", ["-rf", base], in: "/") }
        // 25 directories of 200 bytes, over 5,000 bytes in all, made one level at a time relative to the last.
        let component = String(repeating: "d", count: 200)
        var descriptor = open(base, O_RDONLY | O_DIRECTORY)
        try #require(descriptor >= 0)
        for _ in 0..<25 {
            #expect(mkdirat(descriptor, component, 0o755) == 0)
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
            try #require(descriptor >= 0)
        }
        let file = openat(descriptor, "a.sh", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        close(descriptor)
        try #require(file >= 0)
        let bytes = Array(Self.script.utf8)
        #expect(write(file, bytes, bytes.count) == bytes.count)
        close(file)
        let relative = Array(repeating: component, count: 25).joined(separator: "/") + "/a.sh"
        try #require(relative.utf8.count > Int(PATH_MAX))

        let run = try Hostile.wmlint(["check", "--format", "gcc", "."], in: base)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(relative + ":1:") && $0.hasSuffix("[organization-id-format]") })
        // Named on the command line, the long path is read too.
        let named = try Hostile.wmlint(["check", "--format", "gcc", relative], in: base)
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stdout.contains("[organization-id-format]"))
    }

    /// `bad` + 0xFF 0xFE + `.sh`: not UTF-8.
    static let invalidName: [UInt8] = Array("bad".utf8) + [0xFF, 0xFE] + Array(".sh".utf8)

    @Test("a file name that is not UTF-8 is linted, shown with its bytes escaped, and not confused with U+FFFD")
    func nameNotUTF8() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Self.create(Self.invalidName, in: base, text: Self.script)
        // Its name as the arguments decode it, with U+FFFD for each invalid byte: another file, with other faults.
        try Hostile.write(
            Hostile.operation + " --organization-id m-0123456789abcdef0123456789abcdef --authentication-mode x\n",
            to: base + "/bad\u{FFFD}\u{FFFD}.sh")
        for format in ["text", "gcc", "github"] {
            let run = try Hostile.wmlint(["check", "--format", format, "."], in: base)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stdout.contains("bad\\xff\\xfe.sh"), "\(format): \(run.stdout)")
            #expect(run.stdout.contains("bad\u{FFFD}\u{FFFD}.sh"), "\(format): \(run.stdout)")
            if format != "github" {
                for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                    #expect(!line.hasPrefix("::"), "\(format): \(line)")
                }
            }
        }
        let gcc = try Hostile.wmlint(["check", "--format", "gcc", "."], in: base).stdout
        let invalid = gcc.split(separator: "\n").filter { $0.hasPrefix("bad\\xff\\xfe.sh:") }
        #expect(invalid.contains { $0.hasSuffix("[organization-id-format]") })
        #expect(!invalid.contains { $0.hasSuffix("[enum-value]") }, "the other file's faults: \(invalid)")
        let json = try Hostile.wmlint(["check", "--format", "json", "."], in: base).stdout
        #expect(json.contains(#""path": "bad\\xff\\xfe.sh""#), "\(json)")
        let sarif = try Hostile.wmlint(["check", "--format", "sarif", "."], in: base).stdout
        #expect(sarif.contains(#""uri": "bad%FF%FE.sh""#))
        #expect(sarif.contains(#""uri": "bad%EF%BF%BD%EF%BF%BD.sh""#))
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(json.utf8)) }
    }

    @Test("a file name that is not UTF-8, named on the command line, is read and fixed, not the U+FFFD one")
    func namedNotUTF8() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let binary = try #require(TestSupport.binary)
        try Self.create(Self.invalidName, in: base, text: Self.script)
        let other =
            Hostile.operation + " --organization-id m-0123456789ABCDEF0123456789ABCDEF --authentication-mode x\n"
        try Hostile.write(other, to: base + "/bad\u{FFFD}\u{FFFD}.sh")
        // The name's bytes reach the binary through the shell: Foundation passes only UTF-8 arguments.
        let name = #"$(printf 'bad\377\376.sh')"#
        let run = try Hostile.run(
            "/bin/sh", ["-c", "exec \"$0\" check --format gcc \(name)", binary], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("bad\\xff\\xfe.sh:1:"), "\(run.stdout)")
        #expect(!run.stdout.contains("[enum-value]"), "the U+FFFD file was read: \(run.stdout)")
        let fixed = try Hostile.run(
            "/bin/sh", ["-c", "exec \"$0\" check --fix \(name)", binary], in: base)
        #expect(fixed.stderr.contains("fixed 1 problem in 1 file"), "\(fixed.stderr)")
        #expect(Self.read(Self.invalidName, in: base)?.contains("m-0123456789abcdef0123456789abcdef") == true)
        #expect(try String(contentsOfFile: base + "/bad\u{FFFD}\u{FFFD}.sh", encoding: .utf8) == other)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).allSatisfy { !$0.contains(".wmlint-") })
    }

    @Test(
        "an invocation nested in 300 levels of $( is an input-limit error where the limit was hit",
        arguments: ["shell", "markdown", "workflow"])
    func nestingPastLimit(_ form: String) throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let deep =
            "echo " + String(repeating: "$(", count: 300) + Self.script.dropLast()
            + String(repeating: ")", count: 300)
        let name: String
        switch form {
        case "shell":
            name = "deep.sh"
            try Hostile.write(deep + "\n", to: base + "/" + name)
        case "markdown":
            name = "deep.md"
            try Hostile.write("# Set-up\n\n```sh\n" + deep + "\n```\n", to: base + "/" + name)
        default:
            name = ".github/workflows/deep.yml"
            try Hostile.write(
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: '" + deep + "'\n",
                to: base + "/" + name)
        }
        let run = try Hostile.wmlint(["check", "--format", "gcc", "."], in: base)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        let limit = try #require(lines.first { $0.hasSuffix("[input-limit]") }, "\(run.stdout)")
        // Where the 257th `$(` opens.
        let column = "echo ".utf8.count + 256 * 2 + 1
        let prefix =
            form == "workflow"
            ? "\(name):6:\(column + 14):" : form == "markdown" ? "\(name):4:\(column):" : "\(name):1:\(column):"
        #expect(limit.hasPrefix(prefix), "\(limit)")
        #expect(limit.contains("nested deeper than 256 levels"))
    }

    @Test("an invocation nested 250 levels deep is linted as usual, with no input-limit")
    func nestingWithinLimit() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let deep =
            "echo " + String(repeating: "$(", count: 250) + Self.script.dropLast()
            + String(repeating: ")", count: 250) + "\n"
        try Hostile.write(deep, to: base + "/deep.sh")
        let run = try Hostile.wmlint(["check", "--format", "gcc", "deep.sh"], in: base)
        #expect(run.status == 1)
        #expect(run.stdout.contains("[organization-id-format]"))
        #expect(!run.stdout.contains("[input-limit]"))
    }

    @Test("an invocation in a command substitution of an unquoted here-document is linted; a quoted one's is text")
    func hereDocumentSubstitution() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let script = """
            cat <<EOF
            name: $(\(Self.script.dropLast()))
            `\(Hostile.operation) --organization-id m-2`
            EOF
            cat <<'EOF'
            $(\(Hostile.operation) --organization-id m-3)
            EOF
            cat <<-"EOF"
            \t$(\(Hostile.operation) --organization-id m-4)
            \tEOF

            """
        try Hostile.write(script, to: base + "/here.sh")
        let run = try Hostile.wmlint(["check", "--format", "gcc", "here.sh"], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(
            lines.contains { $0.hasPrefix("here.sh:2:") && $0.hasSuffix("[organization-id-format]") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("here.sh:3:") }, "\(run.stdout)")
        #expect(!lines.contains { $0.hasPrefix("here.sh:6:") || $0.hasPrefix("here.sh:9:") }, "\(run.stdout)")
    }

    @Test("a substitution left open in a here-document ends with its body: the script after it is still linted")
    func hereDocumentOpenSubstitution() throws {
        let base = try Hostile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write("cat <<EOF\nDon`t forget $(this\nEOF\n" + Self.script, to: base + "/here.sh")
        let run = try Hostile.wmlint(["check", "--format", "gcc", "here.sh"], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("here.sh:4:") && run.stdout.contains("[organization-id-format]"), "\(run.stdout)")
    }
}
