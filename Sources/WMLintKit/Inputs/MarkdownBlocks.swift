import WMLintSource

/// Finds the shell code in a Markdown file's fenced code blocks.
///
/// Fences follow CommonMark: three or more backticks or tildes, indented at most three columns (relative to the
/// content of an enclosing list item), closed by a fence of the same character at least as long, or by the end
/// of the file or of the list item. The first word of the info string picks the language: `sh`, `bash`, `shell`,
/// `zsh` and the sessions `console`, `shell-session` and `sh-session` are read (case-insensitively); in a session,
/// only lines starting with `$ ` are commands
/// (the prompt left out), with the lines that continue one after a trailing backslash (a `> ` continuation
/// prompt left out too); output lines are dropped.
/// Each block's text keeps a map from every byte back to the `.md` file. Block quotes are not entered.
enum MarkdownBlocks {
    enum Language {
        case shell, console
    }

    static let shellLanguages: Set<String> = ["sh", "bash", "shell", "zsh"]
    /// Terminal sessions: `$ ` prompts, continuation lines and output.
    static let sessionLanguages: Set<String> = ["console", "shell-session", "sh-session"]

    /// The shell blocks of `file`, in source order; blocks without any byte of script are left out.
    static func scripts(in file: SourceFile) -> [EmbeddedScript] {
        var scanner = Scanner(buffer: file.bytes, path: file.path)
        return scanner.run()
    }

    private struct Fence {
        var marker: UInt8
        var length: Int
        /// Columns of indentation of the opening fence: up to this many spaces are removed from content lines.
        var indent: Int
        /// The content column of the list item holding the fence (0 at top level).
        var base: Int
        var language: Language?
        var builder = MappedBytesBuilder()
        /// The file offset just past the last byte of content seen (the block's end insertion point).
        var end: Int
        /// Whether the previous console command line ended with a backslash.
        var isContinuing = false
    }

    private struct Scanner {
        /// The file's bytes.
        let buffer: [UInt8]
        let path: String
        var scripts: [EmbeddedScript] = []
        var fence: Fence?
        /// Content columns of the list items that may still hold a fence, innermost last.
        var listIndents: [Int] = []

        init(buffer: [UInt8], path: String) {
            self.buffer = buffer
            self.path = path
        }

        mutating func run() -> [EmbeddedScript] {
            var start = 0
            let count = buffer.count
            while start < count {
                var end = start
                while end < count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
                let next = end < count ? end + 1 : end
                line(start, end, next)
                start = next
            }
            if fence != nil { close() }
            return scripts
        }

        /// The column and offset of the first byte after the line's indentation (tabs stop every 4 columns).
        func indentation(_ start: Int, _ end: Int) -> (column: Int, offset: Int) {
            var column = 0
            var offset = start
            while offset < end {
                switch buffer[offset] {
                case UInt8(ascii: " "): column += 1
                case UInt8(ascii: "\t"): column += 4 - column % 4
                default: return (column, offset)
                }
                offset += 1
            }
            return (column, offset)
        }

        func isBlank(_ from: Int, _ end: Int) -> Bool {
            var offset = from
            while offset < end {
                let byte = buffer[offset]
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                    return false
                }
                offset += 1
            }
            return true
        }

        /// The length of the run of `marker` at `from`.
        func run(of marker: UInt8, at from: Int, _ end: Int) -> Int {
            var offset = from
            while offset < end && buffer[offset] == marker { offset += 1 }
            return offset - from
        }

        mutating func line(_ start: Int, _ end: Int, _ next: Int) {
            let (column, first) = indentation(start, end)
            if var open = fence {
                let blank = isBlank(first, end)
                if !blank && open.base > 0 && column < open.base {
                    // The list item holding the fence ended, and the fence with it.
                    close()
                } else {
                    if !blank && column - open.base <= 3 && buffer[first] == open.marker {
                        let length = run(of: open.marker, at: first, end)
                        if length >= open.length && isBlank(first + length, end) {
                            close()
                            return
                        }
                    }
                    content(&open, start, end, next)
                    fence = open
                    return
                }
            }
            if isBlank(first, end) { return }
            if let opened = opening(column: column, first: first, end: end, next: next) {
                fence = opened
                return
            }
            trackList(column: column, first: first, end: end)
        }

