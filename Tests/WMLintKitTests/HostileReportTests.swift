import Foundation
import Testing
import WMLintKit
import WMLintSource

/// `--output` reports and baselines written as fixes are: atomically, never through a link or over an input, the
/// previous file intact on failure; and a run's diagnostics capped, whatever the repository holds. Through the
/// built binary.
@Suite("Hostile reports")
struct HostileReportTests {
    /// A project with one script holding one error (`enum-value`).
    static func makeProject() throws -> String {
        let base = try Hostile.temporaryDirectory()
        try Hostile.write(
            Hostile.operation + " --organization-id \(Hostile.organization) --authentication-mode NOPE\n",
            to: base + "/a.sh")
        return base
    }

    @Test("a report path that is a symbolic link is refused, and the link's target is left as it was")
    func symlinkReport() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write("precious\n", to: base + "/target.txt")
        try FileManager.default.createSymbolicLink(atPath: base + "/report.sarif", withDestinationPath: "target.txt")
        let run = try Hostile.wmlint(["check", "--output", "sarif=report.sarif", "a.sh"], in: base)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write the sarif report to 'report.sarif'"), "\(run.stderr)")
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOfFile: base + "/target.txt", encoding: .utf8) == "precious\n")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: base + "/report.sarif")
        #expect(link == "target.txt")
    }

    @Test("a report over an input of the run is refused, by any name of the file")
    func reportOverInput() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let original = try String(contentsOfFile: base + "/a.sh", encoding: .utf8)
        try FileManager.default.linkItem(atPath: base + "/a.sh", toPath: base + "/hard.txt")
        for target in ["a.sh", "./a.sh", "hard.txt"] {
            let run = try Hostile.wmlint(["check", "--output", "text=\(target)", "a.sh"], in: base)
            #expect(run.status == 2, "\(target): \(run.stderr)")
            #expect(run.stderr.contains("is an input of this run"), "\(target): \(run.stderr)")
            #expect(try String(contentsOfFile: base + "/a.sh", encoding: .utf8) == original)
        }
        let fix = try Hostile.wmlint(["check", "--write-baseline", "a.sh", "a.sh"], in: base)
        #expect(fix.status == 2, "\(fix.stderr)")
        #expect(try String(contentsOfFile: base + "/a.sh", encoding: .utf8) == original)
    }

    @Test("a report that cannot be written leaves the previous one intact, exit 2, and no temporary file")
    func failedReportKeepsPrevious() throws {
        guard !Hostile.isRoot else { return }
        let base = try Self.makeProject()
        defer {
            chmod(base + "/out", 0o755)
            try? FileManager.default.removeItem(atPath: base)
        }
        try Hostile.write("{\"previous\": true}\n", to: base + "/out/report.json")
        #expect(chmod(base + "/out", 0o555) == 0)
        let run = try Hostile.wmlint(["check", "--output", "json=out/report.json", "a.sh"], in: base)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write the json report to 'out/report.json'"), "\(run.stderr)")
        #expect(try String(contentsOfFile: base + "/out/report.json", encoding: .utf8) == "{\"previous\": true}\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: base + "/out")
        #expect(left == ["report.json"])
    }

    @Test("a report replaces the previous one whole, keeps its mode, and a new one follows the umask")
    func reportReplacesAtomically() throws {
        let base = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try Hostile.write(String(repeating: "old report\n", count: 10_000), to: base + "/report.json")
        #expect(chmod(base + "/report.json", 0o640) == 0)
        let run = try Hostile.wmlint(
            ["check", "--output", "json=report.json", "--output", "gcc=new.txt", "a.sh"], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: base + "/report.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((json?["diagnostics"] as? [Any])?.count == 3)
        var info = stat()
        #expect(stat(base + "/report.json", &info) == 0 && info.st_mode & 0o7777 == 0o640)
        let mask = umask(0o022)
        umask(mask)
        #expect(stat(base + "/new.txt", &info) == 0 && info.st_mode & 0o7777 == 0o666 & ~mask)
        let left = try FileManager.default.contentsOfDirectory(atPath: base).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    /// `files` scripts of one invocation with `options` unknown options each: `options` + 3 diagnostics per file
    /// (two `missing-required`, one placeholder organization id).
    static func makeNoisyProject(files: Int, options: Int) throws -> String {
        let base = try Hostile.temporaryDirectory()
        let line =
            Hostile.operation + " --organization-id \(Hostile.organization)"
            + (0..<options).map { " --bogus\($0) x" }.joined() + "\n"
        for index in 0..<files {
            try Hostile.write(line, to: base + "/s" + String(1000 + index) + ".sh")
        }
        return base
    }

    @Test("a run reports at most 10,000 diagnostics, in report order, and sums up the rest in one input-limit error")
    func runLimit() throws {
        let base = try Self.makeNoisyProject(files: 30, options: 400)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let run = try Hostile.wmlint(["check", "--format", "json", "."], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 10_001)
        let last = try #require(diagnostics.last)
        #expect(last["rule"] as? String == "input-limit")
        // 30 files of 403: the first 10,000 in report order, the 24 first files whole and 328 of the 25th.
        #expect((last["message"] as? String)?.hasPrefix("2090 more diagnostics are not shown (") == true)
        let paths = diagnostics.dropLast().map { $0["path"] as? String ?? "" }
        #expect(paths == paths.sorted())
        #expect(Set(paths).count == 25)
        #expect(paths.count { $0 == "s1024.sh" } == 328)
        #expect(last["path"] as? String == "s1024.sh")
        // The same run one file at a time and in parallel gives the same report.
        let serial = try Hostile.wmlint(["check", "--format", "json", "--jobs", "1", "."], in: base)
        #expect(serial.stdout == run.stdout)
    }

    @Test("a baseline holds its findings back before the run limit counts them")
    func baselineBeforeLimit() throws {
        let base = try Self.makeNoisyProject(files: 30, options: 400)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = try Hostile.wmlint(["check", "--write-baseline", "baseline.json", "."], in: base)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stderr.contains("recorded 12090 findings"), "\(record.stderr)")
        try Hostile.write(
            Hostile.operation + " --organization-id \(Hostile.organization) --authentication-mode NOPE\n",
            to: base + "/z.sh")
        let run = try Hostile.wmlint(["check", "--baseline", "baseline.json", "--format", "gcc", "."], in: base)
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(run.stdout.prefix(2000))")
        #expect(lines.allSatisfy { $0.hasPrefix("z.sh:1:") })
    }
}
