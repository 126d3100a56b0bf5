public import WMLintSource

/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps every node's place in the file.
public enum JSONParser {
    /// Parses `text` as one JSON value, building the nodes `demand` asks for.
    ///
    /// Reports `json-syntax` (malformed text, `NaN`/`Infinity`, trailing data, nesting deeper than `maxDepth`)
    /// and `duplicate-key` (with the first occurrence as a related location). A leading UTF-8 BOM is skipped
    /// silently (``EncodingCheck`` reports it). `NaN`, `Infinity` and `-Infinity` are reported but still
    /// produce float nodes, as the AWS CLI's own parser accepts them.
    ///
    /// Parsing stops at the first fatal syntax error; the root is then the part built so far (open objects and
    /// arrays end where the error is), or `nil` when no value was started. Nesting is tracked on an explicit
    /// stack, so any depth of input is safe.
    ///
    /// A value outside `demand` is validated and skipped without building anything: the same errors are
    /// reported there, at the same ranges, but not duplicate keys; the value becomes one `.opaque` node (an open
    /// container cut short by an error ends where the error is, as a built one does).
    public static func parse(_ text: SourceText, demand: NodeDemand = .all, maxDepth: Int = 256) -> ParseResult {
        var parser = JSONParserState(text: text, maxDepth: Swift.max(maxDepth, 0), demand: demand)
        let root = BorrowedBytes.over(text.bytes) { buffer in
            parser.run(buffer)
        }
        parser.values.release()
        parser.members.release()
        return ParseResult(
            root: root, diagnostics: parser.diagnostics, isComplete: root != nil && parser.failedAt == nil)
    }
}

/// ASCII bytes the parser looks for.
private enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let apostrophe = UInt8(ascii: "'")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}

/// The keys of a large object, to find duplicates without a quadratic scan: an open-addressing table (linear
/// probing, at most half full) of member indices by a seeded hash of the key's UTF-8 bytes, compared as Python's
/// json compares keys (Swift's `String` equality would merge canonically equivalent keys such as "é" and
/// "e\u{301}"). No allocation per key.
private struct ObjectKeyIndex {
    /// Per slot: the member's index (in ``JSONParserState/members``) + 1, or 0 when the slot is empty.
    private var slots: [Int]
    /// Per slot: the hash of the key in that slot.
    private var hashes: [Int]
    private var count = 0

    /// A table for at least `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int](repeating: 0, count: size)
        hashes = [Int](repeating: 0, count: size)
    }

    /// The hash of `key`'s UTF-8 bytes.
    static func hash(_ key: String) -> Int {
        var hasher = Hasher()
        ByteScan.hash(utf8: key, into: &hasher)
        return hasher.finalize()
    }

    /// The index of the member already holding `key` (its key read by `keyAt`), or `nil` after recording
    /// `index` as holding it.
    mutating func firstIndex(of key: String, hash: Int, index: Int, keyAt: (Int) -> String) -> Int? {
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            if hashes[slot] == hash && sameCodePoints(keyAt(slots[slot] - 1), key) { return slots[slot] - 1 }
            slot = (slot + 1) & mask
        }
        slots[slot] = index + 1
        hashes[slot] = hash
        count += 1
        return nil
    }

    /// Doubles the table, placing every key again by its stored hash.
    private mutating func grow() {
        var larger = ObjectKeyIndex(capacity: slots.count)
        let mask = larger.slots.count - 1
        for slot in slots.indices where slots[slot] != 0 {
            var target = hashes[slot] & mask
            while larger.slots[target] != 0 { target = (target + 1) & mask }
            larger.slots[target] = slots[slot]
            larger.hashes[target] = hashes[slot]
        }
        larger.count = count
        self = larger
    }
}

/// The value a member holds while its real value is being read.
private let placeholderNode = SyntaxNode(.null, range: .bytes(0, 0))

/// The three opaque values, built once: `Value` is an indirect enum, so each new `.opaque(kind)` is a heap box,
/// while these are shared.
private let opaqueObject = SyntaxNode.Value.opaque(.object)
private let opaqueArray = SyntaxNode.Value.opaque(.array)
private let opaqueScalar = SyntaxNode.Value.opaque(.scalar)

@inline(__always)
private func opaqueValue(_ kind: SyntaxNode.OpaqueKind) -> SyntaxNode.Value {
    switch kind {
    case .object: opaqueObject
    case .array: opaqueArray
    case .scalar: opaqueScalar
    }
}

/// An object or array whose closing bracket has not been read yet.
private struct Frame {
    var isObject: Bool
    /// Offset of the opening bracket (in the text's bytes).
    var start: Int
    /// Index of the first element (in `values`) or member (in `members`) of this container.
    var base: Int
    /// What is built of this container: `.all`, or for an object `.members`.
    var demand: NodeDemand
    /// For an object: whether its last member is a key still waiting for its value (a `null` placeholder).
    var hasKey: Bool = false
    /// Each key of a large object with the index (in `members`) of its first occurrence, to find duplicates
    /// without a quadratic scan; built when the object outgrows the linear scan, then kept up to date.
    var keyTable: ObjectKeyIndex? = nil
}

