import WMLintKit
import WMLintSource
import WMLintSyntax

/// Helpers for the suppression tests: byte offsets of marked text, shell and YAML parsing, applying fixes.
enum SuppressionSupport {
    /// The 0-based UTF-8 offset of the `occurrence`-th (0-based) appearance of `needle` in `text`; -1 when absent.
    static func offset(of needle: String, in text: String, occurrence: Int = 0) -> Int {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        var seen = 0
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return -1 }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            if seen == occurrence { return start }
            seen += 1
        }
        return -1
    }

    /// The byte range of the `occurrence`-th appearance of `needle` in `text`.
    static func range(of needle: String, in text: String, occurrence: Int = 0) -> SourceRange {
        let start = offset(of: needle, in: text, occurrence: occurrence)
        return .bytes(start, start + needle.utf8.count)
    }

    static func shell(_ text: String, path: String = "setup.sh") -> (SourceFile, ShellScript, [Suppression]) {
        let file = SourceFile(path: path, text: text)
        let script = ShellScanner.scan(SourceText(file: file))
        return (file, script, SuppressionParser.parse(shell: file, script: script))
    }

    static func yaml(_ text: String, path: String = "input.yaml") -> [Suppression] {
        SuppressionParser.parse(yaml: SourceFile(path: path, text: text))
    }

    /// The text of `range` in `text`.
    static func slice(_ text: String, _ range: SourceRange?) -> String? {
        guard let range else { return nil }
        return String(decoding: Array(text.utf8)[range.offsets], as: UTF8.self)
    }

    /// `text` with the edits applied (identical edits once; they must not overlap), in one pass.
    static func applying(_ edits: [TextEdit], to text: String) -> String {
        let bytes = Array(text.utf8)
        var seen: Set<TextEdit> = []
        let unique = edits.filter { seen.insert($0).inserted }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        var cursor = 0
        for edit in unique {
            output += bytes[cursor..<max(cursor, edit.range.lowerBound.offset)]
            output += Array(edit.replacement.utf8)
            cursor = max(cursor, edit.range.upperBound.offset)
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with every fix of `diagnostics` applied.
    static func fixing(_ diagnostics: [Diagnostic], in text: String) -> String {
        applying(diagnostics.flatMap { $0.fixes.flatMap(\.edits) }, to: text)
    }

    /// A diagnostic of `rule` starting at the first appearance of `needle` in `text`.
    static func finding(_ rule: RuleID, at needle: String, in text: String, path: String, occurrence: Int = 0)
        -> Diagnostic
    {
        Diagnostic(
            rule: rule, message: "test finding", path: path, range: range(of: needle, in: text, occurrence: occurrence))
    }
}
