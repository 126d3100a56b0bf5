import Foundation
import Testing
import WMLintKit
import WMLintSource

/// A diff case: a file's text and edits (start, end, replacement; 0-based UTF-8 byte offsets).
struct DiffCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: [UInt8]
    var edits: [(Int, Int, String)]

    var testDescription: String { name }

    init(_ name: String, _ text: String, _ edits: [(Int, Int, String)]) {
        self.name = name
        self.text = Array(text.utf8)
        self.edits = edits
    }

    init(_ name: String, bytes: [UInt8], _ edits: [(Int, Int, String)]) {
        self.name = name
        self.text = bytes
        self.edits = edits
    }

    func plan(path: String = "dir/file.txt") -> FixPlan {
        let diagnostics = edits.enumerated().map { index, edit in
            fixDiagnostic(.enumValue, path, edit.0, edit.1, edit.2, message: "fix \(index)")
        }
        return FixPlanner().plan(diagnostics, contents: [path: text])
    }
}

let numberedLines = (1...40).map { "line \($0)\n" }.joined()

/// A deterministic pseudo-random generator (xorshift), so the generated cases are the same on every run.
struct XorShift {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(max(bound, 1)))
    }
}

/// Random texts (lines of mixed endings, multi-byte text, maybe no final newline) with random edits.
let generatedDiffCases: [DiffCase] = {
    var random = XorShift(state: 0x9E37_79B9_7F4A_7C15)
    let pieces = ["a", "bc", "日本", "🎉", " ", "\t", "\n", "\r\n", "x\n", "{", "}", "\"q\""]
    var cases: [DiffCase] = []
    for index in 0..<60 {
        var text = ""
        for _ in 0..<(random.next(120) + 1) { text += pieces[random.next(pieces.count)] }
        let bytes = Array(text.utf8)
        var edits: [(Int, Int, String)] = []
        var cursor = 0
        while cursor < bytes.count, edits.count < 6 {
            // Edits on UTF-8 boundaries: skip continuation bytes.
            var start = cursor + random.next(max(bytes.count - cursor, 1))
            while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
            var end = min(bytes.count, start + random.next(8))
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            edits.append((start, end, pieces[random.next(pieces.count)] + pieces[random.next(pieces.count)]))
            cursor = end + 1
        }
        cases.append(DiffCase("generated \(index)", text, edits))
    }
    return cases
}()

let diffCases: [DiffCase] = [
    DiffCase("one line", "a\nb\nc\n", [(2, 3, "B")]),
    DiffCase("no final newline", "a\nb\nc", [(4, 5, "C")]),
    DiffCase("adding the final newline", "a\nb", [(3, 3, "\n")]),
    DiffCase("removing the final newline", "a\nb\n", [(3, 4, "")]),
    DiffCase("joining two lines", "a\nb\nc\nd\n", [(1, 2, " ")]),
    DiffCase("splitting a line", "abc\n", [(1, 1, "\n")]),
    DiffCase("insertion at the start", "a\nb\n", [(0, 0, "new\n")]),
    DiffCase("insertion at the end", "a\nb\n", [(4, 4, "new\n")]),
    DiffCase("empty file", "", [(0, 0, "x\n")]),
    DiffCase("emptied file", "x\ny\n", [(0, 4, "")]),
    DiffCase("CRLF lines", "one\r\ntwo\r\nthree\r\n", [(5, 8, "2"), (10, 15, "3")]),
    DiffCase("multi-byte text", "日本語\n🎉 Activ\nend\n", [(15, 20, "ACTIVE")]),
    DiffCase("far apart: two hunks", numberedLines, [(0, 4, "LINE"), (300, 304, "LINE")]),
    DiffCase("close together: one hunk", numberedLines, [(7, 8, "1!"), (42, 43, "5!")]),
    DiffCase("several edits on one line", "aaa bbb ccc\n", [(0, 3, "A"), (4, 7, "B"), (8, 11, "C")]),
    DiffCase("multi-line replacement", numberedLines, [(21, 35, "x\ny\nz")]),
    DiffCase("invalid UTF-8 kept around", bytes: [0xFF, 0x0A, 0x61, 0x0A, 0xFE], [(2, 3, "b")]),
]

