import WMLintModel
import WMLintSource
import WMLintSyntax

/// `region-unsupported`: the resolved region is not a WorkMail region.
enum RegionUnsupportedCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let region = state.context.region, !Regions.isWorkMailRegion(region.value) else { return }
        let place = state.context.place(of: region)
        let near = Spelling.nearest(to: region.value, in: ServiceFacts.workmailRegions)
        state.report(
            Diagnostic(
                rule: .regionUnsupported,
                message: "Amazon WorkMail is not offered in \(quoted(region.value)); expected "
                    + listed(ServiceFacts.workmailRegions),
                path: place.path, range: place.range, notes: place.note.map { [$0] } ?? [],
                help: didYouMean(near)))
    }
}

/// `endpoint-region-mismatch`: `--endpoint-url` names a region other than the resolved one.
enum EndpointRegionMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let endpoint = state.context.endpointRegion, let region = state.context.region,
            region.origin != endpoint.origin, endpoint.value != region.value,
            let path = endpoint.origin.path, let range = endpoint.origin.range
        else { return }
        let place = state.context.place(of: region)
        state.report(
            Diagnostic(
                rule: .endpointRegionMismatch,
                message: "--endpoint-url names \(quoted(endpoint.value)), but the region is \(quoted(region.value)) "
                    + "(from \(region.origin.description))",
                path: path, range: range,
                related: [RelatedLocation(message: "the region is set here", path: place.path, range: place.range)]))
    }
}

/// `account-mismatch`: the account in `ApplicationArn` differs from the expected account.
enum AccountMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let expected = state.context.accountID, let arn = state.arn(.applicationArn),
            let account = arn.account, !arn.text(account, equals: expected.value),
            let location = state.location(of: .applicationArn)
        else { return }
        state.report(
            Diagnostic(
                rule: .accountMismatch,
                message: "ApplicationArn belongs to account \(quoted(arn.text(account))), but the expected account is "
                    + "\(quoted(expected.value)) (from \(expected.origin.description))",
                at: location, range: location.range(ofContent: account),
                notes: ["the Identity Center instance must be in the same AWS account as the WorkMail organization"]))
    }
}

/// `application-instance-mismatch`: the instance id inside `ApplicationArn` is not `InstanceArn`'s.
enum ApplicationInstanceMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        guard let instance = state.arn(.instanceArn), let application = state.arn(.applicationArn),
            instance.segmentCount == 2, application.segmentCount == 3,
            let instanceKey = instance.instanceKey(instance.segments[1]),
            let applicationKey = application.instanceKey(application.segments[1]),
            !instance.text(instanceKey, equals: application, applicationKey),
            let instanceLocation = state.location(of: .instanceArn),
            let applicationLocation = state.location(of: .applicationArn)
        else { return }
        state.report(
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

/// `partition-mismatch`: the two ARNs' partitions differ, or differ from the region's partition. With a supported
/// region, every ARN outside its partition is reported; without one, a disagreement between the two is reported
/// once, on `ApplicationArn`.
enum PartitionMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        let instance = state.arn(.instanceArn)
        let application = state.arn(.applicationArn)
        if againstRegion(&state, instance: instance, application: application) { return }
        if let instance, let application, let instancePartition = instance.partition,
            let applicationPartition = application.partition,
            !instance.text(instancePartition, equals: application, applicationPartition),
            let instanceLocation = state.location(of: .instanceArn),
            let applicationLocation = state.location(of: .applicationArn)
        {
            let applicationText = application.text(applicationPartition)
            let instanceText = instance.text(instancePartition)
            state.report(
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
    }

    /// Reports each ARN outside the region's partition; `false` when there is no supported region to check against
    /// (an unsupported one is `region-unsupported` only).
    private static func againstRegion(_ state: inout CheckState, instance: ARN?, application: ARN?) -> Bool {
        guard instance != nil || application != nil, let region = state.context.region,
            Regions.isWorkMailRegion(region.value), let expected = Regions.partition(of: region.value)
        else { return false }
        for (arn, member) in [(instance, Member.instanceArn), (application, .applicationArn)] {
            guard let arn, let partition = arn.partition, !arn.text(partition, equals: expected),
                let location = state.location(of: member)
            else { continue }
            let place = state.context.place(of: region)
            state.report(
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
