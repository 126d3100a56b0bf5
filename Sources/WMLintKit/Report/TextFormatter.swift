import Dispatch
import Synchronization
import WMLintSource

/// The `text` format (SPEC §6): rustc/clang style, with the source line and an underline of the range.
public enum TextFormatter {
    public static func format(_ report: LintReport) -> String {
        format(report, color: false)
    }

    /// The report, with ANSI colours (like rustc) when `color` is on; without a single escape code when off.
    public static func format(_ report: LintReport, color: Bool) -> String {
        let palette = Palette(enabled: color)
        var output = ""
        for piece in rendered(report.diagnostics, sources: report.sources, palette: palette) {
            output += piece
        }
        if !report.diagnostics.isEmpty {
            output += summary(report) + "\n"
        }
        return output
    }

    /// Diagnostics rendered per ``chunkSize``, each followed by a blank line, in report order. A long report's
    /// chunks are rendered on every core: rendering is pure, so the text is the same.
    private static func rendered(
        _ diagnostics: [Diagnostic], sources: [String: SourceFile], palette: Palette
    ) -> [String] {
        let chunks = stride(from: 0, to: diagnostics.count, by: chunkSize).map {
            $0..<min($0 + chunkSize, diagnostics.count)
        }
        @Sendable func render(_ chunk: Range<Int>) -> String {
            var text = ""
            for diagnostic in diagnostics[chunk] {
                text += Self.render(diagnostic, sources: sources, palette: palette)
                text += "\n"
            }
            return text
        }
        guard chunks.count > 1 else { return chunks.map(render) }
        let results = Mutex([String](repeating: "", count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let text = render(chunks[index])
            results.withLock { $0[index] = text }
        }
        return results.withLock { $0 }
    }

    /// Diagnostics rendered together, in one task.
    static let chunkSize = 128

    /// `N errors, M warnings in K files` (infos added when there are any).
    public static func summary(_ report: LintReport) -> String {
        var parts = [plural(report.count(.error), "error"), plural(report.count(.warning), "warning")]
        let infos = report.count(.info)
        if infos > 0 { parts.append(plural(infos, "info")) }
        return parts.joined(separator: ", ") + " in " + plural(report.fileCount, "file")
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func render(
        _ diagnostic: Diagnostic, sources: [String: SourceFile], palette: Palette = Palette(enabled: false)
    )
        -> String
    {
        let style = Palette.severityStyle(diagnostic.severity)
        var output = palette.paint("\(diagnostic.severity.rawValue)[\(diagnostic.rule.rawValue)]", style)
        output += palette.paint(": \(diagnostic.message)", Palette.bold) + "\n"
        output += excerpt(
            path: diagnostic.path, range: diagnostic.range, label: nil, sources: sources, palette: palette,
            underline: style)
        for note in diagnostic.notes {
            output +=
                "   " + palette.paint("=", Palette.gutter) + " " + palette.paint("note", Palette.bold) + ": \(note)\n"
        }
        for help in diagnostic.help {
            output +=
                "   " + palette.paint("=", Palette.gutter) + " " + palette.paint("help", Palette.bold) + ": \(help)\n"
        }
        for fix in diagnostic.fixes where diagnostic.help.isEmpty {
            output += "   " + palette.paint("=", Palette.gutter) + " " + palette.paint("help", Palette.bold)
            output += ": \(fix.message) (fix available)\n"
        }
        for related in diagnostic.related {
            output += palette.paint("note", Palette.note) + palette.paint(": \(related.message)", Palette.bold) + "\n"
            output += excerpt(
                path: related.path, range: related.range, label: nil, sources: sources, palette: palette,
                underline: Palette.gutter)
        }
        return output
    }

    /// The `--> path:line:col` line, the source line and its underline.
    private static func excerpt(
        path: String, range: SourceRange, label: String?, sources: [String: SourceFile], palette: Palette,
        underline: String
    ) -> String {
        let arrow = palette.paint("-->", Palette.gutter)
        guard let file = sources[path] else {
            return "  \(arrow) \(path)\n"
        }
        let start = file.location(of: range.lowerBound.offset)
        var output = "  \(arrow) \(path):\(start.line):\(start.column)\n"
        let table = file.lineTable
        let lineIndex = start.line - 1
        var lineBytes = table.lineRange(at: lineIndex)
        if lineBytes.upperBound > lineBytes.lowerBound, file.bytes[lineBytes.upperBound - 1] == UInt8(ascii: "\r") {
            lineBytes = lineBytes.lowerBound..<(lineBytes.upperBound - 1)
        }
        let gutter = String(start.line)
        let pad = repeated(UInt8(ascii: " "), gutter.utf8.count)
        let underlineStart = min(max(range.lowerBound.offset, lineBytes.lowerBound), lineBytes.upperBound)
        let underlineEnd = min(max(range.upperBound.offset, underlineStart), lineBytes.upperBound)
        let (head, marked, tail) = window(
            file, line: lineBytes, marked: underlineStart..<underlineEnd)
        let lineText = head + marked + tail
        let before = displayWidth(head)
        let width = max(1, displayWidth(marked))
        let bar = palette.paint(pad + " |", Palette.gutter)
        output += bar + "\n"
        output += palette.paint("\(gutter) |", Palette.gutter) + " \(lineText)\n"
        var marks = repeated(UInt8(ascii: "^"), width)
        if let label { marks += " " + label }
        output += bar + " " + repeated(UInt8(ascii: " "), before) + palette.paint(marks, underline) + "\n"
        return output
    }

    /// `count` copies of an ASCII byte, as a string (`String(repeating:count:)` appends piece by piece).
    private static func repeated(_ byte: UInt8, _ count: Int) -> String {
        let count = max(0, count)
        return String(unsafeUninitializedCapacity: count) { buffer in
            for index in 0..<count { buffer[index] = byte }
            return count
        }
    }

    /// Lines longer than this many bytes are shown shortened around the range.
    static let longLine = 1000
    /// Characters of a long line shown before the range, of the range, and after it.
    static let shownBefore = 120
    static let shownMarked = 200
    static let shownAfter = 80

    /// The text of the line before, in and after the marked bytes, shortened with '…' on a long line; reads a
    /// bounded number of bytes, however long the line.
    private static func window(_ file: SourceFile, line: Range<Int>, marked: Range<Int>) -> (String, String, String) {
        guard line.count > longLine else {
            return (
                expandTabs(file.text(in: line.lowerBound..<marked.lowerBound)), expandTabs(file.text(in: marked)),
                expandTabs(file.text(in: marked.upperBound..<line.upperBound))
            )
        }
        let bytes = file.bytes
        /// `offset` moved back to the start of the UTF-8 sequence it is in.
        func boundary(_ offset: Int) -> Int {
            var index = offset
            while index > line.lowerBound && index < bytes.count && bytes[index] & 0xC0 == 0x80 { index -= 1 }
            return index
        }
        let headStart = max(line.lowerBound, boundary(marked.lowerBound - 4 * shownBefore - 4))
        let markedEnd = max(
            marked.lowerBound, boundary(min(marked.upperBound, marked.lowerBound + 4 * shownMarked + 4)))
        let tailEnd = boundary(min(line.upperBound, marked.upperBound + 4 * shownAfter + 4))
        var head = file.text(in: headStart..<marked.lowerBound)
        var middle = file.text(in: marked.lowerBound..<markedEnd)
        var tail = file.text(in: marked.upperBound..<max(marked.upperBound, tailEnd))
        if headStart > line.lowerBound || head.count > shownBefore {
            head = "…" + String(head.suffix(shownBefore))
        }
        let middleCut = markedEnd < marked.upperBound || middle.count > shownMarked
        if middleCut {
            middle = String(middle.prefix(shownMarked)) + "…"
            tail = ""
        } else if tailEnd < line.upperBound || tail.count > shownAfter {
            tail = String(tail.prefix(shownAfter)) + "…"
        }
        return (expandTabs(head), expandTabs(middle), expandTabs(tail))
    }

    private static func expandTabs(_ text: String) -> String {
        // A tab is always a character of its own, so a byte search finds it (`contains("\t")` runs a generic
        // substring search).
        guard text.utf8.contains(UInt8(ascii: "\t")) else { return text }
        return text.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ")
    }

    /// Terminal columns of `text`: tabs are 4, wide East Asian characters and emoji 2, combining marks 0.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09: width += 4
            case 0..<0x20, 0x7F: width += 0
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: width += 0
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                width += 2
            default: width += 1
            }
        }
        return width
    }
}

/// ANSI styles of the text format; every method returns its input unchanged when colour is off.
struct Palette {
    let enabled: Bool

    static let bold = "1"
    static let error = "1;31"
    static let warning = "1;33"
    static let note = "1;32"
    static let gutter = "1;34"

    static func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: error
        case .warning: warning
        case .info: note
        }
    }

    func paint(_ text: String, _ style: String) -> String {
        enabled ? "\u{1B}[\(style)m" + text + "\u{1B}[0m" : text
    }
}

/// The `gcc` format: `path:line:column: error|warning|note: message [rule-id]`, one line each.
public enum GCCFormatter {
    public static func format(_ report: LintReport) -> String {
        let locator = Locator(sources: report.sources)
        var output = ""
        for diagnostic in report.diagnostics {
            let start = locator.location(diagnostic.path, diagnostic.range.lowerBound)
            let level = diagnostic.severity == .info ? "note" : diagnostic.severity.rawValue
            output += "\(diagnostic.path):\(start.line):\(start.column): \(level): \(diagnostic.message) "
            output += "[\(diagnostic.rule.rawValue)]\n"
        }
        return output
    }
}
