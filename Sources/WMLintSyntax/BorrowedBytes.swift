#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A borrowed run of bytes a parser reads: the text being parsed (JSON, shorthand, YAML), a table of byte classes,
/// or a scalar's value in libyaml's memory.
///
/// The only place the JSON, shorthand and YAML readers touch memory without a bounds check. A value is valid only
/// while the memory it borrows is: an array's during the closure of ``over(_:_:)``, a libyaml scalar's until the
/// next event (``YAMLEventStream/next()``); none is stored beyond. Offsets are 0-based byte offsets from the start
/// of the run; reads below ``count`` are unchecked in release builds (as `UnsafeBufferPointer`'s subscript is), so
/// every reader tests an offset against ``count`` before it reads, and every range it passes lies within
/// `0...count`.
struct BorrowedBytes: RandomAccessCollection {
    /// The bytes, borrowed.
    private let buffer: UnsafeBufferPointer<UInt8>
    /// The address of the first byte (of an empty static string when the run is empty, so that it is never `nil`;
    /// nothing is then read).
    private let base: UnsafeRawPointer

    /// A run over `buffer`; the run borrows that memory.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        let empty: StaticString = ""
        self.base = UnsafeRawPointer(buffer.baseAddress) ?? UnsafeRawPointer(empty.utf8Start)
    }

    /// Calls `body` with a run over `bytes`, valid only during the call.
    @inline(__always)
    static func over<Result>(_ bytes: [UInt8], _ body: (BorrowedBytes) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(BorrowedBytes($0)) }
    }

    /// The address of the first byte, for handing a document to libyaml (`nil` when the run is empty).
    var baseAddress: UnsafePointer<UInt8>? { buffer.baseAddress }

    // MARK: Collection

    @inline(__always) var startIndex: Int { 0 }
    @inline(__always) var endIndex: Int { buffer.count }
    @inline(__always) var count: Int { buffer.count }

    /// The byte at offset `offset`, which must be below ``count``.
    @inline(__always)
    subscript(offset: Int) -> UInt8 { buffer[offset] }

    @inline(__always)
    func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try body(buffer)
    }

    // MARK: Reading

    /// The eight bytes at `offset` (`offset + 8` must be at most ``count``) as a little-endian word: byte `k` is
    /// bits `8k..<8k+8`.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes as a string, invalid UTF-8 repaired as `String(decoding:as:)` does.
    @inline(__always)
    var string: String { String(decoding: buffer, as: UTF8.self) }

    /// The bytes in `range` (within the run) as a string, invalid UTF-8 repaired.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Appends the bytes in `range` to `out`.
    @inline(__always)
    func append(_ range: Range<Int>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
    }

    /// Whether `byte` is among the bytes in `range` (within the run).
    @inline(__always)
    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        UnsafeBufferPointer(rebasing: buffer[range]).contains(byte)
    }

    /// Whether the bytes in `range` are the UTF-8 bytes of `string`.
    @inline(__always)
    func bytes(_ range: Range<Int>, equal string: inout String) -> Bool {
        let length = range.count
        guard string.utf8.count == length else { return false }
        return string.withUTF8 { stored -> Bool in
            guard let storedBase = UnsafeRawPointer(stored.baseAddress) else { return false }
            return Self.bytesEqual(storedBase, base + range.lowerBound, length)
        }
    }

    /// Whether the bytes at `start` begin with those of `word`.
    @inline(__always)
    func matches(_ start: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard start + length <= count else { return false }
        let bytes = word.utf8Start
        for offset in 0..<length where buffer[start + offset] != bytes[offset] {
            return false
        }
        return true
    }

    /// The scalar encoded by the `length` bytes at `i`, or `nil` when they are not well-formed UTF-8 (or run
    /// past the end).
    func decodeScalar(_ i: Int, _ length: Int) -> Unicode.Scalar? {
        guard length > 0, i >= 0, i + length <= count else { return nil }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: buffer[i..<(i + length)]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Whether the `count` bytes at `lhs` and `rhs` are equal.
    @inline(__always)
    private static func bytesEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if lhs.load(fromByteOffset: offset, as: UInt8.self) != rhs.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }

    /// The bytes from offset `start` (at most ``count``) on, as a run whose offsets start at 0 there.
    @inline(__always)
    func suffix(from start: Int) -> BorrowedBytes {
        BorrowedBytes(UnsafeBufferPointer(rebasing: buffer[start...]))
    }

    /// Whether the bytes are those of `word`.
    @inline(__always)
    func equals(_ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == buffer.count else { return false }
        let pointer = word.utf8Start
        for index in 0..<buffer.count where pointer[index] != buffer[index] { return false }
        return true
    }

    /// The offset of the first `byte` at or after `from`, or `nil`.
    @inline(__always)
    func find(_ byte: UInt8, from: Int) -> Int? {
        guard from >= 0, from < buffer.count, let base = buffer.baseAddress,
            let found = memchr(base + from, Int32(byte), buffer.count - from)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The offset of the first byte at or after `offset` that is not ASCII, or ``count``; eight bytes are
    /// tested at a time.
    func firstNonASCII(from offset: Int) -> Int {
        var index = offset
        let count = buffer.count
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high = word & 0x8080_8080_8080_8080
                if high != 0 { return index + high.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count && buffer[index] < 0x80 { index += 1 }
        return index
    }
}
