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
