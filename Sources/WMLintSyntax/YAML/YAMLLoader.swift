public import WMLintSource

/// Loads one YAML document through libyaml's event API, typing scalars as the AWS CLI v2 does (ruamel.yaml,
/// safe mode, YAML 1.2; `%YAML 1.1` switches to 1.1 typing).
public enum YAMLLoader {
    /// Loads `text`, which must hold exactly one document.
    ///
    /// Reports `yaml-syntax` (libyaml errors, more than one document, nesting deeper than `maxDepth`, alias
    /// expansion over `maxAliasExpansion` nodes, values ruamel.yaml's safe loader cannot construct, tabs its
    /// scanner rejects; `!!set` and `!!binary`, which it constructs as a set and bytes that botocore's parameter
    /// validation then refuses) and `duplicate-key`. An empty document gives a `null` root. The root is `nil` after an
    /// error that stops loading (a libyaml error, the depth or alias limit).
    ///
    /// A node's range starts at its first property (`&anchor`, `!tag`) when it has one; a block collection
    /// ends with its last entry; an alias yields a copy of the anchored node, with that node's ranges.
    ///
    /// `demand` says which values to build (``NodeDemand``); the others become opaque nodes whose events are
    /// checked without building strings or nodes. Every diagnostic is the same as for `.all`, but duplicate keys
    /// inside opaque values, which are not looked for. A node with an anchor is built whole wherever it is,
    /// since an alias may use it, and so is the value of a merge key and an `!!omap` sequence, whose faults
    /// depend on their content.
    public static func load(
        _ text: SourceText, demand: NodeDemand = .all, maxDepth: Int = 256, maxAliasExpansion: Int = 10_000
    ) -> ParseResult {
        let empty = ParseResult(
            root: SyntaxNode(.null, range: text.fileRange(0, 0)).shaped(to: demand), diagnostics: [])
        if text.bytes.isEmpty { return empty }
        return BorrowedBytes.over(text.bytes) { bytes -> ParseResult in
            var loader = EventLoader(
                text: text, base: bytes, demand: demand, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion)
            return loader.run()
        }
    }
}

/// Turns libyaml marks (0-based, counting Unicode scalars after a leading byte order mark) into 0-based UTF-8
/// byte offsets.
///
/// It keeps one converted position and the run of ASCII bytes around it: a mark inside that run converts in
/// constant time, and a walk past the run steps over one multi-byte character and finds the next run eight bytes
/// at a time. Marks mostly move forward, so converting all of a text's marks reads it about once.
struct MarkConverter {
    /// The document's bytes.
    private let base: BorrowedBytes
    private let count: Int
    /// Bytes of the leading byte order mark, which libyaml does not count.
    private let start: Int
    /// A converted position: `byte` is the offset of scalar `scalar`, the start of a character.
    private var scalar = 0
    private var byte: Int
    /// The bytes in `runStart..<runEnd`, which holds `byte`, are all ASCII: one byte per scalar.
    private var runStart: Int
    private var runEnd: Int

    init(bytes base: BorrowedBytes) {
        self.base = base
        self.count = base.count
        start = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        byte = start
        runStart = start
        runEnd = start
        runEnd = firstNonASCII(from: start)
    }

    /// The byte offset of scalar `index` (clamped to the text).
    @inline(__always)
    mutating func offset(_ index: Int) -> Int {
        let target = byte + (index - scalar)
        if target >= runStart && target <= runEnd { return target }
        return walk(to: index)
    }

    private mutating func walk(to index: Int) -> Int {
        if index < scalar {
            // Back to the run's start, then one character at a time.
            scalar -= byte - runStart
            byte = runStart
            while scalar > index && byte > start {
                byte -= 1
                while byte > start && base[byte] & 0xC0 == 0x80 { byte -= 1 }
                scalar -= 1
            }
            runStart = byte
            runEnd = byte
            return byte
        }
        while true {
            let target = byte + (index - scalar)
            if target <= runEnd { return target }
            scalar += runEnd - byte
            byte = runEnd
            guard byte < count else { return count }
            let lead = base[byte]
            if lead >= 0x80 {
                byte = Swift.min(byte + (lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4), count)
                scalar += 1
                runStart = byte
            }
            runEnd = firstNonASCII(from: byte)
        }
    }

    /// The offset of the first byte at or after `offset` that is not ASCII, or the text's end.
    @inline(__always)
    private func firstNonASCII(from offset: Int) -> Int {
        base.firstNonASCII(from: offset)
    }

