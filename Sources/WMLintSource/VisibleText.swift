/// User-controlled text made safe for a terminal or a CI log, as rustc shows it: control characters, DEL, C1
/// controls, bidi controls and line separators become visible escapes (`\n`, `\t`, `\r`, `\u{1b}`), so a file
/// name, an option word or a source line can neither drive a terminal nor start a line of its own.
public enum VisibleText {
    /// Whether `scalar` is shown as an escape.
    @inline(__always)
    public static func needsEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x10FF80...0x10FFFF: true  // A file name's byte that is not UTF-8 (``FileName``).
        default: false
        }
    }

    /// `text` with every character that ``needsEscape(_:)`` shown as an escape; a tab stays a tab when
    /// `keepTabs` (a source excerpt expands it), else it is `\t`.
    public static func escaped(_ text: String, keepTabs: Bool = false) -> String {
        if isPlain(text.utf8, keepTabs: keepTabs) { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard needsEscape(value) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch value {
            case 0x09: output += keepTabs ? "\t" : "\\t"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x10FF80...0x10FFFF: output += FileName.shown(String(scalar))
            default: output += "\\u{" + String(value, radix: 16) + "}"
            }
        }
        return output
    }

    /// Whether every byte is printable ASCII (or a tab, when `keepTabs`): nothing to escape.
    @inline(__always)
    static func isPlain(_ utf8: String.UTF8View, keepTabs: Bool) -> Bool {
        for byte in utf8 {
            if byte >= 0x20 && byte < 0x7F { continue }
            if byte == 0x09 && keepTabs { continue }
            if byte >= 0x80 { return isPlainUnicode(utf8, keepTabs: keepTabs) }
            return false
        }
        return true
    }

    private static func isPlainUnicode(_ utf8: String.UTF8View, keepTabs: Bool) -> Bool {
        for scalar in String(utf8).unicodeScalars where needsEscape(scalar.value) {
            if scalar.value == 0x09 && keepTabs { continue }
            return false
        }
        return true
    }

    /// `line` made safe to start a line of a CI log: a leading `::` (a GitHub Actions command) is preceded
    /// by `./` for a path.
    public static func safePath(_ path: String) -> String {
        let shown = escaped(path)
        return shown.hasPrefix("::") ? "./" + shown : shown
    }
}
