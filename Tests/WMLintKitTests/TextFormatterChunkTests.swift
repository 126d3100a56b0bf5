import Testing
import WMLintSource

@testable import WMLintKit

/// A long text report is rendered in chunks on every core; the text is the same as rendering one by one.
@Suite struct TextFormatterChunkTests {
    @Test(arguments: [0, 1, TextFormatter.chunkSize - 1, TextFormatter.chunkSize, TextFormatter.chunkSize + 1, 1000])
    func chunkedReportMatchesSequentialRendering(_ count: Int) {
        let line = "aws workmail put-identity-provider-configuration --organization-id \"m-日本語\"\tx\r\n"
        let text = String(repeating: line, count: 40)
        let file = SourceFile(path: "dir/script.sh", text: text)
        let diagnostics = (0..<count).map { index in
            let start = (index * 37) % (text.utf8.count - 10)
            return Diagnostic(
                rule: index % 2 == 0 ? .enumValue : .typeMismatch, message: "finding \(index)", path: file.path,
                range: .bytes(start, start + index % 9))
        }
        let report = LintReport(
            diagnostics: diagnostics, sources: [file.path: file], fileCount: 1, standardInput: nil, requests: [])
        for color in [false, true] {
            var expected = ""
            for diagnostic in diagnostics {
                expected += TextFormatter.render(
                    diagnostic, sources: report.sources, palette: Palette(enabled: color))
                expected += "\n"
            }
            if !diagnostics.isEmpty { expected += TextFormatter.summary(report) + "\n" }
            #expect(TextFormatter.format(report, color: color) == expected)
        }
    }
}