/// The working state of one parse.
private struct JSONParserState {
    let text: SourceText
    /// Whether offsets in the text are file offsets (no ``OffsetMap``).
    let isUnmapped: Bool
    let maxDepth: Int
    var diagnostics: [Diagnostic] = []
    var frames: [Frame] = []
    var values = RawStack<SyntaxNode>(capacity: 64)
    var members = RawStack<Member>(capacity: 64)
    /// Set by the first fatal error: where the partial containers end.
    var failedAt: Int? = nil
    /// What is built of the next value read: the root's demand, then set by each key and array element.
    var nextDemand: NodeDemand
    /// The opaque container cut short by the fatal error, to be closed into the open built containers.
    var pendingNode: SyntaxNode? = nil
    /// The kinds of the containers open while a value is skipped, one bit per level (set for an object);
    /// reused by every skip, grown as deeper levels are met.
    var skipKinds: [UInt64] = [0, 0, 0, 0]
    /// Recently built strings too long to be stored inline, by a hash of their bytes: keys and enumerated
    /// values repeat in real documents, and sharing them saves an allocation and a UTF-8 validation each.
    /// Allocated at the first string worth sharing, with ``internMask`` + 1 slots.
    var internedStrings: [String] = []
    /// The unpaired surrogate escapes of the last string read with escapes: where each U+FFFD standing for one
    /// starts in its UTF-8, and the code unit.
    var unpaired: [(offset: Int, unit: UInt16)] = []
    /// The slot count of ``internedStrings`` minus one. The count is a power of two scaled to the text (one slot
    /// per 64 bytes, 8 to ``internSlots``): a small document's parse then neither fills nor frees 512 slots.
    let internMask: Int

    static let internSlots = 512
    static let minInternSlots = 8
    /// Strings of up to 15 UTF-8 bytes live inline in a `String`, so only longer ones are worth sharing.
    static let internRange = 16...96

    /// Objects with at most this many members are checked for duplicates by a linear scan.
    static let linearKeyLimit = 12

    init(text: SourceText, maxDepth: Int, demand: NodeDemand) {
        self.text = text
        isUnmapped = text.map == nil
        self.maxDepth = maxDepth
        nextDemand = demand
        var slots = Self.minInternSlots
        while slots < Self.internSlots && slots * 64 < text.bytes.count { slots *= 2 }
        internMask = slots - 1
    }

    @inline(__always)
    func range(_ start: Int, _ end: Int) -> SourceRange {
        guard isUnmapped else { return text.fileRange(start, end) }
        return SourcePosition(offset: start)..<SourcePosition(offset: Swift.max(start, end))
    }

    // MARK: - Driver