    /// The byte offset just past the scalar that starts at byte `offset`.
    func scalarEnd(after offset: Int) -> Int {
        guard offset < count else { return count }
        let lead = base[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return Swift.min(offset + length, count)
    }
}

/// A mapping key waiting for its value.
private struct PendingKey {
    var name: String
    var range: SourceRange
    var isMerge: Bool
}

/// One open collection while events are read.
private struct Frame {
    var isMapping: Bool
    var isBlock: Bool
    /// What is built of the collection: `.all`, `.members` (a mapping's keys and named members) or `.none` (an
    /// opaque collection, whose entries are only checked, not kept).
    var demand: NodeDemand
    var isOpaque: Bool
    /// The byte offset of the collection's start; -1 when not needed (an opaque collection inside another).
    var start: Int
    var tag: String?
    var anchor: String?
    /// Nodes in the subtree so far, this collection included (aliases count their whole target): what an alias
    /// of an anchored collection adds to the expansion count. Anchored collections are built whole; in an opaque
    /// one, which has no anchor, a nested collection counts as one node and only `size > 1` (has an entry)
    /// matters.
    var size = 1
    /// The end of the last entry, as a libyaml mark (Unicode scalars); converted to bytes only when needed.
    var lastEndMark: Int
    var items: [SyntaxNode] = []
    var members: [Member] = []
    /// Whether a mapping has read a key and waits for its value.
    var hasKey = false
    /// The key waiting for its value: always in a built mapping, in an opaque one only for a merge key.
    var key: PendingKey?
    var merged: [Member]?
    /// Index of each key in `members`, built once the mapping is large enough to need it.
    var keyIndex: [String: Int]?
}

/// The flags of an open collection in ``EventLoader/levels``.
private enum Level {
    static let mapping: UInt8 = 1
    static let block: UInt8 = 2
    /// A mapping has read a key and waits for its value.
    static let hasKey: UInt8 = 4
    static let hasEntry: UInt8 = 8
}

private struct EventLoader {
    let text: SourceText
    /// The document's bytes.
    let base: BorrowedBytes
    let count: Int
    /// What is built of the document.
    let demand: NodeDemand
    let maxDepth: Int
    let maxAliasExpansion: Int
    var marks: MarkConverter
    var diagnostics: [Diagnostic] = []
    var frames: [Frame] = []
    var anchors: [String: (node: SyntaxNode, size: Int)] = [:]
    var expanded = 0
    var root: SyntaxNode?
    var documents = 0
    var typing = ScalarTyping.v12
    var stopped = false
    /// Whether the text holds a tab, which ruamel.yaml accepts only in quoted and block scalars, comments and
    /// between flow tokens; the spans below are recorded only then.
    let hasTabs: Bool
    var plainSpans: [Range<Int>] = []
    var quotedSpans: [Range<Int>] = []
    var flowSpans: [Range<Int>] = []
    /// Open flow collections, for ``flowSpans``.
    var flowDepth = 0
    /// Open collections nested in an opaque one, innermost last, kept as one byte each instead of a ``Frame``
    /// (see ``Level``); they become frames when a node inside needs one (``materialize()``). Not used when the
    /// text holds a tab.
    var levels: [UInt8] = []
    /// The end (a libyaml mark) of the last node finished inside ``levels``.
    var levelEnd = 0

    init(
        text: SourceText, base: BorrowedBytes, demand: NodeDemand, maxDepth: Int, maxAliasExpansion: Int
    ) {
        self.text = text
        self.base = base
        self.count = base.count
        self.demand = demand
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        marks = MarkConverter(bytes: base)
        hasTabs = base.find(0x09, from: 0) != nil
    }

    mutating func run() -> ParseResult {
        var stream = YAMLEventStream(input: base)
        guard stream.isReady else {
            report(0, 0, "the YAML parser could not be initialised")
            return ParseResult(root: nil, diagnostics: diagnostics)
        }
        var fatal = false
        loop: while !stopped {
            guard stream.next() else {
                reportParserError(stream.fault)
                fatal = true
                break
            }
            let event = stream.current
            switch event.kind {
            case .streamEnd:
                break loop
            case .documentStart:
                documents += 1
                if documents > 1 {
                    let lower = marks.offset(event.startMark)
                    var upper = marks.offset(event.endMark)
                    if upper <= lower { upper = marks.scalarEnd(after: lower) }
                    report(lower, upper, "expected one document, found a second one")
                    break loop
                }
                if let (major, minor) = event.version {
                    checkVersionDirective(before: marks.offset(event.endMark))
                    if major == 1 && minor == 1 {
                        typing = .v11
                    } else if !(major == 1 && minor == 2) {
                        let lower = marks.offset(event.startMark)
                        report(
                            lower, marks.scalarEnd(after: lower),
                            "unsupported YAML version \(major).\(minor); expected 1.1 or 1.2")
                    }
                }
            case .scalar:
                scalar(event)
            case .alias:
                alias(event)
            case .sequenceStart:
                open(isMapping: false, event: event)
            case .mappingStart:
                open(isMapping: true, event: event)
            case .collectionEnd:
                close(endMark: event.endMark)
            case .other:
                break
            }
        }
        if hasTabs && !fatal && !stopped { checkTabs() }
        if fatal || stopped {
            return ParseResult(root: nil, diagnostics: diagnostics)
        }
        return ParseResult(
            root: root ?? SyntaxNode(.null, range: text.fileRange(0, 0)).shaped(to: demand),
            diagnostics: diagnostics)
    }

