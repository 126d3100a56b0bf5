import WMLintModel
import WMLintSource
import WMLintSyntax

/// `enum-value`: `AuthenticationMode` or `Status` is not one of its allowed values.
enum EnumValueCheck: Check {
    static func run(_ state: inout CheckState) {
        check(
            state.request.authenticationMode, name: "AuthenticationMode", allowed: ServiceFacts.authenticationModes,
            &state)
        check(
            state.request.personalAccessTokenConfiguration?.value?.status, name: "Status",
            allowed: ServiceFacts.personalAccessTokenStatuses, &state)
    }

    private static func check(_ field: Field<String>?, name: String, allowed: [String], _ state: inout CheckState) {
        guard let field, let value = field.value, !allowed.contains(value) else { return }
        let location = field.location
        let lowered = value.lowercased()
        let caseMatch = allowed.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: value, in: allowed)
        var message = "\(quoted(value)) is not a valid \(name); expected " + listed(allowed)
        if let near { message += " — did you mean '\(near)'?" }
        var notes: [String] = []
        if name == "Status" && caseMatch != nil {
            notes.append("the AWS documentation writes 'Active' in prose; the API accepts only upper case")
        }
        let fix = caseMatch.flatMap { location.replacingContent(with: $0, message: "replace with '\($0)'") }
        state.report(
            Diagnostic(rule: .enumValue, message: message, at: location, notes: notes, fixes: fix.map { [$0] } ?? []),
            faulty: location.pointer)
    }
}

/// `'A' or 'B'`, `'A', 'B' or 'C'`.
func listed(_ values: [String]) -> String {
    let quotedValues = values.map { "'\($0)'" }
    guard quotedValues.count > 1, let last = quotedValues.last else { return quotedValues.first ?? "" }
    return quotedValues.dropLast().joined(separator: ", ") + " or " + last
}
