public import WMLintSource

/// The AWS CLI's shorthand syntax (`Status=ACTIVE,LifetimeInDays=30`), parsed exactly as
/// `awscli/shorthand.py` parses it.
///
/// The grammar, as the CLI's parser implements it (the parser, not its comments, is the reference):
/// - pairs `key=value` (or `key@=value`) separated by `,`; ASCII whitespace (`" \t\n\r\u{0B}\u{0C}"`) around
///   `@`, `=` and `,` is skipped; a text that starts with whitespace fails unless an empty key follows (` =b`);
/// - keys are `[A-Za-z0-9_.#/:-]*` (an empty key is accepted);
/// - a value is `[…]`, `{…}`, a quoted value or an unquoted one; unquoted values stop at `,` and at characters
///   the CLI's regular expressions leave out (quotes, most control characters, characters above U+FFFF); `\,` is
///   a literal comma; trailing Unicode whitespace is stripped; a top-level first value may hold `=`, `[`, `{`;
/// - `key=a,b` is a list: after a first value, `,` starts a second value unless that value is followed by
///   anything but `,` or the end, in which case the parser backtracks to the last `,` before the failure (which
///   makes `a=b,,c=d` valid and `a=b,,,c=d` not);
/// - a repeated top-level key is an error; inside `{…}` the later value wins.
///
/// Nodes: the root is an object whose range is the whole text; scalars are strings whose range covers the
/// value as written (quotes included, trailing whitespace excluded); a `key=a,b` list spans its first to its last
/// value. The root object counts as one level of nesting for `maxDepth`.
public enum ShorthandParser {
    /// Parses `text` as shorthand; the root is an object. Values are strings, lists and objects.
    ///
    /// Reports `shorthand-syntax` for everything the CLI rejects and `duplicate-key` for a key repeated inside
    /// `{…}` (the later value wins, as in the CLI). Nesting deeper than `maxDepth` is a `shorthand-syntax` error.
    /// Parsing stops at the first syntax error; the root is then `nil`.
    ///
    /// `demand` says which values to build (``NodeDemand``): the others are checked exactly as built ones are and
    /// kept as one ``SyntaxNode/Value/opaque(_:)`` node each, with no node or `String` made inside them; a
    /// repeated key inside an opaque `{…}` is not reported. A `key=a,b` list is opaque unless demanded whole.
    ///
    /// A `key@=value` member has ``Member/loadsFile`` set and keeps the literal text (`file://p`) as its value;
    /// the CLI replaces a value starting with `file://` or `fileb://` by the file's content and keeps any other
    /// value as written. Which scalars it loads is subtler than "those under a `@=` key": see
    /// ``fileReferences(in:)``.
    public static func parse(_ text: SourceText, demand: NodeDemand = .all, maxDepth: Int = 256) -> ParseResult {
        BorrowedBytes.over(classTable) { table in
            BorrowedBytes.over(text.bytes) { bytes in
                var parser = ShorthandScanner(bytes: bytes, table: table, text: text, maxDepth: maxDepth)
                do throws(ShorthandFailure) {
                    var root = try parser.parameter(demand: demand)
                    if demand == .none { root = SyntaxNode(.opaque(.object), range: root.range) }
                    return ParseResult(root: root, diagnostics: parser.diagnostics)
                } catch {
                    return ParseResult(root: nil, diagnostics: [error.diagnostic])
                }
            }
        }
    }

    /// The string scalars of a parsed shorthand tree that the CLI replaces by a file's content, in source order.
    ///
    /// The CLI keeps one "load files" flag for the whole parse and sets it at every key, from whether that key
    /// was written `@=`: a scalar is loaded when the nearest key before it in the text had `@=` and its text
    /// starts with `file://` or `fileb://` (case-sensitive). So in `a@=[{b=1},file://z]` the `file://z` is not
    /// loaded (the key `b` cleared the flag), while in `a=[{b@=1},file://z]` it is.
    public static func fileReferences(in root: SyntaxNode) -> [SyntaxNode] {
        var found: [SyntaxNode] = []
        var loads = false
        // Depth-first in source order, with an explicit stack of (node, the member's @= flag to set first).
        var pending: [(node: SyntaxNode, setsFlag: Bool?)] = [(root, nil)]
        while let (node, setsFlag) = pending.popLast() {
            if let setsFlag { loads = setsFlag }
            switch node.value {
            case .string(let text):
                if loads && (text.hasPrefix("file://") || text.hasPrefix("fileb://")) { found.append(node) }
            case .array(let items):
                for item in items.reversed() { pending.append((item, nil)) }
            case .object(let members):
                for member in members.reversed() { pending.append((member.value, member.loadsFile)) }
            default:
                break
            }
        }
        return found
    }

