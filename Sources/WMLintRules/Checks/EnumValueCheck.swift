import WMLintModel
import WMLintSource
import WMLintSyntax

/// `enum-value`: `AuthenticationMode` or `Status` is not one of its allowed values.
enum EnumValueCheck {
    /// The mode when the service accepts it; otherwise reports it and returns `nil`.
    static func authenticationMode(_ mode: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic])
        -> AuthenticationMode?
    {
        if let valid = AuthenticationMode(mode) { return valid }
        if let location = source.location(of: .authenticationMode) {
            diagnostics.append(
                diagnostic(
                    mode, at: location, name: "AuthenticationMode", allowed: ServiceFacts.authenticationModes,
                    listing: authenticationModes))
        }
        return nil
    }

    /// The status when the service accepts it; otherwise reports it and returns `nil`.
    static func status(_ status: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic])
        -> TokenStatus?
    {
        if let valid = TokenStatus(status) { return valid }
        if let location = source.location(of: .status) {
            diagnostics.append(
                diagnostic(
                    status, at: location, name: "Status", allowed: ServiceFacts.personalAccessTokenStatuses,
                    listing: statuses,
                    notes: ["the AWS documentation writes 'Active' in prose; the API accepts only upper case"]))
        }
        return nil
    }

    /// The allowed values as messages list them, made once.
    private static let authenticationModes = listed(ServiceFacts.authenticationModes)
    private static let statuses = listed(ServiceFacts.personalAccessTokenStatuses)

    /// The diagnostic of a value not in `allowed`; `notesForCase` are added when only its case is wrong.
    private static func diagnostic(
        _ value: String, at location: ValueLocation, name: String, allowed: [String], listing: String,
        notes notesForCase: [String] = []
    ) -> Diagnostic {
        let lowered = value.lowercased()
        let caseMatch = allowed.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: value, in: allowed)
        let message = "\(quoted(value)) is not a valid \(name); expected " + listing
        let fix = caseMatch.flatMap { location.replacingContent(with: $0, message: "replace with '\($0)'") }
        return Diagnostic(
            rule: .enumValue, message: message, at: location, notes: caseMatch != nil ? notesForCase : [],
            help: didYouMean(near), fixes: fix.map { [$0] } ?? [])
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
