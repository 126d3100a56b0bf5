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

    /// Source lines with bytes that are not UTF-8 (repaired as U+FFFD): decoding chunk by chunk reads as decoding
    /// the whole report at once.
    @Test(arguments: [1, TextFormatter.chunkSize + 1, 3 * TextFormatter.chunkSize])
    func chunksWithInvalidUTF8ReadAsTheWholeText(_ count: Int) {
        var bytes: [UInt8] = []
        for index in 0..<40 {
            bytes += Array("aws workmail --status \"A".utf8) + [0xFF, 0xE6, 0x97] + Array("\" \(index)\n".utf8)
        }
        let file = SourceFile(path: "s.sh", bytes: bytes)
        let diagnostics = (0..<count).map { index in
            let start = (index * 29) % (bytes.count - 10)
            return Diagnostic(
                rule: .enumValue, message: "finding \(index)", path: file.path, range: .bytes(start, start + 4))
        }
        let report = LintReport(
            diagnostics: diagnostics, sources: [file.path: file], fileCount: 1, standardInput: nil, requests: [])
        var whole: [UInt8] = []
        for diagnostic in diagnostics {
            TextFormatter.render(diagnostic, sources: report.sources, palette: Palette(enabled: false), into: &whole)
            whole.append(UInt8(ascii: "\n"))
        }
        whole += Array((TextFormatter.summary(report) + "\n").utf8)
        #expect(TextFormatter.format(report, color: false) == String(decoding: whole, as: UTF8.self))
    }
}
