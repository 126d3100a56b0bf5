import WMLintModel
import WMLintSource

/// `application-instance-mismatch`: the instance id inside `ApplicationArn` is not `InstanceArn`'s.
enum ApplicationInstanceMismatchCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard let instance = request.instanceArn, let application = request.applicationArn,
            instance.segmentCount == 2, application.segmentCount == 3,
            let instanceKey = instance.instanceKey(instance.segments[1]),
            let applicationKey = application.instanceKey(application.segments[1]),
            !instance.text(instanceKey, equals: application, applicationKey),
            let instanceLocation = source.location(of: .instanceArn),
            let applicationLocation = source.location(of: .applicationArn)
        else { return }
        diagnostics.append(
            Diagnostic(
                rule: .applicationInstanceMismatch,
                message: "ApplicationArn belongs to instance \(quoted(application.text(application.segments[1]))), "
                    + "but InstanceArn is \(quoted(instance.text(instance.segments[1])))",
                at: applicationLocation, range: applicationLocation.range(ofContent: application.segments[1]),
                related: [
                    RelatedLocation(
                        message: "InstanceArn names this instance", path: instanceLocation.path,
                        range: instanceLocation.range(ofContent: instance.segments[1]))
                ]))
    }
}

/// `application-instance-mismatch`, across commands: the application that `put-identity-provider-configuration`
/// is given was created in the script (`aws workmail create-identity-center-application`) for another instance
/// than its `InstanceArn`. Instances compare by their ids (the 16 characters after `ins-`) when both are written
/// in the script, and are the same when both are the output of one command substitution; any other pair is not
/// known and not reported.
enum CreatedApplicationInstanceCheck {
    static func diagnostics(_ calls: ScriptCalls) -> [Diagnostic] {
        calls.pairings.compactMap { pairing in
            guard let instance = pairing.instance, case .output(let substitution) = pairing.application.source,
                let origin = calls.outputs[substitution], case .workMailApplication(let created?) = origin.output,
                differ(created.source, instance.source)
            else { return nil }
            return Diagnostic(
                rule: .applicationInstanceMismatch,
                message: "ApplicationArn is the application created for another instance than InstanceArn: "
                    + "\(origin.call) was given \(describe(created.source)), InstanceArn is "
                    + describe(instance.source),
                path: pairing.application.path, range: pairing.application.range,
                related: [
                    RelatedLocation(
                        message: "the application is created for this instance", path: created.path,
                        range: created.range),
                    RelatedLocation(message: "InstanceArn is given here", path: instance.path, range: instance.range),
                ])
        }
    }

    /// Whether two instance ARNs are known to name different instances.
    private static func differ(_ a: ValueSource, _ b: ValueSource) -> Bool {
        guard case .text(let first) = a, case .text(let second) = b else { return false }
        return instanceID(first) != instanceID(second)
    }

    /// The instance id of an instance ARN (the 16 characters after `ins-`), or the whole text.
    private static func instanceID(_ arn: String) -> Substring {
        guard let range = arn.ranges(of: "ins-").last else { return Substring(arn) }
        return arn[range.upperBound...].prefix(16)
    }

    private static func describe(_ source: ValueSource) -> String {
        switch source {
        case .text(let text): quoted(text)
        case .output: "another command's output"
        }
    }
}
