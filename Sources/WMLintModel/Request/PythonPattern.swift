import Synchronization

/// A pattern of the service model — Python `re` syntax — matched as the service matches it, with Swift `Regex`:
/// the whole value, with ASCII character classes, as `re.fullmatch(pattern, text, re.ASCII)` matches a `str`.
///
/// Where the two syntaxes agree the text passes to `Regex` as it is; where Python means something else it is
/// rewritten first (``swiftSource(of:)``):
///
/// - `\w` is `[A-Za-z0-9_]`, `\d` is `[0-9]` and `\s` is `[ \t\n\r\f\v]` (`re.ASCII`); their capitals are the
///   complements. (The service is not Python: a Unicode digit is not a digit of an account id there.)
/// - `^` is the start of the text (`\A`); `$` is the end or just before a final `\n`; `\Z` is the very end; `.` is
///   anything but `\n`.
/// - Every other literal is written as its code point, so no Swift operator (`&&`, `--`, `~~` in a class, `[` in
///   a class) changes its meaning.
///
/// Matching runs over Unicode scalars (code points, as Python sees a `str`), not grapheme clusters. What the
/// rewrite does not know — backreferences, lookaround, named groups, inline flags, `\b`/`\B` — is refused
/// (``PatternError``), and so is anything `Regex` cannot compile: such a pattern is skipped, never guessed at.
/// Python 3.11 reads its classes with Unicode 14; `Regex` has a newer Unicode, which differs only on code points
/// assigned since.
public enum PythonPattern {
    /// Why a pattern cannot be checked.
    public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What was refused, with its 0-based offset in the pattern, in Unicode scalars.
        public var description: String
    }

    /// Whether the whole of `text` matches `pattern`, as `re.fullmatch(pattern, text, re.ASCII)` does; `nil` when
    /// the pattern cannot be checked (``problem(with:)`` says why).
    ///
    /// Each pattern is compiled once per process, on first use, and kept; `Regex` values are not `Sendable`, so
    /// they are used under a lock.
    public static func matches(_ pattern: String, _ text: String) -> Bool? {
        cache.withLock { entries -> Bool? in
            let entry: Entry
            if let known = entries[pattern] {
                entry = known
            } else {
                entry = compile(pattern)
                entries[pattern] = entry
            }
            guard case .compiled(let regex) = entry else { return nil }
            return (try? regex.wholeMatch(in: text)) != nil
        }
    }

    /// Why `pattern` cannot be checked, or `nil` when it can.
    public static func problem(with pattern: String) -> PatternError? {
        cache.withLock { entries -> PatternError? in
            let entry = entries[pattern] ?? compile(pattern)
            entries[pattern] = entry
            if case .skipped(let error) = entry { return error }
            return nil
        }
    }

    /// The `Regex` source that matches as `pattern` matches in Python (see the type's documentation).
    public static func swiftSource(of pattern: String) throws(PatternError) -> String {
        var reader = Reader(scalars: Array(pattern.unicodeScalars))
        return try reader.translate()
    }

    private enum Entry {
        case compiled(Regex<AnyRegexOutput>)
        case skipped(PatternError)
    }

    private static let cache = Mutex<[String: Entry]>([:])

    private static func compile(_ pattern: String) -> Entry {
        do {
            let source = try swiftSource(of: pattern)
            do {
                return .compiled(try Regex(source).matchingSemantics(.unicodeScalar))
            } catch {
                return .skipped(PatternError(description: "Swift Regex cannot compile it: \(error)"))
            }
        } catch {
            return .skipped(error)
        }
    }
}

// MARK: - The rewrite

/// `\s` with `re.ASCII`: space, tab, line feed, carriage return, form feed and vertical tab.
private let pythonSpaces = #"\t\n\x{B}\x{C}\r\x{20}"#
/// `\w` with `re.ASCII`: ASCII letters, digits and `_`.
private let pythonWordCharacters = #"A-Za-z0-9_"#
/// `\d` with `re.ASCII`: the ASCII digits.
private let pythonDigits = #"0-9"#

/// Reads a Python pattern and writes the `Regex` source of the same meaning.
private struct Reader {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var atEnd: Bool { index >= scalars.count }