        /// A fence opening at `first`, if the line is one.
        func opening(column: Int, first: Int, end: Int, next: Int) -> Fence? {
            let marker = buffer[first]
            guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
            guard let base = ([0] + listIndents).last(where: { column >= $0 && column - $0 <= 3 }) else { return nil }
            let length = run(of: marker, at: first, end)
            guard length >= 3 else { return nil }
            var infoStart = first + length
            while infoStart < end && (buffer[infoStart] == UInt8(ascii: " ") || buffer[infoStart] == UInt8(ascii: "\t"))
            {
                infoStart += 1
            }
            var wordEnd = infoStart
            while wordEnd < end {
                let byte = buffer[wordEnd]
                if marker == UInt8(ascii: "`") && byte == UInt8(ascii: "`") { return nil }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { break }
                wordEnd += 1
            }
            if marker == UInt8(ascii: "`") {
                for offset in wordEnd..<end where buffer[offset] == UInt8(ascii: "`") { return nil }
            }
            let word = String(decoding: buffer[infoStart..<wordEnd], as: UTF8.self)
                .lowercased()
            let language: Language? =
                shellLanguages.contains(word) ? .shell : sessionLanguages.contains(word) ? .console : nil
            return Fence(marker: marker, length: length, indent: column, base: base, language: language, end: next)
        }

        /// Keeps ``listIndents`` up to date with a line outside any fence.
        mutating func trackList(column: Int, first: Int, end: Int) {
            let byte = buffer[first]
            var markerEnd = first
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                markerEnd = first + 1
            } else {
                while markerEnd < end && markerEnd - first < 9 && buffer[markerEnd] >= UInt8(ascii: "0")
                    && buffer[markerEnd] <= UInt8(ascii: "9")
                {
                    markerEnd += 1
                }
                if markerEnd == first || markerEnd >= end
                    || (buffer[markerEnd] != UInt8(ascii: ".") && buffer[markerEnd] != UInt8(ascii: ")"))
                {
                    markerEnd = first
                } else {
                    markerEnd += 1
                }
            }
            let isMarker =
                markerEnd > first && markerEnd < end
                && (buffer[markerEnd] == UInt8(ascii: " ") || buffer[markerEnd] == UInt8(ascii: "\t"))
            while let last = listIndents.last, last > column { listIndents.removeLast() }
            guard isMarker else { return }
            var spaces = 0
            var offset = markerEnd
            while offset < end && buffer[offset] == UInt8(ascii: " ") && spaces < 4 {
                spaces += 1
                offset += 1
            }
            listIndents.append(column + (markerEnd - first) + Swift.max(spaces, 1))
        }

        /// Adds a content line of the open fence to its script.
        func content(_ open: inout Fence, _ start: Int, _ end: Int, _ next: Int) {
            guard let language = open.language else { return }
            var from = start
            while from < end && from - start < open.indent && buffer[from] == UInt8(ascii: " ") { from += 1 }
            switch language {
            case .shell:
                open.builder.appendLine(of: buffer, range: from..<next)
                open.end = next
            case .console:
                let prompt = open.isContinuing ? UInt8(ascii: ">") : UInt8(ascii: "$")
                if end - from >= 2, buffer[from] == prompt, buffer[from + 1] == UInt8(ascii: " ") {
                    from += 2
                } else if !open.isContinuing {
                    return
                }
                open.builder.appendLine(of: buffer, range: from..<next)
                open.end = next
                var last = end
                if last > from && buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                open.isContinuing = last > from && buffer[last - 1] == UInt8(ascii: "\\")
            }
        }

        mutating func close() {
            if let open = fence, open.language != nil, !open.builder.bytes.isEmpty {
                scripts.append(EmbeddedScript(text: open.builder.text(path: path, end: open.end)))
            }
            fence = nil
        }
    }
}

extension MappedBytesBuilder {
    /// Appends the line `range` of `buffer` (its line ending included), each byte mapped to itself, except that a
    /// CRLF ending becomes a newline: Markdown reads CRLF as a line ending, and a command copied from the
    /// rendered page has none.
    mutating func appendLine(of buffer: [UInt8], range: Range<Int>) {
        for offset in range {
            if buffer[offset] == UInt8(ascii: "\r") && offset + 1 < range.upperBound
                && buffer[offset + 1] == UInt8(ascii: "\n")
            {
                continue
            }
            append(buffer[offset], from: offset, to: offset + 1)
        }
    }
}
