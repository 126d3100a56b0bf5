/// A file name's bytes held in a `String` without loss, whether or not they are UTF-8.
///
/// File names are bytes; most are UTF-8, but not all. A byte that is not part of valid UTF-8 is held as the
/// code point U+10FF00 plus the byte (U+10FF80–U+10FFFF, at the end of the last private-use plane), and so is
/// each byte of a name's own characters in that range, so that decoding is one-to-one: a name holding U+FFFD is
/// never the same as one holding an invalid byte. Output shows such a byte as `\x` and two hex digits.
public enum FileName {
    /// The first code point that stands for a byte.
    static let base: UInt32 = 0x10FF00

    /// Whether `value` stands for a byte of a file name (the byte is `value - 0x10FF00`).
    @inline(__always)
    public static func isByte(_ value: UInt32) -> Bool {
        value >= base + 0x80 && value <= base + 0xFF
    }

    /// The name `bytes` spell, each byte outside valid UTF-8 held as a code point of its own.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, index + length <= bytes.count {
                var sequence = bytes[index..<(index + length)].makeIterator()
                var decoder = UTF8()
                if case .scalarValue(let scalar) = decoder.decode(&sequence), !isByte(scalar.value) {
                    output.append(scalar)
                    index += length
                    continue
                }
            }
            if let scalar = Unicode.Scalar(base + UInt32(byte)) { output.append(scalar) }
            index += 1
        }
        return String(output)
    }

    /// The bytes of `name` as the file system knows them (the inverse of ``decode(_:)``).
    public static func bytes(_ name: String) -> [UInt8] {
        // U+10FF80–U+10FFFF is F4 8F BE 80 – F4 8F BF BF in UTF-8: without an F4 byte the name is its UTF-8.
        if !name.utf8.contains(0xF4) { return Array(name.utf8) }
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if isByte(scalar.value) {
                output.append(UInt8(scalar.value - base))
            } else {
                output += Array(String(scalar).utf8)
            }
        }
        return output
    }

    /// The bytes of `name`, NUL-terminated, for a C call.
    public static func cString(_ name: String) -> [CChar] {
        var bytes = bytes(name).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return bytes
    }

    /// `name` with each byte outside valid UTF-8 shown as `\x` and two hex digits (nothing else changed).
    public static func shown(_ name: String) -> String {
        if !name.utf8.contains(0xF4) { return name }
        var output = ""
        for scalar in name.unicodeScalars {
            if isByte(scalar.value) {
                output += "\\x" + String(scalar.value - base, radix: 16)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