@Suite("FixDiff")
struct FixDiffTests {
    @Test func rendersAStandardUnifiedDiff() {
        let plan = DiffCase("one", numberedLines, [(35, 41, "LINE 6!")]).plan(path: "./infra/run.sh")
        let expected = """
            --- a/infra/run.sh
            +++ b/infra/run.sh
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +LINE 6!
             line 7
             line 8
             line 9

            """
        #expect(UnifiedDiff.render(plan) == expected)
    }

    @Test func marksAMissingFinalNewline() {
        let plan = DiffCase("eof", "a\nb", [(2, 3, "B")]).plan(path: "f")
        #expect(
            UnifiedDiff.render(plan)
                == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n"
        )
    }

    @Test func countsLinesOfAnEmptySide() {
        #expect(
            UnifiedDiff.render(DiffCase("empty", "", [(0, 0, "x\n")]).plan(path: "f"))
                == "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n")
        #expect(
            UnifiedDiff.render(DiffCase("emptied", "x\n", [(0, 2, "")]).plan(path: "f"))
                == "--- a/f\n+++ b/f\n@@ -1,1 +0,0 @@\n-x\n")
    }

    @Test func joinsHunksWhoseContextTouches() {
        let plan = DiffCase("close", numberedLines, [(7, 8, "1!"), (56, 57, "7!")]).plan(path: "f")
        let diff = UnifiedDiff.render(plan)
        #expect(diff.components(separatedBy: "\n@@ ").count == 2)
        #expect(diff.contains("@@ -1,12 +1,12 @@\n"))
        let far = DiffCase("far", numberedLines, [(7, 8, "1!"), (75, 76, "10!")]).plan(path: "f")
        #expect(UnifiedDiff.render(far).components(separatedBy: "\n@@ ").count == 3)
    }

    @Test func rendersFromTwoTexts() {
        let diff = UnifiedDiff.render(path: "f", original: Array("a\nb\nc\n".utf8), fixed: Array("a\nB\nc\n".utf8))
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        #expect(UnifiedDiff.render(path: "f", original: Array("same".utf8), fixed: Array("same".utf8)).isEmpty)
    }

    @Test(arguments: diffCases + generatedDiffCases)
    func gitApplyAndPatchAcceptTheDiff(_ testCase: DiffCase) throws {
        let plan = testCase.plan()
        let fixed = plan.output(for: "dir/file.txt", original: testCase.text)
        let diff = UnifiedDiff.bytes(plan)
        if fixed == testCase.text {
            #expect(diff.isEmpty)
            return
        }
        for tool in [PatchTool.git, .patch] where tool.isAvailable {
            try withTemporaryDirectory { directory in
                try FileManager.default.createDirectory(
                    atPath: directory + "/dir", withIntermediateDirectories: true)
                try Data(testCase.text).write(to: URL(fileURLWithPath: directory + "/dir/file.txt"))
                try Data(diff).write(to: URL(fileURLWithPath: directory + "/fix.patch"))
                let (status, output) = try tool.apply(patch: "fix.patch", in: directory)
                #expect(status == 0, "\(tool) rejected the diff: \(output)\n\(UnifiedDiff.render(plan))")
                #expect(
                    contents(of: directory + "/dir/file.txt") == fixed,
                    "\(tool) gave other bytes\n\(UnifiedDiff.render(plan))")
            }
        }
    }
}

enum PatchTool: CustomStringConvertible {
    case git, patch

    var executable: String { self == .git ? "/usr/bin/git" : "/usr/bin/patch" }
    var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }
    var description: String { self == .git ? "git apply" : "patch -p1" }

    /// Checks then applies `patch` in `directory`: exit status and output.
    func apply(patch: String, in directory: String) throws -> (Int32, String) {
        let steps: [[String]] =
            self == .git
            ? [["apply", "--check", patch], ["apply", patch]]
            : [
                ["-p1", "--dry-run", "--batch", "-i", patch],
                ["-p1", "--batch", "--no-backup-if-mismatch", "-i", patch],
            ]
        var log = ""
        for arguments in steps {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "GIT_CONFIG_NOSYSTEM": "1"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            log += String(decoding: data, as: UTF8.self)
            if process.terminationStatus != 0 { return (process.terminationStatus, log) }
        }
        return (0, log)
    }
}
