/// The bytes of the JSON text being parsed: the only place the JSON parser reads memory without a bounds check.
///
/// It borrows the array handed to ``over(_:_:)`` and is valid only inside that call's closure (the parser never
/// stores it beyond). Offsets are 0-based byte offsets into the text; reads below ``count`` are unchecked in
/// release builds (as `UnsafeBufferPointer`'s subscript is), so the parser tests an offset against ``count``
/// before it reads, and every range it passes lies within `0...count`.
struct JSONBytes {
    /// The bytes, borrowed from the array handed to ``over(_:_:)``.
    private let buffer: UnsafeBufferPointer<UInt8>
    /// The address of the first byte (of an empty static string when the text is empty, so that it is never
    /// `nil`; nothing is then read).
    private let base: UnsafeRawPointer
    /// How many bytes the text has.
    let count: Int

    private init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        let empty: StaticString = ""
        self.base = UnsafeRawPointer(buffer.baseAddress) ?? UnsafeRawPointer(empty.utf8Start)
        self.count = buffer.count
    }

    /// Calls `body` with the bytes of `bytes`, valid only during the call.
    @inline(__always)
    static func over<Result>(_ bytes: [UInt8], _ body: (JSONBytes) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(JSONBytes(buffer: $0)) }
    }

    /// The byte at offset `offset`, which must be below ``count``.
    @inline(__always)
    subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// The eight bytes at `offset` (`offset + 8` must be at most ``count``) as a little-endian word: byte `k` is
    /// bits `8k..<8k+8`.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes in `range` as a string, invalid UTF-8 repaired as `String(decoding:as:)` does.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Appends the bytes in `range` to `out`.
    @inline(__always)
    func append(_ range: Range<Int>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
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
}
