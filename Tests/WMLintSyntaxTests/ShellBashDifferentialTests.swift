import Foundation
import Testing
import WMLintSource
import WMLintSyntax

@Suite struct ShellBashDifferentialTests {
    static let bash = "/bin/bash"

    /// Runs `script` in bash with `aws` defined to print its arguments; returns each call's arguments.
    /// Commands other than `aws` find nothing on the `PATH`, so a line that runs by accident runs nothing.
    private func bashWords(of script: String) throws -> [[String]] {
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("wmlint-shell-\(UUID().uuidString).sh")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.bash)
        process.arguments = [
            "--norc", "--noprofile", "-c", #"aws() { printf '%s\0' "$@"; printf '\036\0'; }; source "$1""#, "_",
            file.path,
        ]
        process.environment = ["LC_ALL": "C.UTF-8", "PATH": "/nonexistent"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var calls: [[String]] = []
        var current: [String] = []
        for field in data.split(separator: 0, omittingEmptySubsequences: false).dropLast() {
            if field == Data([0x1E]) {
                calls.append(current)
                current = []
            } else {
                current.append(String(decoding: field, as: UTF8.self))
            }
        }
        return calls
    }

    /// `text` with each newline made CRLF.
    private func crlf(_ text: String) -> [UInt8] {
        Array(text.utf8).flatMap { $0 == UInt8(ascii: "\n") ? [UInt8(ascii: "\r"), $0] : [$0] }
    }

    /// Compares every `aws CALL WORD` of `script` whose word wmlint resolves through variables with the argument
    /// bash passes to that call (as bytes); returns how many were compared.
    private func compareResolvedWords(of script: [UInt8]) throws -> Int {
        let text = String(decoding: script, as: UTF8.self)
        var bashCalls: [String: [[UInt8]]] = [:]
        for call in try bashWords(of: text) where !call.isEmpty {
            bashCalls[call[0]] = call.dropFirst().map { Array($0.utf8) }
        }
        let source = SourceText(bytes: script, path: "gen.sh")
        let scanned = ShellScanner.scan(source).resolvingVariables(in: source)
        var compared = 0
        for command in scanned.commands where command.words.count == 3 {
            let word = command.words[2]
            guard word.isStatic, !word.substitutions.isEmpty else { continue }
            compared += 1
            #expect(
                bashCalls[command.words[1].text] == [Array(word.text.utf8)],
                "call \(command.words[1].text) in:\n\(text)")
        }
        return compared
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bash)), arguments: Array(UInt64(1)...12))
    func decodesWordsAsBashDoes(seed: UInt64) throws {
        var generator = WordGenerator(random: SplitMix(state: seed))
        let lines = (0..<250).map { _ in generator.command() }
        let script = lines.joined(separator: "\n") + "\n"
        let expected = try bashWords(of: script)
        let scanned = ShellScanner.scan(SourceText(bytes: Array(script.utf8), path: "gen.sh"))
        #expect(expected.count == lines.count)
        #expect(scanned.commands.count == lines.count)
        for (index, command) in scanned.commands.enumerated() where index < expected.count {
            let ours = Array(command.words.dropFirst().map(\.text))
            #expect(ours == expected[index], "line \(index): \(lines[index])")
            for word in command.words {
                #expect(word.map.starts.count == word.text.utf8.count + 1)
                #expect(word.map.ends.count == word.text.utf8.count)
                #expect(
                    word.map.starts.allSatisfy { word.range.offsets.contains($0) || $0 == word.range.upperBound.offset }
                )
                #expect(zip(word.map.starts, word.map.starts.dropFirst()).allSatisfy { $0 <= $1 })
                #expect(word.isStatic)
            }
        }
    }

    /// Wherever wmlint says a word's value is known through variables, bash gives the command that value.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bash)), arguments: Array(UInt64(1)...6))
    func resolvesVariablesAsBashSetsThem(seed: UInt64) throws {
        var generator = VariableScriptGenerator(words: WordGenerator(random: SplitMix(state: seed)))
        var resolvedCount = 0
        for _ in 0..<150 {
            generator.calls = 0
            resolvedCount += try compareResolvedWords(of: Array(generator.script().utf8))
        }
        // The generator's scripts resolve often enough for the comparison to mean something.
        #expect(resolvedCount > 20)
    }

    /// Scripts with CRLF line endings: bash keeps each `\r` in the line's last word, and a backslash before one
    /// escapes it, so the line does not continue (its next line is a command of its own, which runs nothing here).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bash)), arguments: Array(UInt64(1)...6))
    func decodesCRLFScriptsAsBashDoes(seed: UInt64) throws {
        var generator = WordGenerator(random: SplitMix(state: seed))
        let lines = (0..<250).map { _ in generator.command() }
        let script = crlf(lines.joined(separator: "\n") + "\n")
        let expected = try bashWords(of: String(decoding: script, as: UTF8.self)).map { $0.map { Array($0.utf8) } }
        let scanned = ShellScanner.scan(SourceText(bytes: script, path: "gen.sh"))
        let ours = scanned.commands.map { $0.words.dropFirst().map { Array($0.text.utf8) } }
        #expect(expected.count > lines.count / 2)
        #expect(ours == expected)
        // Some words end in the carriage return, for the comparison to mean something.
        #expect(ours.joined().contains { $0.last == UInt8(ascii: "\r") })
    }

    /// Variables assigned on CRLF lines keep the `\r`, as bash keeps it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bash)), arguments: Array(UInt64(1)...4))
    func resolvesCRLFVariablesAsBashSetsThem(seed: UInt64) throws {
        var generator = VariableScriptGenerator(words: WordGenerator(random: SplitMix(state: seed)))
        var resolvedCount = 0
        for _ in 0..<100 {
            generator.calls = 0
            resolvedCount += try compareResolvedWords(of: crlf(generator.straightLineScript()))
        }
        #expect(resolvedCount > 20)
    }
}
