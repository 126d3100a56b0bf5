import WMLintModel
import WMLintSource
import WMLintSyntax

/// `enum-value`: `AuthenticationMode` or `Status` is not one of its allowed values.
enum EnumValueCheck {
    /// The mode when the service accepts it; otherwise reports it and returns `nil`.
    static func authenticationMode(_ mode: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic])
        -> AuthenticationMode?
    {
        validate(mode, member: .authenticationMode, source: source, reporting: &diagnostics)
    }

    /// The status when the service accepts it; otherwise reports it and returns `nil`.
    static func status(_ status: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic])
        -> TokenStatus?
    {
        validate(
            status, member: .status, source: source, reporting: &diagnostics,
            notesForCase: ["the AWS documentation writes 'Active' in prose; the API accepts only upper case"])
    }

    /// `text` as a `Value` when the service accepts it; otherwise reports it at `member` and returns `nil`.
    private static func validate<Value: ServiceEnum>(
        _ text: String, member: RequestMember, source: borrowing Request, reporting diagnostics: inout [Diagnostic],
        notesForCase: [String] = []
    ) -> Value? {
        if let valid = Value(text) { return valid }
        if let location = source.location(of: member) {
            diagnostics.append(
                diagnostic(
                    text, at: location, name: Value.memberName, allowed: Value.allowed, listing: Value.listing,
                    notesForCase: notesForCase))
        }
        return nil
    }

    /// `enum-value` for a covered operation other than `put-identity-provider-configuration`.
    static func diagnostic(_ value: String, allowed: [String], at pointer: String, in request: OperationRequest)
        -> Diagnostic
    {
        diagnostic(
            value, at: request.location(of: pointer), name: OperationRequestCheck.memberName(at: pointer),
            allowed: allowed, listing: listed(allowed), notes: ["the AWS CLI sends it; the service refuses it"])
    }

    /// The diagnostic of a value of member `name` not in `allowed` (`listing`: `allowed` as a message lists it);
    /// `notesForCase` are added when only its case is wrong.
    private static func diagnostic(
        _ value: String, at location: ValueLocation, name: String, allowed: [String], listing: String,
        notes: [String] = [], notesForCase: [String] = []
    ) -> Diagnostic {
        let lowered = value.lowercased()
        let caseMatch = allowed.first { $0.lowercased() == lowered }
        let fix = caseMatch.flatMap { location.replacingContent(with: $0, message: "replace with '\($0)'") }
        return Diagnostic(
            rule: .enumValue, message: "\(quoted(value)) is not a valid \(name); expected " + listing, at: location,
            notes: notes + (caseMatch != nil ? notesForCase : []),
            help: didYouMean(Spelling.nearest(to: value, in: allowed)), fixes: fix.map { [$0] } ?? [])
    }
}
