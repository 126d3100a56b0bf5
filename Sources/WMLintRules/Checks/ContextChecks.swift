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
                    + listed(ServiceFacts.workmailRegions) + (near.map { " — did you mean '\($0)'?" } ?? ""),
                path: place.path, range: place.range, notes: place.note.map { [$0] } ?? []))
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
        guard let expected = state.context.accountID,
            let (arn, location) = state.valid(state.request.identityCenterConfiguration?.value?.applicationArn),
            let account = state.arn(arn).account, account.text != expected.value
        else { return }
        state.report(
            Diagnostic(
                rule: .accountMismatch,
                message: "ApplicationArn belongs to account \(quoted(account.text)), but the expected account is "
                    + "\(quoted(expected.value)) (from \(expected.origin.description))",
                at: location, range: location.range(ofContent: account.range),
                notes: ["the Identity Center instance must be in the same AWS account as the WorkMail organization"]))
    }
}

/// `application-instance-mismatch`: the instance id inside `ApplicationArn` is not `InstanceArn`'s.
enum ApplicationInstanceMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        let configuration = state.request.identityCenterConfiguration?.value
        guard let (instanceArn, instanceLocation) = state.valid(configuration?.instanceArn),
            let (applicationArn, applicationLocation) = state.valid(configuration?.applicationArn)
        else { return }
        let instance = state.arn(instanceArn).resource
        let application = state.arn(applicationArn).resource
        guard instance.count == 2, application.count == 3,
            let instanceKey = ARN.instanceKey(instance[1].text),
            let applicationKey = ARN.instanceKey(application[1].text),
            instanceKey != applicationKey
        else { return }
        state.report(
            Diagnostic(
                rule: .applicationInstanceMismatch,
                message: "ApplicationArn belongs to instance \(quoted(application[1].text)), but InstanceArn is "
                    + "\(quoted(instance[1].text))",
                at: applicationLocation, range: applicationLocation.range(ofContent: application[1].range),
                related: [
                    RelatedLocation(
                        message: "InstanceArn names this instance", path: instanceLocation.path,
                        range: instanceLocation.range(ofContent: instance[1].range))
                ]))
    }
}

/// `partition-mismatch`: the two ARNs' partitions differ, or differ from the region's partition.
enum PartitionMismatchCheck: Check {
    static func run(_ state: inout CheckState) {
        let configuration = state.request.identityCenterConfiguration?.value
        let instance = state.valid(configuration?.instanceArn)
        let application = state.valid(configuration?.applicationArn)
        if let (instanceArn, instanceLocation) = instance, let (applicationArn, applicationLocation) = application,
            let instancePartition = state.arn(instanceArn).partition,
            let applicationPartition = state.arn(applicationArn).partition,
            instancePartition.text != applicationPartition.text
        {
            state.report(
                Diagnostic(
                    rule: .partitionMismatch,
                    message: "ApplicationArn is in partition \(quoted(applicationPartition.text)), InstanceArn in "
                        + "\(quoted(instancePartition.text)); both must be in the same partition",
                    at: applicationLocation, range: applicationLocation.range(ofContent: applicationPartition.range),
                    related: [
                        RelatedLocation(
                            message: "InstanceArn's partition", path: instanceLocation.path,
                            range: instanceLocation.range(ofContent: instancePartition.range))
                    ]))
            return
        }
        // Against the region: only a supported region (an unsupported one is region-unsupported only).
        guard let region = state.context.region, Regions.isWorkMailRegion(region.value),
            let expected = Regions.partition(of: region.value)
        else { return }
        for (arn, location) in [instance, application].compactMap({ $0 }) {
            guard let partition = state.arn(arn).partition, partition.text != expected else { continue }
            let place = state.context.place(of: region)
            state.report(
                Diagnostic(
                    rule: .partitionMismatch,
                    message: "\(location.pointer.split(separator: "/").last.map(String.init) ?? "the ARN") is in "
                        + "partition \(quoted(partition.text)), but region \(quoted(region.value)) is in "
                        + "\(quoted(expected))",
                    at: location, range: location.range(ofContent: partition.range),
                    related: [RelatedLocation(message: "the region is set here", path: place.path, range: place.range)])
            )
            return
        }
    }
}