    /// Converts a shorthand scalar to an integer as Python's `int()` does; `nil` when Python would raise.
    ///
    /// Accepts surrounding whitespace (ASCII `" \t\n\r\u{0B}\u{0C}"` and Unicode spaces such as U+00A0 and
    /// U+3000, but not U+001C…U+001F, as CPython's `int()`), one optional sign, digits from any Unicode decimal
    /// digit set (`٣٠`, `３０`), and single `_` between digits. More than 4300 digits is rejected, as by Python's
    /// default `int_max_str_digits`. Returns canonical decimal text (optional `-`, no leading zeros, `-0` is `0`).
    public static func pythonInt(_ text: String) -> String? {
        PythonInt.parse(text)
    }
}

/// Character classes of the ASCII bytes, as the CLI's regular expressions and `string` constants define them.
enum ShorthandClass {
    /// `_START_WORD`: may start an unquoted value.
    static let start: UInt8 = 1
    /// `_FIRST_FOLLOW_CHARS`: may continue a first value (adds whitespace, `=`, `[`, `{`; drops `]`, `}`).
    static let firstFollow: UInt8 = 2
    /// `_SECOND_FOLLOW_CHARS`: may continue a second value (adds whitespace, `[`, `{`, `]`, `}`).
    static let secondFollow: UInt8 = 4
    /// `string.whitespace`: skipped around `@`, `=`, `,`.
    static let skipped: UInt8 = 8
    /// Key characters: ASCII letters, digits and `-_.#/:`.
    static let key: UInt8 = 16
    /// `str.isspace()`: stripped from the end of an unquoted value.
    static let space: UInt8 = 32
}

private let classTable: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in 0..<128 {
        var bits: UInt8 = 0
        let isSpace = (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
        // [\!\#-&\(-\+\--\<\>-Z\\\\-z\u007c-\uffff]
        if byte == 0x21 || (0x23...0x26).contains(byte) || (0x28...0x2B).contains(byte)
            || (0x2D...0x3C).contains(byte) || (0x3E...0x5A).contains(byte) || (0x5C...0x7A).contains(byte)
            || byte >= 0x7C
        {
            bits |= ShorthandClass.start
        }
        // [\s\!\#-&\(-\+\--\\\\\^-\|~-\uffff]
        if isSpace || byte == 0x21 || (0x23...0x26).contains(byte) || (0x28...0x2B).contains(byte)
            || (0x2D...0x5C).contains(byte) || (0x5E...0x7C).contains(byte) || byte >= 0x7E
        {
            bits |= ShorthandClass.firstFollow
        }
        // [\s\!\#-&\(-\+\--\<\>-\uffff]
        if isSpace || byte == 0x21 || (0x23...0x26).contains(byte) || (0x28...0x2B).contains(byte)
            || (0x2D...0x3C).contains(byte) || byte >= 0x3E
        {
            bits |= ShorthandClass.secondFollow
        }
        if byte == 0x20 || (0x09...0x0D).contains(byte) { bits |= ShorthandClass.skipped }
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x23 || byte == 0x2F || byte == 0x3A
        {
            bits |= ShorthandClass.key
        }
        if isSpace { bits |= ShorthandClass.space }
        table[byte] = bits
    }
    return table
}()

/// A syntax error that ends the parse.
struct ShorthandFailure: Error {
    var diagnostic: Diagnostic
}

/// One `[…]` or `{…}` being read, on the explicit stack that replaces the CLI parser's recursion.
private struct OpenContainer {
    var isHash: Bool
    /// Offset of the `[` or `{`.
    var open: Int
    /// What to build of the container's values (never ``NodeDemand/none``: opaque containers are only checked,
    /// by ``ShorthandScanner/skipOpaque(depth:)``).
    var demand: NodeDemand
    var items: [SyntaxNode] = []
    var members: [Member] = []
    /// The keys seen so far, to report repeated keys.
    var seen = KeyTable()
    /// The key of the member being read (built containers only).
    var key = ""
    var keyRange = 0..<0
    var loadsFile = false
}

/// Where a container opened, for messages; in an opaque value, the container being checked.
private struct Opener {
    var isHash: Bool
    /// Offset of the `[` or `{`.
    var open: Int
    /// The local range of the key being read (in `{…}`).
    var keyRange = 0..<0
}

/// A value found by a scan, not yet turned into a node (a second value may still be given back).
private enum ScannedValue {
    /// `start..<contentEnd` without trailing whitespace; `escapes` when it holds `\,`.
    case unquoted(start: Int, contentEnd: Int, escapes: Bool)
    /// The opening quote at `start`, the closing one at `close`.
    case quoted(start: Int, close: Int)
}