    func refuse(_ what: String, at offset: Int) -> PythonPattern.PatternError {
        PythonPattern.PatternError(description: "\(what) at offset \(offset)")
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    /// A code point as `Regex` source that means exactly that code point, in a class or out of one.
    static func literal(_ value: UInt32) -> String {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: String(Character(Unicode.Scalar(UInt8(value))))
        default: "\\x{" + String(value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The range `low`…`high` of a class as `Regex` source.
    ///
    /// `Regex` refuses a range bound that Unicode normalization changes (U+2000 is canonically U+2002; with
    /// Unicode-scalar semantics a single code point still means itself): such a bound is written as a code point
    /// of its own and the range starts or ends one further (a few steps at most; the compile then says if more was
    /// needed).
    static func range(_ low: UInt32, _ high: UInt32) -> String {
        var low = low
        var high = high
        var out = ""
        var steps = 0
        while low < high, steps < 16, !stableBound(low) {
            out += literal(low)
            low += 1
            steps += 1
        }
        while high > low, steps < 32, !stableBound(high) {
            out += literal(high)
            high -= 1
            steps += 1
        }
        return out + (low == high ? literal(low) : literal(low) + "-" + literal(high))
    }

    /// Whether `Regex` takes the code point `value` as a range bound: Latin-1 always; beyond it, when a range of
    /// that one code point compiles.
    static func stableBound(_ value: UInt32) -> Bool {
        value < 0x100 || (try? Regex("[" + literal(value) + "-" + literal(value) + "]")) != nil
    }

    mutating func translate() throws(PythonPattern.PatternError) -> String {
        var out = ""
        while let scalar = peek() {
            let start = index
            index += 1
            switch scalar {
            case "\\": out += try escapeOutsideClass(at: start)
            case "[": out += try characterClass(at: start)
            case ".": out += #"[^\n]"#
            case "^": out += #"\A"#
            case "$": out += #"(?=\n?\z)"#
            case "(":
                if peek() == "?" {
                    guard peek(1) == ":" else {
                        throw refuse("the group '(?\(peek(1).map(String.init) ?? "")'", at: start)
                    }
                    index += 2
                    out += "(?:"
                } else {
                    out += "("
                }
            case ")", "|", "*", "+", "?": out += String(scalar)
            case "{": out += repetition(at: start)
            default: out += Self.literal(scalar.value)
            }
        }
        return out
    }

    /// `{m,n}` as Python reads it: a repetition when it is one (`{3}`, `{2,}`, `{,5}`, `{,}`), else a literal `{`.
    mutating func repetition(at start: Int) -> String {
        var lower = ""
        var upper = ""
        var cursor = index
        while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
            lower.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        var comma = false
        if cursor < scalars.count, scalars[cursor] == "," {
            comma = true
            cursor += 1
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                upper.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
        }
        guard cursor < scalars.count, scalars[cursor] == "}", !(lower.isEmpty && !comma) else {
            return Self.literal(0x7B)
        }
        index = cursor + 1
        if !comma { return "{\(lower)}" }
        return "{\(lower.isEmpty ? "0" : lower),\(upper)}"
    }

    /// The escape whose `\` is at `start`, outside a class.
    mutating func escapeOutsideClass(at start: Int) throws(PythonPattern.PatternError) -> String {
        guard let next = peek() else { throw refuse("a '\\' at the end", at: start) }
        index += 1
        switch next {
        case "w": return "[\(pythonWordCharacters)]"
        case "W": return "[^\(pythonWordCharacters)]"
        case "d": return "[\(pythonDigits)]"
        case "D": return "[^\(pythonDigits)]"
        case "s": return "[\(pythonSpaces)]"
        case "S": return "[^\(pythonSpaces)]"
        case "A": return #"\A"#
        case "Z": return #"\z"#
        case "0":
            return Self.literal(octal(first: 0, maxMore: 2))
        case "1"..."9": throw refuse("the backreference '\\\(next)'", at: start)
        default: return Self.literal(try codePoint(of: next, at: start))
        }
    }

    /// The code point of the escape `\next` that stands for one character (`\n`, `\x41`, `\u00e9`, `\.`).
    mutating func codePoint(of next: Unicode.Scalar, at start: Int) throws(PythonPattern.PatternError) -> UInt32 {
        switch next {
        case "n": return 0x0A
        case "t": return 0x09
        case "r": return 0x0D
        case "f": return 0x0C
        case "v": return 0x0B
        case "a": return 0x07
        case "x": return try hex(digits: 2, at: start)
        case "u": return try hex(digits: 4, at: start)
        case "U": return try hex(digits: 8, at: start)
        default:
            if next.isASCII, next.properties.isAlphabetic || ("0"..."9").contains(next) {
                throw refuse("the escape '\\\(next)'", at: start)
            }
            return next.value
        }
    }

    mutating func hex(digits: Int, at start: Int) throws(PythonPattern.PatternError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = peek(), scalar.isASCII, let digit = Int(String(scalar), radix: 16) else {
                throw refuse("an incomplete hexadecimal escape", at: start)
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        guard Unicode.Scalar(value) != nil else { throw refuse("an escape outside Unicode", at: start) }
        return value
    }

    /// An octal escape's value: `first`, then up to `maxMore` further octal digits.
    mutating func octal(first: UInt32, maxMore: Int) -> UInt32 {
        var value = first
        var taken = 0
        while taken < maxMore, let scalar = peek(), ("0"..."7").contains(scalar) {
            value = value * 8 + (scalar.value - 0x30)
            index += 1
            taken += 1
        }
        return value
    }

    /// What the class escape `\next` (`\w`, `\S`, …) stands for inside a class, or `nil` for another escape.
    static func classEscape(_ next: Unicode.Scalar) -> String? {
        switch next {
        case "w": pythonWordCharacters
        case "W": "[^\(pythonWordCharacters)]"
        case "d": pythonDigits
        case "D": "[^\(pythonDigits)]"
        case "s": pythonSpaces
        case "S": "[^\(pythonSpaces)]"
        default: nil
        }
    }

    /// The class whose `[` is at `start`.
    mutating func characterClass(at start: Int) throws(PythonPattern.PatternError) -> String {
        var out = "["
        if peek() == "^" {
            out += "^"
            index += 1
        }
        var first = true
        while true {
            guard let scalar = peek() else { throw refuse("a class without its ']'", at: start) }
            if scalar == "]" && !first {
                index += 1
                return out + "]"
            }
            first = false
            let itemStart = index
            index += 1
            let low: UInt32
            if scalar == "\\" {
                guard let next = peek() else { throw refuse("a '\\' at the end", at: itemStart) }
                index += 1
                if let set = Self.classEscape(next) {
                    // Python refuses a range from a class (`[\w-z]`); a `-` before the `]` is itself.
                    if peek() == "-", let after = peek(1), after != "]" {
                        throw refuse("a range starting at a class", at: itemStart)
                    }
                    out += set
                    continue
                }
                switch next {
                case "b": low = 0x08
                case "0"..."7":
                    low = octal(first: next.value - 0x30, maxMore: 2)
                    guard low <= 0o377 else { throw refuse("an octal escape above \\377", at: itemStart) }
                default: low = try codePoint(of: next, at: itemStart)
                }
            } else {
                low = scalar.value
            }
            // A range: `-` between two characters (a `-` before the `]` is itself).
            if peek() == "-", let after = peek(1), after != "]" {
                index += 1
                let highStart = index
                index += 1
                var high = after.value
                if after == "\\" {
                    guard let next = peek() else { throw refuse("a '\\' at the end", at: highStart) }
                    index += 1
                    switch next {
                    case "w", "W", "d", "D", "s", "S": throw refuse("a range ending in a class", at: highStart)
                    case "b": high = 0x08
                    case "0"..."7": high = octal(first: next.value - 0x30, maxMore: 2)
                    default: high = try codePoint(of: next, at: highStart)
                    }
                }
                guard low <= high else { throw refuse("a reversed range", at: itemStart) }
                out += Self.range(low, high)
            } else {
                out += Self.literal(low)
            }
        }
    }
}
