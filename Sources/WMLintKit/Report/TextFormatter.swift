import Dispatch
import Synchronization
import WMLintSource

/// The `text` format: rustc/clang style, with the source line and an underline of the range.
public enum TextFormatter {
    public static func format(_ report: LintReport) -> String {
        format(report, color: false)
    }

    /// The report, with ANSI colours (like rustc) when `color` is on; without a single escape code when off.
    public static func format(_ report: LintReport, color: Bool) -> String {
        let palette = Palette(enabled: color)
        let pieces = rendered(report.diagnostics, sources: report.sources, palette: palette)
        var output = ""
        output.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + 64)
        for piece in pieces { output += piece }
        if !report.diagnostics.isEmpty {
            output += summary(report)
            output += "\n"
        }
        return output
    }

    /// Diagnostics rendered per ``chunkSize``, each followed by a blank line, in report order. A long report's
    /// chunks are rendered, and their UTF-8 decoded, on every core: rendering is pure, and each chunk ends with a
    /// line break, so the chunks decoded one by one read as the whole text decoded at once.
    private static func rendered(
        _ diagnostics: [Diagnostic], sources: [String: SourceFile], palette: Palette
    ) -> [String] {
        let chunks = stride(from: 0, to: diagnostics.count, by: chunkSize).map {
            $0..<min($0 + chunkSize, diagnostics.count)
        }
        @Sendable func render(_ chunk: Range<Int>) -> String {
            var text = [UInt8]()
            text.reserveCapacity(chunk.count * 256)
            for diagnostic in diagnostics[chunk] {
                Self.render(diagnostic, sources: sources, palette: palette, into: &text)
                text.append(UInt8(ascii: "\n"))
            }
            return String(decoding: text, as: UTF8.self)
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

    /// `N errors, M warnings in K files` (infos added when there are any), counting what the report shows; then
    /// what `--quiet` left out, when it left out anything: `(2 warnings, 1 info hidden by --quiet)`; then how many
    /// findings a baseline held back: `(12 findings in the baseline)`.
    public static func summary(_ report: LintReport) -> String {
        var parts = [plural(report.count(.error), "error"), plural(report.count(.warning), "warning")]
        let infos = report.count(.info)
        if infos > 0 { parts.append(plural(infos, "info")) }
        var text = parts.joined(separator: ", ") + " in " + plural(report.fileCount, "file")
        var hidden: [String] = []
        if report.hidden.warnings > 0 { hidden.append(plural(report.hidden.warnings, "warning")) }
        if report.hidden.infos > 0 { hidden.append(plural(report.hidden.infos, "info")) }
        if !hidden.isEmpty { text += " (" + hidden.joined(separator: ", ") + " hidden by --quiet)" }
        if report.baselined > 0 { text += " (" + plural(report.baselined, "finding") + " in the baseline)" }
        return text
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func render(
        _ diagnostic: Diagnostic, sources: [String: SourceFile], palette: Palette = Palette(enabled: false)
    )
        -> String
    {
        var output = [UInt8]()
        render(diagnostic, sources: sources, palette: palette, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the diagnostic's text (UTF-8) to `output`.
    static func render(
        _ diagnostic: Diagnostic, sources: [String: SourceFile], palette: Palette, into output: inout [UInt8]
    ) {
        let style = Palette.severityStyle(diagnostic.severity)
        palette.open(style, &output)
        output.append(contentsOf: diagnostic.severity.rawValue.utf8)
        output.append(UInt8(ascii: "["))
        output.append(contentsOf: diagnostic.rule.rawValue.utf8)
        output.append(UInt8(ascii: "]"))
        palette.close(&output)
        palette.open(Palette.bold, &output)
        output.append(contentsOf: ": ".utf8)
        output.append(contentsOf: VisibleText.escaped(diagnostic.message).utf8)
        palette.close(&output)
        output.append(UInt8(ascii: "\n"))
        let gutter = gutterWidth(diagnostic, sources: sources)
        excerpt(
            path: diagnostic.path, range: diagnostic.range, sources: sources, palette: palette, underline: style,
            gutter: gutter, into: &output)
        for note in diagnostic.notes {
            trailer("note", note, gutter: gutter, palette: palette, into: &output)
        }
        for help in diagnostic.help {
            trailer("help", help, gutter: gutter, palette: palette, into: &output)
        }
        for fix in diagnostic.fixes {
            trailer("help", fix.message, suffix: " (fix available)", gutter: gutter, palette: palette, into: &output)
        }
        for related in diagnostic.related {
            palette.paint("note", Palette.note, &output)
            palette.open(Palette.bold, &output)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: VisibleText.escaped(related.message).utf8)
            palette.close(&output)
            output.append(UInt8(ascii: "\n"))
            excerpt(
                path: related.path, range: related.range, sources: sources, palette: palette,
                underline: Palette.gutter, gutter: gutter, into: &output)
        }
    }

    /// The digits of the widest line number the diagnostic shows, in its own excerpt and its related ones: every
    /// gutter of the diagnostic has this width, so that its bars and `=` lines align.
    static func gutterWidth(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> Int {
        var widest = 1
        func include(_ path: String, _ range: SourceRange) {
            guard let file = sources[path] else { return }
            widest = max(widest, decimalWidth(lastLine(of: range, in: file.lineTable) + 1))
        }
        include(diagnostic.path, diagnostic.range)
        for related in diagnostic.related { include(related.path, related.range) }
        return widest
    }

    /// The 0-based index of the last line a range covers: the line of its last byte (its start line when empty).
    private static func lastLine(of range: SourceRange, in table: LineTable) -> Int {
        let lower = range.lowerBound.offset
        return table.lineIndex(of: max(lower, range.upperBound.offset - 1))
    }

    /// `<gutter+1 spaces>= kind: text` and a line break.
    private static func trailer(
        _ kind: String, _ text: String, suffix: String = "", gutter: Int, palette: Palette,
        into output: inout [UInt8]
    ) {
        appendRepeated(UInt8(ascii: " "), gutter + 1, &output)
        palette.paint("=", Palette.gutter, &output)
        output.append(UInt8(ascii: " "))
        palette.paint(kind, Palette.bold, &output)
        output.append(contentsOf: ": ".utf8)
        output.append(contentsOf: VisibleText.escaped(text).utf8)
        output.append(contentsOf: suffix.utf8)
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends the decimal digits of `value`, written in place (no `String` made for a line or column).
    private static func appendDecimal(_ value: Int, _ output: inout [UInt8]) {
        guard value >= 0 else {
            output.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The number of decimal digits of a non-negative `value` (1 for 0).
    private static func decimalWidth(_ value: Int) -> Int {
        var width = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            width += 1
        }
        return width
    }

    /// Appends `count` copies of an ASCII byte.
    private static func appendRepeated(_ byte: UInt8, _ count: Int, _ output: inout [UInt8]) {
        if count > 0 { output.append(contentsOf: repeatElement(byte, count: count)) }
    }

    /// The `--> path:line:col` line, then each source line the range covers with its underline, appended as
    /// UTF-8; a range over more than ``maxShownLines`` lines shows its first and last lines around a `...` line.
    private static func excerpt(
        path: String, range: SourceRange, sources: [String: SourceFile], palette: Palette, underline: String,
        gutter: Int, into output: inout [UInt8]
    ) {
        appendRepeated(UInt8(ascii: " "), max(2, gutter), &output)
        palette.paint("-->", Palette.gutter, &output)
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: VisibleText.escaped(path).utf8)
        guard let file = sources[path] else {
            output.append(UInt8(ascii: "\n"))
            return
        }
        let start = file.location(of: range.lowerBound.offset)
        output.append(UInt8(ascii: ":"))
        appendDecimal(start.line, &output)
        output.append(UInt8(ascii: ":"))
        appendDecimal(start.column, &output)
        output.append(UInt8(ascii: "\n"))
        bar(gutter: gutter, palette: palette, into: &output)
        output.append(UInt8(ascii: "\n"))
        let first = start.line - 1
        let last = max(first, lastLine(of: range, in: file.lineTable))
        if last - first < maxShownLines {
            for line in first...last {
                sourceLine(
                    line, of: file, range: range, isFirst: line == first, gutter: gutter, palette: palette,
                    underline: underline, into: &output)
            }
        } else {
            for line in first..<(first + 3) {
                sourceLine(
                    line, of: file, range: range, isFirst: line == first, gutter: gutter, palette: palette,
                    underline: underline, into: &output)
            }
            palette.paint("...", Palette.gutter, &output)
            output.append(UInt8(ascii: "\n"))
            for line in (last - 1)...last {
                sourceLine(
                    line, of: file, range: range, isFirst: false, gutter: gutter, palette: palette,
                    underline: underline, into: &output)
            }
        }
    }

    /// Ranges over more lines than this show their first 3 and last 2 lines.
    static let maxShownLines = 6

    /// `<gutter spaces> |`, without a line break.
    private static func bar(gutter: Int, palette: Palette, into output: inout [UInt8]) {
        palette.open(Palette.gutter, &output)
        appendRepeated(UInt8(ascii: " "), gutter, &output)
        output.append(contentsOf: " |".utf8)
        palette.close(&output)
    }

    /// Source line `index` (0-based) as `<number> | text`, and under it the part of `range` on that line; a line
    /// after the first with none of the range on it gets no underline.
    private static func sourceLine(
        _ index: Int, of file: SourceFile, range: SourceRange, isFirst: Bool, gutter: Int, palette: Palette,
        underline: String, into output: inout [UInt8]
    ) {
        var lineBytes = file.lineTable.lineRange(at: index)
        if lineBytes.upperBound > lineBytes.lowerBound, file.bytes[lineBytes.upperBound - 1] == UInt8(ascii: "\r") {
            lineBytes = lineBytes.lowerBound..<(lineBytes.upperBound - 1)
        }
        let underlineStart = min(max(range.lowerBound.offset, lineBytes.lowerBound), lineBytes.upperBound)
        let underlineEnd = min(max(range.upperBound.offset, underlineStart), lineBytes.upperBound)
        let marked = underlineStart..<underlineEnd
        // Source line: `<line> | text`, the number right-aligned in the gutter.
        palette.open(Palette.gutter, &output)
        appendRepeated(UInt8(ascii: " "), gutter - decimalWidth(index + 1), &output)
        appendDecimal(index + 1, &output)
        output.append(contentsOf: " |".utf8)
        palette.close(&output)
        output.append(UInt8(ascii: " "))
        let before: Int
        let width: Int
        if let widths = appendASCIILine(file.bytes, line: lineBytes, marked: marked, into: &output) {
            (before, width) = (widths.before, widths.marked)
        } else {
            let (head, middle, tail) = window(file, line: lineBytes, marked: marked)
            output.append(contentsOf: head.utf8)
            output.append(contentsOf: middle.utf8)
            output.append(contentsOf: tail.utf8)
            (before, width) = (displayWidth(head), displayWidth(middle))
        }
        output.append(UInt8(ascii: "\n"))
        guard isFirst || !marked.isEmpty else { return }
        // Underline: `<pad> | <spaces>^^^` (one caret at least on the first line).
        bar(gutter: gutter, palette: palette, into: &output)
        output.append(UInt8(ascii: " "))
        appendRepeated(UInt8(ascii: " "), before, &output)
        palette.open(underline, &output)
        appendRepeated(UInt8(ascii: "^"), max(1, width), &output)
        palette.close(&output)
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends a short all-ASCII line with tabs expanded to 4 spaces, and returns the display widths (columns)
    /// of the part before `marked` and of `marked`; appends nothing and returns nil for a long line or one with
    /// a non-ASCII byte (those take the general path).
    private static func appendASCIILine(
        _ bytes: [UInt8], line: Range<Int>, marked: Range<Int>, into output: inout [UInt8]
    ) -> (before: Int, marked: Int)? {
        guard line.count <= longLine, line.lowerBound >= 0, line.upperBound <= bytes.count else { return nil }
        var hasTab = false
        for index in line {
            let byte = bytes[index]
            // Non-ASCII and control bytes (shown as escapes) take the general path.
            if byte >= 0x7F || (byte < 0x20 && byte != 0x09) { return nil }
            if byte == 0x09 { hasTab = true }
        }
        /// Columns of the bytes in `range`: a tab 4, other control bytes 0, the rest 1.
        func columns(_ range: Range<Int>) -> Int {
            var width = 0
            for index in range {
                let byte = bytes[index]
                if byte == 0x09 {
                    width += 4
                } else if byte >= 0x20 && byte != 0x7F {
                    width += 1
                }
            }
            return width
        }
        if hasTab {
            for index in line {
                let byte = bytes[index]
                if byte == 0x09 {
                    output.append(contentsOf: "    ".utf8)
                } else {
                    output.append(byte)
                }
            }
        } else {
            output.append(contentsOf: bytes[line])
        }
        return (columns(line.lowerBound..<marked.lowerBound), columns(marked))
    }

    /// Lines longer than this many bytes are shown shortened around the range.
    static let longLine = 160
    /// Characters of a long line shown before the range, of the range, and after it.
    static let shownBefore = 60
    static let shownMarked = 100
    static let shownAfter = 40

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

    /// `text` with its control characters shown as escapes and its tabs as 4 spaces.
    private static func expandTabs(_ raw: String) -> String {
        let text = VisibleText.escaped(raw, keepTabs: true)
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

    /// Appends the escape code that starts `style`, when colour is on.
    func open(_ style: String, _ output: inout [UInt8]) {
        guard enabled else { return }
        output.append(0x1B)
        output.append(UInt8(ascii: "["))
        output.append(contentsOf: style.utf8)
        output.append(UInt8(ascii: "m"))
    }

    /// Appends the escape code that resets the style, when colour is on.
    func close(_ output: inout [UInt8]) {
        guard enabled else { return }
        output.append(contentsOf: "\u{1B}[0m".utf8)
    }

    /// Appends `text` in `style`.
    func paint(_ text: String, _ style: String, _ output: inout [UInt8]) {
        open(style, &output)
        output.append(contentsOf: text.utf8)
        close(&output)
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
            output +=
                "\(VisibleText.safePath(diagnostic.path)):\(start.line):\(start.column): \(level): \(VisibleText.escaped(diagnostic.message)) "
            output += "[\(diagnostic.rule.rawValue)]\n"
        }
        return output
    }
}
