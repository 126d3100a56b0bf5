import WMLintModel
import WMLintSource
import WMLintSyntax

/// `value-pattern`: a string of a covered operation does not match its member's pattern in the service model, as
/// the service matches it (the whole value, ASCII classes: ``PythonPattern``). The AWS CLI sends it; the service
/// refuses it.
///
/// For a pattern that is one character class repeated (`^[\w+=,.@-]+$`), the range is the first character the
/// class does not allow; for any other pattern, the whole value.
enum ValuePatternCheck {
    static func diagnostic(_ value: String, pattern: String, at pointer: String, in request: OperationRequest)
        -> Diagnostic
    {
        let location = request.location(of: pointer)
        let name = OperationRequestCheck.memberName(at: pointer)
        let shown = OperationRequestCheck.shown(value, at: pointer, in: request)
        var message = "\(shown) is not a valid \(name): it does not match the pattern '\(pattern)'"
        var range = location.contentRange
        if let repeated = RepeatedClass(pattern) {
            if value.isEmpty {
                message = "\(name) is empty; the pattern '\(pattern)' needs at least one character"
            } else if let offending = repeated.firstOffending(in: value) {
                let character = value[offending]
                let start = value.utf8.distance(from: value.startIndex, to: offending)
                range = location.range(ofContent: start..<(start + String(character).utf8.count))
                let scalar = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
                message =
                    "\(shown) is not a valid \(name): \(quoted(String(character))) (U+\(String(repeating: "0", count: max(0, 4 - scalar.count)) + scalar)) "
                    + "is not allowed by the pattern '\(pattern)'"
            }
        }
        return Diagnostic(
            rule: .valuePattern, message: message, at: location, range: range,
            notes: ["the AWS CLI sends the value; the service refuses it"])
    }
}

/// A pattern that is one character class repeated: `^[CLASS]+$`, `[CLASS]+`, `^[CLASS]{m,n}$` (anchors optional).
private struct RepeatedClass {
    /// The class, brackets included.
    let characterClass: String

    init?(_ pattern: String) {
        var body = Substring(pattern)
        if body.hasPrefix("^") { body = body.dropFirst() }
        if body.hasSuffix("$") { body = body.dropLast() }
        guard body.hasPrefix("["), let close = Self.classEnd(body) else { return nil }
        let quantifier = body[body.index(after: close)...]
        let isRepeat =
            quantifier == "+" || quantifier == "*"
            || (quantifier.hasPrefix("{") && quantifier.hasSuffix("}")
                && quantifier.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isNumber || $0 == ",") })
        guard isRepeat else { return nil }
        characterClass = String(body[...close])
    }

    /// The index of the `]` that closes the class opening `body`, skipping escapes; `nil` when none does.
    private static func classEnd(_ body: Substring) -> Substring.Index? {
        var index = body.index(after: body.startIndex)
        if index < body.endIndex, body[index] == "^" { index = body.index(after: index) }
        if index < body.endIndex, body[index] == "]" { index = body.index(after: index) }
        while index < body.endIndex {
            if body[index] == "\\" {
                index = body.index(after: index)
                if index < body.endIndex { index = body.index(after: index) }
                continue
            }
            if body[index] == "]" { return index }
            index = body.index(after: index)
        }
        return nil
    }

    /// The first character the class does not allow.
    func firstOffending(in value: String) -> String.Index? {
        value.indices.first { PythonPattern.matches(characterClass, String(value[$0])) == false }
    }
}
