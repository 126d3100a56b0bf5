import Foundation
import Testing

/// `--format`, `--output FORMAT=PATH` and `--color` as a user runs them.
@Suite(.serialized) struct FormatCLITests {
    static let formats = ["text", "gcc", "json", "sarif", "github"]
    static let escape = "\u{1B}["

    @Test(arguments: [
        ("testdata/formats", Int32(1)),
        ("testdata/golden/valid.json", Int32(0)),
        ("testdata/golden/unresolved.sh", Int32(0)),
    ])
    func exitCodesAreTheSameUnderEveryFormat(_ path: String, _ status: Int32) throws {
        for format in Self.formats {
            let run = try TestSupport.run(["check", "--format", format, path])
            #expect(run.status == status, "\(format) \(path): \(run.stderr)")
            for color in ["always", "never"] {
                let colored = try TestSupport.run(["check", "--format", format, "--color", color, path])
                #expect(colored.status == status)
            }
        }
        let strict = try TestSupport.run(["check", "--strict", "--format", "sarif", "testdata/formats/script.sh"])
        #expect(strict.status == 1)
    }

    @Test func outputWritesExtraReportsInTheSameRun() throws {
        let directory = FormatSupport.temporaryFile("outputs")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var arguments = ["check", "testdata/formats"]
        for format in Self.formats { arguments += ["--output", "\(format)=\(directory)/report.\(format)"] }
        let run = try TestSupport.run(arguments)
        #expect(run.status == 1)
        let alone = try TestSupport.run(["check", "testdata/formats"])
        #expect(run.stdout == alone.stdout)
        #expect(run.stdout.contains("error[duplicate-key]"))
        for format in Self.formats {
            let written = try String(contentsOfFile: "\(directory)/report.\(format)", encoding: .utf8)
            let direct = try TestSupport.run(["check", "--format", format, "testdata/formats"])
            #expect(!written.isEmpty)
            #expect(written == direct.stdout, "--output \(format) differs from --format \(format)")
            #expect(!written.contains(Self.escape), "\(format) file has colour codes")
        }
    }

    @Test func outputStaysWholeUnderQuietAndHonoursColorAlways() throws {
        let file = FormatSupport.temporaryFile("quiet.txt")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try TestSupport.run(
            ["check", "--quiet", "--color", "always", "--output", "text=\(file)", "testdata/formats/script.sh"])
        #expect(run.status == 1)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        let whole = try TestSupport.run(["check", "--color", "always", "testdata/formats/script.sh"])
        #expect(written == whole.stdout)
        #expect(written.contains(Self.escape))
        #expect(FormatSupport.strippingANSI(written).contains("warning["))
        #expect(!FormatSupport.strippingANSI(run.stdout).contains("warning["))
    }

    @Test(arguments: [
        ["--output", "xml=report.xml"],
        ["--output", "sarif"],
        ["--output", "sarif="],
        ["--output", "=x.sarif"],
        ["--format", "sarif2"],
        ["--color", "sometimes"],
    ])
    func badFormatArgumentsAreUsageErrors(_ flags: [String]) throws {
        let run = try TestSupport.run(["check"] + flags + ["testdata/golden/valid.json"])
        #expect(run.status == 2, "\(flags)")
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: ["/nonexistent-directory/report.sarif", "/", "/proc/version"])
    func anUnwritableOutputPathFailsTheRun(_ path: String) throws {
        let run = try TestSupport.run(["check", "--output", "sarif=\(path)", "testdata/golden/valid.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write the sarif report to '\(path)'"))
    }

    @Test func colourFollowsTheColorFlagOffATerminal() throws {
        let path = "testdata/formats/script.sh"
        let auto = try FormatSupport.run(try #require(TestSupport.binary), ["check", path])
        #expect(auto.status == 1)
        #expect(!auto.stdout.contains(Self.escape), "auto must not colour a pipe")
        let never = try FormatSupport.run(try #require(TestSupport.binary), ["check", "--color", "never", path])
        #expect(never.stdout == auto.stdout)
        let always = try FormatSupport.run(try #require(TestSupport.binary), ["check", "--color", "always", path])
        #expect(always.stdout.contains("\u{1B}[1;31merror[duplicate-option]\u{1B}[0m"))
        #expect(always.stdout.contains("\u{1B}[1;33mwarning[abbreviated-option]\u{1B}[0m"))
        #expect(always.stdout.contains("\u{1B}[1;32minfo[unresolved-value]\u{1B}[0m"))
        #expect(FormatSupport.strippingANSI(always.stdout) == auto.stdout)
        let noColor = try FormatSupport.run(
            try #require(TestSupport.binary), ["check", "--color", "always", path], environment: ["NO_COLOR": "1"])
        #expect(noColor.stdout == always.stdout, "--color always wins over NO_COLOR")
    }

    /// Runs the binary on a pseudo-terminal (util-linux `script`), so that `auto` sees a TTY.
    private func onTerminal(_ arguments: [String], noColor: String?) throws -> String {
        let binary = try #require(TestSupport.binary)
        let command = ([binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        var environment: [String: String] = [:]
        if let noColor { environment["NO_COLOR"] = noColor }
        let run = try FormatSupport.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment)
        #expect(run.status == 1, "\(run.stderr)")
        return run.stdout
    }

    @Test(.enabled(if: FormatSupport.hasScript, "util-linux 'script' is not installed (no pseudo-terminal)"))
    func autoColoursATerminalUnlessNoColorIsSet() throws {
        let path = "testdata/formats/script.sh"
        #expect(try onTerminal(["check", path], noColor: nil).contains("\u{1B}[1;31merror["))
        #expect(!(try onTerminal(["check", path], noColor: "1").contains(Self.escape)))
        #expect(try onTerminal(["check", path], noColor: "").contains(Self.escape), "an empty NO_COLOR is unset")
        #expect(!(try onTerminal(["check", "--color", "never", path], noColor: nil).contains(Self.escape)))
        #expect(
            !(try onTerminal(["check", "--format", "gcc", "--color", "always", path], noColor: nil).contains(
                Self.escape)))
    }
}
