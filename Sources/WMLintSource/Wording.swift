// The wording every message shares: how a value is quoted, how a list of choices reads, how a suggestion reads.

/// Quotes source text for a message: `'text'`, shortened in the middle past `limit` characters, with control
/// characters escaped so one diagnostic stays one line.
public func quoted(_ text: String, limit: Int = 60) -> String {
    // Text short enough in bytes (so in characters) and with no control character is quoted as it is.
    if text.utf8.count <= limit && !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
        return "'" + text + "'"
    }
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case "\0": escaped += "\\0"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                escaped += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
    }
    if escaped.count > limit {
        let head = escaped.prefix(limit * 2 / 3)
        let tail = escaped.suffix(limit / 3)
        escaped = head + "…" + tail
    }
    return "'" + escaped + "'"
}

/// `'A' or 'B'`, `'A', 'B' or 'C'`: the choices a value may take.
public func listed(_ values: [String]) -> String {
    let quotedValues = values.map { "'\($0)'" }
    guard quotedValues.count > 1, let last = quotedValues.last else { return quotedValues.first ?? "" }
    return quotedValues.dropLast().joined(separator: ", ") + " or " + last
}

/// The help line that suggests `suggestion`: "did you mean 'x'?".
public func didYouMean(_ suggestion: String) -> String {
    "did you mean '\(suggestion)'?"
}

/// The help lines for a suggestion that may not exist: one line, or none.
public func didYouMean(_ suggestion: String?) -> [String] {
    suggestion.map { [didYouMean($0)] } ?? []
}
