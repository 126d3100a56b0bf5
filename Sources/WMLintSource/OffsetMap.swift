/// Maps a decoded text back to the file bytes it came from.
///
/// A shell word loses its quotes, escapes and continuations when decoded; JSON or shorthand parsed from that
/// word still reports positions in the file through this map. Every decoded byte `i` came from the file bytes
/// `start(of: i)..<end(of: i)` (0-based UTF-8 offsets); ``endOffset`` is the insertion point after the text.
///
/// The map is stored as runs, not per byte: a run of decoded bytes copied unchanged from consecutive file bytes
/// (a quoted or unquoted segment of a word) is one entry, as is a run of decoded bytes that all come from the same
/// source bytes (the UTF-8 of one `\u00E9` escape). A word costs memory per segment, not per byte. Runs are built
/// greedily in decoded order, so equal maps have equal runs (``Hashable`` compares the mapping itself).
public struct OffsetMap: Hashable, Sendable {
    /// Decoded bytes `local ..< (the next run's local, or count)`.
    @usableFromInline
    struct Run: Hashable, Sendable {
        /// The first decoded byte of the run.
        var local: Int
        /// The file offset of the first source byte of decoded byte `local`.
        var start: Int
        /// For a constant run, the file offset just past the source of every byte of the run; unused for a step
        /// run.
        var end: Int
        /// A step run: decoded byte `local + k` is file byte `start + k` alone.
        var step: Bool
    }

    /// The first run (a placeholder when the text is empty): most words are one segment, kept without an
    /// allocation.
    @usableFromInline var head = Run(local: 0, start: 0, end: 0, step: false)
    /// The runs after the first.
    @usableFromInline var tail: [Run] = []
    /// The number of decoded bytes.
    public private(set) var count: Int = 0
    /// The file offset of the insertion point after the text.
    public private(set) var endOffset: Int = 0

    /// A map of `starts.count - 1` decoded bytes: byte `i` came from `starts[i]..<ends[i]`, and `starts.last` is
    /// the insertion point after the text.
    public init(starts: [Int], ends: [Int]) {
        var builder = Builder()
        let count = Swift.max(starts.count - 1, 0)
        for index in 0..<count {
            builder.append(start: starts[index], end: index < ends.count ? ends[index] : starts[index])
        }
        self = builder.map(endOffset: starts.last ?? 0)
    }

    /// The identity map of a text that sits unchanged at `base` in the file, `count` bytes long.
    ///
    /// The same map as a ``Builder`` given one step of `count` bytes at `base` makes, without allocating.
    public static func contiguous(base: Int, count: Int) -> OffsetMap {
        var map = OffsetMap(runs: [], count: 0, endOffset: base + count)
        if count > 0 {
            map.head = Run(local: 0, start: base, end: base + 1, step: true)
            map.count = count
        }
        return map
    }

    /// Collects a map byte by byte or segment by segment, in decoded order.
    public struct Builder: Sendable {
        @usableFromInline var runs: [Run] = []
        /// The number of decoded bytes so far.
        public private(set) var count = 0

        public init() {}

        /// Appends one decoded byte that came from the file bytes `start..<end`.
        public mutating func append(start: Int, end: Int) {
            if let last = runs.last {
                let length = count - last.local
                if last.step {
                    if end == start + 1 && start == last.start + length {
                        count += 1
                        return
                    }
                    if length == 1 && start == last.start && end == last.start + 1 {
                        // The same single byte again: the run becomes constant.
                        runs[runs.count - 1].step = false
                        runs[runs.count - 1].end = end
                        count += 1
                        return
                    }
                } else if start == last.start && end == last.end {
                    count += 1
                    return
                }
            }
            runs.append(Run(local: count, start: start, end: end, step: end == start + 1))
            count += 1
        }

        /// Appends `count` decoded bytes copied from the file bytes `start..<(start + count)`.
        public mutating func appendStep(start: Int, count: Int) {
            guard count > 0 else { return }
            append(start: start, end: start + 1)
            guard count > 1 else { return }
            if runs[runs.count - 1].step {
                self.count += count - 1
            } else {
                append(start: start + 1, end: start + 2)
                self.count += count - 2
            }
        }

        /// Appends `count` decoded bytes that all came from the file bytes `start..<end`.
        public mutating func appendConstant(start: Int, end: Int, count: Int) {
            var remaining = count
            while remaining > 0 {
                if let last = runs.last, !last.step, last.start == start, last.end == end {
                    self.count += remaining
                    return
                }
                append(start: start, end: end)
                remaining -= 1
            }
        }

