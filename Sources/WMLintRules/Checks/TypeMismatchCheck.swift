import WMLintModel
import WMLintSource
import WMLintSyntax

/// `type-mismatch` for a covered operation other than `put-identity-provider-configuration`: a value is not of
/// its member's type.
enum TypeMismatchCheck {
    static func diagnostic(at pointer: String, expected: ShapeType, in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: pointer)
        let key = String(pointer.dropFirst())
        var found = "another kind of value"
        var notes: [String] = []
        if case .object(let members) = request.value.value, let node = members.last(where: { $0.key == key })?.value {
            found = node.kindDescription
            switch node.value {
            case .string(let text):
                found += " " + OperationRequestCheck.shown(text, at: pointer, in: request)
                if expected == .integer, ShorthandParser.pythonInt(text) != nil { found += "; remove the quotes" }
            case .number(let number): found += " " + quoted(number.lexeme)
            case .bool(let value):
                found += " '\(value)'"
                if expected == .integer {
                    notes.append(
                        "Python counts a boolean as the integer 1 or 0: botocore checks only its minimum, and the "
                            + "service refuses it")
                }
            default: break
            }
        }
        let article = expected == .integer ? "an" : "a"
        return Diagnostic(
            rule: .typeMismatch,
            message: "\(OperationRequestCheck.memberName(at: pointer)) must be \(article) \(expected.rawValue), "
                + "found \(found)",
            at: location, range: location.range, notes: notes)
    }

    /// A command-line value of an integer member that Python's `int()`, which the AWS CLI converts it with,
    /// does not read.
    static func diagnostic(notAnInteger text: String, at pointer: String, in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: pointer)
        return Diagnostic(
            rule: .typeMismatch,
            message: "\(quoted(text)) is not an integer; \(OperationRequestCheck.memberName(at: pointer)) must be a "
                + "whole number, as Python's int() reads it, and the AWS CLI refuses the command",
            at: location, range: location.range)
    }
}