    // MARK: Demand

    /// What the innermost open collection asks of its next entry.
    var entryDemand: NodeDemand {
        let last = frames.count - 1
        guard last >= 0 else { return demand }
        if frames[last].key?.isMerge == true {
            // The value of a merge key is built whole: its faults depend on its content.
            return .all
        }
        switch frames[last].demand {
        case .all: return .all
        case .none: return .none
        case .members(let members):
            // Keys are built whole; a value as its member asks.
            guard frames[last].isMapping, frames[last].hasKey, let key = frames[last].key else { return .all }
            return members[key.name] ?? .none
        }
    }

    /// Whether the next node goes into an opaque collection, which only counts it (the root is always built).
    var inOpaque: Bool {
        if !levels.isEmpty { return true }
        let last = frames.count - 1
        guard last >= 0 else { return false }
        return frames[last].isOpaque && frames[last].key == nil
    }

    // MARK: Events

    mutating func scalar(_ event: YAMLEvent) {
        let plain = event.isPlain
        if event.isBlockScalar {
            checkBlockScalarHeader(from: marks.offset(event.startMark), to: marks.offset(event.endMark))
        }
        if event.scalarHasNoProperties && !hasTabs && inOpaque {
            // Inside an opaque value: only a plain scalar's typing can be at fault, and most cannot be.
            if !plain || !typing.mayNeedResolving(event.scalarValue) {
                skipped(size: 1, endMark: event.endMark)
                return
            }
        }
        materialize()
        buildScalar(event)
    }

    mutating func buildScalar(_ item: YAMLEvent) {
        let lower = marks.offset(item.startMark)
        let endMark = item.endMark
        let upper = marks.offset(endMark)
        let bytes = item.scalarValue
        let tag = item.tag
        if tag != nil { checkTagEnd(from: lower) }
        let plain = item.isPlain
        if hasTabs {
            if plain { plainSpans.append(lower..<upper) } else { quotedSpans.append(lower..<upper) }
        }
        let isKey = expectsKey
        if isKey && plain && tag == nil && !item.hasAnchor, case .plainString = typing.resolve(bytes) {
            // The common key: no node is built for it.
            let last = frames.count - 1
            frames[last].size += 1
            frames[last].lastEndMark = endMark
            frames[last].hasKey = true
            if !frames[last].isOpaque {
                frames[last].key = PendingKey(
                    name: bytes.string, range: text.fileRange(lower, upper),
                    isMerge: false)
            }
            return
        }
        let demand = entryDemand
        var value: SyntaxNode.Value
        var isMerge = false
        if tag == nil || tag == "!" {
            // ruamel.yaml resolves a scalar with the non-specific tag '!' as a plain one, even when quoted.
            if plain || tag == "!" {
                switch typing.resolve(bytes) {
                case .merge:
                    if isKey {
                        isMerge = true
                        value = .string("<<")
                    } else {
                        report(lower, upper, "a plain '<<' is a merge key and cannot be a value; quote it")
                        value = .string("<<")
                    }
                case .valueKey:
                    if !isKey { report(lower, upper, "a plain '=' cannot be a value; quote it") }
                    value = .string("=")
                case .typed(let typed):
                    value = typed
                case .plainString:
                    value = .string(bytes.string)
                case .invalid(let problem):
                    report(lower, upper, problem)
                    value = .string(bytes.string)
                }
            } else {
                value = .string(bytes.string)
            }
        } else {
            value = explicitScalar(bytes, tag: tag ?? "", lower: lower, upper: upper, isKey: isKey, isMerge: &isMerge)
        }
        let node = SyntaxNode(value, range: text.fileRange(lower, upper), tag: tag)
        if let anchor = item.anchor { anchors[anchor] = (node, 1) }
        attach(node, shapedTo: demand, size: 1, endMark: endMark, isMerge: isMerge)
    }