        /// Appends the decoded bytes `range` of `other`, mapped as they are there.
        public mutating func append(contentsOf other: Builder, range: Range<Int>) {
            guard range.lowerBound < range.upperBound else { return }
            var index = OffsetMap.run(containing: range.lowerBound, in: other.runs)
            while index < other.runs.count {
                let run = other.runs[index]
                guard run.local < range.upperBound else { return }
                let upper = Swift.min(
                    index + 1 < other.runs.count ? other.runs[index + 1].local : other.count, range.upperBound)
                let lower = Swift.max(run.local, range.lowerBound)
                if run.step {
                    appendStep(start: run.start + (lower - run.local), count: upper - lower)
                } else {
                    appendConstant(start: run.start, end: run.end, count: upper - lower)
                }
                index += 1
            }
        }

        /// The file offset of the source of decoded byte `range.lowerBound` when the decoded bytes `range` (not
        /// empty) are copied unchanged from consecutive file bytes (one step run holds them all); `nil` otherwise.
        public func stepStart(of range: Range<Int>) -> Int? {
            guard !runs.isEmpty, range.lowerBound < range.upperBound, range.upperBound <= count else { return nil }
            let index = OffsetMap.run(containing: range.lowerBound, in: runs)
            let run = runs[index]
            let runEnd = index + 1 < runs.count ? runs[index + 1].local : count
            guard run.step, range.upperBound <= runEnd else { return nil }
            return run.start + (range.lowerBound - run.local)
        }

        /// The number of runs so far.
        public var runCount: Int { runs.count }

        /// Makes room for `runs` runs in all.
        public mutating func reserveCapacity(_ runs: Int) {
            self.runs.reserveCapacity(runs)
        }

        /// Removes every byte, keeping the storage.
        public mutating func removeAll() {
            // Most words are a run or two: removed one at a time, which costs less than a range replacement.
            if runs.count > 4 {
                runs.removeAll(keepingCapacity: true)
            } else {
                while !runs.isEmpty { runs.removeLast() }
            }
            count = 0
        }

        /// The map of the bytes collected, `endOffset` being the insertion point after them.
        public func map(endOffset: Int) -> OffsetMap {
            OffsetMap(runs: runs, count: count, endOffset: endOffset)
        }

        /// The file offset of the first source byte of decoded byte `index` (`0..<count`).
        public func start(of index: Int) -> Int {
            let run = runs[OffsetMap.run(containing: index, in: runs)]
            return run.step ? run.start + (index - run.local) : run.start
        }

        /// The file offset just past the source of decoded byte `index` (`0..<count`).
        public func end(of index: Int) -> Int {
            let run = runs[OffsetMap.run(containing: index, in: runs)]
            return run.step ? run.start + (index - run.local) + 1 : run.end
        }

        /// The map of decoded bytes `from...`, `endOffset` being the insertion point after them.
        public func map(from: Int, endOffset: Int) -> OffsetMap {
            guard from > 0 else { return map(endOffset: endOffset) }
            return map(endOffset: endOffset).suffix(from: from)
        }
    }

    private init(runs: [Run], count: Int, endOffset: Int) {
        if count > 0, let first = runs.first {
            head = first
            if runs.count > 1 { tail = Array(runs[1...]) }
        }
        self.count = count
        self.endOffset = endOffset
    }

    /// The index of the run holding decoded byte `index` (`0..<count`, runs not empty).
    @usableFromInline
    static func run(containing index: Int, in runs: [Run]) -> Int {
        if runs.count == 1 { return 0 }
        return max(partitionPoint(in: 0..<runs.count) { runs[$0].local <= index } - 1, 0)
    }

    /// The number of runs.
    var runCount: Int { count > 0 ? 1 + tail.count : 0 }

    /// Run `position` (`0..<runCount`).
    @inline(__always)
    func run(at position: Int) -> Run {
        position == 0 ? head : tail[position - 1]
    }

    /// The run holding decoded byte `index` (`0..<count`).
    @inline(__always)
    func run(holding index: Int) -> Run {
        if tail.isEmpty || index < tail[0].local { return head }
        return tail[Self.run(containing: index, in: tail)]
    }

    /// The position of the run holding decoded byte `index` (`0..<count`).
    func position(holding index: Int) -> Int {
        if tail.isEmpty || index < tail[0].local { return 0 }
        return 1 + Self.run(containing: index, in: tail)
    }

    /// The file offset of the first source byte of decoded byte `index`; ``endOffset`` for `index == count`.
    /// `index` is clamped to `0...count`.
    public func start(of index: Int) -> Int {
        let index = Swift.min(Swift.max(index, 0), count)
        guard index < count else { return endOffset }
        let piece = run(holding: index)
        return piece.step ? piece.start + (index - piece.local) : piece.start
    }

