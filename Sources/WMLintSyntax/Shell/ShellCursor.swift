// The shell scanner's one access to memory: every read of a script's bytes goes through `ShellCursor`.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one text being scanned and a position in them, as swift-syntax's `Lexer.Cursor` holds a lexer's:
/// the only place the shell scanner touches memory without a bounds check.
///
/// Offsets are local: 0-based byte offsets in the text being scanned (a substitution's body scanned on its own
/// is a text of its own), not in the file. The cursor borrows the bytes it reads: it is valid only inside the
/// closure of ``over(_:_:)`` that made it, and is never stored beyond it. Reads at an offset below ``count`` are
/// unchecked in release builds (as `UnsafeBufferPointer`'s subscript is); ``peek(at:)`` reads past the end as 0.
struct ShellCursor {
    /// The bytes, borrowed from the array handed to ``over(_:_:)``.
    private let buffer: UnsafeBufferPointer<UInt8>
    /// How many bytes the text has.
    let count: Int
    /// The local offset of the next byte to read.
    var position = 0

    private init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        self.count = buffer.count
    }

    /// Calls `body` with a cursor at the start of `bytes`, valid only during the call.
    @inline(__always)
    static func over<Result>(_ bytes: [UInt8], _ body: (ShellCursor) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(ShellCursor(buffer: $0)) }
    }

    // MARK: Position

    /// Whether the position is at the end of the text.
    @inline(__always)
    var isAtEnd: Bool { position >= count }

    /// The byte at the position (which must be before the end).
    @inline(__always)
    var current: UInt8 { buffer[position] }

    /// Moves the position `distance` bytes on (it may pass the end; ``isAtEnd`` is then true).
    @inline(__always)
    mutating func advance(_ distance: Int = 1) {
        position += distance
    }

    // MARK: Reading

    /// The byte at local offset `offset`, which must be before the end.
    @inline(__always)
    subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// The byte at local offset `offset`, or 0 past the end.
    @inline(__always)
    func peek(at offset: Int) -> UInt8 {
        offset < count ? buffer[offset] : 0
    }

    /// The byte `distance` bytes after the position, or 0 past the end.
    @inline(__always)
    func peek(ahead distance: Int) -> UInt8 {
        peek(at: position + distance)
    }

    /// The local offset of the first `byte` at or after `from`, or `nil`.
    @inline(__always)
    func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < count, let base = buffer.baseAddress,
            let found = memchr(base + from, Int32(byte), count - from)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The bytes `start..<end` (at most 8) as a little-endian integer, the bytes past the word zero: what
    /// ``ShellKeyword/init(length:packed:)`` and ``Reserved`` compare with words of the same length.
    @inline(__always)
    func packed(_ start: Int, _ end: Int) -> UInt64 {
        let length = end - start
        if start + 8 <= count, let base = buffer.baseAddress {
            // One unaligned load (little-endian), the bytes past the word masked off.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            guard length < 8 else { return word }
            guard length > 0 else { return 0 }
            // Shifted up and back down: the bytes past the word become zero.
            let shift = UInt64(truncatingIfNeeded: 64 &- length &* 8)
            return (word &<< shift) &>> shift
        }
        var value: UInt64 = 0
        var offset = end
        while offset > start {
            offset -= 1
            value = value << 8 | UInt64(buffer[offset])
        }
        return value
    }

    // MARK: Slicing

    /// The bytes `start..<end` as a string (invalid UTF-8 repaired, as `String(decoding:as:)` does).
    @inline(__always)
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// Appends the bytes `start..<end` to `bytes`.
    @inline(__always)
    func append(_ start: Int, _ end: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }

    /// Whether the bytes `start..<end` are the same as `other`.
    @inline(__always)
    func bytes(_ start: Int, _ end: Int, equal other: [UInt8]) -> Bool {
        end - start == other.count && UnsafeBufferPointer(rebasing: buffer[start..<end]).elementsEqual(other)
    }

    // MARK: UTF-8

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when the byte there starts none (or its
    /// sequence runs past `end`, the end of the text by default).
    func utf8SequenceLength(at index: Int, end: Int? = nil) -> Int {
        let limit = end ?? count
        let first = buffer[index]
        if first < 0x80 { return 1 }
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < limit && buffer[index + offset] >= low && buffer[index + offset] <= high
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

    /// Whether the bytes `start..<end` (the end of the text by default) are valid UTF-8.
    func isValidUTF8(_ start: Int, _ end: Int? = nil) -> Bool {
        UTF8Validation.firstInvalid(in: buffer, start..<(end ?? count)) == nil
    }

    /// Whether `bytes[from...]` is valid UTF-8.
    static func isValidUTF8(_ bytes: [UInt8], from: Int) -> Bool {
        over(bytes) { $0.isValidUTF8(from) }
    }

    // MARK: Byte classes

    /// Classes of the bytes, one character per byte value 0–255 (none for bytes from 128 on): the character's
    /// value minus `@` holds ``wordSpecialClass``, ``doubleQuoteSpecialClass``, ``nameStartClass`` and
    /// ``nameByteClass`` bits. A literal, so reading it costs one load, with no test of the byte first (a test
    /// checks it against the definitions).
    private static let classes: StaticString = """
        @@@@@@@@@AA@@@@@@@@@@@@@@@@@@@@@A@C@C@AAAA@@@@@@HHHHHHHHHH@AA@A@\
        @LLLLLLLLLLLLLLLLLLLLLLLLLL@C@@LCLLLLLLLLLLLLLLLLLLLLLLLLLL@A@@@\
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        """

    /// The class bits of `byte` (none for bytes from 128 on): one load, no branch.
    @inline(__always)
    static func byteClass(_ byte: UInt8) -> UInt8 {
        classes.utf8Start[Int(byte)] &- 0x40
    }
}
