#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte searches over whole arrays at memory speed: `memchr`, `memcmp` and word-at-a-time tests.
///
/// The one place outside the parsers' cursors where bytes are read without a bounds check: each function takes
/// an array (or string) and offsets into it, checks every offset against the count before it reads, and keeps
/// the pointer it borrows inside the call (nothing escapes). Offsets are 0-based UTF-8 byte offsets into the
/// array. Callers above it (the kit's suppression and report code, the line table) stay safe.
public enum ByteScan {
    /// The high bit of each byte of a word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// The low bit of each byte of a word.
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    /// All the bits but the high one of each byte of a word.
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The 0-based offset of the first `byte` at or after `from` in `bytes`, or `nil` (also when `from` is
    /// outside the bytes).
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from >= 0, from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                let found = memchr(base + from, Int32(byte), buffer.count - from)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// Whether the bytes of `bytes` at 0-based offset `offset` are those of `word` (false when fewer than
    /// `word`'s bytes are left there).
    public static func bytes(_ bytes: [UInt8], at offset: Int, equal word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset >= 0, bytes.count - offset >= length else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return length == 0 }
            return memcmp(base + offset, word.utf8Start, length) == 0
        }
    }

    /// Whether two strings have the same UTF-8 bytes.
    public static func sameUTF8(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        let contiguous = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                guard let first = x.baseAddress, let second = y.baseAddress else { return true }
                return memcmp(first, second, count) == 0
            }
        }
        if let contiguous, let equal = contiguous { return equal }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Feeds the UTF-8 bytes of `text` to `hasher` in one call (no copy of a native string).
    @inlinable
    public static func hash(utf8 text: String, into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        guard hashed == nil else { return }
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The 0-based offset of the first NUL byte of `bytes`, if any; thirty-two bytes are tested at a time.
    public static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // `(w - 0x01…) & ~w & 0x80…` is non-zero exactly when a byte of `w` is 0.
                while index &+ 32 <= count {
                    let a = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let b = base.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
                    let c = base.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self)
                    let d = base.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self)
                    let zeros =
                        ((a &- lowBits) & ~a) | ((b &- lowBits) & ~b) | ((c &- lowBits) & ~c) | ((d &- lowBits) & ~d)
                    if zeros & highBits != 0 { break }
                    index &+= 32
                }
            }
            while index < count {
                if buffer[index] == 0 { return index }
                index += 1
            }
            return nil
        }
    }

    /// The 0-based offsets of the starts of the lines of `bytes`: 0, then the offset after each line feed.
    ///
    /// Thirty-two bytes at a time. With `x = w ^ 0x0A…`, a byte `b` of `x` is 0 (a '\n' in `w`) exactly when
    /// neither `(b & 0x7F) + 0x7F` nor `b` has its high bit set: an exact mask, no carries. A block with no line
    /// feed (most of them) is passed over after one combined test.
    public static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                @inline(__always)
                func lineFeeds(_ offset: Int) -> UInt64 {
                    let word =
                        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                        ^ 0x0A0A_0A0A_0A0A_0A0A
                    return ~(((word & lowSevenBits) &+ lowSevenBits) | word) & highBits
                }
                while index &+ 32 <= count {
                    let masks = (
                        lineFeeds(index), lineFeeds(index &+ 8), lineFeeds(index &+ 16), lineFeeds(index &+ 24)
                    )
                    if masks.0 | masks.1 | masks.2 | masks.3 != 0 {
                        record(masks.0, at: index, in: &starts)
                        record(masks.1, at: index &+ 8, in: &starts)
                        record(masks.2, at: index &+ 16, in: &starts)
                        record(masks.3, at: index &+ 24, in: &starts)
                    }
                    index &+= 32
                }
                while index &+ 8 <= count {
                    record(lineFeeds(index), at: index, in: &starts)
                    index &+= 8
                }
            }
            while index < count {
                if buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                index += 1
            }
        }
        return starts
    }

    /// Appends to `starts` the start of the line after each line feed flagged in `mask` (the high bit of a byte),
    /// the word at 0-based byte offset `offset`.
    @inline(__always)
    private static func record(_ mask: UInt64, at offset: Int, in starts: inout [Int]) {
        var found = mask
        while found != 0 {
            starts.append(offset &+ found.trailingZeroBitCount &>> 3 &+ 1)
            found &= found &- 1
        }
    }
}
