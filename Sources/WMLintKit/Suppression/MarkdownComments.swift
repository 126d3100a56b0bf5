import WMLintSource

/// Suppression comments written as HTML comments in Markdown, outside code blocks: `<!-- wmlint-disable-next-line
/// RULE -->` covers the next non-blank line, and the whole code block when that line opens a fence;
/// `<!-- wmlint-disable-file RULE -->` covers the file. A comment must stand alone on its line (indented at most
/// three spaces), and on one line.
enum MarkdownComments {
    /// The suppressions among `file`'s HTML comments; `scripts` are its shell blocks, for what a comment before a
    /// fence covers.
    static func suppressions(in file: SourceFile, scripts: [EmbeddedScript]) -> [Suppression] {
        let bytes = file.bytes
        guard bytes.count >= 4, SuppressionParser.mentionsHTMLDirective(bytes) else { return [] }
        let lines = lineRanges(bytes)
        let insideBlocks = scripts.map { $0.text.fileRange(0..<$0.text.bytes.count) }
        var result: [Suppression] = []
        for (index, line) in lines.enumerated() {
            var lower = line.content.lowerBound
            var spaces = 0
            while lower < line.content.upperBound && bytes[lower] == UInt8(ascii: " ") && spaces < 4 {
                lower += 1
                spaces += 1
            }
            var upper = line.content.upperBound
            while upper > lower && (bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t")) {
                upper -= 1
            }
            guard spaces <= 3, bytes[lower..<upper].starts(with: "<!--".utf8), upper - lower >= 7,
                bytes[(upper - 3)..<upper].elementsEqual("-->".utf8),
                !insideBlocks.contains(where: { $0.lowerBound.offset <= lower && lower < $0.upperBound.offset }),
                let (kind, names, reason) = SuppressionParser.directive(in: bytes, comment: lower..<upper),
                kind != .line
            else { continue }
            var coverage: SourceRange = .bytes(0, bytes.count)
            var coversCommand = false
            if kind == .nextLine {
                guard let next = lines[(index + 1)...].first(where: { !isBlank(bytes[$0.content]) }) else { continue }
                coverage = .bytes(next.content.lowerBound, next.content.upperBound)
                if isFence(bytes[next.content]),
                    let block = insideBlocks.first(where: { $0.lowerBound.offset >= next.content.upperBound })
                {
                    coverage = .bytes(next.content.lowerBound, block.upperBound.offset)
                    coversCommand = true
                }
            }
            result.append(
                Suppression(
                    kind: kind, path: file.path, comment: .bytes(lower, upper), names: names, reason: reason,
                    coverage: coverage, coversCommand: coversCommand,
                    removal: .bytes(line.content.lowerBound, line.whole.upperBound)))
        }
        return result
    }

    /// Each line's content (without its line break, `\r` included) and the whole line with its break.
    static func lineRanges(_ bytes: [UInt8]) -> [(content: Range<Int>, whole: Range<Int>)] {
        var lines: [(Range<Int>, Range<Int>)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = Swift.min(end + 1, bytes.count)
            let content = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            lines.append((start..<content, start..<next))
            start = next
        }
        return lines
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Whether the line opens (or closes) a fence: at most three spaces, then three backticks or tildes.
    static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - text.count <= 3 else { return false }
        return text.starts(with: "```".utf8) || text.starts(with: "~~~".utf8)
    }
}
