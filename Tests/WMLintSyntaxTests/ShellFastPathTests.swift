import Testing
import WMLintSource

@testable import WMLintSyntax

/// Generates scripts that mix every construct the scanner's fast paths step over or build directly with the ones
/// they leave to the general path: command names near `aws`, wrappers and their options, assignments, reserved
/// words, declarations, separators, redirections, here-documents, substitutions, comments and quoted words.
struct ShellScriptGenerator {
    var words: WordGenerator

    mutating func pick(_ items: [String]) -> String { words.pick(items) }
    mutating func chance(_ oneIn: UInt64) -> Bool { words.random.next() % oneIn == 0 }

    static let names = [
        "aws", "aws", "aws", "/usr/bin/aws", "./aws", "'aws'", "\"aw\"s", "a\\ws", "xaws", "aws2", "echo", "ls",
        "cp", "printf", "cat", "grep", "f", "in", "then", "fi", "esac", "done", "}", "{", "$CMD", "${AWS:-aws}",
    ]
    static let wrappers = [
        "sudo", "sudo -u me", "sudo --user=me", "sudo --user me", "sudo -E", "env", "env -i", "env -u X", "env --",
        "env -S", "env --split-string=x", "env -", "exec", "exec -a name", "command", "command -v", "command -p",
        "nohup", "nice", "nice -n 5", "nice --adjustment 3", "timeout 5", "timeout -s KILL 5", "timeout --signal=X 1",
        "time", "time -p", "'sudo'", "su'do'",
    ]
    static let assignments = [
        "A=1", "B=\"x y\"", "C=$(date)", "D+=x", "E=(a b)", "AWS_REGION=eu-west-1", "F='q'", "G=$H", "I=`id`",
        "J=${K:-d}", "L=", "M=\"$N/bin\"", "O=é\"ü\"",
    ]
    static let declarations = [
        "export", "export -n", "export -f", "readonly", "local", "declare", "declare -x", "declare -a", "declare +x",
        "typeset", "typeset -r", "declare -g", "declare -i",
    ]
    static let arguments = [
        "x", "--organization-id", "m-123", "--region", "us-east-1", "workmail", "put-identity-provider-configuration",
        "$X", "\"$Y\"", "'z z'", "${Z}", "\"${Q:-d}\"", "$1", "\"$@\"", "a=b", "2", "-", "--", "#notcomment",
        "a#b", "$'\\x41'", "\"$(aws in sub)\"", "`aws back`", "$((1+2))", "<(aws proc)", "\"a\\\"b\"", "a\\ b",
        "\"\"", "''", "$", "\"$\"", "x\\\ny", "{a,b}", "*.json", "日本", "😀",
    ]
    static let redirections = [
        ">out", "> out", "2>&1", "2>/dev/null", "<in", "&>log", ">|f", "3<x", "<<<\"s\"", ">>\"$F\"", "<&0",
        ">(cat)", "1>x",
    ]
    static let separators = [" ; ", "\n", " && ", " || ", " | ", " |& ", " & ", ";", "\r\n", "\n\n"]

    mutating func argument() -> String {
        chance(3) ? words.word() : pick(Self.arguments)
    }

    /// A simple command: assignments, maybe a wrapper, a name, arguments and redirections.
    mutating func simpleCommand() -> String {
        var parts: [String] = []
        for _ in 0..<(words.random.next() % 3) where chance(2) { parts.append(pick(Self.assignments)) }
        if chance(4) { parts.append(pick(Self.wrappers)) }
        if chance(8) { parts.append(pick(Self.assignments)) }
        if !parts.isEmpty && chance(6) {
            // Assignments alone set variables.
        } else {
            parts.append(pick(Self.names))
        }
        for _ in 0..<(words.random.next() % 6) {
            parts.append(chance(7) ? pick(Self.redirections) : argument())
        }
        if chance(10) { parts.append("# " + pick(Self.names) + " comment") }
        return parts.joined(separator: pick([" ", " ", "\t", " \\\n"]))
    }

