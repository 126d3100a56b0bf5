import WMLintModel
import WMLintSource
import WMLintSyntax

/// `enum-value`: `AuthenticationMode` or `Status` is not one of its allowed values.
enum EnumValueCheck: Check {
    static func run(_ state: inout CheckState) {
        check(
            .authenticationMode, name: "AuthenticationMode", allowed: ServiceFacts.authenticationModes,
            listing: authenticationModes, &state)
        check(
            .status, name: "Status", allowed: ServiceFacts.personalAccessTokenStatuses, listing: statuses, &state)
    }

    /// The allowed values as messages list them, made once.
    private static let authenticationModes = listed(ServiceFacts.authenticationModes)
    private static let statuses = listed(ServiceFacts.personalAccessTokenStatuses)

    private static func check(
        _ member: Member, name: String, allowed: [String], listing: String, _ state: inout CheckState
    ) {
        guard let value = state.valid(member), !allowed.contains(value), let location = state.location(of: member)
        else { return }
        let lowered = value.lowercased()
        let caseMatch = allowed.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: value, in: allowed)
        let message = "\(quoted(value)) is not a valid \(name); expected " + listing
        var notes: [String] = []
        if name == "Status" && caseMatch != nil {
            notes.append("the AWS documentation writes 'Active' in prose; the API accepts only upper case")
        }
        let fix = caseMatch.flatMap { location.replacingContent(with: $0, message: "replace with '\($0)'") }
        state.report(
            Diagnostic(
                rule: .enumValue, message: message, at: location, notes: notes,
                help: didYouMean(near), fixes: fix.map { [$0] } ?? []),
            faulty: member)
    }
}

extension EnumValueCheck {
    /// `enum-value` for a covered operation other than `put-identity-provider-configuration`.
    static func diagnostic(_ value: String, allowed: [String], at pointer: String, in request: OperationRequest)
        -> Diagnostic
    {
        let location = request.location(of: pointer)
        let lowered = value.lowercased()
        let caseMatch = allowed.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: value, in: allowed)
        let message =
            "\(quoted(value)) is not a valid \(OperationRequestCheck.memberName(at: pointer)); expected "
            + listed(allowed)
        let fix = caseMatch.flatMap { location.replacingContent(with: $0, message: "replace with '\($0)'") }
        return Diagnostic(
            rule: .enumValue, message: message, at: location, notes: ["the AWS CLI sends it; the service refuses it"],
            help: didYouMean(near), fixes: fix.map { [$0] } ?? [])
    }
}
