public import WMLintSource
public import WMLintSyntax

/// Finds `# wmlint-disable-…` comments and the regions they cover.
///
/// A directive is a comment whose text, after `#` and blanks, starts with `wmlint-disable-next-line`,
/// `wmlint-disable-line` or `wmlint-disable-file` followed by a blank or the end of the comment. Rule ids follow,
/// separated by commas and/or blanks, up to an optional `-- reason`. Other comments are ignored.
public enum SuppressionParser {
    /// The form of the file, which decides what `disable-next-line` covers.
    public enum Syntax: Sendable {
        /// A shell script with the ranges of its `aws` commands (any order).
        case shell(commands: [SourceRange])
        /// A YAML document.
        case yaml
    }

    /// The suppressions of a shell script, from the comments and commands the shell scanner found in it.
    public static func parse(shell file: SourceFile, script: ShellScript) -> [Suppression] {
        parse(file, comments: script.comments, syntax: .shell(commands: script.commands.map(\.range)))
    }

    /// The suppressions of a YAML document; its comments are found by ``YAMLComments``.
    public static func parse(yaml file: SourceFile) -> [Suppression] {
        guard mentionsDirective(file.bytes) else { return [] }
        return parse(file, comments: YAMLComments.scan(file.bytes), syntax: .yaml)
    }

    /// The suppressions among `comments` (file ranges of whole comments, `#` first, in source order).
    public static func parse(_ file: SourceFile, comments: [SourceRange], syntax: Syntax) -> [Suppression] {
        let bytes = file.bytes
        var directives: [(SourceRange, SuppressionKind, [SuppressedRuleName], String?)] = []
        for given in comments {
            // Ranges from elsewhere are trusted only as far as the bytes go.
            let lower = given.lowerBound.offset
            guard lower >= 0 && lower < bytes.count else { continue }
            let comment: SourceRange = .bytes(lower, min(given.upperBound.offset, bytes.count))
            if let (kind, names, reason) = directive(in: bytes, comment: comment.offsets) {
                directives.append((comment, kind, names, reason))
            }
        }
        guard !directives.isEmpty else { return [] }
        var layout = SuppressionLayout(
            bytes: bytes, lines: file.lineTable, comments: comments.map(\.lowerBound.offset), syntax: syntax)
        return directives.map { comment, kind, names, reason in
            var coverage: SourceRange?
            var coversCommand = false
            switch kind {
            case .file:
                coverage = .bytes(0, bytes.count)
            case .line:
                let line = layout.line(of: comment.lowerBound.offset)
                coverage = .bytes(layout.start(of: line), layout.contentEnd(of: line))
            case .nextLine:
                (coverage, coversCommand) = layout.nextLineCoverage(after: comment.lowerBound.offset)
            }
            return Suppression(
                kind: kind, path: file.path, comment: comment, names: names, reason: reason, coverage: coverage,
                coversCommand: coversCommand, removal: layout.removal(of: comment.offsets))
        }
    }

