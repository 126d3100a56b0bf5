import WMLintModel
import WMLintSource

/// What `instance-arn-format` and `application-arn-format` share: a value is cut into its fields when it matches
/// its kind's pattern, and otherwise reported at the component at fault. Each rule words its diagnostic.
protocol ArnFormatCheck {
    /// The kind of ARN the rule's member holds.
    static var kind: ArnFormat.Kind { get }
    /// The member of `put-identity-provider-configuration` the rule checks.
    static var member: RequestMember { get }
    /// The rule's diagnostic for `value`, at `location`, failing with `fault`.
    static func diagnostic(_ value: String, fault: ArnFormat.Fault, at location: ValueLocation) -> Diagnostic
}

extension ArnFormatCheck {
    /// The value cut into its fields when it matches the pattern; otherwise reports it and returns `nil`.
    static func validate(_ value: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic]) -> ARN?
    {
        if ArnFormat.matches(value, kind: kind) { return ARN(value) }
        if let location = source.location(of: member) {
            diagnostics.append(diagnostic(value, fault: ArnFormat.firstFault(value, kind: kind), at: location))
        }
        return nil
    }

    /// The diagnostic of the member's value in any covered operation, or `nil` when it is valid.
    static func diagnostic(_ value: String, at location: ValueLocation) -> Diagnostic? {
        guard !ArnFormat.matches(value, kind: kind) else { return nil }
        return diagnostic(value, fault: ArnFormat.firstFault(value, kind: kind), at: location)
    }
}

extension ArnFormat.Fault {
    /// Why a value is not an ARN of `kind`, for the faults whose wording both kinds share; `nil` for the account,
    /// the resource type and the resource's segments, which each rule words.
    func sharedReason(kind: ArnFormat.Kind) -> String? {
        switch self {
        case .surroundingWhitespace(let endsWithNewline):
            endsWithNewline
                ? "it ends with a newline (a file read with file:// keeps its trailing newline)"
                : "it has leading or trailing whitespace"
        case .length(let length):
            "it is \(length) characters long; expected \(kind.length.lowerBound) to \(kind.length.upperBound)"
        case .pattern: "it does not match the pattern of the service model"
        case .innerWhitespace: "it holds whitespace"
        case .fieldCount: "expected six ':'-separated fields, 'arn:PARTITION:sso:REGION:ACCOUNT:RESOURCE'"
        case .prefix: "it must start with 'arn:'"
        case .partition(_, let found):
            "unknown partition \(quoted(found)); expected \(listed(ServiceFacts.partitions))"
                + (Spelling.nearest(to: found, in: ServiceFacts.partitions).map { " — did you mean '\($0)'?" } ?? "")
        case .service(_, let found): "the service must be 'sso' (IAM Identity Center), found \(quoted(found))"
        case .region(_, let found): "IAM Identity Center ARNs have an empty region field, found \(quoted(found))"
        case .instanceID(_, let found):
            "the instance id must be 'ssoins-' or 'ins-' and 16 letters, digits, '-' or '.', found \(quoted(found))"
        case .applicationID(_, let found):
            "the application id must be 'apl-' and 16 letters or digits, found \(quoted(found))"
        case .account, .resourceType, .resourceSegments: nil
        }
    }
}
