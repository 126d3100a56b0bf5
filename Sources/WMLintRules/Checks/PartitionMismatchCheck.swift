import WMLintModel
import WMLintSource

/// `partition-mismatch`: the two ARNs' partitions differ, or differ from the region's partition. With a supported
/// region, every ARN outside its partition is reported; without one, a disagreement between the two is reported
/// once, on `ApplicationArn`.
enum PartitionMismatchCheck: RequestCheck {
    static func run(_ request: ValidatedRequest, context: RuleContext, reporting diagnostics: inout [Diagnostic]) {
        let instance = request.instanceArn
        let application = request.applicationArn
        if againstRegion(context, instance: instance, application: application, reporting: &diagnostics) { return }
        guard let instance, let application, let instancePartition = instance.value.partition,
            let applicationPartition = application.value.partition,
            !instance.value.text(instancePartition, equals: application.value, applicationPartition)
        else { return }
        let applicationText = application.value.text(applicationPartition)
        let instanceText = instance.value.text(instancePartition)
        diagnostics.append(
            Diagnostic(
                rule: .partitionMismatch,
                message: "ApplicationArn is in partition \(quoted(applicationText)), InstanceArn in "
                    + "\(quoted(instanceText)); both must be in the same partition",
                at: application.location, range: application.location.range(ofContent: applicationPartition),
                related: [
                    RelatedLocation(
                        message: "InstanceArn's partition", path: instance.location.path,
                        range: instance.location.range(ofContent: instancePartition))
                ]))
    }

    /// Reports each ARN outside the region's partition; `false` when there is no supported region to check against
    /// (an unsupported one is `region-unsupported` only).
    private static func againstRegion(
        _ context: RuleContext, instance: Located<ARN>?, application: Located<ARN>?,
        reporting diagnostics: inout [Diagnostic]
    ) -> Bool {
        guard instance != nil || application != nil, let region = context.region,
            Regions.isWorkMailRegion(region.value), let expected = Regions.partition(of: region.value)
        else { return false }
        for arn in [instance, application] {
            guard let arn, let partition = arn.value.partition, !arn.value.text(partition, equals: expected) else {
                continue
            }
            let location = arn.location
            let place = context.place(of: region)
            diagnostics.append(
                Diagnostic(
                    rule: .partitionMismatch,
                    message: "\(location.pointer.split(separator: "/").last.map(String.init) ?? "the ARN") is in "
                        + "partition \(quoted(arn.value.text(partition))), but region \(quoted(region.value)) is in "
                        + "\(quoted(expected))",
                    at: location, range: location.range(ofContent: partition),
                    related: [RelatedLocation(message: "the region is set here", path: place.path, range: place.range)])
            )
        }
        return true
    }
}
