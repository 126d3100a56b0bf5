import WMLintSource

/// A reason a scalar cannot be constructed as its type.
struct TypingError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// The implicit typing of plain scalars, as ruamel.yaml's safe loader resolves and constructs them.
///
/// ruamel.yaml picks candidate types by the first character of the scalar, then matches each type's pattern:
/// YAML 1.2 (the default) has `true`/`false` booleans, `0o` octal, no sexagesimal; YAML 1.1 adds `yes`/`no`/
/// `on`/`off`/`y`/`n`, `0`-prefixed octal and base-60 numbers.
enum ScalarTyping {
    case v11
    case v12

    /// What a plain scalar resolves to.
    enum Resolution {
        case typed(SyntaxNode.Value)
        /// A string: the caller makes it from the bytes.
        case plainString
        /// `<<`, the merge key.
        case merge
        /// `=`, the value key, usable only as a key.
        case valueKey
        /// Matches a type's pattern but cannot be constructed (`0b_`, `2024-13-01`).
        case invalid(String)
    }

    func resolve(_ bytes: BorrowedBytes) -> Resolution {
        guard let first = bytes.first else { return .typed(.null) }
        switch first {
        case UInt8(ascii: "~"):
            if bytes.count == 1 { return .typed(.null) }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if (Self.equals(bytes, "null") || Self.equals(bytes, "Null") || Self.equals(bytes, "NULL")) {
                return .typed(.null)
            }
            if self == .v11
                && (Self.equals(bytes, "n") || Self.equals(bytes, "N") || Self.equals(bytes, "no")
                    || Self.equals(bytes, "No") || Self.equals(bytes, "NO"))
            {
                return .typed(.bool(false))
            }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if (Self.equals(bytes, "true") || Self.equals(bytes, "True") || Self.equals(bytes, "TRUE")) {
                return .typed(.bool(true))
            }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if (Self.equals(bytes, "false") || Self.equals(bytes, "False") || Self.equals(bytes, "FALSE")) {
                return .typed(.bool(false))
            }
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            if self == .v11
                && (Self.equals(bytes, "y") || Self.equals(bytes, "Y") || Self.equals(bytes, "yes")
                    || Self.equals(bytes, "Yes") || Self.equals(bytes, "YES"))
            {
                return .typed(.bool(true))
            }
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if self == .v11 {
                if (Self.equals(bytes, "on") || Self.equals(bytes, "On") || Self.equals(bytes, "ON")) {
                    return .typed(.bool(true))
                }
                if (Self.equals(bytes, "off") || Self.equals(bytes, "Off") || Self.equals(bytes, "OFF")) {
                    return .typed(.bool(false))
                }
            }
        case UInt8(ascii: "<"):
            if bytes.count == 2 && bytes[1] == UInt8(ascii: "<") { return .merge }
        case UInt8(ascii: "="):
            if bytes.count == 1 { return .valueKey }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if isFloat(bytes) { return Self.lift(float(bytes)) }
            guard first != UInt8(ascii: ".") else { break }
            if isInteger(bytes) { return Self.lift(integer(bytes)) }
            if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") && Self.isTimestamp(bytes) {
                return Self.lift(Self.timestamp(bytes))
            }
        default:
            break
        }
        return .plainString
    }

    /// Whether ``resolve(_:)`` might find a fault in the plain scalar (`.invalid`) or an indicator (`.merge`,
    /// `.valueKey`); `false` only when it surely gives a string or a valid typed value. Reads no more than the
    /// scalar's bytes and builds nothing: the test for scalars whose value is not kept.
    func mayNeedResolving(_ bytes: BorrowedBytes) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Decimal digits, perhaps with one '.' followed by digits: always a valid integer or float, or a string.
            var index = 1
            while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
            if index == bytes.count { return false }
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return true }
            index += 1
            while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
            return index != bytes.count
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default:
            // Words (null, booleans) are valid or strings; other scalars are strings.
            return false
        }
    }

    private static func lift(_ result: Result<SyntaxNode.Value, TypingError>) -> Resolution {
        switch result {
        case .success(let value): .typed(value)
        case .failure(let error): .invalid(error.message)
        }
    }

    @inline(__always)
    private static func equals(_ bytes: BorrowedBytes, _ word: StaticString) -> Bool {
        bytes.equals(word)
    }

    // MARK: Patterns

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The float pattern of the version (ruamel.yaml `resolver.py`).
    func isFloat(_ b: BorrowedBytes) -> Bool {
        let n = b.count
        if (Self.matchesWord(b, 0, ".nan") || Self.matchesWord(b, 0, ".NaN") || Self.matchesWord(b, 0, ".NAN")) {
            return true
        }
        var i = 0
        let signed = b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")
        if signed { i = 1 }
        guard i < n else { return false }
        if b[i] == UInt8(ascii: ".") {
            if (Self.matchesWord(b, i, ".inf") || Self.matchesWord(b, i, ".Inf") || Self.matchesWord(b, i, ".INF")) {
                return true
            }
            if self == .v11 && signed { return false }
            // \.[0-9_]+(?:[eE][-+][0-9]+)?
            var j = i + 1
            let digits = j
            while j < n && (Self.isDigit(b[j]) || b[j] == UInt8(ascii: "_")) { j += 1 }
            guard j > digits else { return false }
            if j == n { return true }
            guard b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E") else { return false }
            j += 1
            guard j < n, b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+") else { return false }
            j += 1
            return Self.allDigits(b, j)
        }
        guard Self.isDigit(b[i]) else { return false }
        var j = i + 1
        while j < n && (Self.isDigit(b[j]) || b[j] == UInt8(ascii: "_")) { j += 1 }
        if j == n { return false }
        if b[j] == UInt8(ascii: ".") {
            j += 1
            while j < n && (Self.isDigit(b[j]) || b[j] == UInt8(ascii: "_")) { j += 1 }
            if j == n { return true }
            return Self.isExponent(b, j)
        }
        if b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E") {
            return Self.isExponent(b, j)
        }
        if self == .v11 && b[j] == UInt8(ascii: ":") {
            // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            guard let dot = Self.sexagesimalTail(b, j), dot < n, b[dot] == UInt8(ascii: ".") else { return false }
            var k = dot + 1
            while k < n && (Self.isDigit(b[k]) || b[k] == UInt8(ascii: "_")) { k += 1 }
            return k == n
        }
        return false
    }

    /// Matches `(?::[0-5]?[0-9])+` from `start`; returns where the match ends.
    private static func sexagesimalTail(_ b: BorrowedBytes, _ start: Int) -> Int? {
        var j = start
        var groups = 0
        while j < b.count && b[j] == UInt8(ascii: ":") {
            j += 1
            var digits = 0
            while j < b.count && isDigit(b[j]) && digits < 2 {
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            if digits == 2 && b[j - 2] > UInt8(ascii: "5") { return nil }
            groups += 1
        }
        return groups > 0 ? j : nil
    }

    /// `[eE][-+]?[0-9]+` exactly to the end.
    private static func isExponent(_ b: BorrowedBytes, _ start: Int) -> Bool {
        var j = start
        guard j < b.count, b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E") else { return false }
        j += 1
        if j < b.count && (b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+")) { j += 1 }
        return allDigits(b, j)
    }

    private static func allDigits(_ b: BorrowedBytes, _ start: Int) -> Bool {
        guard start < b.count else { return false }
        for index in start..<b.count where !isDigit(b[index]) { return false }
        return true
    }

    private static func matchesWord(_ b: BorrowedBytes, _ start: Int, _ word: StaticString) -> Bool {
        guard start < b.count else { return false }
        return equals(b.suffix(from: start), word)
    }

    /// The integer pattern of the version (ruamel.yaml `resolver.py`).
    func isInteger(_ b: BorrowedBytes) -> Bool {
        let n = b.count
        var i = 0
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        guard i < n else { return false }
        func all(from start: Int, _ accept: (UInt8) -> Bool) -> Bool {
            guard start < n else { return false }
            for index in start..<n where !accept(b[index]) { return false }
            return true
        }
        let underscore = UInt8(ascii: "_")
        if n - i > 2 && b[i] == UInt8(ascii: "0") {
            switch b[i + 1] {
            case UInt8(ascii: "b"):
                return all(from: i + 2) { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == underscore }
            case UInt8(ascii: "x"):
                return all(from: i + 2) { byte in
                    Self.isDigit(byte) || byte == underscore || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
                }
            case UInt8(ascii: "o") where self == .v12:
                return all(from: i + 2) { ($0 >= 0x30 && $0 <= 0x37) || $0 == underscore }
            default:
                break
            }
        }
        switch self {
        case .v12:
            return all(from: i) { Self.isDigit($0) || $0 == underscore }
        case .v11:
            if all(from: i, { ($0 >= 0x30 && $0 <= 0x37) || $0 == underscore }) { return true }
            guard b[i] >= UInt8(ascii: "1") && b[i] <= UInt8(ascii: "9") else {
                return n - i == 1 && b[i] == UInt8(ascii: "0")
            }
            var j = i + 1
            while j < n && (Self.isDigit(b[j]) || b[j] == underscore) { j += 1 }
            if j == n { return true }
            return Self.sexagesimalTail(b, j) == n
        }
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2}`, or a date and time as ruamel.yaml's timestamp pattern reads it.
    static func isTimestamp(_ b: BorrowedBytes) -> Bool {
        timestampFields(b) != nil
    }

    /// Year, month, day, hour, minute, second of a timestamp (time fields 0 for a date).
    private static func timestampFields(_ b: BorrowedBytes) -> [Int]? {
        let n = b.count
        var j = 0
        func number(min: Int, max: Int) -> Int? {
            var value = 0
            var digits = 0
            while j < n && isDigit(b[j]) && digits < max {
                value = value * 10 + Int(b[j] - 0x30)
                digits += 1
                j += 1
            }
            return digits >= min ? value : nil
        }
        func expect(_ byte: UInt8) -> Bool {
            guard j < n && b[j] == byte else { return false }
            j += 1
            return true
        }
        guard let year = number(min: 4, max: 4), expect(UInt8(ascii: "-")) else { return nil }
        let monthStart = j
        guard let month = number(min: 1, max: 2), expect(UInt8(ascii: "-")) else { return nil }
        let dayStart = j
        guard let day = number(min: 1, max: 2) else { return nil }
        if j == n {
            // The date-only form needs two-digit month and day.
            guard dayStart - monthStart == 3 && j - dayStart == 2 else { return nil }
            return [year, month, day, 0, 0, 0]
        }
        if b[j] == UInt8(ascii: "T") || b[j] == UInt8(ascii: "t") {
            j += 1
        } else {
            let spaces = j
            while j < n && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
            guard j > spaces else { return nil }
        }
        guard let hour = number(min: 1, max: 2), expect(UInt8(ascii: ":")),
            let minute = number(min: 2, max: 2), expect(UInt8(ascii: ":")),
            let second = number(min: 2, max: 2)
        else { return nil }
        if j < n && b[j] == UInt8(ascii: ".") {
            j += 1
            while j < n && isDigit(b[j]) { j += 1 }
        }
        while j < n && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
        if j < n {
            if b[j] == UInt8(ascii: "Z") {
                j += 1
            } else if b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+") {
                j += 1
                guard number(min: 1, max: 2) != nil else { return nil }
                if j < n && b[j] == UInt8(ascii: ":") {
                    j += 1
                    guard number(min: 2, max: 2) != nil else { return nil }
                }
            } else {
                return nil
            }
        }
        guard j == n else { return nil }
        return [year, month, day, hour, minute, second]
    }

    // MARK: Construction

    static func timestamp(_ b: BorrowedBytes) -> Result<SyntaxNode.Value, TypingError> {
        let text = b.string
        guard let fields = timestampFields(b) else { return .failure(TypingError("\(quoted(text)) is not a date")) }
        let (year, month, day) = (fields[0], fields[1], fields[2])
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= days[month - 1], fields[3] < 24,
            fields[4] < 60, fields[5] < 60
        else {
            return .failure(TypingError("\(quoted(text)) looks like a date but is not a valid one"))
        }
        return .success(.timestamp(text))
    }

    /// Constructs an integer as ruamel.yaml's `construct_yaml_int` does: `_` removed, sign, `0b`/`0x`/`0o`
    /// prefixes, `0`-prefixed octal and `a:b:c` base 60 in YAML 1.1, else decimal.
    func integer(_ b: BorrowedBytes) -> Result<SyntaxNode.Value, TypingError> {
        let lexeme = b.string
        if let first = b.first, first != UInt8(ascii: "0") || b.count == 1, b.count <= 18,
            b.allSatisfy(Self.isDigit)
        {
            // Plain decimal digits without a leading zero are already canonical.
            return .success(.number(Number(lexeme: lexeme, kind: .integer(lexeme))))
        }
        if b.count > 2 && b.count <= 17 && b[0] == UInt8(ascii: "0") && b[1] == UInt8(ascii: "x") {
            // A short hexadecimal integer fits in 64 bits.
            var value: UInt64 = 0
            var valid = true
            for byte in b[2...] {
                switch byte {
                case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
                case 0x61...0x66: value = value << 4 | UInt64(byte - 0x61 + 10)
                case 0x41...0x46: value = value << 4 | UInt64(byte - 0x41 + 10)
                default: valid = false
                }
            }
            if valid { return .success(.number(Number(lexeme: lexeme, kind: .integer(String(value))))) }
        }
        var invalid: TypingError { TypingError("\(quoted(lexeme)) is not a valid integer") }
        var digits: [UInt8]
        if b.allSatisfy({ $0 < 0x80 }) {
            digits = b.filter { $0 != UInt8(ascii: "_") && $0 != 0x20 }
        } else {
            // Python's `int()` reads any Unicode decimal digit (`١٢٣`, `０１`): each becomes 0x80 + its value,
            // which no prefix or sign check matches, as in Python, where only ASCII `0x` is a prefix.
            digits = []
            for scalar in lexeme.unicodeScalars where scalar != "_" && scalar != " " {
                if scalar.isASCII {
                    digits.append(UInt8(scalar.value))
                } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                    value >= 0, value <= 9
                {
                    digits.append(0x80 + UInt8(value))
                } else {
                    return .failure(invalid)
                }
            }
        }
        guard !digits.isEmpty else { return .failure(invalid) }
        var negative = false
        if digits[0] == UInt8(ascii: "-") || digits[0] == UInt8(ascii: "+") {
            negative = digits[0] == UInt8(ascii: "-")
            digits.removeFirst()
        }
        var radix = 10
        if digits.count >= 2 && digits[0] == UInt8(ascii: "0") {
            switch digits[1] {
            case UInt8(ascii: "b"): radix = 2
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            default: break
            }
            if radix != 10 { digits.removeFirst(2) }
        }
        var value = BigDecimal()
        if radix == 10 && self == .v11 && digits.contains(UInt8(ascii: ":")) {
            for part in digits.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
                guard !part.isEmpty else { return .failure(invalid) }
                var partValue = 0
                for byte in part {
                    let digit =
                        Self.isDigit(byte) ? Int(byte - 0x30) : byte >= 0x80 && byte <= 0x89 ? Int(byte - 0x80) : -1
                    guard digit >= 0, partValue < 1_000_000_000 else { return .failure(invalid) }
                    partValue = partValue * 10 + digit
                }
                value.multiplyAdd(60, partValue)
            }
        } else {
            if radix == 10 && self == .v11 && digits.count > 1 && digits[0] == UInt8(ascii: "0") { radix = 8 }
            guard !digits.isEmpty else { return .failure(invalid) }
            for byte in digits {
                let digit: Int
                switch byte {
                case 0x30...0x39: digit = Int(byte - 0x30)
                case 0x61...0x66: digit = Int(byte - 0x61 + 10)
                case 0x41...0x46: digit = Int(byte - 0x41 + 10)
                case 0x80...0x89: digit = Int(byte - 0x80)
                default: return .failure(invalid)
                }
                guard digit < radix else { return .failure(invalid) }
                value.multiplyAdd(radix, digit)
            }
        }
        let decimal = value.decimalText
        let canonical = negative && decimal != "0" ? "-" + decimal : decimal
        return .success(.number(Number(lexeme: lexeme, kind: .integer(canonical))))
    }

    /// Constructs a float as ruamel.yaml's `construct_yaml_float` does (`_` removed, `.inf`, `.nan`, base 60 in
    /// YAML 1.1).
    func float(_ b: BorrowedBytes) -> Result<SyntaxNode.Value, TypingError> {
        let lexeme = b.string
        if let first = b.first, Self.isDigit(first), !b.contains(UInt8(ascii: "_")), let value = Double(lexeme) {
            return .success(.number(Number(lexeme: lexeme, kind: .float(value))))
        }
        var text = b.filter { $0 != UInt8(ascii: "_") }.map { $0 | (($0 >= 0x41 && $0 <= 0x5A) ? 0x20 : 0) }
        var sign = 1.0
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = -1 }
            text.removeFirst()
        }
        var invalid: TypingError { TypingError("\(quoted(lexeme)) is not a valid float") }
        let body = String(decoding: text, as: UTF8.self)
        if body == ".inf" { return .success(.number(Number(lexeme: lexeme, kind: .float(sign * .infinity)))) }
        if body == ".nan" { return .success(.number(Number(lexeme: lexeme, kind: .float(.nan)))) }
        var value = 0.0
        if self == .v11 && body.contains(":") {
            for part in body.split(separator: ":", omittingEmptySubsequences: false) {
                guard let partValue = Self.pythonFloat(Substring(part)) else { return .failure(invalid) }
                value = value * 60 + partValue
            }
        } else {
            guard let parsed = Self.pythonFloat(Substring(body)) else { return .failure(invalid) }
            value = parsed
        }
        return .success(.number(Number(lexeme: lexeme, kind: .float(sign * value))))
    }

    /// Python's `float()` on ASCII decimal text: digits, one `.`, an exponent; no hex, no spaces.
    private static func pythonFloat(_ text: Substring) -> Double? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({
                isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "+")
            }),
            text.utf8.contains(where: isDigit)
        else { return nil }
        return Double(text)
    }

    /// `!!float`: Python's `float()` after ruamel.yaml's clean-up, so `inf` and `nan` spelled out are accepted.
    static func explicitFloat(_ b: BorrowedBytes) -> Result<SyntaxNode.Value, TypingError> {
        let lexeme = b.string
        let lowered = lexeme.lowercased().replacingUnderscores()
        var body = Substring(lowered)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        let value: Double?
        switch body {
        case ".inf", "inf", "infinity": value = .infinity
        case ".nan", "nan": value = .nan
        default: value = pythonFloat(body)
        }
        guard let value else { return .failure(TypingError("\(quoted(lexeme)) is not a valid float")) }
        return .success(.number(Number(lexeme: lexeme, kind: .float(sign * value))))
    }

    /// `!!bool`: ruamel.yaml accepts the YAML 1.1 words in any case, whatever the version.
    static func explicitBool(_ text: String) -> Result<SyntaxNode.Value, TypingError> {
        switch text.lowercased() {
        case "yes", "y", "true", "on": .success(.bool(true))
        case "no", "n", "false", "off": .success(.bool(false))
        default: .failure(TypingError("\(quoted(text)) is not a valid boolean"))
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "_" }))
    }
}

/// A non-negative integer of any size, kept as base-10⁹ limbs (least significant first).
struct BigDecimal {
    private var limbs: [UInt32] = [0]

    /// `self = self * factor + addend`, with small non-negative `factor` and `addend`.
    mutating func multiplyAdd(_ factor: Int, _ addend: Int) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(product % 1_000_000_000)
            carry = product / 1_000_000_000
        }
        while carry > 0 {
            limbs.append(UInt32(carry % 1_000_000_000))
            carry /= 1_000_000_000
        }
    }

    /// Decimal digits, no leading zeros (`0` for zero).
    var decimalText: String {
        var end = limbs.count - 1
        while end > 0 && limbs[end] == 0 { end -= 1 }
        var text = String(limbs[end])
        var index = end - 1
        while index >= 0 {
            let part = String(limbs[index])
            text += String(repeating: "0", count: 9 - part.count) + part
            index -= 1
        }
        return text
    }
}
