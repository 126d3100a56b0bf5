import Foundation
import Testing
import WMLintKit

/// `--fix` end to end on real files with several fixable mistakes: the fixed bytes equal
/// `testdata/fixes/<file>.fixed.golden`, the `--diff` output equals `<file>.diff.golden` (and writes nothing),
/// and a second `--fix` changes nothing.
@Suite(.serialized) struct FixGoldenTests {
    static let files = ["setup.sh", "request.json", "request.yaml"]

    @Test func fixThenFixAgainThenDiff() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-fix-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in Self.files {
            try FileManager.default.copyItem(
                atPath: TestSupport.root + "/testdata/fixes/" + file,
                toPath: directory.appendingPathComponent(file).path)
        }

        let diff = try TestSupport.run(["check", "--diff", "."], in: directory.path)
        #expect(diff.status == 1)
        for file in Self.files {
            let untouched = try String(contentsOfFile: directory.appendingPathComponent(file).path, encoding: .utf8)
            let original = try String(contentsOfFile: TestSupport.root + "/testdata/fixes/" + file, encoding: .utf8)
            #expect(untouched == original, "--diff must write nothing")
        }
        TestSupport.assertGolden(diff.stdout, path: "testdata/fixes/all.diff.golden")

        let first = try TestSupport.run(["check", "--fix", "--format", "gcc", "."], in: directory.path)
        TestSupport.assertGolden(first.stdout, path: "testdata/fixes/remaining.gcc.golden")
        var fixed: [String: Data] = [:]
        for file in Self.files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            fixed[file] = data
            TestSupport.assertGolden(String(decoding: data, as: UTF8.self), path: "testdata/fixes/\(file).fixed.golden")
        }
        // The fixed file keeps its mode (the checkout's, 0o755 where the executable bit is kept).
        func mode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        }
        let originalMode = try mode(TestSupport.root + "/testdata/fixes/setup.sh")
        #expect(originalMode != nil)
        #expect(try mode(directory.appendingPathComponent("setup.sh").path) == originalMode)

        let second = try TestSupport.run(["check", "--fix", "--format", "gcc", "."], in: directory.path)
        #expect(second.status == first.status)
        for file in Self.files {
            #expect(
                try Data(contentsOf: directory.appendingPathComponent(file)) == fixed[file],
                "second --fix changed \(file)")
        }
        let again = try TestSupport.run(["check", "--diff", "."], in: directory.path)
        #expect(again.stdout.isEmpty, "nothing left to fix")
    }
}