    mutating func alias(_ item: YAMLEvent) {
        materialize()
        let lower = marks.offset(item.startMark)
        let endMark = item.endMark
        let upper = marks.offset(endMark)
        let name = item.anchor ?? ""
        guard let target = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                report(lower, upper, "alias \(quoted("*" + name)) refers to a collection that contains it")
            } else {
                report(lower, upper, "undefined alias \(quoted("*" + name)); expected an anchor defined before it")
            }
            let node = SyntaxNode(.null, range: text.fileRange(lower, upper))
            attach(node, shapedTo: entryDemand, size: 1, endMark: endMark, isMerge: false)
            return
        }
        expanded += target.size
        if expanded > maxAliasExpansion {
            report(lower, upper, "alias expansion exceeds \(maxAliasExpansion) nodes")
            stopped = true
            return
        }
        attach(target.node, shapedTo: entryDemand, size: target.size, endMark: endMark, isMerge: false)
    }

    mutating func open(isMapping: Bool, event: YAMLEvent) {
        let isBlock = event.isBlockCollection
        let startMark = event.startMark
        if frames.count + levels.count >= maxDepth {
            let lower = marks.offset(startMark)
            let upper = marks.scalarEnd(after: lower)
            report(lower, upper, "nesting exceeds the depth limit of \(maxDepth)")
            stopped = true
            return
        }
        // A collection used as a key is built whole, wherever it is: ruamel.yaml refuses some (unhashable).
        let isKey: Bool
        if let top = levels.last {
            isKey = top & Level.mapping != 0 && top & Level.hasKey == 0
        } else {
            isKey = expectsKey
        }
        if !event.hasTag && !event.hasAnchor && !hasTabs && !isKey && inOpaque {
            // An opaque collection inside another: nothing of it is kept.
            levels.append((isMapping ? Level.mapping : 0) | (isBlock ? Level.block : 0))
            return
        }
        materialize()
        let lower = marks.offset(startMark)
        let tagString = event.tag
        if tagString != nil { checkTagEnd(from: lower) }
        if let tagString, tagString != "!" {
            let expected = isMapping ? "!!map" : "!!seq"
            if tagString != expected && (isMapping || tagString != "!!omap") {
                let upper = marks.offset(event.endMark)
                report(
                    lower, Swift.max(upper, marks.scalarEnd(after: lower)),
                    isMapping && tagString == "!!set"
                        ? Self.unsendable("!!set", makes: "a set", python: "set", expected: "a mapping or a list")
                        : "unsupported tag \(quoted(tagString)) on a \(isMapping ? "mapping" : "sequence"); the AWS CLI's YAML loader cannot construct it"
                )
            }
        }
        var demand = entryDemand
        let anchor = event.anchor
        if anchor != nil || isKey || (!isMapping && tagString == "!!omap") {
            // Built whole: an alias may use it, or its faults depend on its content; shaped when attached.
            demand = .all
        } else if !isMapping, case .members = demand {
            demand = .none
        }
        if hasTabs && !isBlock {
            flowDepth += 1
        }
        frames.append(
            Frame(
                isMapping: isMapping, isBlock: isBlock, demand: demand, isOpaque: demand == .none, start: lower,
                tag: tagString, anchor: anchor, lastEndMark: startMark))
    }

    mutating func close(endMark: Int) {
        if let flags = levels.popLast() {
            // Its end is all that counts: its last entry's, or its own for a flow or empty collection.
            if flags & Level.block == 0 || flags & Level.hasEntry == 0 { levelEnd = Swift.max(levelEnd, endMark) }
            skipped(size: 1, endMark: levelEnd)
            return
        }
        guard var frame = frames.popLast() else { return }
        if frame.start < 0 {
            // An opaque collection inside another: its end is all that counts.
            var end = frame.lastEndMark
            if !frame.isBlock || frame.size == 1 { end = Swift.max(end, endMark) }
            skipped(size: frame.size, endMark: end)
            return
        }
        if hasTabs && !frame.isBlock {
            flowDepth -= 1
            if flowDepth == 0 {
                flowSpans.append(frame.start..<Swift.max(frame.start, marks.offset(endMark)))
            }
        }
        var upperMark = frame.lastEndMark
        if !frame.isBlock || (frame.size == 1 && frame.merged == nil) {
            upperMark = Swift.max(upperMark, endMark)
        }
        let upper = Swift.max(frame.start, marks.offset(upperMark))
        let range = text.fileRange(frame.start, upper)
        let node: SyntaxNode
        if frame.isOpaque {
            node = SyntaxNode(.opaque(frame.isMapping ? .object : .array), range: range)
        } else if frame.isMapping {
            if var merged = frame.merged {
                if case .members = frame.demand {
                    merged = merged.map { member in
                        var member = member
                        member.value = member.value.shaped(to: frame.demand.member(member.key))
                        return member
                    }
                }
                frame.members = merged + frame.members
            }
            node = SyntaxNode(.object(frame.members), range: range, tag: frame.tag)
        } else if frame.tag == "!!omap" {
            node = SyntaxNode(.object(orderedMap(frame.items)), range: range, tag: frame.tag)
        } else {
            node = SyntaxNode(.array(frame.items), range: range, tag: frame.tag)
        }
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        let demand = frame.anchor != nil || frame.tag == "!!omap" ? entryDemand : .all
        attach(node, shapedTo: demand, size: frame.size, endMark: upperMark, isMerge: false)
    }

    /// The members of an `!!omap` sequence, each item a mapping of one member, as ruamel.yaml builds it.
    mutating func orderedMap(_ items: [SyntaxNode]) -> [Member] {
        var members: [Member] = []
        for item in items {
            guard case .object(let pairs) = item.value, pairs.count == 1, let pair = pairs.first else {
                diagnostics.append(
                    Diagnostic(
                        rule: .yamlSyntax, message: "expected a mapping of one member in an !!omap sequence",
                        path: text.path, range: item.range))
                continue
            }
            members.append(pair)
        }
        return members
    }

    /// Counts an entry of the innermost open collection, an opaque one, that was not built.
    mutating func skipped(size: Int, endMark: Int) {
        if !levels.isEmpty {
            levelEnd = endMark
            let top = levels.count - 1
            var flags = levels[top] | Level.hasEntry
            if flags & Level.mapping != 0 { flags ^= Level.hasKey }
            levels[top] = flags
            return
        }
        let last = frames.count - 1
        guard last >= 0 else { return }
        frames[last].size += size
        frames[last].lastEndMark = endMark
        if frames[last].isMapping { frames[last].hasKey.toggle() }
    }

    /// Turns ``levels`` into frames, before a node that needs one is read inside them (a node with an anchor or
    /// a tag, an alias, a scalar whose typing may fail). The size of an opaque collection counts for nothing but
    /// telling an empty one; the end of the last entry is needed only by the innermost, since an outer one takes
    /// the end of its open entry when that closes.
    mutating func materialize() {
        guard !levels.isEmpty else { return }
        for flags in levels {
            frames.append(
                Frame(
                    isMapping: flags & Level.mapping != 0, isBlock: flags & Level.block != 0, demand: .none,
                    isOpaque: true, start: -1, size: flags & Level.hasEntry != 0 ? 2 : 1, lastEndMark: levelEnd,
                    hasKey: flags & Level.hasKey != 0))
        }
        levels.removeAll(keepingCapacity: true)
    }

    /// Adds a finished node to the open collection (an opaque one only counts it), or makes it the root.
    /// `whole` is shaped to `demand` here, after a key's hashability is checked on all of it.
    mutating func attach(_ whole: SyntaxNode, shapedTo demand: NodeDemand, size: Int, endMark: Int, isMerge: Bool) {
        let node = whole.shaped(to: demand)
        guard !frames.isEmpty else {
            if root == nil { root = node }
            return
        }
        let last = frames.count - 1
        frames[last].size += size
        frames[last].lastEndMark = endMark
        if !frames[last].isMapping {
            if !frames[last].isOpaque {
                // Room for a few entries at once: growing from one at a time costs a copy per doubling.
                if frames[last].items.isEmpty { frames[last].items.reserveCapacity(4) }
                frames[last].items.append(node)
            }
            return
        }
        guard frames[last].hasKey else {
            frames[last].hasKey = true
            checkHashable(whole)
            if isMerge {
                frames[last].key = PendingKey(name: "<<", range: node.range, isMerge: true)
            } else if !frames[last].isOpaque {
                frames[last].key = PendingKey(name: keyText(node), range: node.range, isMerge: false)
            }
            return
        }
        frames[last].hasKey = false
        guard let key = frames[last].key else { return }
        frames[last].key = nil
        if key.isMerge {
            merge(node, keyRange: key.range, into: last)
            return
        }
        guard !frames[last].isOpaque else { return }
        let member = Member(key: key.name, keyRange: key.range, value: node)
        checkDuplicate(key.name, range: key.range, in: last)
        if frames[last].members.isEmpty { frames[last].members.reserveCapacity(8) }
        frames[last].members.append(member)
    }

    mutating func checkDuplicate(_ name: String, range: SourceRange, in index: Int) {
        var first: SourceRange?
        let position = frames[index].members.count
        if frames[index].keyIndex != nil {
            // Mutated in place: a copy would make each insertion copy the whole table.
            // One hash per key: insert, and on a repeat put the first position back.
            if let existing = frames[index].keyIndex?.updateValue(position, forKey: name) {
                frames[index].keyIndex?[name] = existing
                first = frames[index].members[existing].keyRange
            }
        } else {
            first = frames[index].members.first { $0.key == name }?.keyRange
            if position >= 16 {
                var keyIndex: [String: Int] = [:]
                for (offset, member) in frames[index].members.enumerated() where keyIndex[member.key] == nil {
                    keyIndex[member.key] = offset
                }
                if keyIndex[name] == nil { keyIndex[name] = position }
                frames[index].keyIndex = keyIndex
            }
        }
        guard let first else { return }
        diagnostics.append(
            Diagnostic(
                rule: .duplicateKey,
                message: "duplicate key \(quoted(name)) in a mapping",
                path: text.path, range: range,
                related: [RelatedLocation(message: "first defined here", path: text.path, range: first)]))
    }

    /// Applies a `<<` merge key as ruamel.yaml's safe loader does: the merged members come first, a list of
    /// mappings merges its last mapping first, and the mapping's own keys win.
    mutating func merge(_ value: SyntaxNode, keyRange range: SourceRange, into index: Int) {
        if frames[index].merged != nil {
            diagnostics.append(
                Diagnostic(
                    rule: .yamlSyntax, message: "found a second merge key '<<' in a mapping; expected at most one",
                    path: text.path, range: range))
            return
        }
        var merged: [Member] = []
        switch value.value {
        case .object(let members):
            merged = members
        case .array(let items):
            for item in items.reversed() {
                guard case .object(let members) = item.value else {
                    diagnostics.append(
                        Diagnostic(
                            rule: .yamlSyntax,
                            message: "expected a mapping for merging, found \(item.kindDescription)",
                            path: text.path, range: item.range))
                    continue
                }
                merged.append(contentsOf: members)
            }
        default:
            diagnostics.append(
                Diagnostic(
                    rule: .yamlSyntax,
                    message: "expected a mapping or list of mappings for merging, found \(value.kindDescription)",
                    path: text.path, range: value.range))
        }
        frames[index].merged = merged
    }

    // MARK: Scalars with an explicit tag

    mutating func explicitScalar(
        _ bytes: BorrowedBytes, tag: String, lower: Int, upper: Int, isKey: Bool, isMerge: inout Bool
    ) -> SyntaxNode.Value {
        let string = bytes.string
        let result: Result<SyntaxNode.Value, TypingError>
        switch tag {
        case "!!str": return .string(string)
        case "!!null": return .null
        case "!!int": result = typing.integer(bytes)
        case "!!float": result = ScalarTyping.explicitFloat(bytes)
        case "!!bool": result = ScalarTyping.explicitBool(string)
        case "!!timestamp":
            result =
                ScalarTyping.isTimestamp(bytes)
                ? ScalarTyping.timestamp(bytes) : .failure(TypingError("\(quoted(string)) is not a valid !!timestamp"))
        case "!!merge" where isKey:
            isMerge = true
            return .string(string)
        case "!!binary":
            report(lower, upper, Self.unsendable("!!binary", makes: "bytes", python: "bytes", expected: "a string"))
            return .string(string)
        default:
            report(
                lower, upper,
                "unsupported tag \(quoted(tag)) on a scalar; the AWS CLI's YAML loader cannot construct it")
            return .string(string)
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            report(lower, upper, error.message)
            return .string(string)
        }
    }

    // MARK: Tabs

    /// Reports the first tab that ruamel.yaml's scanner rejects: one between tokens outside a flow collection,
    /// or inside a plain scalar. libyaml accepts both, the AWS CLI does not.
    mutating func checkTabs() {
        var index = 0
        // Tabs before this offset are in the comment found last.
        var commentEnd = 0
        while index < count {
            guard let tab = base.find(0x09, from: index) else { return }
            index = tab + 1
            if Self.contains(plainSpans, tab) {
                report(
                    tab, tab + 1,
                    "tab inside a plain scalar; the AWS CLI's YAML loader (ruamel.yaml) rejects it, expected a space or quotes"
                )
                return
            }
            if tab < commentEnd || Self.contains(quotedSpans, tab) || Self.contains(flowSpans, tab) { continue }
            if isInComment(tab) {
                commentEnd = base.find(0x0A, from: tab) ?? count
                continue
            }
            report(
                tab, tab + 1,
                "tab between tokens outside a flow collection; the AWS CLI's YAML loader (ruamel.yaml) rejects it, expected a space"
            )
            return
        }
    }

    /// Whether a sorted list of disjoint spans holds `offset`.
    static func contains(_ spans: [Range<Int>], _ offset: Int) -> Bool {
        let index = partitionPoint(in: spans.indices) { spans[$0].upperBound <= offset }
        return index < spans.count && spans[index].contains(offset)
    }

    /// Whether `offset` follows a `#` that starts a comment on its line.
    func isInComment(_ offset: Int) -> Bool {
        var position = offset - 1
        while position >= 0 && base[position] != 0x0A && base[position] != 0x0D {
            if base[position] == UInt8(ascii: "#")
                && (position == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(base[position - 1]))
                && !Self.contains(quotedSpans, position) && !Self.contains(plainSpans, position)
            {
                return true
            }
            position -= 1
        }
        return false
    }

    // MARK: What ruamel.yaml refuses and libyaml accepts

    /// Reports a mapping key that ruamel.yaml cannot hash: a mapping, or a sequence (which it makes a tuple)
    /// holding a mapping or a sequence.
    mutating func checkHashable(_ key: SyntaxNode) {
        let problem: String
        switch key.value {
        case .object, .opaque(.object):
            problem = "a mapping cannot be a key"
        case .array(let items)
        where items.contains(where: {
            switch $0.value {
            case .array, .object, .opaque(.array), .opaque(.object): true
            default: false
            }
        }):
            problem = "a list holding a list or a mapping cannot be a key"
        default:
            return
        }
        diagnostics.append(
            Diagnostic(
                rule: .yamlSyntax,
                message: problem + "; the AWS CLI's YAML loader (ruamel.yaml) refuses it as unhashable, expected a "
                    + "scalar or a list of scalars",
                path: text.path, range: key.range))
    }

    /// Checks a block scalar's header as ruamel.yaml's scanner does: after the `|` or `>` and its indicators
    /// comes a space or the line's end (`>#` is refused), and without an indentation indicator the leading empty
    /// lines hold no more spaces than the first of them, when that one holds any.
    /// Refuses a tag that a flow indicator (`,`, `[`, `]`) follows directly, as in `{foo: !!str, bar: 1}`: libyaml
    /// ends the tag there, but ruamel.yaml, the AWS CLI's YAML loader, reads the indicator as part of the tag and
    /// then fails (on the unknown tag `!!str,`, or on a missing separator). `lower` is the byte offset where the
    /// node's properties (tag and anchor, in either order) start.
    mutating func checkTagEnd(from lower: Int) {
        var index = lower
        func skipName() {
            while index < count, !Self.endsTag(base[index]) { index += 1 }
        }
        for _ in 0..<2 where index < count {
            if base[index] == UInt8(ascii: "&") {
                skipName()
            } else if base[index] == UInt8(ascii: "!") {
                let start = index
                // A verbatim tag (`!<…>`) ends at its '>'.
                if index + 1 < count && base[index + 1] == UInt8(ascii: "<") { return }
                skipName()
                guard index < count, [UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]")].contains(base[index])
                else { return }
                let tag = base.string(start..<index)
                let indicator = String(decoding: [base[index]], as: UTF8.self)
                report(
                    start, index + 1,
                    "the AWS CLI's YAML loader (ruamel.yaml) reads the \(quoted(indicator)) after the tag "
                        + "\(quoted(tag)) as part of the tag, and refuses the document; put a space before it")
                return
            } else {
                return
            }
            while index < count, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
        }
    }

    /// Whether `byte` ends an anchor name or a tag in flow context: a space, a line break or a flow indicator.
    private static func endsTag(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"):
            true
        default: false
        }
    }

    mutating func checkBlockScalarHeader(from lower: Int, to upper: Int) {
        var index = lower
        // Skip the node's properties (`!tag`, `&anchor`) to the indicator.
        while index < upper && base[index] != UInt8(ascii: "|") && base[index] != UInt8(ascii: ">") { index += 1 }
        guard index < upper else { return }
        let indicator = index
        index += 1
        var explicitIndent = false
        for _ in 0..<2 where index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") {
                explicitIndent = true
                index += 1
            }
        }
        if index < count && ![0x20, 0x0A, 0x0D].contains(base[index]) && !(base[index] == 0x09 && hasTabs) {
            report(
                index, marks.scalarEnd(after: index),
                "expected a space or a line break after a block scalar's indicators, found "
                    + quoted(String(decoding: [base[index]], as: UTF8.self))
                    + "; the AWS CLI's YAML loader (ruamel.yaml) refuses it",
                related: [
                    RelatedLocation(
                        message: "the block scalar starts here", path: text.path,
                        range: text.fileRange(indicator, indicator + 1))
                ])
            return
        }
        guard !explicitIndent else { return }
        // The line after the header.
        while index < count && base[index] != 0x0A && base[index] != 0x0D { index += 1 }
        if index < count && base[index] == 0x0D { index += 1 }
        if index < count && base[index] == 0x0A { index += 1 }
        var firstIndent = -1
        var maxIndent = 0
        var column = 0
        while index < count {
            let byte = base[index]
            if byte == 0x20 {
                column += 1
                maxIndent = Swift.max(maxIndent, column)
            } else if byte == 0x0A || byte == 0x0D {
                if firstIndent < 0 { firstIndent = column }
                if byte == 0x0D && index + 1 < count && base[index + 1] == 0x0A { index += 1 }
                column = 0
            } else {
                break
            }
            index += 1
        }
        if firstIndent > 0 && maxIndent > firstIndent {
            report(
                indicator, indicator + 1,
                "a leading empty line of this block scalar is more indented than the first one; the AWS CLI's YAML "
                    + "loader (ruamel.yaml) refuses it, expected an indentation indicator or no spaces on empty lines")
        }
    }

    /// Checks the `%YAML` directive before `end` as ruamel.yaml's scanner does: its version ends at a space or
    /// the line's end (`%YAML 1.1#...` is refused).
    mutating func checkVersionDirective(before end: Int) {
        let name = Array("%YAML".utf8)
        var lineStart = 0
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end && base[lineEnd] != 0x0A && base[lineEnd] != 0x0D { lineEnd += 1 }
            if lineEnd - lineStart > name.count && (0..<name.count).allSatisfy({ base[lineStart + $0] == name[$0] }) {
                var index = lineStart + name.count
                while index < lineEnd && (base[index] == 0x20 || base[index] == 0x09) { index += 1 }
                while index < lineEnd
                    && ((base[index] >= UInt8(ascii: "0") && base[index] <= UInt8(ascii: "9"))
                        || base[index] == UInt8(ascii: "."))
                {
                    index += 1
                }
                if index < lineEnd && base[index] != 0x20 && base[index] != 0x09 {
                    report(
                        index, marks.scalarEnd(after: index),
                        "expected a space or a line break after the %YAML version, found "
                            + quoted(String(decoding: [base[index]], as: UTF8.self))
                            + "; the AWS CLI's YAML loader (ruamel.yaml) refuses it")
                }
                return
            }
            lineStart = lineEnd + 1
        }
    }

    // MARK: Helpers

    /// The message for a tag ruamel.yaml's safe loader constructs as a Python value that no request can hold:
    /// botocore's parameter validation refuses its type, and `json.dumps` cannot encode it.
    static func unsendable(_ tag: String, makes value: String, python: String, expected: String) -> String {
        "tag \(quoted(tag)) makes \(value), which the AWS CLI loads but then refuses as a parameter value "
            + "(invalid type <class '\(python)'>) and JSON cannot hold; expected \(expected)"
    }

    /// Whether the next node is a key of the innermost open mapping.
    var expectsKey: Bool {
        let last = frames.count - 1
        return last >= 0 && frames[last].isMapping && !frames[last].hasKey
    }

    func keyText(_ key: SyntaxNode) -> String {
        switch key.value {
        case .string(let text), .timestamp(let text): text
        default: JSONWriter.write(key, maxDepth: maxDepth + 1)
        }
    }

    mutating func report(_ lower: Int, _ upper: Int, _ message: String, related: [RelatedLocation] = []) {
        diagnostics.append(
            Diagnostic(
                rule: .yamlSyntax, message: message, path: text.path, range: text.fileRange(lower, upper),
                related: related))
    }

    mutating func reportParserError(_ parser: YAMLParserFault) {
        let problem = parser.problem ?? "invalid YAML"
        let lower: Int
        if parser.isReaderError {
            lower = Swift.min(parser.problemOffset, count)
        } else {
            lower = marks.offset(parser.problemMark)
        }
        var message = problem
        var related: [RelatedLocation] = []
        if let context = parser.context {
            message += " " + context
            let contextStart = marks.offset(parser.contextMark)
            if contextStart != lower {
                var subject = context
                for lead in ["while parsing ", "while scanning ", "a ", "an "] where subject.hasPrefix(lead) {
                    subject = String(subject.dropFirst(lead.count))
                }
                related.append(
                    RelatedLocation(
                        message: "the \(subject) starts here", path: text.path,
                        range: text.fileRange(contextStart, marks.scalarEnd(after: contextStart))))
            }
        }
        if parser.isReaderError && parser.problemValue != -1 {
            message += " (0x" + String(parser.problemValue, radix: 16, uppercase: true) + ")"
        }
        report(lower, marks.scalarEnd(after: lower), message, related: related)
    }
}
