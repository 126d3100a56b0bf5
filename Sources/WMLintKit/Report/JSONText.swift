import WMLintSource
import WMLintSyntax

/// A tiny JSON builder for reports (no Foundation on the start-up path).
struct JSONText {
    private(set) var text = ""

    mutating func raw(_ value: String) { text += value }
    mutating func string(_ value: String) { text += JSONWriter.stringLiteral(value) }
    mutating func int(_ value: Int) { text += String(value) }

    /// Writes `{"k": v, …}`, each value written by its closure.
    mutating func object(_ members: [(String, (inout JSONText) -> Void)]) {
        text += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { text += ", " }
            string(member.0)
            text += ": "
            member.1(&self)
        }
        text += "}"
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONText, T) -> Void) {
        text += "["
        for (index, item) in items.enumerated() {
            if index > 0 { text += ", " }
            write(&self, item)
        }
        text += "]"
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
