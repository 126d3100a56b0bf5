import WMLintSyntax

extension ShellScript {
    /// The plain assignments the script exports (`export NAME=value`, `declare -x NAME=value`), in scan order.
    var exports: [ShellAssignment] {
        bindings.compactMap { binding in
            guard binding.isExported, case .assignment(let value) = binding.kind else { return nil }
            return ShellAssignment(name: binding.name, value: value, range: binding.range)
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
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
struct WordGenerator {
    var random: SplitMix

    static let plain = Array("abcXYZ019-_.,:/@%+=日é😀").map(String.init)
    static let singleQuoted = Array("ab \"\\$`#*;&|<>()日😀\n\t{}~").map(String.init)
    static let doubleQuoted =
        Array("ab '#*;&|<>()日😀\n\t{}~").map(String.init) + [
            "\\\"", "\\\\", "\\$", "\\`", "\\a", "\\n", "\\\n", "\\'",
        ]
    static let ansi =
        Array("ab \"#*$`日😀{}").map(String.init) + [
            "\\n", "\\t", "\\r", "\\\\", "\\'", "\\\"", "\\?", "\\a", "\\b", "\\e", "\\E", "\\f", "\\v", "\\x41",
            "\\x7e", "\\x9", "\\u00e9", "\\u65e5", "\\U0001F600", "\\101", "\\7", "\\cA", "\\cz", "\\c?", "\\q",
            "\\u", "\\x", "\\$", "\\x{41}", "\\x{263a}", "\\c\\\\",
        ]
    static let escaped = Array("a '\"$\\`#*;&|<>()日{}~").map { "\\" + String($0) }

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

/// Generates scripts that set and use variables in straight-line code, conditionals, subshells and functions.
struct VariableScriptGenerator {
    var words: WordGenerator
    static let names = ["A", "B", "C"]
    var calls = 0

    mutating func pick(_ items: [String]) -> String { words.pick(items) }

    /// A value: literal words, sometimes with a use of another variable.
    mutating func value() -> String {
        words.random.next() % 4 == 0 ? "\"x$" + pick(Self.names) + "\"" + words.word() : words.word()
    }

    mutating func statement() -> String {
        let name = pick(Self.names)
        switch words.random.next() % 16 {
        case 0, 1, 2: return "\(name)=\(value())"
        case 3: return "export \(name)=\(value())"
        case 4: return "declare \(name)=\(value())"
        case 5: return "if \(pick(["true", "false"])); then \(name)=\(value()); fi"
        case 6: return "\(pick(["true", "false"])) \(pick(["&&", "||"])) \(name)=\(value())"
        case 7: return "(\(name)=\(value()))"
        case 8: return "\(name)=\(value()) | cat"
        case 9: return "{ \(name)=\(value()); }"
        case 10: return "f\(name)() { \(name)=\(value()); }" + pick(["", "; f\(name)"])
        case 11: return pick(["unset \(name)", "\(name)+=z", "for \(name) in q; do :; done", "read -r \(name) <<< r"])
        default: return use()
        }
    }

    /// An `aws` call numbered as the scanner will see it, with one word that uses variables.
    mutating func use() -> String {
        calls += 1
        let name = pick(Self.names)
        let word = pick([
            "\"$\(name)\"", "$\(name)", "\"p${\(name)}q\"", "\"${\(name):-dflt}\"", "${\(name)-d}",
            "\"$\(name)$\(pick(Self.names))\"",
        ])
        return "aws \(calls) \(word)"
    }

    mutating func script() -> String {
        (0..<(6 + words.random.next() % 10)).map { _ in statement() }.joined(separator: "\n") + "\n"
    }

    /// A script of straight-line statements only (assignments, exports and uses): in a CRLF script `fi\r` or
    /// `done\r` is no keyword, so bash refuses compound commands.
    mutating func straightLineScript() -> String {
        let statements = (0..<(4 + words.random.next() % 8)).map { _ in
            let name = pick(Self.names)
            switch words.random.next() % 4 {
            case 0: return "\(name)=\(value())"
            case 1: return "export \(name)=\(value())"
            default: return use()
            }
        }
        return statements.joined(separator: "\n") + "\n"
    }
}
