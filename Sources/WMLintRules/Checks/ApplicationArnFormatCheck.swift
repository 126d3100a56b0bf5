import WMLintModel
import WMLintSource

/// `application-arn-format`: `ApplicationArn` does not match its pattern; the range covers the component at fault.
enum ApplicationArnFormatCheck {
    /// The value cut into its fields when it matches the pattern; otherwise reports it and returns `nil`.
    static func validate(_ value: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic]) -> ARN?
    {
        if ArnFormat.matches(value, kind: .application) { return ARN(value) }
        if let location = source.location(of: .applicationArn) {
            diagnostics.append(diagnostic(value, fault: ArnFormat.firstFault(value, kind: .application), at: location))
        }
        return nil
    }

    /// The diagnostic of an `ApplicationArn` value in any covered operation, or `nil` when it is valid.
    static func diagnostic(_ value: String, at location: ValueLocation) -> Diagnostic? {
        guard !ArnFormat.matches(value, kind: .application) else { return nil }
        return diagnostic(value, fault: ArnFormat.firstFault(value, kind: .application), at: location)
    }

    private static func diagnostic(_ value: String, fault: ArnFormat.Fault, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .applicationArnFormat, message: "\(quoted(value)) is not a valid ApplicationArn: \(reason(fault))",
            at: location,
            range: fault.range.map { location.range(ofContent: $0) },
            help: [
                "ApplicationArn looks like 'arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef'"
            ])
    }
}

/// Why the value is not an application ARN.
private func reason(_ fault: ArnFormat.Fault) -> String {
    switch fault {
    case .surroundingWhitespace(let endsWithNewline):
        endsWithNewline
            ? "it ends with a newline (a file read with file:// keeps its trailing newline)"
            : "it has leading or trailing whitespace"
    case .length(let length):
        "it is \(length) characters long; expected \(ArnFormat.Kind.application.length.lowerBound) to "
            + "\(ArnFormat.Kind.application.length.upperBound)"
    case .pattern: "it does not match the pattern of the service model"
    case .innerWhitespace: "it holds whitespace"
    case .fieldCount: "expected six ':'-separated fields, 'arn:PARTITION:sso:REGION:ACCOUNT:RESOURCE'"
    case .prefix: "it must start with 'arn:'"
    case .partition(_, let found):
        "unknown partition \(quoted(found)); expected \(listed(ServiceFacts.partitions))"
            + (Spelling.nearest(to: found, in: ServiceFacts.partitions).map { " — did you mean '\($0)'?" } ?? "")
    case .service(_, let found): "the service must be 'sso' (IAM Identity Center), found \(quoted(found))"
    case .region(_, let found): "IAM Identity Center ARNs have an empty region field, found \(quoted(found))"
    case .account(_, let found): "the account must be 12 digits, found \(quoted(found))"
    case .resourceType(_, let found): "the resource type must be 'application', found \(quoted(found))"
    case .resourceSegments: "the resource must be 'application/ssoins-…/apl-…'"
    case .instanceID(_, let found):
        "the instance id must be 'ssoins-' or 'ins-' and 16 letters, digits, '-' or '.', found \(quoted(found))"
    case .applicationID(_, let found):
        "the application id must be 'apl-' and 16 letters or digits, found \(quoted(found))"
    }
}