    mutating func run(_ buffer: BorrowedBytes) -> SyntaxNode? {
        let count = buffer.count
        var index = 0
        if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            index = 3
        }
        var root: SyntaxNode?
        guard parseDocument(buffer, from: &index, root: &root) else {
            return root ?? partialRoot()
        }
        index = skipWhitespace(buffer, index)
        if index < count {
            if let comment = commentRange(buffer, index) {
                fail(commentMessage, comment.lowerBound, comment.upperBound)
            } else {
                var last = count
                while last > index && isWhitespace(buffer[last - 1]) { last -= 1 }
                fail("unexpected data after the JSON value", index, last)
            }
        }
        return root
    }

    /// Reads one value with everything nested in it; `false` after a fatal error.
    mutating func parseDocument(
        _ buffer: BorrowedBytes, from index: inout Int, root: inout SyntaxNode?
    ) -> Bool {
        let count = buffer.count
        var i = index
        defer { index = i }
        valueLoop: while true {
            i = skipWhitespace(buffer, i)
            guard i < count else {
                failUnexpected(buffer, i, expected: "expected a value")
                return false
            }
            var node: SyntaxNode
            let byte = buffer[i]
            // A value outside the demand (an unknown member's, a list where a mapping is asked for) is checked,
            // not built.
            var isOpaque = false
            switch nextDemand {
            case .all: break
            case .none: isOpaque = true
            case .members: isOpaque = byte == ASCII.openBracket
            }
            switch byte {
            case _ where isOpaque:
                guard let skipped = skipValue(buffer, &i) else { return false }
                node = skipped
            case ASCII.openBrace, ASCII.openBracket:
                let isObject = byte == ASCII.openBrace
                guard frames.count < maxDepth else {
                    fail("nesting deeper than \(maxDepth) levels", i, i + 1)
                    return false
                }
                let start = i
                i = skipWhitespace(buffer, i + 1)
                let closer = isObject ? ASCII.closeBrace : ASCII.closeBracket
                if i < count && buffer[i] == closer {
                    i += 1
                    node = SyntaxNode(isObject ? .object([]) : .array([]), range: range(start, i))
                } else {
                    frames.append(
                        Frame(
                            isObject: isObject, start: start, base: isObject ? members.count : values.count,
                            demand: isObject ? nextDemand : .all))
                    if isObject {
                        guard readKey(buffer, &i, expected: "expected a string key or '}'") else { return false }
                    }
                    continue valueLoop
                }
            case ASCII.quote:
                guard let (string, end) = readString(buffer, i) else { return false }
                node =
                    unpaired.isEmpty ? SyntaxNode(.string(string), range: range(i, end)) : unpairedNode(string, i, end)
                i = end
            case ASCII.minus, ASCII.zero...ASCII.nine:
                guard let (number, end) = readNumber(buffer, i) else { return false }
                node = SyntaxNode(.number(number), range: range(i, end))
                i = end
            default:
                guard let (value, end) = readLiteral(buffer, i) else { return false }
                node = SyntaxNode(value, range: range(i, end))
                i = end
            }

            // A value is complete: attach it, then read separators and closing brackets.
            while true {
                guard frames.count > 0 else {
                    root = consume node
                    return true
                }
                let top = frames.count - 1
                if frames[top].isObject {
                    members[members.count - 1].value = consume node
                    frames[top].hasKey = false
                } else {
                    values.append(consume node)
                }
                let isObject = frames[top].isObject
                i = skipWhitespace(buffer, i)
                let closer = isObject ? ASCII.closeBrace : ASCII.closeBracket
                let context =
                    isObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element"
                guard i < count else {
                    failUnexpected(buffer, i, expected: context)
                    return false
                }
                let separator = buffer[i]
                if separator == ASCII.comma {
                    let comma = i
                    i = skipWhitespace(buffer, i + 1)
                    if i < count && buffer[i] == closer {
                        failTrailingComma(comma)
                        return false
                    }
                    if isObject {
                        guard readKey(buffer, &i, expected: "expected a string key") else { return false }
                    } else {
                        nextDemand = .all
                    }
                    continue valueLoop
                }
                guard separator == closer else {
                    failUnexpected(buffer, i, expected: context)
                    return false
                }
                i += 1
                let frame = frames.removeLast()
                if isObject {
                    let list = members.takeSuffix(from: frame.base)
                    node = SyntaxNode(.object(list), range: range(frame.start, i))
                } else {
                    let list = values.takeSuffix(from: frame.base)
                    node = SyntaxNode(.array(list), range: range(frame.start, i))
                }
            }
        }
    }

    /// Closes every open container where parsing failed, so callers get what was read.
    mutating func partialRoot() -> SyntaxNode? {
        guard let end = failedAt else { return nil }
        var node = pendingNode
        while let frame = frames.popLast() {
            if frame.isObject {
                if frame.hasKey {
                    // The key's value is the container being closed, or was never read.
                    if let child = node {
                        members[members.count - 1].value = child
                    } else {
                        members.removeLast()
                    }
                }
            } else if let child = node {
                values.append(child)
            }
            let upper = Swift.max(end, frame.start + 1)
            if frame.isObject {
                let list = members.takeSuffix(from: frame.base)
                node = SyntaxNode(.object(list), range: range(frame.start, upper))
            } else {
                let list = values.takeSuffix(from: frame.base)
                node = SyntaxNode(.array(list), range: range(frame.start, upper))
            }
        }
        return node
    }

    // MARK: - Opaque values

    /// Checks the value at `i` (whitespace skipped, not at the end) as ``parseDocument`` would, building
    /// nothing, and returns it as one opaque node; `i` then points past it. `nil` after a fatal error, with
    /// ``pendingNode`` set to the opaque object or array the error cut short, if one was open.
    ///
    /// Every error is reported by the same code as in a built value, so messages and ranges are the same; only
    /// duplicate keys are not looked for.
    mutating func skipValue(_ buffer: BorrowedBytes, _ i: inout Int) -> SyntaxNode? {
        let count = buffer.count
        let start = i
        let kind: SyntaxNode.OpaqueKind =
            switch buffer[start] {
            case ASCII.openBrace: .object
            case ASCII.openBracket: .array
            default: .scalar
            }
        /// How many containers are open inside the skipped value (the value itself included).
        var depth = 0
        var j = start
        defer { i = j }
        valueLoop: while true {
            j = skipWhitespace(buffer, j)
            guard j < count else {
                failUnexpected(buffer, j, expected: "expected a value")
                return abandonSkip(kind, start, depth)
            }
            let byte = buffer[j]
            switch byte {
            case ASCII.quote:
                guard let end = skipString(buffer, j) else { return abandonSkip(kind, start, depth) }
                j = end
            case ASCII.openBrace, ASCII.openBracket:
                guard frames.count + depth < maxDepth else {
                    fail("nesting deeper than \(maxDepth) levels", j, j + 1)
                    return abandonSkip(kind, start, depth)
                }
                let isObject = byte == ASCII.openBrace
                j = skipWhitespace(buffer, j + 1)
                if j < count && buffer[j] == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
                    j += 1
                } else {
                    setSkipKind(depth, isObject: isObject)
                    depth += 1
                    if isObject {
                        guard let next = skipKey(buffer, j, expected: "expected a string key or '}'") else {
                            return abandonSkip(kind, start, depth)
                        }
                        j = next
                    }
                    continue valueLoop
                }
            case ASCII.minus, ASCII.zero...ASCII.nine:
                guard let end = skipNumber(buffer, j) else { return abandonSkip(kind, start, depth) }
                j = end
            case UInt8(ascii: "t") where buffer.matches(j, "true"):
                j += 4
            case UInt8(ascii: "f") where buffer.matches(j, "false"):
                j += 5
            case UInt8(ascii: "n") where buffer.matches(j, "null"):
                j += 4
            default:
                // `NaN` and `Infinity` (reported, not fatal) and every error.
                guard let (_, end) = readLiteral(buffer, j) else { return abandonSkip(kind, start, depth) }
                j = end
            }

            // A value is complete: read separators and closing brackets.
            while true {
                guard depth > 0 else {
                    return SyntaxNode(opaqueValue(kind), range: range(start, j))
                }
                let isObject = skipKind(depth - 1)
                j = skipWhitespace(buffer, j)
                let closer = isObject ? ASCII.closeBrace : ASCII.closeBracket
                guard j < count else {
                    failUnexpected(
                        buffer, j,
                        expected: isObject
                            ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element")
                    return abandonSkip(kind, start, depth)
                }
                let separator = buffer[j]
                if separator == ASCII.comma {
                    let comma = j
                    j = skipWhitespace(buffer, j + 1)
                    if j < count && buffer[j] == closer {
                        failTrailingComma(comma)
                        return abandonSkip(kind, start, depth)
                    }
                    if isObject {
                        guard let next = skipKey(buffer, j, expected: "expected a string key") else {
                            return abandonSkip(kind, start, depth)
                        }
                        j = next
                    }
                    continue valueLoop
                }
                guard separator == closer else {
                    failUnexpected(
                        buffer, j,
                        expected: isObject
                            ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element")
                    return abandonSkip(kind, start, depth)
                }
                j += 1
                depth -= 1
            }
        }
    }

    /// Ends a skip cut short by the fatal error: when the skipped object or array was open (`depth > 0`), it
    /// becomes ``pendingNode``, ending where the error is.
    mutating func abandonSkip(_ kind: SyntaxNode.OpaqueKind, _ start: Int, _ depth: Int) -> SyntaxNode? {
        if depth > 0 {
            let end = Swift.max(failedAt ?? start, start + 1)
            pendingNode = SyntaxNode(opaqueValue(kind), range: range(start, end))
        }
        return nil
    }

    /// Whether the container open at `level` (0-based, inside a skipped value) is an object.
    @inline(__always)
    func skipKind(_ level: Int) -> Bool {
        skipKinds[level >> 6] & (1 << UInt64(level & 63)) != 0
    }

    @inline(__always)
    mutating func setSkipKind(_ level: Int, isObject: Bool) {
        let word = level >> 6
        if word >= skipKinds.count { skipKinds.append(contentsOf: repeatElement(0, count: word + 1 - skipKinds.count)) }
        let bit: UInt64 = 1 << UInt64(level & 63)
        if isObject { skipKinds[word] |= bit } else { skipKinds[word] &= ~bit }
    }

    /// Checks `"key"` and the `:` after it (whitespace skipped) at `i`; returns the offset past `:`.
    @inline(__always)
    mutating func skipKey(_ buffer: BorrowedBytes, _ i: Int, expected: String) -> Int? {
        let count = buffer.count
        guard i < count && buffer[i] == ASCII.quote else {
            failKey(buffer, i, expected: expected)
            return nil
        }
        guard let end = skipString(buffer, i) else { return nil }
        let colon = skipWhitespace(buffer, end)
        guard colon < count && buffer[colon] == ASCII.colon else {
            failUnexpected(buffer, colon, expected: "expected ':' after object key")
            return nil
        }
        return colon + 1
    }

    /// Checks the string whose opening quote is at `start`; returns the offset past the closing quote. Anything
    /// but plain bytes and valid escapes is left to ``readString``, which reports it.
    @inline(__always)
    mutating func skipString(_ buffer: BorrowedBytes, _ start: Int) -> Int? {
        let end = plainEnd(buffer, start + 1)
        if end < buffer.count && buffer[end] == ASCII.quote { return end + 1 }
        return skipEscapedString(buffer, start, from: end)
    }

    /// The rest of ``skipString`` from `from`, the first byte that is not plain: an escape, a control character
    /// or the end of the text.
    @inline(never)
    mutating func skipEscapedString(_ buffer: BorrowedBytes, _ start: Int, from: Int) -> Int? {
        let count = buffer.count
        var i = from
        while i + 1 < count && buffer[i] == ASCII.backslash {
            switch buffer[i + 1] {
            case ASCII.quote, ASCII.backslash, ASCII.slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                UInt8(ascii: "r"), UInt8(ascii: "t"):
                i += 2
            case UInt8(ascii: "u") where peekHex4(buffer, i) != nil:
                i += 6
            default:
                return readString(buffer, start)?.1
            }
            i = plainEnd(buffer, i)
            if i < count && buffer[i] == ASCII.quote { return i + 1 }
        }
        return readString(buffer, start)?.1
    }

    /// Checks the number at `start` as ``readNumber`` does; returns the offset past it. `-Infinity` and every
    /// error are left to ``readNumber``.
    @inline(__always)
    mutating func skipNumber(_ buffer: BorrowedBytes, _ start: Int) -> Int? {
        let count = buffer.count
        var i = start
        if buffer[i] == ASCII.minus { i += 1 }
        guard i < count && isDigit(buffer[i]) else { return readNumber(buffer, start)?.1 }
        if buffer[i] == ASCII.zero {
            i += 1
            if i < count && (isDigit(buffer[i]) || (buffer[i] | 0x20) == UInt8(ascii: "x")) {
                return readNumber(buffer, start)?.1
            }
        } else {
            i += 1
            while i < count && isDigit(buffer[i]) { i += 1 }
        }
        if i < count && buffer[i] == ASCII.dot {
            i += 1
            guard i < count && isDigit(buffer[i]) else { return readNumber(buffer, start)?.1 }
            while i < count && isDigit(buffer[i]) { i += 1 }
        }
        if i < count && (buffer[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < count && (buffer[i] == ASCII.plus || buffer[i] == ASCII.minus) { i += 1 }
            guard i < count && isDigit(buffer[i]) else { return readNumber(buffer, start)?.1 }
            while i < count && isDigit(buffer[i]) { i += 1 }
        }
        return i
    }

    // MARK: - Keys

    /// Reads `"key"` and the `:` after it (whitespace skipped) into the open object; `i` then points past `:`.
    mutating func readKey(_ buffer: BorrowedBytes, _ i: inout Int, expected: String) -> Bool {
        let count = buffer.count
        guard i < count && buffer[i] == ASCII.quote else {
            failKey(buffer, i, expected: expected)
            return false
        }
        guard let (key, end) = readString(buffer, i) else { return false }
        // A key keeps U+FFFD for an unpaired surrogate (a Python key with one names no parameter anyway).
        if !unpaired.isEmpty { unpaired.removeAll() }
        let start = i
        checkDuplicate(key, start, end)
        let top = frames.count - 1
        switch frames[top].demand {
        case .all: nextDemand = .all
        case .none: nextDemand = .none
        case .members(let demands): nextDemand = demands[key] ?? .none
        }
        members.append(Member(key: key, keyRange: range(start, end), value: placeholderNode))
        frames[top].hasKey = true
        i = skipWhitespace(buffer, end)
        guard i < count && buffer[i] == ASCII.colon else {
            failUnexpected(buffer, i, expected: "expected ':' after object key")
            return false
        }
        i += 1
        return true
    }

    /// Reports a missing key at `i` (not a `"`).
    mutating func failKey(_ buffer: BorrowedBytes, _ i: Int, expected: String) {
        var help: [String] = []
        if i < buffer.count && isWordByte(buffer[i]) {
            help = ["object keys must be strings in double quotes"]
        }
        failUnexpected(buffer, i, expected: expected, help: help)
    }

    /// Reports `duplicate-key` when the open object already has `key`.
    mutating func checkDuplicate(_ key: String, _ start: Int, _ end: Int) {
        let top = frames.count - 1
        let base = frames[top].base
        var first: Int?
        if members.count - base <= Self.linearKeyLimit {
            var index = base
            while index < members.count {
                if sameCodePoints(members[index].key, key) {
                    first = index
                    break
                }
                index += 1
            }
        } else {
            // Taken out of the frame and put back, so the table stays uniquely owned and is changed in place.
            let stack = members
            var table: ObjectKeyIndex
            if let existing = frames[top].keyTable {
                table = existing
                frames[top].keyTable = nil
            } else {
                table = ObjectKeyIndex(capacity: 2 * (members.count - base))
                for index in base..<members.count {
                    let earlier = stack[index].key
                    _ = table.firstIndex(of: earlier, hash: ObjectKeyIndex.hash(earlier), index: index) {
                        stack[$0].key
                    }
                }
            }
            first = table.firstIndex(of: key, hash: ObjectKeyIndex.hash(key), index: members.count) {
                stack[$0].key
            }
            frames[top].keyTable = table
        }
        guard let first else { return }
        let earlier = members[first]
        diagnostics.append(
            Diagnostic(
                rule: .duplicateKey,
                message: "duplicate key \(quoted(key)) in object; the last value is used, as the AWS CLI does",
                path: text.path,
                range: range(start, end),
                related: [
                    RelatedLocation(
                        message: "first \(quoted(key)) is here", path: text.path, range: earlier.keyRange)
                ]))
    }

    // MARK: - Strings

    /// Reads the string whose opening quote is at `start`; returns the decoded text and the offset past the
    /// closing quote, or `nil` after reporting an error.
    mutating func readString(_ buffer: BorrowedBytes, _ start: Int) -> (String, Int)? {
        let count = buffer.count
        let i = plainEnd(buffer, start + 1)
        guard i < count else {
            fail("unterminated string", start, start + 1)
            return nil
        }
        if buffer[i] == ASCII.quote {
            return (makeString(buffer, start + 1, i), i + 1)
        }
        return readEscapedString(buffer, start, from: i)
    }

    /// The string of the plain bytes `lower..<upper` (no escapes, no control characters), shared when the same
    /// bytes were seen recently.
    @inline(__always)
    mutating func makeString(_ buffer: BorrowedBytes, _ lower: Int, _ upper: Int) -> String {
        let length = upper - lower
        guard Self.internRange.contains(length) else {
            return buffer.string(lower..<upper)
        }
        let head = buffer.word(at: lower)
        let tail = buffer.word(at: upper - 8)
        let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: mixed >> 55) & internMask
        if internedStrings.isEmpty { internedStrings = Array(repeating: "", count: internMask + 1) }
        var cached = internedStrings[slot]
        if buffer.bytes(lower..<upper, equal: &cached) { return cached }
        let string = buffer.string(lower..<upper)
        internedStrings[slot] = string
        return string
    }

    /// The slow path of ``readString``: escapes or a control character at `from`.
    mutating func readEscapedString(
        _ buffer: BorrowedBytes, _ start: Int, from: Int
    ) -> (String, Int)? {
        let count = buffer.count
        unpaired.removeAll()
        var out: [UInt8] = []
        out.reserveCapacity(from - start + 16)
        buffer.append((start + 1)..<from, to: &out)
        var i = from
        while i < count {
            let byte = buffer[i]
            if byte == ASCII.quote {
                return (String(decoding: out, as: UTF8.self), i + 1)
            }
            if byte == ASCII.backslash {
                guard i + 1 < count else { break }
                let escape = buffer[i + 1]
                switch escape {
                case ASCII.quote, ASCII.backslash, ASCII.slash:
                    out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let (unit, end) = readHex4(buffer, i, stringStart: start) else { return nil }
                    var scalarValue = UInt32(unit)
                    i = end
                    if (0xD800...0xDBFF).contains(unit), i + 1 < count, buffer[i] == ASCII.backslash,
                        buffer[i + 1] == UInt8(ascii: "u"), let (low, lowEnd) = peekHex4(buffer, i),
                        (0xDC00...0xDFFF).contains(low)
                    {
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        i = lowEnd
                    }
                    // A lone surrogate decodes to U+FFFD, as it cannot live in a Swift string; its code unit is
                    // kept aside (``SyntaxNode/utf16``).
                    guard let scalar = Unicode.Scalar(scalarValue) else {
                        unpaired.append((out.count, unit))
                        appendUTF8("\u{FFFD}", to: &out)
                        continue
                    }
                    appendUTF8(scalar, to: &out)
                    continue
                default:
                    let end = i + 1 + scalarLength(buffer, i + 1)
                    let shown = buffer.string(i..<end)
                    fail("invalid escape \(quoted(shown)) in string", i, end)
                    return nil
                }
                i += 2
                continue
            }
            if byte < 0x20 {
                var help: [String] = []
                switch byte {
                case ASCII.lineFeed: help = ["write it as '\\n'"]
                case ASCII.carriageReturn: help = ["write it as '\\r'"]
                case ASCII.tab: help = ["write it as '\\t'"]
                default: help = ["write it as '\\u\(hex4(UInt32(byte)))'"]
                }
                fail(
                    "control character U+\(hex4(UInt32(byte))) must be escaped in a string", i, i + 1, help: help)
                return nil
            }
            // Copy a run of plain bytes at once.
            let runStart = i
            i += 1
            while i < count {
                let next = buffer[i]
                if next == ASCII.quote || next == ASCII.backslash || next < 0x20 { break }
                i += 1
            }
            buffer.append(runStart..<i, to: &out)
        }
        fail("unterminated string", start, start + 1)
        return nil
    }

    /// The node of a string just read with unpaired surrogates (``unpaired``), between bytes `lower` and `upper`.
    mutating func unpairedNode(_ string: String, _ lower: Int, _ upper: Int) -> SyntaxNode {
        var node = SyntaxNode(.string(string), range: range(lower, upper))
        node.utf16 = codeUnits(of: string)
        return node
    }

    /// The UTF-16 code units of `string`, read just now with the unpaired surrogates in ``unpaired``: each of
    /// those in place of the U+FFFD that stands for it.
    mutating func codeUnits(of string: String) -> [UInt16] {
        var units: [UInt16] = []
        var offset = 0
        var next = 0
        for scalar in string.unicodeScalars {
            if next < unpaired.count, unpaired[next].offset == offset {
                units.append(unpaired[next].unit)
                next += 1
            } else {
                units.append(contentsOf: String(scalar).utf16)
            }
            offset += UTF8.width(scalar)
        }
        unpaired.removeAll()
        return units
    }

    /// Reads the four hex digits of the `\u` escape at `backslash`, reporting an error when they are not there.
    mutating func readHex4(
        _ buffer: BorrowedBytes, _ backslash: Int, stringStart: Int
    ) -> (UInt16, Int)? {
        if let result = peekHex4(buffer, backslash) { return result }
        let count = buffer.count
        var end = backslash + 2
        while end < count && end < backslash + 6 && hexValue(buffer[end]) != nil { end += 1 }
        if end >= count {
            fail("unterminated string", stringStart, stringStart + 1)
            return nil
        }
        let shown = buffer.string(backslash..<end)
        fail("invalid escape \(quoted(shown)) in string; expected four hex digits after '\\u'", backslash, end)
        return nil
    }

    /// The value and end of the `\uXXXX` escape at `backslash`, or `nil` when it is not complete.
    @inline(__always)
    func peekHex4(_ buffer: BorrowedBytes, _ backslash: Int) -> (UInt16, Int)? {
        guard backslash + 6 <= buffer.count else { return nil }
        var value: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = hexValue(buffer[backslash + offset]) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return (value, backslash + 6)
    }

    // MARK: - Numbers

    /// Reads the number (or `-Infinity`) at `start`.
    mutating func readNumber(_ buffer: BorrowedBytes, _ start: Int) -> (Number, Int)? {
        let count = buffer.count
        var i = start
        if buffer[i] == ASCII.minus {
            i += 1
            if i < count && buffer[i] == UInt8(ascii: "I") && buffer.matches(i, "Infinity") {
                let end = i + 8
                reportNonFinite("-Infinity", start, end)
                return (Number(lexeme: "-Infinity", kind: .float(-.infinity)), end)
            }
            guard i < count && isDigit(buffer[i]) else {
                failUnexpected(buffer, i, expected: "expected a digit after '-'")
                return nil
            }
        }
        if buffer[i] == ASCII.zero {
            i += 1
            if i < count && isDigit(buffer[i]) {
                var end = i
                while end < count && isNumberByte(buffer[end]) { end += 1 }
                fail("leading zeros are not allowed in numbers", start, end)
                return nil
            }
            if i < count && (buffer[i] | 0x20) == UInt8(ascii: "x") {
                var end = i + 1
                while end < count && isWordByte(buffer[end]) { end += 1 }
                fail("hexadecimal numbers are not valid JSON; write the number in decimal", start, end)
                return nil
            }
        } else {
            while i < count && isDigit(buffer[i]) { i += 1 }
        }
        var isFloat = false
        if i < count && buffer[i] == ASCII.dot {
            i += 1
            guard i < count && isDigit(buffer[i]) else {
                failUnexpected(buffer, i, expected: "expected a digit after the decimal point")
                return nil
            }
            while i < count && isDigit(buffer[i]) { i += 1 }
            isFloat = true
        }
        if i < count && (buffer[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < count && (buffer[i] == ASCII.plus || buffer[i] == ASCII.minus) { i += 1 }
            guard i < count && isDigit(buffer[i]) else {
                failUnexpected(buffer, i, expected: "expected a digit in the exponent")
                return nil
            }
            while i < count && isDigit(buffer[i]) { i += 1 }
            isFloat = true
        }
        let lexeme = buffer.string(start..<i)
        if isFloat {
            // The lexeme is valid JSON, which Swift's parser reads; overflow gives ±infinity, as Python does.
            return (Number(lexeme: lexeme, kind: .float(Double(lexeme) ?? .nan)), i)
        }
        let isNegativeZero = i - start == 2 && buffer[start] == ASCII.minus && buffer[start + 1] == ASCII.zero
        let canonical = isNegativeZero ? "0" : lexeme
        return (Number(lexeme: lexeme, kind: .integer(canonical)), i)
    }

    // MARK: - Literals

    /// Reads `true`, `false`, `null`, `NaN` or `Infinity` at `start`; anything else is an error.
    mutating func readLiteral(_ buffer: BorrowedBytes, _ start: Int) -> (SyntaxNode.Value, Int)? {
        switch buffer[start] {
        case UInt8(ascii: "t") where buffer.matches(start, "true"):
            return (.bool(true), start + 4)
        case UInt8(ascii: "f") where buffer.matches(start, "false"):
            return (.bool(false), start + 5)
        case UInt8(ascii: "n") where buffer.matches(start, "null"):
            return (.null, start + 4)
        case UInt8(ascii: "N") where buffer.matches(start, "NaN"):
            reportNonFinite("NaN", start, start + 3)
            return (.number(Number(lexeme: "NaN", kind: .float(.nan))), start + 3)
        case UInt8(ascii: "I") where buffer.matches(start, "Infinity"):
            reportNonFinite("Infinity", start, start + 8)
            return (.number(Number(lexeme: "Infinity", kind: .float(.infinity))), start + 8)
        case ASCII.plus:
            var end = start + 1
            while end < buffer.count && isNumberByte(buffer[end]) { end += 1 }
            if end > start + 1 {
                fail("a leading '+' is not allowed in numbers", start, start + 1)
                return nil
            }
        case ASCII.dot:
            if start + 1 < buffer.count && isDigit(buffer[start + 1]) {
                var end = start + 1
                while end < buffer.count && isNumberByte(buffer[end]) { end += 1 }
                fail("a number must start with a digit, not '.'", start, end)
                return nil
            }
        default:
            break
        }
        var help: [String] = []
        if isWordByte(buffer[start]) {
            var end = start
            while end < buffer.count && isWordByte(buffer[end]) { end += 1 }
            let word = buffer.string(start..<end)
            switch word {
            case "True", "TRUE": help = ["JSON literals are lower case; did you mean 'true'?"]
            case "False", "FALSE": help = ["JSON literals are lower case; did you mean 'false'?"]
            case "Null", "NULL", "None", "nil": help = ["did you mean 'null'?"]
            default: help = ["strings must be in double quotes"]
            }
        }
        failUnexpected(buffer, start, expected: "expected a value", help: help)
        return nil
    }

    mutating func reportNonFinite(_ lexeme: String, _ start: Int, _ end: Int) {
        diagnostics.append(
            Diagnostic(
                rule: .jsonSyntax,
                message:
                    "\(quoted(lexeme)) is not valid JSON; the AWS CLI's parser accepts it but other JSON tools "
                    + "reject it",
                path: text.path,
                range: range(start, end)))
    }

    // MARK: - Errors

    /// Records the fatal error of this parse.
    mutating func fail(
        _ message: String, _ start: Int, _ end: Int, help: [String] = [], fixes: [Fix] = []
    ) {
        diagnostics.append(
            Diagnostic(
                rule: .jsonSyntax, message: message, path: text.path, range: range(start, end), help: help,
                fixes: fixes))
        failedAt = start
    }

    /// Reports the trailing comma at `comma`, with a fix that removes it.
    mutating func failTrailingComma(_ comma: Int) {
        fail(
            "trailing comma is not allowed in JSON", comma, comma + 1,
            fixes: [
                Fix(
                    message: "remove the trailing comma",
                    edits: [TextEdit(path: text.path, range: range(comma, comma + 1), replacement: "")])
            ])
    }

    /// Reports "`expected`, found …" at `i`, recognising comments and single quotes.
    mutating func failUnexpected(
        _ buffer: BorrowedBytes, _ i: Int, expected: String, help: [String] = []
    ) {
        let count = buffer.count
        guard i < count else {
            fail("\(expected), found end of file", count, count, help: help)
            return
        }
        if let comment = commentRange(buffer, i) {
            fail(commentMessage, comment.lowerBound, comment.upperBound)
            return
        }
        if buffer[i] == ASCII.apostrophe {
            fail("single quotes are not valid JSON; use '\"'", i, i + 1)
            return
        }
        let (shown, end) = describe(buffer, i)
        fail("\(expected), found \(shown)", i, end, help: help)
    }

    let commentMessage = "comments are not allowed in JSON"

    /// The range of the `//` or `/* */` comment at `i`, if one starts there.
    func commentRange(_ buffer: BorrowedBytes, _ i: Int) -> Range<Int>? {
        let count = buffer.count
        guard i + 1 < count, buffer[i] == ASCII.slash else { return nil }
        if buffer[i + 1] == ASCII.slash {
            var end = i + 2
            while end < count && buffer[end] != ASCII.lineFeed { end += 1 }
            if end > i + 2 && buffer[end - 1] == ASCII.carriageReturn { end -= 1 }
            return i..<end
        }
        if buffer[i + 1] == ASCII.star {
            var end = i + 2
            while end + 1 < count && !(buffer[end] == ASCII.star && buffer[end + 1] == ASCII.slash) { end += 1 }
            return i..<Swift.min(end + 2, count)
        }
        return nil
    }

    /// How the token at `i` is shown in a message, and where it ends.
    func describe(_ buffer: BorrowedBytes, _ i: Int) -> (String, Int) {
        let count = buffer.count
        let byte = buffer[i]
        if isWordByte(byte) {
            var end = i
            while end < count && isWordByte(buffer[end]) { end += 1 }
            // A word is ASCII; `quoted` shortens long text, so hand it only the ends of a huge word.
            var shown = buffer.string(i..<Swift.min(end, i + 80))
            if end - i > 80 {
                shown += buffer.string(Swift.max(i + 80, end - 40)..<end)
            }
            return (quoted(shown), end)
        }
        if byte < 0x80 {
            if byte < 0x20 || byte == 0x7F {
                return ("control character U+\(hex4(UInt32(byte)))", i + 1)
            }
            return (quoted(String(UnicodeScalar(byte))), i + 1)
        }
        let length = scalarLength(buffer, i)
        guard length > 1, let scalar = buffer.decodeScalar(i, length) else {
            return ("invalid UTF-8 byte 0x\(hex2(byte))", i + 1)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .format, .control, .privateUse, .unassigned,
            .surrogate:
            return ("U+\(hex4(scalar.value))", i + length)
        default:
            return ("\(quoted(String(scalar))) (U+\(hex4(scalar.value)))", i + length)
        }
    }
}

// MARK: - Byte helpers

@inline(__always)
private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == ASCII.space || byte == ASCII.lineFeed || byte == ASCII.carriageReturn || byte == ASCII.tab
}