    /// A command, compound or simple, nested at most `depth` more levels.
    mutating func command(depth: Int) -> String {
        guard depth > 0 else { return simpleCommand() }
        switch words.random.next() % 18 {
        case 0: return "if \(list(depth - 1)); then \(list(depth - 1)); else \(list(depth - 1)); fi"
        case 1: return "while \(simpleCommand()); do \(list(depth - 1)); done"
        case 2: return "until \(simpleCommand()); do \(list(depth - 1)); done"
        case 3: return "for \(pick(["x", "aws", "A"])) in \(argument()) \(argument()); do \(list(depth - 1)); done"
        case 4:
            return "case \(argument()) in\n\(pick(["a|b", "aws", "*"])) ) \(list(depth - 1)) ;;\n"
                + "\(pick(["x", "(y)", "'q'"])) ) \(list(depth - 1)) \(pick([";;", ";&", ";;&"]))\nesac"
        case 5: return "{ \(list(depth - 1)); }"
        case 6: return "( \(list(depth - 1)) )"
        case 7: return "\(pick(["function g", "g()", "function aws", "function h()"])) { \(list(depth - 1)); }"
        case 8: return "! \(simpleCommand())"
        case 9: return "echo \"$(\(list(depth - 1)))\" $(\(list(depth - 1)))"
        case 10: return "X=`\(simpleCommand())` \(simpleCommand())"
        case 11:
            let delimiter = pick(["EOF", "'EOF'", "\"E\"OF", "-EOF"])
            let strips = delimiter == "-EOF"
            let name = strips ? "EOF" : delimiter.filter { $0 != "'" && $0 != "\"" }
            let body = "text $(aws in heredoc) `aws back` ${V}\n\(strips ? "\t" : "")aws not a command\n"
            return "cat <<\(delimiter) \(pick(["", "| aws after", "; aws next"]))\n\(body)\(strips ? "\t" : "")\(name)"
        case 12:
            var parts = [pick(Self.declarations)]
            for _ in 0..<(1 + words.random.next() % 3) {
                parts.append(chance(3) ? "\(pick(["P", "Q", "R"]))" : pick(Self.assignments))
            }
            return parts.joined(separator: " ")
        case 13: return "(( \(pick(["i++", "x = $(aws ar)", "1 + 2"])) ))"
        case 14: return "select \(pick(["s", "aws"])) in a b; do \(list(depth - 1)); done"
        default: return simpleCommand()
        }
    }

    /// A list of one to three commands.
    mutating func list(_ depth: Int) -> String {
        (0..<(1 + words.random.next() % 3)).map { _ in command(depth: depth) }.joined(separator: pick(Self.separators))
    }

    /// A script: lines of lists, sometimes cut short, with CRLF endings or with a stray byte that is not UTF-8.
    mutating func script() -> [UInt8] {
        var text = (0..<(2 + words.random.next() % 8)).map { _ in list(3) }.joined(separator: "\n") + "\n"
        if chance(6) { text = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }
        var bytes = Array(text.utf8)
        if chance(5) { bytes = Array(bytes.prefix(Int(words.random.next() % UInt64(bytes.count + 1)))) }
        if chance(10), !bytes.isEmpty { bytes.insert(0xFF, at: Int(words.random.next() % UInt64(bytes.count))) }
        return bytes
    }
}

/// Everything a scan found, one line per item, with exact ranges and maps: the first line that differs says
/// where the two paths part.
private func dump(_ script: ShellScript) -> [String] {
    func bytes(_ range: SourceRange) -> String { "\(range.lowerBound.offset)-\(range.upperBound.offset)" }
    func word(_ word: ShellWord) -> String {
        "\(word.text.debugDescription)@\(bytes(word.range)) starts=\(word.map.starts) ends=\(word.map.ends)"
            + " exp=\(word.expansions.map(bytes))"
    }
    var lines: [String] = []
    for command in script.commands {
        lines.append("command \(bytes(command.range)) \(command.scopes)")
        for assignment in command.assignments { lines.append("  set \(assignment.name) = \(word(assignment.value))") }
        for item in command.words { lines.append("  word \(word(item))") }
        if let error = command.syntaxError { lines.append("  error \(error.message) \(error.range)") }
    }
    for binding in script.bindings {
        lines.append(
            "binding \(binding.name) \(binding.range) scope=\(binding.scope) exported=\(binding.isExported)"
                + " conditional=\(binding.isConditional) \(binding.kind)")
    }
    for comment in script.comments { lines.append("comment \(comment.lowerBound.offset)-\(comment.upperBound.offset)") }
    for diagnostic in script.diagnostics { lines.append("diagnostic \(diagnostic.message) \(diagnostic.range)") }
    return lines
}

