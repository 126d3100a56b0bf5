import WMLintSource
import WMLintSyntax

/// A JSON value of the language server's protocol messages: read with the project's JSON parser, written as
/// compact JSON text.
///
/// Numbers keep the text they were written as, so that a request's id goes back exactly as it came.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as written (`1`, `-2.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in order; a repeated key keeps its last value (as the parser's readers do).
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let text): hasher.combine(text)
        case .string(let text): hasher.combine(text)
        case .array(let items): hasher.combine(items)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// An integer value.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The member `key` of an object (the last one, when repeated); `nil` for a missing member or a non-object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value as an integer, when it is a number with an integral value that fits.
    var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        if let exact = Int(text) { return exact }
        guard let double = Double(text), double.rounded() == double, abs(double) < 9e15 else { return nil }
        return Int(double)
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

extension JSONValue {
    /// Why a message could not be read as JSON.
    struct ParseError: Error {
        var message: String
    }

    /// The JSON value of `bytes`: RFC 8259 JSON, nesting at most 64 levels deep.
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, ParseError> {
        let result = JSONParser.parse(SourceText(bytes: bytes, path: "message"), demand: .all, maxDepth: 64)
        if let error = result.diagnostics.first(where: { $0.rule != .duplicateKey }) {
            return .failure(ParseError(message: error.message))
        }
        guard result.isComplete, let root = result.root else {
            return .failure(ParseError(message: "the message is not JSON"))
        }
        // The parser built at most 64 levels, so the conversion's recursion is bounded.
        return .success(JSONValue(root))
    }

    init(_ node: SyntaxNode) {
        switch node.value {
        case .null, .opaque: self = .null
        case .bool(let value): self = .bool(value)
        case .string(let text), .timestamp(let text): self = .string(text)
        case .number(let number): self = .number(number.lexeme)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members):
            var seen: [String: Int] = [:]
            var result: [(String, JSONValue)] = []
            for member in members {
                if let index = seen[member.key] {
                    result[index].1 = JSONValue(member.value)
                } else {
                    seen[member.key] = result.count
                    result.append((member.key, JSONValue(member.value)))
                }
            }
            self = .object(result)
        }
    }

    /// The compact JSON text of the value (the values the server builds are a few levels deep).
    var text: String {
        var output = JSONText()
        write(into: &output)
        return output.text
    }

    /// The compact JSON text, as UTF-8 bytes.
    var bytes: [UInt8] {
        var output = JSONText()
        write(into: &output)
        return output.bytes
    }

    private func write(into output: inout JSONText) {
        switch self {
        case .null: output.raw("null")
        case .bool(let value): output.raw(value ? "true" : "false")
        case .number(let text): output.raw(text)
        case .string(let text): output.string(text)
        case .array(let items):
            output.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.raw(",") }
                item.write(into: &output)
            }
            output.raw("]")
        case .object(let members):
            output.raw("{")
            for (index, member) in members.enumerated() {
                if index > 0 { output.raw(",") }
                output.string(member.0)
                output.raw(":")
                member.1.write(into: &output)
            }
            output.raw("}")
        }
    }
}
