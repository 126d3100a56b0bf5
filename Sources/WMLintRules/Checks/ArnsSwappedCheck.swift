import WMLintModel
import WMLintSource
import WMLintSyntax

/// `arns-swapped`: each ARN field holds the other kind of ARN. One diagnostic, on `InstanceArn`.
enum ArnsSwappedCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let instance = state.instanceArn, let instanceValue = instance.value,
            let application = state.applicationArn, let applicationValue = application.value,
            Patterns.isApplicationArn(instanceValue),
            Patterns.isInstanceArn(applicationValue)
        else { return }
        var fixes: [Fix] = []
        if instance.location.contentMap != nil && application.location.contentMap != nil {
            fixes.append(
                Fix(
                    message: "swap the two ARNs",
                    edits: [
                        TextEdit(
                            path: instance.location.path, range: instance.location.contentRange,
                            replacement: applicationValue),
                        TextEdit(
                            path: application.location.path, range: application.location.contentRange,
                            replacement: instanceValue),
                    ]))
        }
        state.report(
            Diagnostic(
                rule: .arnsSwapped,
                message: "InstanceArn holds an application ARN and ApplicationArn an instance ARN; swap them",
                at: instance.location,
                related: [
                    RelatedLocation(
                        message: "ApplicationArn holds the instance ARN", path: application.location.path,
                        range: application.location.contentRange)
                ],
                fixes: fixes))
        state.markFaulty(.instanceArn)
        state.markFaulty(.applicationArn)
    }
}
