/// A byte buffer the shorthand parser reads: the text being parsed, or its table of byte classes.
///
/// The only place the shorthand parser touches memory without a bounds check. It borrows the array handed to
/// ``over(_:_:)`` and is valid only inside that call's closure (the parser never stores it beyond). Offsets are
/// 0-based byte offsets into the array; reads below ``count`` are unchecked in release builds (as
/// `UnsafeBufferPointer`'s subscript is), so the parser tests an offset against ``count`` before it reads.
struct ShorthandBytes {
    /// The bytes, borrowed from the array handed to ``over(_:_:)``.
    private let buffer: UnsafeBufferPointer<UInt8>
    /// How many bytes there are.
    let count: Int

    private init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        self.count = buffer.count
    }

    /// Calls `body` with a buffer over `bytes`, valid only during the call.
    @inline(__always)
    static func over<Result>(_ bytes: [UInt8], _ body: (ShorthandBytes) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(ShorthandBytes(buffer: $0)) }
    }

    /// The byte at offset `offset`, which must be below ``count``.
    @inline(__always)
    subscript(offset: Int) -> UInt8 { buffer[offset] }

    /// The bytes in `range` (within the buffer) as a string, invalid UTF-8 repaired as `String(decoding:as:)`
    /// does.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Whether `byte` is among the bytes in `range` (within the buffer).
    @inline(__always)
    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        UnsafeBufferPointer(rebasing: buffer[range]).contains(byte)
    }
}
