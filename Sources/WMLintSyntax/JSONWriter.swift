import WMLintSource

/// Writes syntax nodes as JSON text, the way the AWS CLI would send them (and `convert --to json` prints them).
public enum JSONWriter {
    /// The JSON text of `node`: compact when `indent` is 0, else pretty-printed with that many spaces.
    ///
    /// An object's repeated key keeps its last value at its first position, as Python's `json` and
    /// ruamel.yaml build dictionaries. Timestamps are written as their text; non-finite floats as
    /// `NaN`/`Infinity`/`-Infinity`, as Python's `json.dumps` writes them. Nesting deeper than `maxDepth` is
    /// written as `null` (the parsers never build such trees).
    public static func write(_ node: SyntaxNode, indent: Int = 0, maxDepth: Int = 10_000) -> String {
        var output = ""
        write(node, into: &output, indent: indent, level: 0, maxDepth: maxDepth, compact: false)
        return output
    }

    /// The JSON text of `node` without any space (`{"a":1,"b":[2,3]}`), for a command-line argument.
    public static func writeCompact(_ node: SyntaxNode, maxDepth: Int = 10_000) -> String {
        var output = ""
        write(node, into: &output, indent: 0, level: 0, maxDepth: maxDepth, compact: true)
        return output
    }

    /// A JSON string literal for `text`, escaping as Python's `json.dumps(ensure_ascii=False)` does.
    public static func stringLiteral(_ text: String) -> String {
        var output = ""
        appendString(text, to: &output)
        return output
    }

    private static func write(
        _ node: SyntaxNode, into output: inout String, indent: Int, level: Int, maxDepth: Int, compact: Bool
    ) {
        guard level < maxDepth else {
            output += "null"
            return
        }
        switch node.value {
        // An opaque value has no content to write; the writers' callers ask for whole values (`NodeDemand.all`).
        case .null, .opaque: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .string(let text):
            if let units = node.utf16 { appendString(units, to: &output) } else { appendString(text, to: &output) }
        case .timestamp(let text): appendString(text, to: &output)
        case .number(let number):
            switch number.kind {
            case .integer(let digits): output += digits
            case .float(let value): output += floatText(value)
            }
        case .array(let items):
            if items.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += indent > 0 || compact ? "," : ", " }
                newline(&output, indent: indent, level: level + 1)
                write(item, into: &output, indent: indent, level: level + 1, maxDepth: maxDepth, compact: compact)
            }
            newline(&output, indent: indent, level: level)
            output += "]"
        case .object(let members):
            let unique = lastValues(members)
            if unique.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in unique.enumerated() {
                if index > 0 { output += indent > 0 || compact ? "," : ", " }
                newline(&output, indent: indent, level: level + 1)
                appendString(member.key, to: &output)
                output += compact ? ":" : ": "
                write(
                    member.value, into: &output, indent: indent, level: level + 1, maxDepth: maxDepth, compact: compact)
            }
            newline(&output, indent: indent, level: level)
            output += "}"
        }
    }

    /// Members with each key once: at its first position, holding its last value.
    ///
    /// Keys are compared by code points, as Python compares them: "é" and "e" + U+0301 are two keys (Swift's
    /// `String` equality would merge them). Few members with each key once (most structures) are their own
    /// answer, returned without a copy.
    public static func lastValues(_ members: [Member]) -> [Member] {
        var result: [Member] = []
        if members.count <= pairwiseKeyLimit {
            // Few keys (a request's): compare them directly.
            let repeatsKey = members.indices.contains { index in
                members[(index + 1)...].contains { sameCodePoints($0.key, members[index].key) }
            }
            guard repeatsKey else { return members }
            result.reserveCapacity(members.count)
            for member in members {
                if let existing = result.firstIndex(where: { sameCodePoints($0.key, member.key) }) {
                    result[existing].value = member.value
                } else {
                    result.append(member)
                }
            }
            return result
        }
        result.reserveCapacity(members.count)
        var position: [ScalarKey: Int] = [:]
        for member in members {
            let key = ScalarKey(member.key)
            if let existing = position[key] {
                result[existing].value = member.value
            } else {
                position[key] = result.count
                result.append(member)
            }
        }
        return result
    }

    private static func newline(_ output: inout String, indent: Int, level: Int) {
        guard indent > 0 else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    private static func floatText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }

    /// A string of UTF-16 code units that may hold unpaired surrogates: those as `\udXXX` escapes, as Python's
    /// `json.dumps` writes them, the rest as ``appendString(_:to:)`` writes it.
    private static func appendString(_ units: [UInt16], to output: inout String) {
        output += "\""
        var index = 0
        while index < units.count {
            let unit = units[index]
            if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
                if let scalar = Unicode.Scalar(value) { appendEscaped(scalar, to: &output) }
                index += 2
                continue
            }
            if let scalar = Unicode.Scalar(unit) {
                appendEscaped(scalar, to: &output)
            } else {
                output += "\\u" + String(unit, radix: 16)
            }
            index += 1
        }
        output += "\""
    }

    private static func appendString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars { appendEscaped(scalar, to: &output) }
        output += "\""
    }

    /// One character of a JSON string literal, escaped as Python's `json.dumps(ensure_ascii=False)` escapes it.
    private static func appendEscaped(_ scalar: Unicode.Scalar, to output: inout String) {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        case "\u{08}": output += "\\b"
        case "\u{0C}": output += "\\f"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
}

/// A string compared and hashed by its Unicode scalars (code points), not by canonical equivalence.
public struct ScalarKey: Hashable, Sendable {
    /// Compared and hashed by its UTF-8 bytes, which are equal exactly when the code points are: no array of
    /// code points is built per key.
    private let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool {
        sameCodePoints(lhs.text, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        ByteScan.hash(utf8: text, into: &hasher)
    }
}
