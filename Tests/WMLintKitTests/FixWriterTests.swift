import Foundation
import Synchronization
import Testing
import WMLintSource

@testable import WMLintKit

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh temporary directory, removed (after restoring write permission) when `body` returns.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wmlint-fix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer {
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }
    return try body(url.path)
}

func mode(of path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}

func contents(of path: String) -> [UInt8] {
    (FileManager.default.contents(atPath: path)).map { Array($0) } ?? []
}

func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    chmod(path, mode)
}

/// The names in `directory` other than `keep`.
func strayFiles(in directory: String, keep: Set<String>) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !keep.contains($0) }.sorted()
}

@Suite("FixWriter")
struct FixWriterTests {
    let original = Array("#!/bin/sh\naws workmail x --status Activ\r\n日本語\n".utf8)
    let fixed = Array("#!/bin/sh\naws workmail x --status ACTIVE\r\n日本語\n".utf8)

    @Test func replacesTheFileAndKeepsItsMode() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/run.sh"
            try write(original, to: path, mode: 0o755)
            try FixWriter().write(fixed, to: path, expecting: original)
            #expect(contents(of: path) == fixed)
            #expect(mode(of: path) == 0o755)
            #expect(strayFiles(in: directory, keep: ["run.sh"]).isEmpty)
        }
    }

    @Test func keepsAnUnusualMode() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/a.json"
            try write(original, to: path, mode: 0o640)
            try FixWriter().write(fixed, to: path)
            #expect(mode(of: path) == 0o640)
            #expect(contents(of: path) == fixed)
        }
    }

    @Test func refusesAReadOnlyFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/run.sh"
            try write(original, to: path, mode: 0o444)
            let error = try #require(throws: WMLintError.self) { try FixWriter().write(fixed, to: path) }
            #expect(error.kind == .writeFailed)
            #expect(error.message == "cannot write '\(path)': the file is read-only")
            #expect(contents(of: path) == original)
            #expect(mode(of: path) == 0o444)
        }
    }

    @Test func refusesAReadOnlyDirectory() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/run.sh"
            try write(original, to: path, mode: 0o755)
            chmod(directory, 0o555)
            let error = try #require(throws: WMLintError.self) { try FixWriter().write(fixed, to: path) }
            chmod(directory, 0o755)
            #expect(error.kind == .writeFailed)
            #expect(error.message.hasPrefix("cannot write '\(path)': "))
            #expect(contents(of: path) == original)
            #expect(strayFiles(in: directory, keep: ["run.sh"]).isEmpty)
        }
    }

    @Test func aFullDiskLeavesTheOriginal() throws {
        let full = FileWriteOperations(
            write: { _, _, _ in
                errno = ENOSPC
                return -1
            }, sync: FileWriteOperations.system.sync, rename: FileWriteOperations.system.rename)
        try withTemporaryDirectory { directory in
            let path = directory + "/run.sh"
            try write(original, to: path, mode: 0o755)
            let error = try #require(throws: WMLintError.self) {
                try FixWriter(operations: full).write(fixed, to: path)
            }
            #expect(error.kind == .writeFailed)
            #expect(error.message == "cannot write '\(path)': \(String(cString: strerror(ENOSPC)))")
            #expect(contents(of: path) == original)
            #expect(mode(of: path) == 0o755)
            #expect(strayFiles(in: directory, keep: ["run.sh"]).isEmpty)
        }
    }

    @Test func aWriteThatFailsHalfwayLeavesTheOriginal() throws {
        // The first call writes 5 bytes, the next fails: the temporary file holds a partial copy, never renamed.
        let calls = Mutex(0)
        let halfway = FileWriteOperations(
            write: { descriptor, buffer, count in
                let call = calls.withLock { value -> Int in
                    value += 1
                    return value
                }
                if call == 1 { return FileWriteOperations.system.write(descriptor, buffer, min(count, 5)) }
                errno = EIO
                return -1
            }, sync: FileWriteOperations.system.sync, rename: FileWriteOperations.system.rename)
        try withTemporaryDirectory { directory in
            let path = directory + "/a.json"
            try write(original, to: path, mode: 0o600)
            #expect(throws: WMLintError.self) { try FixWriter(operations: halfway).write(fixed, to: path) }
            #expect(contents(of: path) == original)
            #expect(strayFiles(in: directory, keep: ["a.json"]).isEmpty)
        }
    }

    @Test func failuresOfSyncAndRenameLeaveTheOriginal() throws {
        let failingSync = FileWriteOperations(
            write: FileWriteOperations.system.write,
            sync: { _ in
                errno = EIO
                return -1
            }, rename: FileWriteOperations.system.rename)
        let failingRename = FileWriteOperations(
            write: FileWriteOperations.system.write, sync: FileWriteOperations.system.sync,
            rename: { _, _ in
                errno = EXDEV
                return -1
            })
        for operations in [failingSync, failingRename] {
            try withTemporaryDirectory { directory in
                let path = directory + "/a.json"
                try write(original, to: path, mode: 0o644)
                #expect(throws: WMLintError.self) { try FixWriter(operations: operations).write(fixed, to: path) }
                #expect(contents(of: path) == original)
                #expect(strayFiles(in: directory, keep: ["a.json"]).isEmpty)
            }
        }
    }

    @Test func shortWritesAreCompleted() throws {
        let trickle = FileWriteOperations(
            write: { descriptor, buffer, count in FileWriteOperations.system.write(descriptor, buffer, min(count, 3)) },
            sync: FileWriteOperations.system.sync, rename: FileWriteOperations.system.rename)
        try withTemporaryDirectory { directory in
            let path = directory + "/a.json"
            try write(original, to: path, mode: 0o644)
            try FixWriter(operations: trickle).write(fixed, to: path)
            #expect(contents(of: path) == fixed)
        }
    }

    @Test func aSymlinkIsKeptAndItsTargetWritten() throws {
        try withTemporaryDirectory { directory in
            let target = directory + "/real.sh"
            let link = directory + "/link.sh"
            try write(original, to: target, mode: 0o755)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.sh")
            try FixWriter().write(fixed, to: link)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.sh")
            #expect(contents(of: target) == fixed)
            #expect(mode(of: target) == 0o755)
        }
    }

    @Test func refusesAFileThatChangedSinceItWasRead() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/a.json"
            try write(Array("edited meanwhile".utf8), to: path, mode: 0o644)
            let error = try #require(throws: WMLintError.self) {
                try FixWriter().write(fixed, to: path, expecting: original)
            }
            #expect(error.message == "cannot write '\(path)': the file changed since it was read")
            #expect(contents(of: path) == Array("edited meanwhile".utf8))
        }
    }

    @Test func refusesAMissingFileOrADirectory() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: WMLintError.self) { try FixWriter().write(fixed, to: directory + "/missing.json") }
            #expect(throws: WMLintError.self) { try FixWriter().write(fixed, to: directory) }
            #expect(strayFiles(in: directory, keep: []).isEmpty)
        }
    }

    @Test func writesEveryChangedFileOfAPlanAndReportsEachFailure() throws {
        try withTemporaryDirectory { directory in
            let good = directory + "/good.json"
            let locked = directory + "/locked.json"
            try write(Array(#"{"A": 1}"#.utf8), to: good, mode: 0o644)
            try write(Array(#"{"A": 1}"#.utf8), to: locked, mode: 0o444)
            let diagnostics = [good, locked].map { fixDiagnostic(.typeMismatch, $0, 6, 7, "2") }
            let plan = FixPlanner().plan(
                diagnostics, contents: [good: contents(of: good), locked: contents(of: locked)])
            let error = try #require(throws: WMLintError.self) { try FixWriter().write(plan) }
            #expect(error.message == "cannot write '\(locked)': the file is read-only")
            #expect(contents(of: good) == Array(#"{"A": 2}"#.utf8))
            #expect(contents(of: locked) == Array(#"{"A": 1}"#.utf8))
        }
    }

    @Test func anEmptyPlanWritesNothing() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/a.json"
            try write(original, to: path, mode: 0o644)
            var before = stat()
            stat(path, &before)
            try FixWriter().write(FixPlanner().plan([], contents: [path: original]))
            var after = stat()
            stat(path, &after)
            #expect(before.st_ino == after.st_ino)
            #expect(contents(of: path) == original)
        }
    }
}
