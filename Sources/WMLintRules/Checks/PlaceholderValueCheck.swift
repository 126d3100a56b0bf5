import WMLintModel
import WMLintSource
import WMLintSyntax

/// `placeholder-value`: an id of the request is one of the AWS documentation's example ids (`ServiceFacts`'s
/// placeholder lists): the request was copied from an example and never given the real id.
enum PlaceholderValueCheck: Check {
    static func run(_ state: inout CheckState) {
        if let value = state.valid(.organizationId), ServiceFacts.placeholderOrganizationIds.contains(value),
            let location = state.location(of: .organizationId), let diagnostic = organizationId(value, at: location)
        {
            state.report(diagnostic)
        }
        check(.instanceArn, name: "InstanceArn", &state)
        check(.applicationArn, name: "ApplicationArn", &state)
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

    /// Reports the ARN member when one of its ids is an example id, naming every one that is; the range covers
    /// them, from the first to the last.
    private static func check(_ member: Member, name: String, _ state: inout CheckState) {
        guard let arn = state.arn(member) else { return }
        var found: [(what: String, range: Range<Int>)] = []
        if member == .applicationArn, let account = arn.account,
            ServiceFacts.placeholderAccountIds.contains(arn.text(account))
        {
            found.append(("account id", account))
        }
        if arn.segmentCount >= 2, ServiceFacts.placeholderInstanceIds.contains(arn.text(arn.segments[1])) {
            found.append(("instance id", arn.segments[1]))
        }
        if member == .applicationArn, arn.segmentCount == 3,
            ServiceFacts.placeholderApplicationIds.contains(arn.text(arn.segments[2]))
        {
            found.append(("application id", arn.segments[2]))
        }
        guard let first = found.first?.range, let last = found.last?.range, let location = state.location(of: member)
        else {
            return
        }
        let named = found.map { "\($0.what) \(quoted(arn.text($0.range)))" }
        let listing =
            named.count > 1 ? named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "") : named.joined()
        let source =
            member == .instanceArn
            ? "'aws sso-admin list-instances'" : "'aws workmail create-identity-center-application'"
        state.report(
            Diagnostic(
                rule: .placeholderValue,
                message: "\(name) holds \(listing) from the AWS documentation's examples",
                at: location, range: location.range(ofContent: first.lowerBound..<last.upperBound),
                help: ["put the ARN that \(source) returns here"]))
    }
}
