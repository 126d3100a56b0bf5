import WMLintSource
import WMLintSyntax

/// CRLF line endings in a shell script. Bash reads `\r` as an ordinary character: it stays at the end of each line's
/// last word, so the command gets `IDENTITY_PROVIDER_ONLY\r`, and a `\` before `\r\n` escapes the `\r` instead of
/// continuing the line, so the next line runs as a command of its own. Diagnostics on such words say so, and offer
/// to remove the `\r`.
enum CarriageReturns {
    /// Said of a value that ends in a line's `\r`.
    static let valueNote =
        "the value ends in a carriage return: this line has a CRLF (Windows) line ending, and the shell keeps the "
        + "'\\r' in the line's last word"
    /// Said of a backslash that escapes a line's `\r`.
    static let continuationNote =
        "the backslash escapes the carriage return of this CRLF (Windows) line ending, so the line does not "
        + "continue: the shell runs the next line as a command of its own"
    static let help = "save the script with LF line endings (for example with dos2unix)"
    static let fixMessage = "remove the carriage return"

    /// The file offsets of the `\r`s that end a line and that a backslash escapes, at the end of a word of
    /// `command` (a command of the script that is the file `bytes` itself).
    static func escapedLineEnds(in command: ShellCommand, bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        for word in command.words
        where command.range.lowerBound <= word.range.lowerBound && word.range.upperBound <= command.range.upperBound {
            let end = word.range.upperBound.offset
            guard let carriageReturn = lineEndingReturn(endingAt: end, in: bytes) else { continue }
            var backslashes = 0
            while carriageReturn - backslashes - 1 >= word.range.lowerBound.offset,
                bytes[carriageReturn - backslashes - 1] == UInt8(ascii: "\\")
            {
                backslashes += 1
            }
            if backslashes % 2 == 1 { found.append(carriageReturn) }
        }
        return found
    }

    /// Explains the diagnostics at `indices` whose range ends with a line's `\r` in the file `bytes` at `path`,
    /// and reports each escaped line end of `escaped` that no diagnostic explains as `shell-syntax`.
    static func explain(
        _ diagnostics: inout DiagnosticSink, from first: Int, escaped: [Int], path: String, bytes: [UInt8]
    ) {
        var explained = Set<Int>()
        for index in first..<diagnostics.count where diagnostics[index].path == path {
            let rule = diagnostics[index].rule
            guard rule != .missingRequired, rule != .unresolvedValue,
                let carriageReturn = lineEndingReturn(endingAt: diagnostics[index].range.upperBound.offset, in: bytes),
                carriageReturn >= diagnostics[index].range.lowerBound.offset
            else { continue }
            explained.insert(carriageReturn)
            let isEscape = escaped.contains(carriageReturn)
            diagnostics[index].notes.append(isEscape ? continuationNote : valueNote)
            // The word is the escaped `\r` itself: advice about stray words does not apply.
            if isEscape && diagnostics[index].range.lowerBound.offset == carriageReturn - 1 {
                diagnostics[index].help = []
            }
            diagnostics[index].help.append(help)
            let covered = diagnostics[index].fixes.contains { fix in
                fix.edits.contains {
                    $0.path == path && $0.range.lowerBound.offset <= carriageReturn
                        && carriageReturn < $0.range.upperBound.offset
                }
            }
            if !covered { diagnostics[index].fixes.append(removal(at: carriageReturn, path: path)) }
        }
        for carriageReturn in escaped where !explained.contains(carriageReturn) {
            diagnostics.append(
                Diagnostic(
                    rule: .shellSyntax,
                    message: "this backslash does not continue the line: the line ends in CRLF, so the backslash "
                        + "escapes the '\\r'",
                    path: path, range: .bytes(carriageReturn - 1, carriageReturn + 1),
                    notes: [continuationNote], help: [help], fixes: [removal(at: carriageReturn, path: path)]))
        }
    }

    /// The offset of the `\r` just before `end` when it ends a line (a newline or the end of the text follows).
    private static func lineEndingReturn(endingAt end: Int, in bytes: [UInt8]) -> Int? {
        guard end > 0, end <= bytes.count, bytes[end - 1] == UInt8(ascii: "\r"),
            end == bytes.count || bytes[end] == UInt8(ascii: "\n")
        else { return nil }
        return end - 1
    }

    private static func removal(at offset: Int, path: String) -> Fix {
        Fix(
            message: fixMessage,
            edits: [TextEdit(path: path, range: .bytes(offset, offset + 1), replacement: "")])
    }
}
