import WMLintModel
import WMLintSource

/// `instance-arn-format`: `InstanceArn` does not match its pattern; the range covers the component at fault.
enum InstanceArnFormatCheck: ArnFormatCheck {
    static let kind = ArnFormat.Kind.instance
    static let member = RequestMember.instanceArn

    static func diagnostic(_ value: String, fault: ArnFormat.Fault, at location: ValueLocation) -> Diagnostic {
        Diagnostic(
            rule: .instanceArnFormat, message: "\(quoted(value)) is not a valid InstanceArn: \(reason(fault))",
            at: location,
            range: fault.range.map { location.range(ofContent: $0) },
            help: ["InstanceArn looks like 'arn:aws:sso:::instance/ssoins-1234567890abcdef'"])
    }
}

/// Why the value is not an instance ARN.
private func reason(_ fault: ArnFormat.Fault) -> String {
    switch fault {
    case .account(_, let found): "an instance ARN has an empty account field, found \(quoted(found))"
    case .resourceType(_, let found): "the resource type must be 'instance', found \(quoted(found))"
    case .resourceSegments: "the resource must be 'instance/ssoins-…' (16 characters after 'ins-')"
    default: fault.sharedReason(kind: .instance) ?? ""
    }
}
