import WMLintModel
import WMLintSource

/// `partition-mismatch`: the two ARNs' partitions differ, or differ from the region's partition. With a supported
/// region, every ARN outside its partition is reported; without one, a disagreement between the two is reported
/// once, on `ApplicationArn`.
enum PartitionMismatchCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        let instance = request.instanceArn
        let application = request.applicationArn
        if againstRegion(
            context, instance: instance, application: application, source: source, reporting: &diagnostics)
        {
            return
        }
        guard let instance, let application, let instancePartition = instance.partition,
            let applicationPartition = application.partition,
            !instance.text(instancePartition, equals: application, applicationPartition),
            let instanceLocation = source.location(of: .instanceArn),
            let applicationLocation = source.location(of: .applicationArn)
        else { return }
        let applicationText = application.text(applicationPartition)
        let instanceText = instance.text(instancePartition)
        diagnostics.append(
            Diagnostic(
                rule: .partitionMismatch,
                message: "ApplicationArn is in partition \(quoted(applicationText)), InstanceArn in "
                    + "\(quoted(instanceText)); both must be in the same partition",
                at: applicationLocation, range: applicationLocation.range(ofContent: applicationPartition),
                related: [
                    RelatedLocation(
                        message: "InstanceArn's partition", path: instanceLocation.path,
                        range: instanceLocation.range(ofContent: instancePartition))
                ]))
    }

    /// Reports each ARN outside the region's partition; `false` when there is no supported region to check against
    /// (an unsupported one is `region-unsupported` only).
    private static func againstRegion(
        _ context: RuleContext, instance: ARN?, application: ARN?, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) -> Bool {
        guard instance != nil || application != nil, let region = context.region,
            Regions.isWorkMailRegion(region.value), let expected = Regions.partition(of: region.value)
        else { return false }
        for (arn, member) in [(instance, RequestMember.instanceArn), (application, .applicationArn)] {
            guard let arn, let partition = arn.partition, !arn.text(partition, equals: expected),
                let location = source.location(of: member)
            else { continue }
            let place = context.place(of: region)
            diagnostics.append(
                Diagnostic(
                    rule: .partitionMismatch,
                    message: "\(location.pointer.split(separator: "/").last.map(String.init) ?? "the ARN") is in "
                        + "partition \(quoted(arn.text(partition))), but region \(quoted(region.value)) is in "
                        + "\(quoted(expected))",
                    at: location, range: location.range(ofContent: partition),
                    related: [RelatedLocation(message: "the region is set here", path: place.path, range: place.range)])
            )
        }
        return true
    }
}