    /// The file offset just past the source of decoded byte `index`, clamped to `0..<count` (``endOffset`` when
    /// the text is empty).
    public func end(of index: Int) -> Int {
        guard count > 0 else { return endOffset }
        let index = Swift.min(Swift.max(index, 0), count - 1)
        let piece = run(holding: index)
        return piece.step ? piece.start + (index - piece.local) + 1 : piece.end
    }

    /// For each decoded byte, the 0-based file offset of the first source byte that produced it; plus one final
    /// entry for the end of the text (built on each call: prefer ``start(of:)``).
    public var starts: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count + 1)
        for index in 0..<count { result.append(start(of: index)) }
        result.append(endOffset)
        return result
    }

    /// For each decoded byte, the 0-based file offset just past the source bytes that produced it (built on each
    /// call: prefer ``end(of:)``).
    public var ends: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(end(of: index)) }
        return result
    }

    /// The file range of decoded bytes `local` (clamped).
    public func fileRange(_ local: Range<Int>) -> SourceRange {
        let lower = Swift.min(Swift.max(local.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(local.upperBound, lower), count)
        if upper == lower {
            let offset = start(of: lower)
            return .bytes(offset, offset)
        }
        return .bytes(start(of: lower), end(of: upper - 1))
    }

    /// The map of decoded bytes `from...` (clamped), as a map of their own.
    public func suffix(from: Int) -> OffsetMap {
        let from = Swift.min(Swift.max(from, 0), count)
        guard from > 0 else { return self }
        return pieces(from..<count).map(endOffset: endOffset)
    }

    /// The map of decoded bytes `range` (clamped), as a map of their own; its insertion point is after the source
    /// of the last byte (or at the first one's start when `range` is empty).
    public func slice(_ range: Range<Int>) -> OffsetMap {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), count)
        return pieces(lower..<upper).map(endOffset: upper > lower ? end(of: upper - 1) : start(of: lower))
    }

    /// The runs of decoded bytes `range` (within `0..<count`), rebased to 0.
    private func pieces(_ range: Range<Int>) -> Builder {
        var builder = Builder()
        guard !range.isEmpty else { return builder }
        var position = position(holding: range.lowerBound)
        while position < runCount {
            let piece = run(at: position)
            guard piece.local < range.upperBound else { break }
            let upper = Swift.min(position + 1 < runCount ? run(at: position + 1).local : count, range.upperBound)
            let lower = Swift.max(piece.local, range.lowerBound)
            if piece.step {
                builder.appendStep(start: piece.start + (lower - piece.local), count: upper - lower)
            } else {
                builder.appendConstant(start: piece.start, end: piece.end, count: upper - lower)
            }
            position += 1
        }
        return builder
    }

    /// The first decoded byte whose source starts at or after the file offset `target`, searching `0..<count`
    /// (``count`` when none does); the starts are assumed in order.
    public func firstIndex(startingAtLeast target: Int) -> Int {
        partitionPoint(in: 0..<count) { start(of: $0) < target }
    }

    /// The first decoded byte whose source ends at or after the file offset `target`, searching `0..<count`
    /// (``count`` when none does); the ends are assumed in order.
    public func firstIndex(endingAtLeast target: Int) -> Int {
        partitionPoint(in: 0..<count) { end(of: $0) < target }
    }
}

/// A text to parse: its bytes, the file it lives in, and how its offsets map into that file.
public struct SourceText: Sendable {
    /// The bytes to parse (after shell decoding, for a word).
    public var bytes: [UInt8]
    /// The path of the file holding the text, as shown in diagnostics.
    public var path: String
    /// How offsets in `bytes` map to file offsets; `nil` when `bytes` is the whole file, unchanged.
    public var map: OffsetMap?

    public init(bytes: [UInt8], path: String, map: OffsetMap? = nil) {
        self.bytes = bytes
        self.path = path
        self.map = map
    }

    public init(file: SourceFile) {
        self.init(bytes: file.bytes, path: file.path)
    }

    /// The file range of the 0-based byte range `local` of ``bytes``.
    @inline(__always)
    public func fileRange(_ local: Range<Int>) -> SourceRange {
        guard let map else { return .bytes(local.lowerBound, local.upperBound) }
        return map.fileRange(local)
    }

    /// The file range of `start..<end`, both 0-based offsets in ``bytes``.
    @inline(__always)
    public func fileRange(_ start: Int, _ end: Int) -> SourceRange {
        fileRange(start..<Swift.max(start, end))
    }
}