    /// Whether the bytes may hold a directive: a `#` followed by blanks and `wmlint-disable-` (what
    /// ``directive(in:comment:)`` needs), wherever it is. A cheap test before scanning a document: ``ByteScan``
    /// finds each `#` with `memchr`, so a text without one is read once at memory speed.
    static func mentionsDirective(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let found = ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: index) {
            var cursor = found + 1
            while cursor < bytes.count && isBlank(bytes[cursor]) { cursor += 1 }
            if ByteScan.bytes(bytes, at: cursor, equal: "wmlint-disable-") { return true }
            index = cursor
        }
        return false
    }

    /// Whether the bytes may hold an HTML directive: `<!--` followed by blanks and `wmlint-disable-`.
    static func mentionsHTMLDirective(_ bytes: [UInt8]) -> Bool {
        let opener = Array("<!--".utf8)
        let word = Array("wmlint-disable-".utf8)
        var index = 0
        while index + opener.count <= bytes.count {
            guard let found = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { return false }
            var cursor = found + opener.count
            if bytes[found..<Swift.min(cursor, bytes.count)].elementsEqual(opener) {
                while cursor < bytes.count && isBlank(bytes[cursor]) { cursor += 1 }
                if bytes[cursor..<Swift.min(cursor + word.count, bytes.count)].elementsEqual(word) { return true }
            }
            index = found + 1
        }
        return false
    }

    /// Reads a directive from the comment at `range` (`# …`, or an HTML `<!-- … -->` in Markdown), or `nil` when
    /// the comment is not one.
    static func directive(
        in bytes: [UInt8], comment range: Range<Int>
    ) -> (SuppressionKind, [SuppressedRuleName], String?)? {
        var end = min(range.upperBound, bytes.count)
        var index = range.lowerBound
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
        } else if bytes[index..<end].starts(with: "<!--".utf8) {
            index += 4
            if end - index >= 3 && bytes[(end - 3)..<end].elementsEqual("-->".utf8) { end -= 3 }
        } else {
            return nil
        }
        while index < end && isBlank(bytes[index]) { index += 1 }
        var kind: SuppressionKind?
        for (candidate, word) in directiveWords {
            guard end - index >= word.count, bytes[index..<(index + word.count)].elementsEqual(word) else { continue }
            let after = index + word.count
            if after == end || isBlank(bytes[after]) {
                kind = candidate
                index = after
                break
            }
        }
        guard let kind else { return nil }
        var names: [SuppressedRuleName] = []
        var reason: String?
        while index < end {
            let byte = bytes[index]
            if isBlank(byte) || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "-") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "-") {
                var lower = index + 2
                var upper = end
                while lower < upper && isBlank(bytes[lower]) { lower += 1 }
                while upper > lower && isBlank(bytes[upper - 1]) { upper -= 1 }
                reason = String(decoding: bytes[lower..<upper], as: UTF8.self)
                break
            }
            let start = index
            while index < end && !isBlank(bytes[index]) && bytes[index] != UInt8(ascii: ",") { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            names.append(SuppressedRuleName(text: text, rule: rulesByID[text], range: .bytes(start, index)))
        }
        return (kind, names, reason)
    }

    /// Every rule by its id (a hash lookup instead of the enum's comparison with each raw value).
    private static let rulesByID = Dictionary(uniqueKeysWithValues: RuleID.allCases.map { ($0.rawValue, $0) })

    /// The directive words as bytes.
    private static let directiveWords: [(SuppressionKind, [UInt8])] = [
        (.nextLine, Array(SuppressionKind.nextLine.rawValue.utf8)),
        (.line, Array(SuppressionKind.line.rawValue.utf8)),
        (.file, Array(SuppressionKind.file.rawValue.utf8)),
    ]

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

