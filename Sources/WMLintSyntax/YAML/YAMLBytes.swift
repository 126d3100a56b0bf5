#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A borrowed run of bytes the YAML loader reads: the document being loaded, or a scalar's value in libyaml's
/// memory.
///
/// The only place the loader and the scalar typing read bytes without a bounds check. A value is valid only while
/// the memory it borrows is: the document's during the closure of ``over(_:_:)``, a scalar's until libyaml's next
/// event (``YAMLEventStream/next()``); neither is stored beyond. Offsets are 0-based byte offsets from the start of
/// the run; reads below ``count`` are unchecked in release builds (as `UnsafeBufferPointer`'s subscript is), so
/// every reader tests an offset against ``count`` first.
struct YAMLBytes: RandomAccessCollection {
    /// The bytes, borrowed.
    private let buffer: UnsafeBufferPointer<UInt8>

    /// A run over `buffer`; the run borrows that memory.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Calls `body` with a run over `bytes`, valid only during the call.
    @inline(__always)
    static func over<Result>(_ bytes: [UInt8], _ body: (YAMLBytes) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(YAMLBytes($0)) }
    }

    /// The address of the first byte, for handing the document to libyaml (`nil` when the run is empty).
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

    /// The bytes as a string, invalid UTF-8 repaired as `String(decoding:as:)` does.
    @inline(__always)
    var string: String { String(decoding: buffer, as: UTF8.self) }

    /// The bytes in `range` (within the run) as a string, invalid UTF-8 repaired.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The bytes from offset `start` (at most ``count``) on, as a run whose offsets start at 0 there.
    @inline(__always)
    func suffix(from start: Int) -> YAMLBytes {
        YAMLBytes(UnsafeBufferPointer(rebasing: buffer[start...]))
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
