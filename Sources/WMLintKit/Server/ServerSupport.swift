import WMLintRules
public import WMLintSource

/// `file:` URIs and the paths they name.
enum FileURI {
    /// The absolute path a `file:` URI names (percent-decoded), or `nil` for another scheme or a remote host.
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst(7))
        if !rest.hasPrefix("/") {
            // `file://localhost/…`; another host is not on this machine.
            guard rest.hasPrefix("localhost/") else { return nil }
            rest = rest.dropFirst(9)
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        var bytes: [UInt8] = []
        let utf8 = Array(rest.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        guard !bytes.contains(0) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `file:` URI of an absolute path: every byte but unreserved characters and `/` percent-encoded.
    static func uri(ofPath path: String) -> String {
        "file://" + SARIFFormatter.percentEncoded(path)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Where each rule is documented, and the text an editor shows about it.
public enum RuleDocumentation {
    /// The web page of a rule's documentation (`docs/rules/<id>.md` in the repository).
    public static func url(of rule: RuleID) -> String {
        "https://github.com/OWNER/wmlint/blob/main/docs/rules/\(rule.rawValue).md"
    }

    /// A rule's id, default severity, summary and rationale as Markdown, with a link to its page.
    static func hoverText(_ rule: RuleID) -> String? {
        guard let description = RuleCatalogue.description(of: rule) else { return nil }
        return "**\(rule.rawValue)** (\(description.severity.rawValue)): \(description.summary)\n\n"
            + description.rationale.trimmingTrailingNewlines + "\n\n[\(rule.rawValue)](\(url(of: rule)))"
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Rule ids named in suppression comments (`# wmlint-disable-next-line enum-value`), for hover.
enum SuppressionWords {
    /// The rule whose id the offset is on, when it stands in a comment holding a `wmlint-disable` or
    /// `wmlint-enable` directive, with the id's byte range.
    static func rule(at offset: Int, in text: DocumentText) -> (rule: RuleID, range: SourceRange)? {
        let bytes = text.bytes
        guard offset >= 0, offset <= bytes.count else { return nil }
        let line = text.lines.lineRange(at: text.lines.lineIndex(of: offset))
        guard let hash = bytes[line].firstIndex(of: UInt8(ascii: "#")), hash < offset else { return nil }
        let comment = String(decoding: bytes[hash..<line.upperBound], as: UTF8.self)
        guard comment.contains("wmlint-disable") || comment.contains("wmlint-enable") else { return nil }
        func isIDByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        var start = offset
        while start > hash && isIDByte(bytes[start - 1]) { start -= 1 }
        var end = offset
        while end < line.upperBound && isIDByte(bytes[end]) { end += 1 }
        guard start < end, let rule = RuleID(rawValue: String(decoding: bytes[start..<end], as: UTF8.self)) else {
            return nil
        }
        return (rule, .bytes(start, end))
    }
}
