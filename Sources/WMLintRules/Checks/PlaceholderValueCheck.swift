import WMLintModel
import WMLintSource

/// `placeholder-value`: an id of the request is one of the AWS documentation's example ids (`ServiceFacts`'s
/// placeholder lists): the request was copied from an example and never given the real id.
enum PlaceholderValueCheck: RequestCheck {
    static func run(
        _ request: ValidatedRequest, context: RuleContext, source: borrowing Request,
        reporting diagnostics: inout [Diagnostic]
    ) {
        if let id = request.organizationId, let location = source.location(of: .organizationId),
            let diagnostic = organizationId(id, at: location)
        {
            diagnostics.append(diagnostic)
        }
        if let arn = request.instanceArn, let diagnostic = instanceArn(arn, source: source) {
            diagnostics.append(diagnostic)
        }
        if let arn = request.applicationArn, let diagnostic = applicationArn(arn, source: source) {
            diagnostics.append(diagnostic)
        }
    }

    /// The diagnostic of an `OrganizationId` of any covered operation that is the documentation's example id.
    static func organizationId(_ value: String, at location: ValueLocation) -> Diagnostic? {
        guard ServiceFacts.placeholderOrganizationIds.contains(value) else { return nil }
        return Diagnostic(
            rule: .placeholderValue,
            message: "\(quoted(value)) is the organization id of the AWS documentation's examples",
            at: location,
            help: ["put the id of your WorkMail organization here ('aws workmail list-organizations')"])
    }

    /// The diagnostic of an `InstanceArn` whose instance id is an example id.
    private static func instanceArn(_ arn: ARN, source: borrowing Request) -> Diagnostic? {
        var found: [(what: String, range: Range<Int>)] = []
        if arn.segmentCount >= 2, ServiceFacts.placeholderInstanceIds.contains(arn.text(arn.segments[1])) {
            found.append(("instance id", arn.segments[1]))
        }
        return diagnostic(
            found, in: arn, at: .instanceArn, source: source, name: "InstanceArn",
            command: "'aws sso-admin list-instances'")
    }

    /// The diagnostic of an `ApplicationArn` whose account, instance or application id is an example id, naming
    /// every one that is.
    private static func applicationArn(_ arn: ARN, source: borrowing Request) -> Diagnostic? {
        var found: [(what: String, range: Range<Int>)] = []
        if let account = arn.account, ServiceFacts.placeholderAccountIds.contains(arn.text(account)) {
            found.append(("account id", account))
        }
        if arn.segmentCount >= 2, ServiceFacts.placeholderInstanceIds.contains(arn.text(arn.segments[1])) {
            found.append(("instance id", arn.segments[1]))
        }
        if arn.segmentCount == 3, ServiceFacts.placeholderApplicationIds.contains(arn.text(arn.segments[2])) {
            found.append(("application id", arn.segments[2]))
        }
        return diagnostic(
            found, in: arn, at: .applicationArn, source: source, name: "ApplicationArn",
            command: "'aws workmail create-identity-center-application'")
    }

    /// The diagnostic naming the example ids `found` (byte ranges of the ARN, in order); the range covers them,
    /// from the first to the last. `nil` when none is found.
    private static func diagnostic(
        _ found: [(what: String, range: Range<Int>)], in arn: ARN, at member: RequestMember,
        source request: borrowing Request, name: String, command: String
    ) -> Diagnostic? {
        guard let first = found.first?.range, let last = found.last?.range, let location = request.location(of: member)
        else {
            return nil
        }
        let named = found.map { "\($0.what) \(quoted(arn.text($0.range)))" }
        let listing =
            named.count > 1 ? named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "") : named.joined()
        return Diagnostic(
            rule: .placeholderValue,
            message: "\(name) holds \(listing) from the AWS documentation's examples",
            at: location, range: location.range(ofContent: first.lowerBound..<last.upperBound),
            help: ["put the ARN that \(command) returns here"])
    }
}
