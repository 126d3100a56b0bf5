// Byte classes and small decoding helpers of the shell scanner.

import WMLintSource

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
    ShellCursor.byteClass(byte)
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

    /// Appends the source bytes `from..<to` of `cursor`, each decoded as itself.
    mutating func appendRun(_ cursor: ShellCursor, _ from: Int, _ to: Int) {
        guard from < to else { return }
        cursor.append(from, to, to: &bytes)
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
