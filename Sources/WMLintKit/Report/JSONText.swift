import WMLintSource
import WMLintSyntax

/// A tiny JSON builder for reports (no Foundation on the start-up path), writing UTF-8 into one buffer.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    /// The JSON written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ value: String) { bytes.append(contentsOf: value.utf8) }
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// Writes `value` as a JSON string literal, escaped as ``JSONWriter/stringLiteral(_:)`` does: `"`, `\`, the
    /// short escapes, other control characters as `\u00xx`; everything else as is.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        // Runs of bytes that need no escape are copied whole.
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                utf8.formIndex(after: &index)
                continue
            }
            bytes.append(contentsOf: utf8[runStart..<index])
            utf8.formIndex(after: &index)
            runStart = index
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            default:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }
        bytes.append(contentsOf: utf8[runStart...])
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `{"k": v, …}`, each value written by its closure.
    mutating func object(_ members: [(String, (inout JSONText) -> Void)]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(contentsOf: ", ".utf8) }
            string(member.0)
            bytes.append(contentsOf: ": ".utf8)
            member.1(&self)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONText, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(contentsOf: ", ".utf8) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}

/// Line and column of diagnostic ranges, from the report's sources.
struct Locator {
    let sources: [String: SourceFile]

    func location(_ path: String, _ position: SourcePosition) -> SourceLocation {
        guard let file = sources[path] else {
            return SourceLocation(line: 1, column: 1, utf16Column: 1, offset: position.offset)
        }
        return file.location(of: position.offset)
    }
}
