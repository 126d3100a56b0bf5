import WMLintModel
import WMLintSource
import WMLintSyntax

/// `arns-swapped`: each ARN field holds the other kind of ARN. One diagnostic, on `InstanceArn`.
enum ArnsSwappedCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let instanceValue = state.value(.instanceArn), let applicationValue = state.value(.applicationArn),
            Patterns.isApplicationArn(instanceValue), Patterns.isInstanceArn(applicationValue),
            let instance = state.location(of: .instanceArn), let application = state.location(of: .applicationArn)
        else { return }
        var fixes: [Fix] = []
        if instance.contentMap != nil && application.contentMap != nil {
            fixes.append(
                Fix(
                    message: "swap the two ARNs",
                    edits: [
                        TextEdit(
                            path: instance.path, range: instance.contentRange,
                            replacement: applicationValue),
                        TextEdit(
                            path: application.path, range: application.contentRange,
                            replacement: instanceValue),
                    ]))
        }
        state.report(
            Diagnostic(
                rule: .arnsSwapped,
                message: "InstanceArn holds an application ARN and ApplicationArn an instance ARN; swap them",
                at: instance,
                related: [
                    RelatedLocation(
                        message: "ApplicationArn holds the instance ARN", path: application.path,
                        range: application.contentRange)
                ],
                fixes: fixes))
        state.markFaulty(.instanceArn)
        state.markFaulty(.applicationArn)
    }
}
