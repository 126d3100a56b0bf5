import WMLintModel
import WMLintSource

/// `unresolved-value`: a parameter's value is only known when the script runs (a shell expansion), so the checks
/// that need it are skipped.
enum UnresolvedValueCheck {
    /// The value at `location` of `member` (its name as a message says it) is only known at run time.
    static func diagnostic(member: String, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .unresolvedValue, message: message(member), path: location.path, range: location.range,
            pointer: location.pointer)
    }
}

fileprivate func message(_ member: String) -> String {
    "the value of \(member) is only known when the script runs; checks that need it are skipped"
}
