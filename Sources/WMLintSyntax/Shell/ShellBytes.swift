// Byte classes and small decoding helpers of the shell scanner.

import WMLintSource

/// Classes of the bytes, one character per byte value 0–255 (none for bytes from 128 on): the character's value
/// minus `@` holds ``wordSpecialClass``, ``doubleQuoteSpecialClass``, ``nameStartClass`` and ``nameByteClass`` bits.
/// A literal, so reading it costs one load, with no test of the byte first (a test checks it against the
/// definitions).
let shellByteClasses: StaticString = """
    @@@@@@@@@AA@@@@@@@@@@@@@@@@@@@@@A@C@C@AAAA@@@@@@HHHHHHHHHH@AA@A@\
    @LLLLLLLLLLLLLLLLLLLLLLLLLL@C@@LCLLLLLLLLLLLLLLLLLLLLLLLLLL@A@@@\
    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\
    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
    """

/// Blank, newline, `"`, `$`, `&`, `'`, `(`, `)`, `;`, `<`, `>`, `\`, `` ` `` or `|`.
let wordSpecialClass: UInt8 = 1
/// `"`, `$`, `\` or `` ` ``.
let doubleQuoteSpecialClass: UInt8 = 2
/// `[A-Za-z_]`.
let nameStartClass: UInt8 = 4
/// `[A-Za-z0-9_]`.
let nameByteClass: UInt8 = 8

/// The class bits of `byte` (none for bytes from 128 on): one load, no branch.
@inline(__always)
func shellByteClass(_ byte: UInt8) -> UInt8 {
    shellByteClasses.utf8Start[Int(byte)] &- 0x40
}

/// Whether `byte` can end an unquoted word or start a quote, escape or expansion in one: blank, newline,
/// `"`, `$`, `&`, `'`, `(`, `)`, `;`, `<`, `>`, `\`, `` ` `` or `|`.
@inline(__always)
func isWordSpecial(_ byte: UInt8) -> Bool {
    shellByteClass(byte) & wordSpecialClass != 0
}

/// Whether `byte` is special inside double quotes: `"`, `$`, `\` or `` ` ``.
@inline(__always)
func isDoubleQuoteSpecial(_ byte: UInt8) -> Bool {
    shellByteClass(byte) & doubleQuoteSpecialClass != 0
}

/// `[A-Za-z_]`: a byte that can start a shell variable name.
@inline(__always)
func isNameStart(_ byte: UInt8) -> Bool {
    shellByteClass(byte) & nameStartClass != 0
}

/// `[A-Za-z0-9_]`: a byte that can continue a shell variable name.
@inline(__always)
func isNameByte(_ byte: UInt8) -> Bool {
    shellByteClass(byte) & nameByteClass != 0
}

/// A special parameter after `$`: a digit or one of `@ * # ? $ ! -`.
@inline(__always)
func isSpecialParameter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"),
        UInt8(ascii: "?"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "-"):
        true
    default:
        false
    }
}

/// The value of a hexadecimal digit, or `nil`.
@inline(__always)
func shellHexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

/// The length of the valid UTF-8 sequence starting at `index`, or 0 when the byte there starts none.
func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    bytes.withUnsafeBufferPointer { utf8SequenceLength($0, at: index) }
}

/// The length of the valid UTF-8 sequence starting at `index`, or 0 when the byte there starts none.
func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let count = bytes.count
    let first = bytes[index]
    if first < 0x80 { return 1 }
    func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
        index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
    }
    switch first {
    case 0xC2...0xDF:
        return continuation(1) ? 2 : 0
    case 0xE0:
        return continuation(1, 0xA0) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
        return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
        return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
        return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
        return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
        return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
        return 0
    }
}

/// Whether `bytes` is valid UTF-8.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var position = 0
    while position < count {
        // Eight ASCII bytes at a time.
        if position + 8 <= count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 {
                position += 8
                continue
            }
        }
        if base[position] < 0x80 {
            position += 1
            continue
        }
        let length = utf8SequenceLength(bytes, at: position)
        if length == 0 { return false }
        position += length
    }
    return true
}

/// Appends the UTF-8 encoding of `scalar` to `bytes`; returns how many bytes were appended.
@discardableResult
func appendShellUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Int {
    var count = 0
    for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
        bytes.append(unit)
        count += 1
    }
    return count
}

/// The bytes of one word being decoded, with the local source range of each: reused from word to word.
struct WordScratch {
    /// Decoded bytes.
    var bytes: [UInt8] = []
    /// For each decoded byte, the local source bytes it came from, as runs.
    var map = OffsetMap.Builder()
    /// Local source ranges of the expansions met in the word. Their text is not in ``bytes``: it is copied
    /// only when the word is kept, so nested substitutions are not copied once per level.
    var expansions: [Range<Int>] = []
    /// For each expansion, the index in ``bytes`` where its text belongs.
    var expansionIndices: [Int] = []

    mutating func reset() {
        if !bytes.isEmpty { bytes.removeAllKeepingStorage() }
        if map.count > 0 { map.removeAll() }
        if !expansions.isEmpty {
            expansions.removeAllKeepingStorage()
            expansionIndices.removeAllKeepingStorage()
        }
    }

    /// Appends the source bytes `from..<to`, each decoded as itself.
    mutating func appendRun(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard from < to else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[from..<to]))
        map.appendStep(start: from, count: to - from)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, _ start: Int, _ end: Int) {
        bytes.append(byte)
        map.append(start: start, end: end)
    }
}

/// A here-document whose body starts after the next newline.
struct PendingHeredoc {
    /// The delimiter after quote removal.
    var delimiter: [UInt8]
    /// `<<-`: leading tabs of body lines (and of the delimiter line) are stripped.
    var stripsTabs: Bool
    /// Whether the body is expanded (the delimiter is unquoted): its `$(…)` and backquotes run commands.
    var expands = false
}

extension Array {
    /// Removes every element and keeps the storage: one at a time when there are a few, which costs less than the
    /// range replacement of `removeAll(keepingCapacity:)`.
    @inline(__always)
    mutating func removeAllKeepingStorage() {
        guard count <= 4 else {
            removeAll(keepingCapacity: true)
            return
        }
        while !isEmpty { removeLast() }
    }
}