private let comma = UInt8(ascii: ",")
private let backslash = UInt8(ascii: "\\")
private let singleQuote = UInt8(ascii: "'")
private let doubleQuote = UInt8(ascii: "\"")

/// The parser proper: a port of `awscli.shorthand.ShorthandParser` over UTF-8 bytes.
private struct ShorthandScanner {
    let bytes: BorrowedBytes
    /// ``classTable``: the ``ShorthandClass`` bits of each byte value.
    let table: BorrowedBytes
    let text: SourceText
    let maxDepth: Int
    let count: Int
    var index = 0
    /// Offset of the last `,` consumed, for the trailing-comma message.
    var lastComma = -1
    var diagnostics: [Diagnostic] = []

    init(bytes: BorrowedBytes, table: BorrowedBytes, text: SourceText, maxDepth: Int) {
        self.bytes = bytes
        self.table = table
        self.text = text
        self.maxDepth = maxDepth
        self.count = bytes.count
    }

    // MARK: Characters

    @inline(__always) func at(_ offset: Int) -> UInt8? {
        offset < count ? bytes[offset] : nil
    }

    /// The length in bytes of the character at `offset`: 1…4 for well-formed UTF-8, 1 for a stray byte (which
    /// then stands for U+FFFD, a character of every value class).
    @inline(__always) func characterLength(at offset: Int) -> Int {
        let lead = bytes[offset]
        if lead < 0x80 { return 1 }
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return 1
        }
        guard offset + needed < count else { return 1 }
        for next in 1...needed where bytes[offset + next] & 0xC0 != 0x80 {
            return 1
        }
        return needed + 1
    }

    /// Whether the non-ASCII character of `length` bytes at `offset` is Unicode whitespace (`str.isspace()`).
    @inline(__always) func isUnicodeSpace(at offset: Int, length: Int) -> Bool {
        let lead = bytes[offset]
        if length == 2 { return lead == 0xC2 && (bytes[offset + 1] == 0x85 || bytes[offset + 1] == 0xA0) }
        guard length == 3 else { return false }
        let second = bytes[offset + 1]
        let third = bytes[offset + 2]
        switch lead {
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            if second == 0x80 { return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return second == 0x81 && third == 0x9F
        case 0xE3: return second == 0x80 && third == 0x80
        default: return false
        }
    }

    @inline(__always) mutating func skipWhitespace() {
        while index < count && table[Int(bytes[index])] & ShorthandClass.skipped != 0 {
            index += 1
        }
    }

    func string(_ range: Range<Int>) -> String {
        bytes.string(range)
    }

    // MARK: Pairs

    /// `_parameter`: the pairs of the top level.
    mutating func parameter(demand: NodeDemand) throws(ShorthandFailure) -> SyntaxNode {
        var members: [Member] = []
        var seen = KeyTable()
        let first = try keyValue(demand: demand)
        _ = seen.insert(first.key, after: members)
        members.append(first)
        while index < count {
            skipWhitespace()
            guard index < count, bytes[index] == comma else {
                throw afterValueFailure(members.last)
            }
            lastComma = index
            index += 1
            skipWhitespace()
            let member = try keyValue(demand: demand)
            if let previous = seen.insert(member.key, after: members) {
                throw ShorthandFailure(
                    diagnostic: Diagnostic(
                        rule: .shorthandSyntax,
                        message: "key \(quoted(member.key)) is given twice",
                        path: text.path, range: member.keyRange,
                        notes: ["the AWS CLI rejects a repeated top-level key (\"Error parsing parameter\")"],
                        help: ["often a ',' stands where a space was meant, or a list needs '[…]'"],
                        related: [
                            RelatedLocation(
                                message: "first given here", path: text.path, range: members[previous].keyRange)
                        ]))
            }
            members.append(member)
        }
        return SyntaxNode(.object(members), range: text.fileRange(0, count))
    }

    /// `_key`, then the optional `@` and the `=`: returns the key's local range and whether it was `@=`.
    mutating func key(in container: Opener?) throws(ShorthandFailure) -> (Range<Int>, Bool) {
        let keyStart = index
        while index < count && table[Int(bytes[index])] & ShorthandClass.key != 0 {
            index += 1
        }
        let keyRange = keyStart..<index
        skipWhitespace()
        var loadsFile = false
        if index < count && bytes[index] == UInt8(ascii: "@") {
            index += 1
            skipWhitespace()
            loadsFile = true
        }
        guard index < count, bytes[index] == UInt8(ascii: "=") else {
            throw keyFailure(keyRange: keyRange, loadsFile: loadsFile, container: container)
        }
        index += 1
        skipWhitespace()
        return (keyRange, loadsFile)
    }

    /// `_keyval` at the top level.
    mutating func keyValue(demand: NodeDemand) throws(ShorthandFailure) -> Member {
        let (keyRange, loadsFile) = try key(in: nil)
        let key = string(keyRange)
        let valueDemand = demand.member(key)
        let value: SyntaxNode
        if index >= count {
            value = SyntaxNode(
                valueDemand == .none ? .opaque(.scalar) : .string(""), range: text.fileRange(index, index))
        } else if bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{") {
            value = try explicitValue(demand: valueDemand)
        } else {
            value = try csvValue(demand: valueDemand)
        }
        return Member(key: key, keyRange: text.fileRange(keyRange), value: value, loadsFile: loadsFile)
    }

    // MARK: Scalars

    /// `_csv_value`: a first value, and a list when `,` and second values follow.
    mutating func csvValue(demand: NodeDemand) throws(ShorthandFailure) -> SyntaxNode {
        if demand != .all { return try opaqueCSVValue(scalarBuilt: demand != .none) }
        let first = try firstValue()
        skipWhitespace()
        guard index < count, bytes[index] == comma else { return first }
        lastComma = index
        index += 1
        skipWhitespace()
        var items: [SyntaxNode] = []
        while true {
            // Materialize a second value only once the ',' or the end after it accepts it.
            guard let current = secondValue() else {
                if index >= count { throw trailingComma() }
                backtrackToComma()
                break
            }
            skipWhitespace()
            let atEnd = index >= count
            if !atEnd {
                guard bytes[index] == comma else {
                    backtrackToComma()
                    break
                }
                lastComma = index
                index += 1
                skipWhitespace()
            }
            if items.isEmpty {
                items.reserveCapacity(4)
                items.append(first)
            }
            items.append(node(current))
            if atEnd { break }
        }
        guard items.count > 1, let last = items.last else { return first }
        return SyntaxNode(.array(items), range: first.range.lowerBound..<last.range.upperBound)
    }

    /// ``csvValue(demand:)`` for a value not demanded whole: a scalar is built when `scalarBuilt`, else opaque; a
    /// list is opaque. The same reading, without nodes.
    mutating func opaqueCSVValue(scalarBuilt: Bool) throws(ShorthandFailure) -> SyntaxNode {
        let firstStart = index
        let first = try scanFirstValue()
        let firstRange = first.map(range(of:)) ?? text.fileRange(firstStart, firstStart)
        skipWhitespace()
        var last: ScannedValue?
        if index < count, bytes[index] == comma {
            lastComma = index
            index += 1
            skipWhitespace()
            while true {
                guard let current = secondValue() else {
                    if index >= count { throw trailingComma() }
                    backtrackToComma()
                    break
                }
                skipWhitespace()
                let atEnd = index >= count
                if !atEnd {
                    guard bytes[index] == comma else {
                        backtrackToComma()
                        break
                    }
                    lastComma = index
                    index += 1
                    skipWhitespace()
                }
                last = current
                if atEnd { break }
            }
        }
        if let last {
            return SyntaxNode(.opaque(.array), range: firstRange.lowerBound..<range(of: last).upperBound)
        }
        guard scalarBuilt else { return SyntaxNode(.opaque(.scalar), range: firstRange) }
        guard let first else { return SyntaxNode(.string(""), range: firstRange) }
        return node(first)
    }

    /// The file range of a scanned value's node.
    func range(of scanned: ScannedValue) -> SourceRange {
        switch scanned {
        case .unquoted(let start, let contentEnd, _): text.fileRange(start, contentEnd)
        case .quoted(let start, let close): text.fileRange(start, close + 1)
        }
    }

    /// `_backtrack_to(',')`: back to the last comma at or before the current offset.
    mutating func backtrackToComma() {
        while index >= 0 && (index >= count || bytes[index] != comma) {
            index -= 1
        }
        if index < 0 { index = 0 }
    }

    /// `_first_value`: a quoted value, or an unquoted one of `_FIRST_VALUE` (possibly empty).
    mutating func firstValue() throws(ShorthandFailure) -> SyntaxNode {
        let start = index
        guard let scanned = try scanFirstValue() else {
            return SyntaxNode(.string(""), range: text.fileRange(start, start))
        }
        return node(scanned)
    }

    /// ``firstValue()`` without its node: `nil` for an empty value (the offset unchanged).
    @inline(__always)
    mutating func scanFirstValue() throws(ShorthandFailure) -> ScannedValue? {
        if index < count && (bytes[index] == singleQuote || bytes[index] == doubleQuote) {
            guard let scanned = scanQuoted() else { throw unterminatedQuote(at: index) }
            return scanned
        }
        return scanUnquoted(follow: ShorthandClass.firstFollow)
    }

    /// `_second_value`: a quoted value or `_SECOND_VALUE`; `nil` (offset unchanged) when neither matches.
    mutating func secondValue() -> ScannedValue? {
        if index < count && (bytes[index] == singleQuote || bytes[index] == doubleQuote) {
            return scanQuoted()
        }
        return scanUnquoted(follow: ShorthandClass.secondFollow)
    }

    /// The string node of a scanned value.
    func node(_ scanned: ScannedValue) -> SyntaxNode {
        switch scanned {
        case .unquoted(let start, let contentEnd, let escapes):
            unquotedNode(start: start, contentEnd: contentEnd, escapes: escapes)
        case .quoted(let start, let close):
            quotedNode(start: start, close: close)
        }
    }

    /// An unquoted value: one character of `_START_WORD` (or `\,`), then characters of `follow` (or `\,`); `\,`
    /// becomes `,` and trailing whitespace is dropped. `nil` when the first character does not match.
    mutating func scanUnquoted(follow: UInt8) -> ScannedValue? {
        let start = index
        var offset = index
        var contentEnd = index
        var escapes = false
        var mask = ShorthandClass.start
        while offset < count {
            let byte = bytes[offset]
            if byte == backslash && offset + 1 < count && bytes[offset + 1] == comma {
                offset += 2
                contentEnd = offset
                escapes = true
            } else if byte < 0x80 {
                let bits = table[Int(byte)]
                if bits & mask == 0 { break }
                offset += 1
                if bits & ShorthandClass.space == 0 { contentEnd = offset }
            } else {
                let length = characterLength(at: offset)
                if length == 4 { break }
                if !isUnicodeSpace(at: offset, length: length) { contentEnd = offset + length }
                offset += length
            }
            mask = follow
        }
        guard offset > start else { return nil }
        index = offset
        return .unquoted(start: start, contentEnd: contentEnd, escapes: escapes)
    }

    func unquotedNode(start: Int, contentEnd: Int, escapes: Bool) -> SyntaxNode {
        let value: String
        if escapes {
            var decoded: [UInt8] = []
            decoded.reserveCapacity(contentEnd - start)
            var cursor = start
            while cursor < contentEnd {
                let byte = bytes[cursor]
                if byte == backslash && cursor + 1 < contentEnd && bytes[cursor + 1] == comma {
                    decoded.append(comma)
                    cursor += 2
                } else {
                    decoded.append(byte)
                    cursor += 1
                }
            }
            value = String(decoding: decoded, as: UTF8.self)
        } else {
            value = string(start..<contentEnd)
        }
        return SyntaxNode(.string(value), range: text.fileRange(start, contentEnd))
    }

    /// A value in `'…'` or `"…"`, matched as the CLI's `'(?:\\'|[^'])*'` matches it: the first quote not escaped
    /// by a backslash closes it; with none before the end, the regex backtracks to the last `\'`. Then `\'`
    /// becomes `'` and `\\` becomes `\`. `nil` (offset unchanged) when unterminated.
    mutating func scanQuoted() -> ScannedValue? {
        let start = index
        let quote = bytes[start]
        var offset = start + 1
        var lastEscapedQuote = -1
        var close = -1
        while offset < count {
            let byte = bytes[offset]
            if byte == backslash {
                if offset + 1 < count && bytes[offset + 1] == quote {
                    lastEscapedQuote = offset + 1
                    offset += 2
                    continue
                }
            } else if byte == quote {
                close = offset
                break
            }
            offset += 1
        }
        if close < 0 {
            guard lastEscapedQuote >= 0 else { return nil }
            close = lastEscapedQuote
        }
        index = close + 1
        return .quoted(start: start, close: close)
    }

    func quotedNode(start: Int, close: Int) -> SyntaxNode {
        let quote = bytes[start]
        let content = (start + 1)..<close
        let value: String
        if bytes.contains(backslash, in: content) {
            var pass: [UInt8] = []
            pass.reserveCapacity(content.count)
            var cursor = content.lowerBound
            while cursor < content.upperBound {
                let byte = bytes[cursor]
                if byte == backslash && cursor + 1 < content.upperBound && bytes[cursor + 1] == quote {
                    pass.append(quote)
                    cursor += 2
                } else {
                    pass.append(byte)
                    cursor += 1
                }
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(pass.count)
            var position = 0
            while position < pass.count {
                if pass[position] == backslash && position + 1 < pass.count && pass[position + 1] == backslash {
                    decoded.append(backslash)
                    position += 2
                } else {
                    decoded.append(pass[position])
                    position += 1
                }
            }
            value = String(decoding: decoded, as: UTF8.self)
        } else {
            value = string(content)
        }
        return SyntaxNode(.string(value), range: text.fileRange(start, close + 1))
    }

    // MARK: Lists and hashes

    /// `_explicit_list` / `_hash_literal`, with an explicit stack instead of recursion.
    mutating func explicitValue(demand: NodeDemand) throws(ShorthandFailure) -> SyntaxNode {
        var stack: [OpenContainer] = []
        if let skipped = try open(&stack, demand: demand) { return skipped }
        while true {
            let top = stack.count - 1
            var done: SyntaxNode
            if stack[top].isHash {
                if index < count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    guard let closed = stack.popLast() else { break }
                    done = SyntaxNode(.object(closed.members), range: text.fileRange(closed.open, index))
                } else {
                    let (keyRange, loadsFile) = try key(in: Opener(isHash: true, open: stack[top].open))
                    stack[top].keyRange = keyRange
                    stack[top].loadsFile = loadsFile
                    stack[top].key = string(keyRange)
                    let childDemand = stack[top].demand.member(stack[top].key)
                    if index < count && (bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{")) {
                        guard let skipped = try open(&stack, demand: childDemand) else { continue }
                        done = skipped
                    } else if childDemand == .none {
                        let start = index
                        let range = try scanFirstValue().map(range(of:)) ?? text.fileRange(start, start)
                        done = SyntaxNode(.opaque(.scalar), range: range)
                    } else {
                        done = try firstValue()
                    }
                }
            } else {
                if index < count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    guard let closed = stack.popLast() else { break }
                    done = SyntaxNode(.array(closed.items), range: text.fileRange(closed.open, index))
                } else if index < count && (bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{")) {
                    // Only a list demanded whole is built: its values are demanded whole too.
                    guard let skipped = try open(&stack, demand: .all) else { continue }
                    done = skipped
                } else {
                    done = try firstValue()
                }
            }
            guard !stack.isEmpty else { return done }
            try attach(done, to: &stack)
        }
        return SyntaxNode(.null, range: text.fileRange(index, index))
    }

    /// `_expect('[' or '{', consume_whitespace=True)`, within the depth limit. A container built under `demand`
    /// is pushed (`nil` is returned); an opaque one (`demand` ``NodeDemand/none``, or a list not demanded whole)
    /// is checked to its end and returned as one node.
    mutating func open(_ stack: inout [OpenContainer], demand: NodeDemand) throws(ShorthandFailure) -> SyntaxNode? {
        let isHash = bytes[index] == UInt8(ascii: "{")
        if demand == .none || (!isHash && demand != .all) {
            let open = index
            try skipOpaque(depth: stack.count)
            return SyntaxNode(.opaque(isHash ? .object : .array), range: text.fileRange(open, index))
        }
        try checkDepth(stack.count)
        stack.append(OpenContainer(isHash: isHash, open: index, demand: demand))
        index += 1
        skipWhitespace()
        return nil
    }

    /// The depth limit, for a container opened inside `open` others.
    func checkDepth(_ open: Int) throws(ShorthandFailure) {
        if open + 2 > maxDepth {
            throw ShorthandFailure(
                diagnostic: Diagnostic(
                    rule: .shorthandSyntax,
                    message: "shorthand nested deeper than \(maxDepth) levels",
                    path: text.path, range: text.fileRange(index, index + 1)))
        }
    }

    /// Checks the `[…]` or `{…}` at `index`, inside `depth` open containers, as ``explicitValue(demand:)`` reads
    /// it, and moves past it: the same errors, with no node, `String` or key table.
    mutating func skipOpaque(depth: Int) throws(ShorthandFailure) {
        var openers: [Opener] = []
        try push(&openers, depth: depth)
        while let top = openers.last {
            if index < count && bytes[index] == (top.isHash ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                index += 1
                openers.removeLast()
                guard let parent = openers.last else { return }
                try separator(in: parent)
                continue
            }
            if top.isHash {
                let (keyRange, _) = try key(in: top)
                openers[openers.count - 1].keyRange = keyRange
            }
            if index < count && (bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{")) {
                try push(&openers, depth: depth)
                continue
            }
            _ = try scanFirstValue()
            try separator(in: openers[openers.count - 1])
        }
    }

    /// Opens the `[` or `{` at `index` in an opaque value.
    @inline(__always)
    mutating func push(_ openers: inout [Opener], depth: Int) throws(ShorthandFailure) {
        try checkDepth(depth + openers.count)
        openers.append(Opener(isHash: bytes[index] == UInt8(ascii: "{"), open: index))
        index += 1
        skipWhitespace()
    }

    /// After an element or member: whitespace, then `,` unless the container closes next.
    @inline(__always)
    mutating func separator(in container: Opener) throws(ShorthandFailure) {
        skipWhitespace()
        let close = container.isHash ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if index >= count || bytes[index] != close {
            guard index < count, bytes[index] == comma else {
                throw containerFailure(container)
            }
            lastComma = index
            index += 1
            skipWhitespace()
        }
    }

    /// The end of an element or member (``separator(in:)``), then the value joins the container.
    mutating func attach(_ value: SyntaxNode, to stack: inout [OpenContainer]) throws(ShorthandFailure) {
        let top = stack.count - 1
        try separator(in: Opener(isHash: stack[top].isHash, open: stack[top].open, keyRange: stack[top].keyRange))
        if stack[top].isHash {
            let key = stack[top].key
            let keyRange = text.fileRange(stack[top].keyRange)
            if let previous = stack[top].seen.insert(key, after: stack[top].members) {
                let first = stack[top].members[previous].keyRange
                diagnostics.append(
                    Diagnostic(
                        rule: .duplicateKey,
                        message: "key \(quoted(key)) is given twice in '{…}'; the later value wins",
                        path: text.path, range: keyRange,
                        related: [RelatedLocation(message: "first given here", path: text.path, range: first)]))
            }
            if stack[top].members.isEmpty { stack[top].members.reserveCapacity(4) }
            stack[top].members.append(
                Member(key: key, keyRange: keyRange, value: value, loadsFile: stack[top].loadsFile))
        } else {
            if stack[top].items.isEmpty { stack[top].items.reserveCapacity(4) }
            stack[top].items.append(value)
        }
    }

    // MARK: Errors

    /// What stands at the current offset, for "found …", and its local range.
    func found(at offset: Int) -> (String, Range<Int>) {
        guard offset < count else { return ("end of input", offset..<offset) }
        let length = characterLength(at: offset)
        return (quoted(string(offset..<(offset + length))), offset..<(offset + length))
    }

    func failure(_ message: String, _ range: Range<Int>, notes: [String] = [], help: [String] = [])
        -> ShorthandFailure
    {
        ShorthandFailure(
            diagnostic: Diagnostic(
                rule: .shorthandSyntax, message: message, path: text.path, range: text.fileRange(range),
                notes: notes, help: help))
    }

    func trailingComma() -> ShorthandFailure {
        let at = max(lastComma, 0)
        return failure("trailing ',' after the last pair", at..<min(at + 1, count), help: ["remove the ','"])
    }

    func unterminatedQuote(at offset: Int) -> ShorthandFailure {
        let quote = bytes[offset] == singleQuote ? "'" : "\""
        return failure(
            "unterminated quoted value: no closing \(quote)", offset..<(offset + 1),
            notes: ["inside quotes only \\\(quote) and \\\\ are escapes"])
    }

    /// A notes line about a character that cannot stand where it was found.
    func characterNotes(at offset: Int) -> [String] {
        guard offset < count else { return [] }
        let byte = bytes[offset]
        if byte == singleQuote || byte == doubleQuote {
            return ["a quote is recognised only at the start of a value; quote the whole value"]
        }
        if characterLength(at: offset) == 4 {
            return ["characters above U+FFFF are accepted only inside a quoted value"]
        }
        if byte == UInt8(ascii: "=") {
            return ["a value cannot start with '='; quote the value"]
        }
        if byte < 0x20 || byte == 0x7F {
            return ["control characters are accepted only inside a quoted value"]
        }
        return []
    }

    /// The `=` after a key is missing.
    func keyFailure(keyRange: Range<Int>, loadsFile: Bool, container: Opener?) -> ShorthandFailure {
        if !keyRange.isEmpty {
            let (what, range) = found(at: index)
            var notes = characterNotes(at: index)
            if notes.isEmpty, index < count, bytes[index] >= 0x21, bytes[index] != comma {
                notes = ["keys may hold only ASCII letters, digits and '-_.#/:'"]
            }
            let expected = loadsFile ? "'=' after '\(string(keyRange))@'" : "'=' after key \(quoted(string(keyRange)))"
            return failure("expected \(expected), found \(what)", range, notes: notes)
        }
        if keyRange.lowerBound == 0 && count > 0 && table[Int(bytes[0])] & ShorthandClass.skipped != 0 {
            var end = 0
            while end < count && table[Int(bytes[end])] & ShorthandClass.skipped != 0 { end += 1 }
            return failure(
                "expected a key, found \(quoted(string(0..<1))) (whitespace before the first key is not allowed)",
                0..<end, help: ["remove the leading whitespace"])
        }
        if index >= count {
            if count == 0 { return failure("expected 'key=value', found an empty value", 0..<0) }
            if let container {
                let opener = container.isHash ? "'{'" : "'['"
                return ShorthandFailure(
                    diagnostic: Diagnostic(
                        rule: .shorthandSyntax, message: "expected a key or '}', found end of input",
                        path: text.path, range: text.fileRange(index, index),
                        related: [
                            RelatedLocation(
                                message: "\(opener) opened here", path: text.path,
                                range: text.fileRange(container.open, container.open + 1))
                        ]))
            }
            if lastComma >= 0 { return trailingComma() }
            return failure("expected '=', found end of input", index..<index)
        }
        let byte = bytes[index]
        if byte == singleQuote || byte == doubleQuote {
            var probe = self
            if probe.scanQuoted() == nil { return unterminatedQuote(at: index) }
        }
        let (what, range) = found(at: index)
        var notes = characterNotes(at: index)
        if byte == comma {
            notes = [
                "an empty pair (',,') is accepted only right after a plain value, as in 'a=b,,c=d'"
            ]
        } else if byte == singleQuote || byte == doubleQuote {
            notes = [
                "after ',' a quoted value is a list item only when ',' or the end follows it; otherwise the CLI reads a new 'key=value' pair there"
            ]
        }
        if loadsFile {
            return failure("expected '=' after '@', found \(what)", range, notes: notes)
        }
        return failure("expected a key, found \(what)", range, notes: notes)
    }

    /// A top-level pair's value is followed by something other than `,`.
    func afterValueFailure(_ member: Member?) -> ShorthandFailure {
        let (what, range) = found(at: index)
        let key = member.map { " of key \(quoted($0.key))" } ?? ""
        var notes = characterNotes(at: index)
        if index >= count {
            notes = ["the AWS CLI accepts no whitespace after a closing ']' or '}' at the end"]
        }
        return failure("expected ',' after the value\(key), found \(what)", range, notes: notes)
    }

    /// An element of `[…]` or a member of `{…}` is followed by something other than `,` or the closing bracket.
    func containerFailure(_ container: Opener) -> ShorthandFailure {
        let (what, range) = found(at: index)
        let message =
            container.isHash
            ? "expected ',' or '}' after the value of key \(quoted(string(container.keyRange))), found \(what)"
            : "expected ',' or ']' after a list element, found \(what)"
        let opener = container.isHash ? "'{'" : "'['"
        return ShorthandFailure(
            diagnostic: Diagnostic(
                rule: .shorthandSyntax, message: message, path: text.path, range: text.fileRange(range),
                notes: characterNotes(at: index),
                related: [
                    RelatedLocation(
                        message: "\(opener) opened here", path: text.path,
                        range: text.fileRange(container.open, container.open + 1))
                ]))
    }
}

/// The keys of one object, for finding a repeated key in linear time.
///
/// Up to 8 keys are compared one by one (no allocation); past that an open-addressing table of FNV-1a hashes of
/// the keys' UTF-8 is kept.
struct KeyTable {
    /// The hash of each key by member index, once the table is built (kept to rebuild it).
    private var hashes: [UInt64] = []
    /// Power-of-two table of entries: the high 32 bits of the key's hash, then `index + 1` in the low 32 bits;
    /// 0 is empty.
    private var slots: [UInt64] = []

    /// Records `key`, the key of member `members.count`, unless an earlier member has it; returns the index of
    /// that earlier member if one does.
    mutating func insert(_ key: String, after members: [Member]) -> Int? {
        if slots.isEmpty {
            for (index, member) in members.enumerated() where member.key == key {
                return index
            }
            if members.count == 8 {
                hashes = members.map { Self.hash($0.key) }
                hashes.append(Self.hash(key))
                rebuild(capacity: 64)
            }
            return nil
        }
        let keyHash = Self.hash(key)
        let tag = keyHash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: keyHash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(entry & 0xFFFF_FFFF) - 1
                if index < members.count && members[index].key == key { return index }
            }
            slot = (slot + 1) & mask
        }
        hashes.append(keyHash)
        slots[slot] = tag | UInt64(hashes.count)
        if hashes.count * 2 > slots.count { rebuild(capacity: slots.count * 2) }
        return nil
    }

    private mutating func rebuild(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (index, keyHash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: keyHash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (keyHash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
        }
    }

    private static func hash(_ key: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        // MurmurHash3's finalizer, so that the low bits used for the slot depend on every byte.
        value = (value ^ (value >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        value = (value ^ (value >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return value ^ (value >> 33)
    }
}
