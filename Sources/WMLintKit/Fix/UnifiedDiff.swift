import WMLintSource

/// `--diff` output: a standard unified diff that `patch -p1` and `git apply` accept.
///
/// Each file starts with `--- a/PATH` and `+++ b/PATH`; hunks have 3 lines of context and headers
/// `@@ -start,count +start,count @@` (1-based line numbers; a count of 0 names the line before). A last line
/// without a newline is followed by `\ No newline at end of file`. Lines are compared as bytes, `\r` included,
/// so CRLF files diff and patch back exactly. The changed lines come from the edits themselves, not from a
/// search over the whole file: the cost is linear in the file size.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    /// The diff of every changed file of `plan`, in path order, as bytes: lines are copied byte for byte, so
    /// a file holding invalid UTF-8 still patches back exactly. Empty when nothing changes.
    public static func bytes(_ plan: FixPlan) -> [UInt8] {
        var output: [UInt8] = []
        for file in plan.files where file.isChanged {
            output.append(contentsOf: bytes(path: file.path, original: file.original, edits: file.edits))
        }
        return output
    }

    /// The diff of every changed file of `plan` as text (invalid UTF-8 in a file's lines is repaired: write
    /// ``bytes(_:)`` to keep such files exact).
    public static func render(_ plan: FixPlan) -> String {
        String(decoding: bytes(plan), as: UTF8.self)
    }

    /// The diff of one file from `original` to `fixed`: the changed lines found by a line diff (Myers, bounded:
    /// past `maxEdits` differing lines, one change block from the common prefix and suffix).
    public static func render(path: String, original: [UInt8], fixed: [UInt8], maxEdits: Int = 2000) -> String {
        guard original != fixed else { return "" }
        let edits =
            lineEdits(path: path, original: original, fixed: fixed, maxEdits: maxEdits)
            ?? [wholeBlock(path: path, original: original, fixed: fixed)]
        return String(decoding: bytes(path: path, original: original, edits: edits), as: UTF8.self)
    }

    /// One edit from the common prefix and suffix of the two texts.
    private static func wholeBlock(path: String, original: [UInt8], fixed: [UInt8]) -> TextEdit {
        var prefix = 0
        let shorter = min(original.count, fixed.count)
        while prefix < shorter && original[prefix] == fixed[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix && original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix] {
            suffix += 1
        }
        return TextEdit(
            path: path, range: .bytes(prefix, original.count - suffix),
            replacement: String(decoding: fixed[prefix..<(fixed.count - suffix)], as: UTF8.self))
    }

    /// Line-level edits turning `original` into `fixed` (Myers' O((N+M)·D) diff), or `nil` past `maxEdits`.
    static func lineEdits(path: String, original: [UInt8], fixed: [UInt8], maxEdits: Int) -> [TextEdit]? {
        let old = LineSplit(original)
        let new = LineSplit(fixed)
        let a = (0..<old.count).map { old.line($0, in: original) }
        let b = (0..<new.count).map { new.line($0, in: fixed) }
        let n = a.count
        let m = b.count
        let offset = maxEdits + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...maxEdits {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        // Walk back through the trace: each step is one inserted or deleted line.
        var x = n
        var y = m
        var deleted = [Bool](repeating: false, count: n)
        var inserted = [Bool](repeating: false, count: m)
        for d in stride(from: trace.count - 1, through: 1, by: -1) {
            let previous = trace[d]
            let k = x - y
            let down = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = previous[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
            }
            if down { inserted[previousY] = true } else { deleted[previousX] = true }
            x = previousX
            y = previousY
        }
        // Runs of changed lines become edits in `original`'s byte offsets.
        var edits: [TextEdit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && !deleted[i] && !inserted[j] {
                i += 1
                j += 1
                continue
            }
            let startI = i
            let startJ = j
            while i < n && deleted[i] { i += 1 }
            while j < m && inserted[j] { j += 1 }
            let lower = startI < n ? old.start(of: startI) : original.count
            let upper = i < n ? old.start(of: i) : original.count
            let newLower = startJ < m ? new.start(of: startJ) : fixed.count
            let newUpper = j < m ? new.start(of: j) : fixed.count
            edits.append(
                TextEdit(
                    path: path, range: .bytes(lower, upper),
                    replacement: String(decoding: fixed[newLower..<newUpper], as: UTF8.self)))
        }
        return edits
    }

    /// The diff of one file, from `original` and its edits (sorted, not overlapping, offsets into `original`).
    static func bytes(path: String, original: [UInt8], edits: [TextEdit]) -> [UInt8] {
        let old = LineSplit(original)
        let changes = changeBlocks(old: old, original: original, edits: edits)
        guard !changes.isEmpty else { return [] }
        var output: [UInt8] = []
        let name = displayName(path)
        output.append(contentsOf: Array("--- a/\(name)\n+++ b/\(name)\n".utf8))

        // Group changes whose context would touch or overlap into hunks.
        var groupStart = 0
        var delta = 0  // new line index minus old line index before the current group
        while groupStart < changes.count {
            var groupEnd = groupStart + 1
            while groupEnd < changes.count,
                changes[groupEnd].oldStart - changes[groupEnd - 1].oldEnd <= 2 * context
            {
                groupEnd += 1
            }
            let first = changes[groupStart]
            let last = changes[groupEnd - 1]
            let hunkOldStart = max(0, first.oldStart - context)
            let hunkOldEnd = min(old.count, last.oldEnd + context)
            var oldCount = hunkOldEnd - hunkOldStart
            var newCount = oldCount
            for change in changes[groupStart..<groupEnd] {
                newCount += change.newLines.count - (change.oldEnd - change.oldStart)
            }
            let hunkNewStart = hunkOldStart + delta
            var body: [UInt8] = []
            var cursor = hunkOldStart
            for change in changes[groupStart..<groupEnd] {
                for line in cursor..<change.oldStart { appendLine(" ", old.line(line, in: original), to: &body) }
                for line in change.oldStart..<change.oldEnd {
                    appendLine("-", old.line(line, in: original), to: &body)
                }
                for line in change.newLines { appendLine("+", line, to: &body) }
                cursor = change.oldEnd
                delta += change.newLines.count - (change.oldEnd - change.oldStart)
            }
            for line in cursor..<hunkOldEnd { appendLine(" ", old.line(line, in: original), to: &body) }
            oldCount = hunkOldEnd - hunkOldStart
            let header =
                "@@ -\(rangeText(start: hunkOldStart, count: oldCount)) +\(rangeText(start: hunkNewStart, count: newCount)) @@\n"
            output.append(contentsOf: Array(header.utf8))
            output.append(contentsOf: body)
            groupStart = groupEnd
        }
        return output
    }

    /// `start,count` with a 1-based start; for an empty range, the number of the line before it.
    private static func rangeText(start: Int, count: Int) -> String {
        "\(count == 0 ? start : start + 1),\(count)"
    }

    /// The path after `a/` and `b/`: without a leading `./` or `/`.
    private static func displayName(_ path: String) -> String {
        var name = Path.clean(path)
        while name.hasPrefix("/") { name.removeFirst() }
        return name
    }

    private static func appendLine(_ marker: Character, _ line: ArraySlice<UInt8>, to body: inout [UInt8]) {
        body.append(marker.asciiValue ?? UInt8(ascii: " "))
        body.append(contentsOf: line)
        if line.last != UInt8(ascii: "\n") {
            body.append(contentsOf: Array("\n\\ No newline at end of file\n".utf8))
        }
    }

    /// A run of old lines replaced by new lines (0-based old line indices, half-open).
    struct Change {
        var oldStart: Int
        var oldEnd: Int
        var newLines: [ArraySlice<UInt8>]
    }

    /// The changed line blocks: each edit widened to whole lines, blocks that touch merged, then common leading
    /// and trailing lines dropped.
    static func changeBlocks(old: LineSplit, original: [UInt8], edits: [TextEdit]) -> [Change] {
        var changes: [Change] = []
        var index = 0
        while index < edits.count {
            let firstLine = old.lineIndex(containing: edits[index].range.lowerBound.offset)
            var lastLine = endLine(of: edits[index], old: old)
            var end = index + 1
            var newBytes: [UInt8] = []
            while true {
                while end < edits.count, old.lineIndex(containing: edits[end].range.lowerBound.offset) < lastLine {
                    lastLine = max(lastLine, endLine(of: edits[end], old: old))
                    end += 1
                }
                newBytes = blockBytes(
                    original: original, edits: edits[index..<end], from: old.start(of: firstLine),
                    to: old.start(of: lastLine))
                // A block whose new text lost its last newline joins the next line: take that line in too.
                if lastLine < old.count, let byte = newBytes.last, byte != UInt8(ascii: "\n") {
                    lastLine += 1
                    continue
                }
                break
            }
            let newSplit = LineSplit(newBytes)
            var newStart = 0
            var newEnd = newSplit.count
            var oldStart = firstLine
            var oldEnd = lastLine
            while oldStart < oldEnd, newStart < newEnd,
                newSplit.line(newStart, in: newBytes).elementsEqual(old.line(oldStart, in: original))
            {
                oldStart += 1
                newStart += 1
            }
            while oldEnd > oldStart, newEnd > newStart,
                newSplit.line(newEnd - 1, in: newBytes).elementsEqual(old.line(oldEnd - 1, in: original))
            {
                oldEnd -= 1
                newEnd -= 1
            }
            let newLines = (newStart..<newEnd).map { newSplit.line($0, in: newBytes) }
            if oldStart < oldEnd || !newLines.isEmpty {
                changes.append(Change(oldStart: oldStart, oldEnd: oldEnd, newLines: newLines))
            }
            index = end
        }
        return changes
    }

    /// The bytes of old `[from, to)` with `edits` (all inside it) applied.
    private static func blockBytes(original: [UInt8], edits: ArraySlice<TextEdit>, from: Int, to: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var cursor = from
        for edit in edits {
            let range = edit.range.offsets
            bytes.append(contentsOf: original[cursor..<range.lowerBound])
            bytes.append(contentsOf: edit.replacement.utf8)
            cursor = range.upperBound
        }
        bytes.append(contentsOf: original[cursor..<max(cursor, to)])
        return bytes
    }

    /// The index just past the last old line an edit touches: the line holding its last replaced byte, or for an
    /// insertion the line it is inserted into (a line holding nothing yet past the end of the file counts as none).
    private static func endLine(of edit: TextEdit, old: LineSplit) -> Int {
        let range = edit.range.offsets
        let last = range.isEmpty ? range.lowerBound : range.upperBound - 1
        return min(old.lineIndex(containing: last) + 1, old.count)
    }
}

/// The lines of a byte buffer: each ends after its `\n`, the last may have none.
struct LineSplit {
    /// The start offset of each line, then the end of the buffer.
    private var starts: [Int]
    /// Whether the buffer is empty or ends with `\n` (so its end starts no line of its own).
    private var endsWithNewline: Bool

    init(_ bytes: [UInt8]) {
        starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        endsWithNewline = starts.last == bytes.count
        if !endsWithNewline { starts.append(bytes.count) }
    }

    /// The number of lines.
    var count: Int { starts.count - 1 }

    /// The start offset of line `index` (0-based); the buffer's end for `count`.
    func start(of index: Int) -> Int { starts[min(max(index, 0), count)] }

    /// The bytes of line `index`, its `\n` included.
    func line(_ index: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes[start(of: index)..<start(of: index + 1)]
    }

    /// The 0-based index of the line holding byte `offset`; `count` for the end of a buffer ending in `\n`.
    func lineIndex(containing offset: Int) -> Int {
        if endsWithNewline && offset >= starts[count] { return count }
        // The last line starting at or before the offset (the first line starts at 0).
        return max(partitionPoint(in: 0..<max(count, 1)) { starts[$0] <= offset } - 1, 0)
    }
}