@inline(__always)
private func skipWhitespace(_ buffer: BorrowedBytes, _ start: Int) -> Int {
    var i = start
    let count = buffer.count
    while i < count {
        let byte = buffer[i]
        guard byte <= ASCII.space, isWhitespace(byte) else { return i }
        i += 1
    }
    return i
}

/// The offset of the first byte at or after `start` that ends a run of plain string bytes (`"`, `\\` or a
/// control character), or the buffer's count.
@inline(__always)
private func plainEnd(_ buffer: BorrowedBytes, _ start: Int) -> Int {
    let count = buffer.count
    var i = start
    // Eight bytes at a time, the first stop found from the exact mask of stopping bytes.
    while i &+ 8 <= count {
        let word = buffer.word(at: i)
        let stop =
            WordMask.equal(word, WordMask.quotes) | WordMask.equal(word, WordMask.backslashes)
            | WordMask.below0x20(word)
        if stop != 0 { return i &+ stop.trailingZeroBitCount &>> 3 }
        i &+= 8
    }
    while i < count {
        let byte = buffer[i]
        if byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 { break }
        i += 1
    }
    return i
}

/// Masks over the eight bytes of a little-endian word (byte `k` is bits `8k..<8k+8`): each has the high bit of a
/// byte set exactly when that byte matches, with no carry from one byte into the next.
private enum WordMask {
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let quotes: UInt64 = 0x2222_2222_2222_2222
    static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C

