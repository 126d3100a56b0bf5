import WMLintSource

/// Python's `int(str)` for base 10, over Unicode scalars.
enum PythonInt {
    /// The code points of the digit zero of every Unicode decimal digit set (general category Nd, each ten
    /// consecutive code points for 0…9), as Python 3.11's `unicodedata.decimal` knows them.
    static let zeros: [UInt32] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
        0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
        0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136,
        0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
        0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ]

    /// The most digits `int()` converts by default (`sys.int_info.default_max_str_digits`).
    static let maxDigits = 4300

    /// The decimal value of `scalar`, or `nil` when it is not a decimal digit.
    static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 {
            return value >= 0x30 && value <= 0x39 ? UInt8(value - 0x30) : nil
        }
        // The last digit set starting at or below the value (the first starts at 0x30, below it).
        let zero = zeros[max(partitionPoint(in: zeros.indices) { zeros[$0] <= value } - 1, 0)]
        return value >= zero && value < zero + 10 ? UInt8(value - zero) : nil
    }

    /// Whitespace `int()` skips around the number: ASCII `" \t\n\r\u{0B}\u{0C}"` and the non-ASCII characters of
    /// `str.isspace()` (U+001C…U+001F are not skipped).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The canonical decimal text of `text` read as Python's `int(text)`, or `nil` when Python raises.
    static func parse(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end && isSpace(scalars[start]) { start += 1 }
        while end > start && isSpace(scalars[end - 1]) { end -= 1 }
        var negative = false
        if start < end && (scalars[start] == "+" || scalars[start] == "-") {
            negative = scalars[start] == "-"
            start += 1
        }
        guard start < end else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(end - start)
        var previousWasDigit = false
        for position in start..<end {
            let scalar = scalars[position]
            if let value = digit(scalar) {
                digits.append(value)
                previousWasDigit = true
            } else if scalar == "_" && previousWasDigit && position + 1 < end && digit(scalars[position + 1]) != nil {
                previousWasDigit = false
            } else {
                return nil
            }
        }
        guard digits.count <= maxDigits else { return nil }
        var first = 0
        while first < digits.count - 1 && digits[first] == 0 { first += 1 }
        var result = negative && !(digits.count - first == 1 && digits[first] == 0) ? "-" : ""
        result.reserveCapacity(result.count + digits.count - first)
        for value in digits[first...] {
            result.unicodeScalars.append(Unicode.Scalar(0x30 + value))
        }
        return result
    }
}
