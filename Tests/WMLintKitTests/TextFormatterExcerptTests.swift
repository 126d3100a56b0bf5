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
        let expected =
            "error[enum-value]: m\n  --> f.sh:\(number):1\n\(pad) |\n\(number) | ab\n\(pad) | ^^\n"
        #expect(rendered(text, offset..<(offset + 2)) == expected)
    }
}