    /// Bytes equal to the byte repeated in `pattern`: `x = word ^ pattern` is 0 there, and a byte `b` is 0 exactly
    /// when neither `(b & 0x7F) + 0x7F` nor `b` has its high bit set.
    @inline(__always)
    static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// Bytes below 0x20: `(b & 0x7F) + 0x60` has its high bit clear exactly when `b & 0x7F < 0x20`.
    @inline(__always)
    static func below0x20(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ 0x6060_6060_6060_6060) | word) & highs
    }
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool {
    byte &- ASCII.zero < 10
}

/// A byte that can belong to a malformed number token (for the range of a number error).
@inline(__always)
private func isNumberByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == ASCII.dot || byte == ASCII.plus || byte == ASCII.minus || (byte | 0x20) == 0x65
}

/// An ASCII letter, digit or `_`: the bytes of a bare word in a message.
@inline(__always)
private func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
}

@inline(__always)
private func hexValue(_ byte: UInt8) -> UInt8? {
    if isDigit(byte) { return byte &- ASCII.zero }
    let lower = byte | 0x20
    if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return lower - UInt8(ascii: "a") + 10 }
    return nil
}

/// The length of the well-formed UTF-8 sequence at `i` (1 for ASCII or an invalid byte), clamped to the buffer.
private func scalarLength(_ buffer: BorrowedBytes, _ i: Int) -> Int {
    guard i < buffer.count else { return 0 }
    let lead = buffer[i]
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 1
    }
    guard i + length <= buffer.count else { return 1 }
    for offset in 1..<length where buffer[i + offset] & 0xC0 != 0x80 {
        return 1
    }
    return buffer.decodeScalar(i, length) == nil ? 1 : length
}

private func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
        out.append(UInt8(value))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (value >> 6)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (value >> 12)))
        out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (value >> 18)))
        out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    }
}

private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
}

private func hex2(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= 2 ? digits : "0" + digits
}