/// The ordinary-command fast paths (``ShellScanner/Options/fastPaths``) find exactly what the general path finds.
@Suite struct ShellFastPathTests {
    /// Scans `bytes` both ways, as a file and mapped into one, and expects the same result; returns the result.
    @discardableResult
    private func expectSameScans(_ bytes: [UInt8], maxDepth: Int = 256) -> ShellScript {
        let identity = OffsetMap.contiguous(base: 0, count: bytes.count)
        var first = ShellScript(commands: [], bindings: [], comments: [])
        for map in [nil, identity] {
            let text = SourceText(bytes: bytes, path: "gen.sh", map: map)
            let fast = ShellScanner.scan(text, maxDepth: maxDepth, options: .init(fastPaths: true))
            let general = ShellScanner.scan(text, maxDepth: maxDepth, options: .init(fastPaths: false))
            if fast != general {
                // The dumps differ, or the two results differ in what a dump leaves out.
                let (fastLines, generalLines) = (dump(fast), dump(general))
                let index =
                    zip(fastLines, generalLines).enumerated().first { $1.0 != $1.1 }?.offset
                    ?? min(fastLines.count, generalLines.count)
                Issue.record(
                    """
                    fast and general paths differ (map: \(map != nil), depth \(maxDepth)) at line \(index):
                    fast:    \(index < fastLines.count ? fastLines[index] : "(end)")
                    general: \(index < generalLines.count ? generalLines[index] : "(end)")
                    in: \(String(decoding: bytes, as: UTF8.self).debugDescription)
                    """)
            }
            if map == nil { first = fast }
        }
        return first
    }

    @Test(arguments: Array(UInt64(1)...24))
    func generatedScriptsScanTheSameBothWays(seed: UInt64) {
        var generator = ShellScriptGenerator(words: WordGenerator(random: SplitMix(state: seed)))
        var commands = 0
        var words = 0
        var bindings = 0
        for _ in 0..<60 {
            let scanned = expectSameScans(generator.script())
            commands += scanned.commands.count
            words += scanned.commands.reduce(0) { $0 + $1.words.count }
            bindings += scanned.bindings.count
        }
        // The scripts hold enough commands and bindings for the comparison to mean something.
        #expect(commands > 100)
        #expect(words > 300)
        #expect(bindings > 30)
    }

    /// Near the depth limit the fast paths step over `${…}` only where the general path would read it unreported.
    @Test(arguments: [1, 2, 3])
    func generatedScriptsScanTheSameAtSmallDepths(maxDepth: Int) {
        var generator = ShellScriptGenerator(words: WordGenerator(random: SplitMix(state: UInt64(100 + maxDepth))))
        var limited = 0
        for _ in 0..<80 {
            limited += expectSameScans(generator.script(), maxDepth: maxDepth).diagnostics.count
        }
        #expect(limited > 0)
    }

    /// The bash differential's scripts: words with every kind of quoting, and variables set and used.
    @Test(arguments: Array(UInt64(1)...6))
    func bashDifferentialScriptsScanTheSameBothWays(seed: UInt64) {
        var words = WordGenerator(random: SplitMix(state: seed))
        let lines = (0..<200).map { _ in words.command() }
        #expect(expectSameScans(Array((lines.joined(separator: "\n") + "\n").utf8)).commands.count == lines.count)
        var variables = VariableScriptGenerator(words: WordGenerator(random: SplitMix(state: seed)))
        for _ in 0..<40 {
            expectSameScans(Array(variables.script().utf8))
            expectSameScans(Array(variables.straightLineScript().utf8))
        }
    }

    /// Hand-picked scripts where a fast path decides on a word's first bytes.
    @Test(arguments: [
        "A=1 then aws a; A=1 if x; >x aws b; 2>x aws c; xaws d\n",
        "if\u{0} aws a\nsudo\u{0} aws b\naws\u{0} c\n/aws d\n",
        "export A=\"x\\$y\" B=$'\\x41' C=\"$D\"e F+=g\ndeclare -a H=1 I=\"$J\"\n",
        "aws a \"$B\" 'c' $D \"e\"f g\"h\" $'i' \"$\" $ \"${K}\"\n",
        "echo a<b aws c>d; echo 2<e; aws 3>f g\n",
        "case x in\nin) aws a;; esac in\naws b\n",
    ])
    func chosenScriptsScanTheSameBothWays(script: String) {
        let scanned = expectSameScans(Array(script.utf8))
        #expect(!scanned.commands.isEmpty || !scanned.bindings.isEmpty)
    }
}
