import WMLintModel
import WMLintSource

/// `arns-swapped`: each ARN field holds the other kind of ARN. One diagnostic, on `InstanceArn`.
enum ArnsSwappedCheck {
    /// The two ARN values, or neither when they are swapped (then reported, and neither is checked again).
    static func validate(
        instance: Located<String>?, application: Located<String>?, reporting diagnostics: inout [Diagnostic]
    ) -> (instance: Located<String>?, application: Located<String>?) {
        guard let instance, let application, Patterns.isApplicationArn(instance.value),
            Patterns.isInstanceArn(application.value)
        else { return (instance, application) }
        diagnostics.append(diagnostic(instance: instance, application: application))
        return (nil, nil)
    }

    private static func diagnostic(instance: Located<String>, application: Located<String>) -> Diagnostic {
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