/// The lines of a file with suppression comments, and what `disable-next-line` covers in it.
fileprivate struct SuppressionLayout {
    let bytes: [UInt8]
    /// 0-based offset of the first byte of each line (the file's line table).
    let lineStarts: [Int]
    let lines: LineTable
    /// Offsets of the comments' `#`, for telling comment-only lines.
    let commentStarts: [Int]
    let syntax: SuppressionParser.Syntax
    /// The shell commands' ranges, sorted by start.
    let commands: [Range<Int>]
    /// The lines that are neither blank nor only a comment, in order, with their indentation (leading spaces);
    /// built on first use.
    var codeLines: [(line: Int, indentation: Int)]?
    /// For each code line (by index in ``codeLines``), the index of the first later code line indented no deeper;
    /// built on first use (YAML only).
    var nextNotDeeper: [Int]?

    /// `comments`: the file offsets of the comments' `#`.
    init(bytes: [UInt8], lines: LineTable, comments: [Int], syntax: SuppressionParser.Syntax) {
        self.bytes = bytes
        self.lines = lines
        lineStarts = lines.lineStarts
        commentStarts = comments.sorted()
        self.syntax = syntax
        if case .shell(let ranges) = syntax {
            commands = ranges.map(\.offsets).sorted { $0.lowerBound < $1.lowerBound }
        } else {
            commands = []
        }
    }

    var lineCount: Int { lineStarts.count }

    /// The 0-based line holding `offset`.
    func line(of offset: Int) -> Int {
        lines.lineIndex(of: offset)
    }

    func start(of line: Int) -> Int { lineStarts[line] }

    /// The offset just past the line's text, before its `\n` (and a `\r` before that).
    func contentEnd(of line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line] && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The offset of the first non-blank byte of the line, or `nil` for a blank line.
    func firstNonBlank(of line: Int) -> Int? {
        let end = contentEnd(of: line)
        var index = lineStarts[line]
        while index < end && SuppressionParser.isBlank(bytes[index]) { index += 1 }
        return index < end ? index : nil
    }

    /// Whether a comment starts at `offset`.
    func isComment(at offset: Int) -> Bool {
        let index = partitionPoint(in: commentStarts.indices) { commentStarts[$0] < offset }
        return index < commentStarts.count && commentStarts[index] == offset
    }

    /// The index in ``codeLines`` of the first code line after `line`, or `nil` when there is none.
    mutating func codeLine(after line: Int) -> Int? {
        let lines = codeLines ?? classifyLines()
        let index = partitionPoint(in: lines.indices) { lines[$0].line <= line }
        return index < lines.count ? index : nil
    }

    /// Builds ``codeLines``: one pass over the lines.
    mutating func classifyLines() -> [(line: Int, indentation: Int)] {
        var lines: [(line: Int, indentation: Int)] = []
        for line in 0..<lineCount {
            if let first = firstNonBlank(of: line), !isComment(at: first) {
                lines.append((line, indentation(of: line)))
            }
        }
        codeLines = lines
        return lines
    }

    /// What a `disable-next-line` comment at `offset` covers.
    mutating func nextLineCoverage(after offset: Int) -> (SourceRange?, Bool) {
        guard let code = codeLine(after: line(of: offset)), let target = codeLines?[code].line else {
            return (nil, false)
        }
        let lower = start(of: target)
        var lineEnd = contentEnd(of: target)
        switch syntax {
        case .shell:
            // Every command starting on the target line, continuation lines included, and the rest of the line
            // where the last of them ends (with the commands starting there: `aws a \⏎ b; aws c`).
            var index = firstCommand(from: lower)
            var coversCommand = false
            while index < commands.count && commands[index].lowerBound <= lineEnd {
                let end = commands[index].upperBound
                if end > lineEnd { lineEnd = max(end, contentEnd(of: line(of: end - 1))) }
                coversCommand = true
                index += 1
            }
            return (.bytes(lower, lineEnd), coversCommand)
        case .yaml:
            return (.bytes(lower, yamlNodeEnd(from: code)), false)
        }
    }

    /// The index of the first command starting at or after `offset`.
    func firstCommand(from offset: Int) -> Int {
        partitionPoint(in: commands.indices) { commands[$0].lowerBound < offset }
    }

    /// The end of the YAML node opened on code line `code` (an index in ``codeLines``): its own text and every
    /// following line nested under it (more indented, or a block sequence at the same indentation under a `key:`
    /// line), trailing blank and comment lines left out.
    mutating func yamlNodeEnd(from code: Int) -> Int {
        let lines = codeLines ?? classifyLines()
        let next = nextNotDeeper ?? buildNextNotDeeper(lines)
        var after = next[code]
        if endsWithColon(lines[code].line) {
            // A block sequence may sit at its key's indentation: each entry is nested under the key.
            while after < lines.count && lines[after].indentation == lines[code].indentation
                && isSequenceEntry(at: start(of: lines[after].line) + lines[after].indentation)
            {
                after = next[after]
            }
        }
        return contentEnd(of: lines[after - 1].line)
    }

    /// Builds ``nextNotDeeper`` in one backward pass with a stack (each line pushed and popped once).
    mutating func buildNextNotDeeper(_ lines: [(line: Int, indentation: Int)]) -> [Int] {
        var next = [Int](repeating: lines.count, count: lines.count)
        var stack: [Int] = []
        for index in lines.indices.reversed() {
            while let top = stack.last, lines[top].indentation > lines[index].indentation { stack.removeLast() }
            next[index] = stack.last ?? lines.count
            stack.append(index)
        }
        nextNotDeeper = next
        return next
    }

    /// The number of leading spaces of the line.
    func indentation(of line: Int) -> Int {
        var index = lineStarts[line]
        let end = contentEnd(of: line)
        while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index - lineStarts[line]
    }

    /// Whether a block sequence entry (`-` then a blank or the line end) starts at `offset`.
    func isSequenceEntry(at offset: Int) -> Bool {
        guard bytes[offset] == UInt8(ascii: "-") else { return false }
        let next = offset + 1
        return next >= bytes.count || SuppressionParser.isBlank(bytes[next]) || bytes[next] == UInt8(ascii: "\n")
    }

    /// Whether the line's text, its trailing comment and blanks left out, ends with `:` (a key whose value is
    /// nested below).
    func endsWithColon(_ line: Int) -> Bool {
        var end = contentEnd(of: line)
        let lower = lineStarts[line]
        // A trailing comment: the last comment starting on this line.
        let after = partitionPoint(in: commentStarts.indices) { commentStarts[$0] < end }
        if after > 0 && commentStarts[after - 1] >= lower { end = commentStarts[after - 1] }
        while end > lower && SuppressionParser.isBlank(bytes[end - 1]) { end -= 1 }
        return end > lower && bytes[end - 1] == UInt8(ascii: ":")
    }

    /// The bytes to delete to remove the comment at `comment`: the whole line when only blanks surround it,
    /// else the comment and the blanks before it.
    func removal(of comment: Range<Int>) -> SourceRange {
        let line = line(of: comment.lowerBound)
        let lineStart = start(of: line)
        let end = contentEnd(of: line)
        var lower = comment.lowerBound
        while lower > lineStart && SuppressionParser.isBlank(bytes[lower - 1]) { lower -= 1 }
        var after = comment.upperBound
        while after < end && SuppressionParser.isBlank(bytes[after]) { after += 1 }
        if lower == lineStart && after == end {
            let next = line + 1 < lineCount ? start(of: line + 1) : bytes.count
            return .bytes(lineStart, next)
        }
        return .bytes(lower, comment.upperBound)
    }
}
