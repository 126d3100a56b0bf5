import Foundation
import Testing
import WMLintSource
import WMLintSyntax

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Generates shell words with random quoting and no expansions.
private struct WordGenerator {
    var random: SplitMix

    private static let plain = Array("abcXYZ019-_.,:/@%+=日é😀").map(String.init)
    private static let singleQuoted = Array("ab \"\\$`#*;&|<>()日😀\n\t{}~").map(String.init)
    private static let doubleQuoted =
        Array("ab '#*;&|<>()日😀\n\t{}~").map(String.init) + [
            "\\\"", "\\\\", "\\$", "\\`", "\\a", "\\n", "\\\n", "\\'",
        ]
    private static let ansi =
        Array("ab \"#*$`日😀{}").map(String.init) + [
            "\\n", "\\t", "\\r", "\\\\", "\\'", "\\\"", "\\?", "\\a", "\\b", "\\e", "\\E", "\\f", "\\v", "\\x41",
            "\\x7e", "\\x9", "\\u00e9", "\\u65e5", "\\U0001F600", "\\101", "\\7", "\\cA", "\\cz", "\\c?", "\\q",
            "\\u", "\\x", "\\$", "\\x{41}", "\\x{263a}", "\\c\\\\",
        ]
    private static let escaped = Array("a '\"$\\`#*;&|<>()日{}~").map { "\\" + String($0) }

    mutating func pick(_ items: [String]) -> String {
        items[Int(random.next() % UInt64(items.count))]
    }

    mutating func segment() -> String {
        switch random.next() % 6 {
        case 0:
            return (0..<(1 + random.next() % 4)).map { _ in pick(Self.plain) }.joined()
        case 1:
            return "'" + (0..<(random.next() % 5)).map { _ in pick(Self.singleQuoted) }.joined() + "'"
        case 2:
            return "\"" + (0..<(random.next() % 5)).map { _ in pick(Self.doubleQuoted) }.joined() + "\""
        case 3:
            return "$'" + (0..<(random.next() % 5)).map { _ in pick(Self.ansi) }.joined() + "'"
        case 4:
            return pick(Self.escaped)
        default:
            return pick(Self.plain) + "\\\n" + pick(Self.plain)
        }
    }

    mutating func word() -> String {
        (0..<(1 + random.next() % 4)).map { _ in segment() }.joined()
    }

    mutating func command() -> String {
        let separators = [" ", "  ", "\t", " \\\n "]
        var line = "aws"
        for _ in 0..<(1 + random.next() % 5) {
            line += pick(separators) + word()
        }
        return line
    }
}

@Suite struct ShellBashDifferentialTests {
    static let bash = "/bin/bash"

    /// Runs `script` in bash with `aws` defined to print its arguments; returns each call's arguments.
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
        process.environment = ["LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
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
}
