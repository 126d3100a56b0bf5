/// The one UTF-8 validator: the file check, the shell scanner and every other reader ask it.
///
/// A buffer reader made for speed: it reads the buffer it is handed without bounds checks, within the range it is
/// given (whose lower bound must be at least 0; the upper bound is clamped to the buffer's count), and keeps no
/// pointer past the call. Offsets are 0-based byte offsets into the
/// buffer.
enum UTF8Validation {
    /// The 0-based byte range of the first ill-formed UTF-8 sequence of `bytes`, or `nil` when they are valid
    /// UTF-8 (as ``firstInvalid(in:_:)`` over the whole array).
    static func firstInvalid(in bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { firstInvalid(in: $0, 0..<$0.count) }
    }

    /// The high bit of each byte of a word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The 0-based byte range of the first ill-formed UTF-8 sequence within `range` of `buffer` (overlong forms,
    /// surrogates and code points above U+10FFFF included; a sequence cut off by the range's end is ill-formed),
    /// or `nil` when those bytes are valid UTF-8. ASCII runs are passed over 32, then 8 bytes at a time.
    static func firstInvalid(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var index = range.lowerBound
        let count = Swift.min(range.upperBound, buffer.count)
        let base = UnsafeRawPointer(buffer.baseAddress)
        while index < count {
            if let base {
                while index &+ 32 <= count {
                    let words =
                        base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        | base.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
                        | base.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self)
                        | base.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self)
                    if words & highBits != 0 { break }
                    index &+= 32
                }
                while index &+ 8 <= count {
                    if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits != 0 { break }
                    index &+= 8
                }
            }
            guard index < count else { break }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index..<(index + 1)
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < count else { return index..<position }
                let byte = buffer[position]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= min && byte <= max else { return index..<position }
            }
            index += length
        }
        return nil
    }
}
