import WMLintModel
import WMLintSource

/// `arns-swapped`: each ARN field holds the other kind of ARN. One diagnostic, on `InstanceArn`.
enum ArnsSwappedCheck {
    /// Reports the two ARN values when they are swapped, and then clears both (neither is checked again).
    static func validate(
        instance: inout String?, application: inout String?, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        guard let instanceValue = instance, let applicationValue = application,
            Patterns.isApplicationArn(instanceValue), Patterns.isInstanceArn(applicationValue),
            let instanceLocation = source.location(of: .instanceArn),
            let applicationLocation = source.location(of: .applicationArn)
        else { return }
        diagnostics.append(
            diagnostic(
                instance: Located(value: instanceValue, location: instanceLocation),
                application: Located(value: applicationValue, location: applicationLocation)))
        instance = nil
        application = nil
    }

    private static func diagnostic(instance: Located, application: Located) -> Diagnostic {
        var fixes: [Fix] = []
        if instance.location.contentMap != nil && application.location.contentMap != nil {
            fixes.append(
                Fix(
                    message: "swap the two ARNs",
                    edits: [
                        TextEdit(
                            path: instance.location.path, range: instance.location.contentRange,
                            replacement: application.value),
                        TextEdit(
                            path: application.location.path, range: application.location.contentRange,
                            replacement: instance.value),
                    ]))
        }
        return Diagnostic(
            rule: .arnsSwapped,
            message: "InstanceArn holds an application ARN and ApplicationArn an instance ARN; swap them",
            at: instance.location,
            related: [
                RelatedLocation(
                    message: "ApplicationArn holds the instance ARN", path: application.location.path,
                    range: application.location.contentRange)
            ],
            fixes: fixes)
    }
}

/// An ARN value and where it is written.
private struct Located {
    var value: String
    var location: ValueLocation
}
