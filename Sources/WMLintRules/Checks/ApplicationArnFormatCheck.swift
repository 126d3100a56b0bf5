import WMLintModel
import WMLintSource

/// `application-arn-format`: `ApplicationArn` does not match its pattern; the range covers the component at fault.
enum ApplicationArnFormatCheck: ArnFormatCheck {
    static let kind = ArnFormat.Kind.application
    static let member = RequestMember.applicationArn

    static func diagnostic(_ value: String, fault: ArnFormat.Fault, at location: ValueLocation) -> Diagnostic {
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
    case .account(_, let found): "the account must be 12 digits, found \(quoted(found))"
    case .resourceType(_, let found): "the resource type must be 'application', found \(quoted(found))"
    case .resourceSegments: "the resource must be 'application/ssoins-…/apl-…'"
    default: fault.sharedReason(kind: .application) ?? ""
    }
}
