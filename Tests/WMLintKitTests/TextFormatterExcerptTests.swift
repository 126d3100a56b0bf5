import Testing
import WMLintSource

@testable import WMLintKit

/// The excerpt of a diagnostic: the source line with tabs expanded and the underline under the range's columns.
@Suite struct TextFormatterExcerptTests {
    private func rendered(_ text: String, _ range: Range<Int>, color: Bool = false) -> String {
        let file = SourceFile(path: "f.sh", text: text)
        let diagnostic = Diagnostic(
            rule: .enumValue, severity: .error, message: "m", path: file.path,
            range: .bytes(range.lowerBound, range.upperBound))
        return TextFormatter.render(diagnostic, sources: [file.path: file], palette: Palette(enabled: color))
    }

    private func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    @Test func asciiLineWithTabsAndControlBytes() {
        // Line 2 is `\ta<BEL>b\tcd` after CRLF; the range is `b\tc` (bytes 6..<9). The bell shows as `\u{7}`:
        // 10 columns before, 6 marked.
        let text = "x\r\n\ta\u{7}b\tcd\r\n"
        let expected =
            "error[enum-value]: m\n  --> f.sh:2:4\n  |\n2 |     a\\u{7}b    cd\n  | " + spaces(10)
            + String(repeating: "^", count: 6) + "\n"
        #expect(rendered(text, 6..<9) == expected)
    }

    @Test func multiByteLineKeepsColumns() {
        // `x` is at byte 11, scalar column 6, display column 12 (two wide characters, a tab, one more wide one).
        let text = "日本\t語 x\n"
        let expected = "error[enum-value]: m\n  --> f.sh:1:6\n  |\n1 | 日本    語 x\n  | " + spaces(11) + "^\n"
        #expect(rendered(text, 11..<12) == expected)
    }

    @Test func emptyRangeAtLineEndUnderlinesOneColumn() {
        #expect(rendered("ab\n", 2..<2) == "error[enum-value]: m\n  --> f.sh:1:3\n  |\n1 | ab\n  |   ^\n")
    }

    @Test func wideLineNumberPadsTheGutter() {
        let text = String(repeating: "\n", count: 11) + "ab"
        let expected =
            "\u{1B}[1;31merror[enum-value]\u{1B}[0m\u{1B}[1m: m\u{1B}[0m\n  \u{1B}[1;34m-->\u{1B}[0m f.sh:12:2\n"
            + "\u{1B}[1;34m   |\u{1B}[0m\n\u{1B}[1;34m12 |\u{1B}[0m ab\n\u{1B}[1;34m   |\u{1B}[0m  \u{1B}[1;31m^\u{1B}[0m\n"
        #expect(rendered(text, 12..<13, color: true) == expected)
    }

    @Test(arguments: [1, 9, 10, 99, 100, 1000, 10_009])
    func lineNumbersAndGutters(line: Int) {
        let text = String(repeating: "\n", count: line - 1) + "ab"
        let offset = line - 1
        let number = String(line)
        let pad = String(repeating: " ", count: number.count)
        let arrow = String(repeating: " ", count: max(2, number.count))
        let expected =
            "error[enum-value]: m\n\(arrow)--> f.sh:\(number):1\n\(pad) |\n\(number) | ab\n\(pad) | ^^\n"
        #expect(rendered(text, offset..<(offset + 2)) == expected)
    }
    /// One gutter for the whole diagnostic: the widest line number among its excerpts sets it, the `=` lines sit
    /// under its bars.
    @Test func oneGutterPerDiagnostic() {
        let file = SourceFile(path: "f.sh", text: "ab\n" + String(repeating: "\n", count: 10) + "cd\n")
        let diagnostic = Diagnostic(
            rule: .duplicateOption, severity: .error, message: "m", path: file.path, range: .bytes(0, 2),
            help: ["h"], related: [RelatedLocation(message: "r", path: file.path, range: .bytes(13, 15))])
        let expected =
            "error[duplicate-option]: m\n  --> f.sh:1:1\n   |\n 1 | ab\n   | ^^\n   = help: h\n"
            + "note: r\n  --> f.sh:12:1\n   |\n12 | cd\n   | ^^\n"
        #expect(TextFormatter.render(diagnostic, sources: [file.path: file]) == expected)
    }

    /// A range over a line continuation shows every line it covers, each with its part underlined; over many
    /// lines, the first three and the last two.
    @Test func multiLineRangesShowEveryLine() {
        #expect(
            rendered("x \"a\\\nbc\" y\n", 2..<9)
                == "error[enum-value]: m\n  --> f.sh:1:3\n  |\n1 | x \"a\\\n  |   ^^^\n2 | bc\" y\n  | ^^^\n")
        let lines = (1...9).map { "l\($0)" }.joined(separator: "\n") + "\n"
        #expect(
            rendered(lines, 0..<(lines.utf8.count - 1))
                == "error[enum-value]: m\n  --> f.sh:1:1\n  |\n1 | l1\n  | ^^\n2 | l2\n  | ^^\n3 | l3\n  | ^^\n"
                + "...\n8 | l8\n  | ^^\n9 | l9\n  | ^^\n")
        // A range that ends at the start of a line does not reach into it.
        #expect(rendered("ab\ncd\n", 0..<3) == "error[enum-value]: m\n  --> f.sh:1:1\n  |\n1 | ab\n  | ^^\n")
    }

    /// A line longer than the window is shortened around the range, with '…' where text is left out.
    @Test func longLinesAreShortenedAroundTheRange() {
        let line = String(repeating: "a", count: 100) + "XYZ" + String(repeating: "b", count: 100)
        let text = rendered(line + "\n", 100..<103)
        let shown = "…" + String(repeating: "a", count: 60) + "XYZ" + String(repeating: "b", count: 40) + "…"
        #expect(text == "error[enum-value]: m\n  --> f.sh:1:101\n  |\n1 | \(shown)\n  | \(spaces(61))^^^\n")
    }
}
