/// What Python's `json.loads(str)` accepts (CPython 3.11's C scanner, `strict=True`), over Unicode scalars.
///
/// Only the verdict: no value is built. Beyond RFC 8259 it accepts `NaN`, `Infinity` and `-Infinity`, duplicate
/// keys and lone surrogate escapes; it refuses a leading U+FEFF ("Unexpected UTF-8 BOM") and an integer of more
/// than 4,300 digits (`int()`'s limit, a `ValueError` like any other decoding error). Whitespace is `" \t\n\r"`.
enum PythonJSON {
    enum Verdict: Equatable {
        case valid
        case invalid
        /// Arrays and objects nest deeper than the limit; Python would raise `RecursionError` (not a
        /// `ValueError`) when it runs out of recursion.
        case tooDeep
    }

    /// Whether `text` is one JSON document, with arrays and objects nested at most `maxDepth` deep.
    ///
    /// Nesting is tracked on an explicit stack: any depth of input is safe.
    static func loads(_ text: [Unicode.Scalar], maxDepth: Int) -> Verdict {
        if text.first == "\u{FEFF}" { return .invalid }
        var i = 0
        // Per open container: whether it is an object.
        var open: [Bool] = []
        skipSpace(text, &i)
        while true {
            // A value starts at `i`.
            guard i < text.count else { return .invalid }
            switch text[i] {
            case "{", "[":
                let isObject = text[i] == "{"
                guard open.count < maxDepth else { return .tooDeep }
                open.append(isObject)
                i += 1
                skipSpace(text, &i)
                if i < text.count, text[i] == (isObject ? "}" : "]") {
                    open.removeLast()
                    i += 1
                } else {
                    if isObject {
                        guard readKey(text, &i) else { return .invalid }
                    }
                    continue
                }
            case "\"":
                guard readString(text, &i) else { return .invalid }
            case "n":
                guard matches(text, &i, "null") else { return .invalid }
            case "t":
                guard matches(text, &i, "true") else { return .invalid }
            case "f":
                guard matches(text, &i, "false") else { return .invalid }
            case "N":
                guard matches(text, &i, "NaN") else { return .invalid }
            case "I":
                guard matches(text, &i, "Infinity") else { return .invalid }
            case "-" where i + 1 < text.count && text[i + 1] == "I":
                i += 1
                guard matches(text, &i, "Infinity") else { return .invalid }
            default:
                guard readNumber(text, &i) else { return .invalid }
            }
            // A value ended: close containers, or go on to the next member.
            while true {
                skipSpace(text, &i)
                guard let isObject = open.last else {
                    return i == text.count ? .valid : .invalid
                }
                guard i < text.count else { return .invalid }
                if text[i] == (isObject ? "}" : "]") {
                    open.removeLast()
                    i += 1
                    continue
                }
                guard text[i] == "," else { return .invalid }
                i += 1
                skipSpace(text, &i)
                if isObject {
                    guard readKey(text, &i) else { return .invalid }
                }
                break
            }
        }
    }

    /// Reads `"key"`, whitespace and `:` and whitespace, leaving `i` at the member's value.
    private static func readKey(_ text: [Unicode.Scalar], _ i: inout Int) -> Bool {
        guard i < text.count, text[i] == "\"", readString(text, &i) else { return false }
        skipSpace(text, &i)
        guard i < text.count, text[i] == ":" else { return false }
        i += 1
        skipSpace(text, &i)
        return true
    }

    private static func skipSpace(_ text: [Unicode.Scalar], _ i: inout Int) {
        while i < text.count, text[i] == " " || text[i] == "\t" || text[i] == "\n" || text[i] == "\r" { i += 1 }
    }

    private static func matches(_ text: [Unicode.Scalar], _ i: inout Int, _ word: String) -> Bool {
        var j = i
        for scalar in word.unicodeScalars {
            guard j < text.count, text[j] == scalar else { return false }
            j += 1
        }
        i = j
        return true
    }

    private static func isDigit(_ text: [Unicode.Scalar], _ i: Int) -> Bool {
        i < text.count && ("0"..."9").contains(text[i])
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, taking the longest match as the C scanner does (a `.` or
    /// `e` not followed by digits is left for the caller to refuse); an integer of more than 4,300 digits fails.
    private static func readNumber(_ text: [Unicode.Scalar], _ i: inout Int) -> Bool {
        var j = i
        if j < text.count, text[j] == "-" { j += 1 }
        let digitsStart = j
        guard j < text.count else { return false }
        if text[j] == "0" {
            j += 1
        } else if ("1"..."9").contains(text[j]) {
            while isDigit(text, j) { j += 1 }
        } else {
            return false
        }
        var isInteger = true
        let integerDigits = j - digitsStart
        if j < text.count, text[j] == ".", isDigit(text, j + 1) {
            isInteger = false
            j += 1
            while isDigit(text, j) { j += 1 }
        }
        if j < text.count, text[j] == "e" || text[j] == "E" {
            var k = j + 1
            if k < text.count, text[k] == "-" || text[k] == "+" { k += 1 }
            if isDigit(text, k) {
                isInteger = false
                while isDigit(text, k) { k += 1 }
                j = k
            }
        }
        if isInteger && integerDigits > JMESPathLexer.maxDigits { return false }
        i = j
        return true
    }

    /// Reads a string from its opening quote at `i`, leaving `i` past the closing one.
    private static func readString(_ text: [Unicode.Scalar], _ i: inout Int) -> Bool {
        var j = i + 1
        while j < text.count, text[j] != "\"" {
            guard let next = stringScalar(text[...], j).end else { return false }
            j = next
        }
        guard j < text.count else { return false }
        i = j + 1
        return true
    }

    /// Past the string character (or escape) at `j`, or why it is not allowed in a string.
    private static func stringScalar(
        _ text: ArraySlice<Unicode.Scalar>, _ j: Int
    ) -> (end: Int?, fault: JSONStringFault?) {
        let scalar = text[j]
        if scalar.value < 0x20 { return (nil, .controlCharacter) }
        guard scalar == "\\" else { return (j + 1, nil) }
        guard j + 1 < text.endIndex else { return (nil, .unescapedQuote) }
        switch text[j + 1] {
        case "\"", "\\", "/", "b", "f", "n", "r", "t":
            return (j + 2, nil)
        case "u":
            guard j + 6 <= text.endIndex else { return (nil, .invalidUnicodeEscape) }
            for k in (j + 2)..<(j + 6) where !text[k].properties.isASCIIHexDigit {
                return (nil, .invalidUnicodeEscape)
            }
            return (j + 6, nil)
        default:
            return (nil, .invalidEscape)
        }
    }

    /// Why `body` is not the inside of a JSON string (`json.loads('"' + body + '"')` fails), or `nil` when it is.
    static func stringBodyFault(_ body: ArraySlice<Unicode.Scalar>) -> JSONStringFault? {
        var j = body.startIndex
        while j < body.endIndex {
            if body[j] == "\"" { return .unescapedQuote }
            let (end, fault) = stringScalar(body, j)
            guard let end else { return fault }
            j = end
        }
        return nil
    }

    /// Python's `str.isspace()`, which `str.lstrip()` strips.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }
}
