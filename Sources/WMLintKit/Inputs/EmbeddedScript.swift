import WMLintSource
import WMLintSyntax

/// Shell code embedded in another file (a Markdown code block, a workflow `run:` step), mapped back to that file.
struct EmbeddedScript: Sendable {
    /// The script's bytes, each mapped to the file bytes it came from.
    var text: SourceText
    /// File ranges whose value is not statically known (`${{ … }}` in a workflow): a shell word overlapping one
    /// is treated as holding an expansion.
    var unknownRanges: [SourceRange] = []
    /// Bytes a fix replacement must not contain, because the embedding would not keep them as written (a quote
    /// inside a quoted YAML scalar, a line break in a block scalar); a fix holding one is dropped.
    var unsafeReplacementBytes: [UInt8] = []
    /// Variables the script starts with (a workflow's `env:`, a GitLab job's `variables:`), their values mapped
    /// into the file.
    var environment: [InheritedVariable] = []
    /// Whether the script may start with variables not in ``environment`` (a workflow `env:` given as one
    /// `${{ … }}` expression): a name it never sets may then have any value.
    var inheritsUnknownVariables = false
}

/// Collects a script's bytes and the file offsets they came from.
struct MappedBytesBuilder {
    private(set) var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
        ends.reserveCapacity(capacity)
    }

    /// Appends `byte`, produced by the file bytes `start..<end`.
    mutating func append(_ byte: UInt8, from start: Int, to end: Int) {
        bytes.append(byte)
        starts.append(start)
        ends.append(end)
    }

    /// Appends the file bytes `range` unchanged.
    mutating func append(contentsOf source: [UInt8], range: Range<Int>) {
        for offset in range {
            bytes.append(source[offset])
            starts.append(offset)
            ends.append(offset + 1)
        }
    }

    /// The mapped text; `end` is the file offset of the insertion point after it.
    func text(path: String, end: Int) -> SourceText {
        SourceText(bytes: bytes, path: path, map: OffsetMap(starts: starts + [end], ends: ends))
    }

    /// The first `count` bytes.
    func prefix(_ count: Int) -> MappedBytesBuilder {
        var copy = MappedBytesBuilder()
        copy.bytes = Array(bytes.prefix(count))
        copy.starts = Array(starts.prefix(count))
        copy.ends = Array(ends.prefix(count))
        return copy
    }

    /// The file offset just past the source of byte `index`.
    func fileEnd(of index: Int) -> Int { ends[index] }

    /// Replaces each `${{ … }}` (a GitHub Actions expression, unknown until the workflow runs) with a placeholder
    /// of the same length that the shell reads as a parameter expansion (`$___…`); returns their local ranges.
    mutating func maskExpressions() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index + 2 < count {
            guard bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: "{")
            else {
                index += 1
                continue
            }
            var end = index + 3
            while end < count
                && !(bytes[end] == UInt8(ascii: "}") && end + 1 < count && bytes[end + 1] == UInt8(ascii: "}"))
            {
                end += 1
            }
            end = Swift.min(end + 2, count)
            for offset in (index + 1)..<end { bytes[offset] = UInt8(ascii: "_") }
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }
}

extension ShellScript {
    /// The script with every word that overlaps one of `ranges` (file ranges of unknown text) holding that
    /// range as an expansion, so its value counts as not statically known.
    func markingUnknown(_ ranges: [SourceRange]) -> ShellScript {
        guard !ranges.isEmpty else { return self }
        func mark(_ word: inout ShellWord) {
            for range in ranges where range.overlaps(word.range) && !word.expansions.contains(range) {
                word.expansions.append(range)
            }
            word.expansions.sort { $0.lowerBound < $1.lowerBound }
        }
        var copy = self
        for index in copy.commands.indices {
            for word in copy.commands[index].words.indices { mark(&copy.commands[index].words[word]) }
            for assignment in copy.commands[index].assignments.indices {
                mark(&copy.commands[index].assignments[assignment].value)
            }
        }
        for index in copy.bindings.indices {
            if case .assignment(var value) = copy.bindings[index].kind {
                mark(&value)
                copy.bindings[index].kind = .assignment(value)
            }
        }
        return copy
    }
}
