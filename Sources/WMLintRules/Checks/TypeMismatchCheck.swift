import WMLintModel
import WMLintSource
import WMLintSyntax

/// `type-mismatch`: a value is not of its member's type, or a request document is not a mapping.
enum TypeMismatchCheck {
    /// For `put-identity-provider-configuration`: the value `found` (read with `syntax`) at `location` of member
    /// `member` (its name as written) is not of the `expected` type.
    static func diagnostic(
        member: String, expected: ExpectedType, found node: SyntaxNode, syntax: ValueSyntax,
        at location: ValueLocation
    ) -> Diagnostic {
        var found = foundValue(node) { quoted($0) }
        if case .timestamp(let text) = node.value { found += " " + quoted(text) + " (quote it to make it a string)" }
        if expected == .integer, case .string(let text) = node.value, syntax != .shorthand,
            ShorthandParser.pythonInt(text) != nil
        {
            found += removeTheQuotes
        }
        var notes: [String] = []
        if expected == .integer, case .bool = node.value {
            notes.append("the AWS CLI sends a boolean as it is and the service rejects it")
        }
        var help: [String] = []
        if syntax == .shorthand, node.isArray {
            help.append(
                "in shorthand, a ',' followed by a word without '=' makes a list; escape the comma as '\\,' or quote the value"
            )
        }
        return Diagnostic(
            rule: .typeMismatch, message: mustBe(member, phrase(expected), found: found), path: location.path,
            range: location.range, pointer: location.pointer, notes: notes, help: help, related: location.provenance)
    }

    /// For `put-identity-provider-configuration`: a shorthand value of integer member `member` that Python's
    /// `int()`, which the AWS CLI converts it with, does not read.
    static func diagnostic(notAnInteger text: String, member: String, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .typeMismatch, message: notAnInteger(text) + "\(member) must be a whole number of days",
            path: location.path, range: location.range, pointer: location.pointer,
            notes: ["the AWS CLI converts this value with Python's int() and fails"], related: location.provenance)
    }

    /// A request document (at `location`) that is `found`, not a mapping.
    static func diagnostic(documentNotMapping found: SyntaxNode, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .typeMismatch,
            message: "the request document must be a mapping of parameter names to values, found "
                + found.kindDescription,
            path: location.path, range: location.range, pointer: location.pointer,
            notes: ["the AWS CLI fails with 'expecting map'"], related: location.provenance)
    }

    /// For a covered operation other than `put-identity-provider-configuration`: the value at `pointer` is not of
    /// its member's type.
    static func diagnostic(at pointer: String, expected: ShapeType, in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: pointer)
        let key = String(pointer.dropFirst())
        var found = "another kind of value"
        var notes: [String] = []
        if case .object(let members) = request.value.value, let node = members.last(where: { $0.key == key })?.value {
            found = foundValue(node) { OperationRequestCheck.shown($0, at: pointer, in: request) }
            if expected == .integer, case .string(let text) = node.value, ShorthandParser.pythonInt(text) != nil {
                found += removeTheQuotes
            }
            if expected == .integer, case .bool = node.value {
                notes.append(
                    "Python counts a boolean as the integer 1 or 0: botocore checks only its minimum, and the "
                        + "service refuses it")
            }
        }
        let article = expected == .integer ? "an" : "a"
        return Diagnostic(
            rule: .typeMismatch,
            message: mustBe(
                OperationRequestCheck.memberName(at: pointer), "\(article) \(expected.rawValue)", found: found),
            at: location, range: location.range, notes: notes)
    }

    /// For a covered operation other than `put-identity-provider-configuration`: a command-line value of an
    /// integer member that Python's `int()`, which the AWS CLI converts it with, does not read.
    static func diagnostic(notAnInteger text: String, at pointer: String, in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: pointer)
        return Diagnostic(
            rule: .typeMismatch,
            message: notAnInteger(text) + "\(OperationRequestCheck.memberName(at: pointer)) must be a "
                + "whole number, as Python's int() reads it, and the AWS CLI refuses the command",
            at: location, range: location.range)
    }
}

/// `Name must be a string, found …`.
fileprivate func mustBe(_ member: String, _ expected: String, found: String) -> String {
    "\(member) must be \(expected), found \(found)"
}

/// `'x' is not an integer; ` (the member and what it must be follow).
fileprivate func notAnInteger(_ text: String) -> String {
    "\(quoted(text)) is not an integer; "
}

/// Said after a quoted string that would be a valid integer without its quotes.
fileprivate let removeTheQuotes = "; remove the quotes"

/// The found value as a message describes it: its kind, and its text for a scalar (`a string 'x'`, `a boolean
/// 'true'`); `shown` quotes a string's text.
fileprivate func foundValue(_ node: SyntaxNode, shown: (String) -> String) -> String {
    var found = node.kindDescription
    switch node.value {
    case .string(let text): found += " " + shown(text)
    case .number(let number): found += " " + quoted(number.lexeme)
    case .bool(let value): found += " '\(value)'"
    default: break
    }
    return found
}

/// The type as a message says it: `a string`, `an integer`, `an object`.
fileprivate func phrase(_ expected: ExpectedType) -> String {
    switch expected {
    case .string: "a string"
    case .integer: "an integer"
    case .object: "an object"
    }
}
