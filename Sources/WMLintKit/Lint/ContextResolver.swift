import WMLintModel
public import WMLintRules
import WMLintSource
import WMLintSyntax

/// Resolves the region and account a request runs with: first found of the command's `--region`,
/// `AWS_REGION`/`AWS_DEFAULT_REGION` (on the command, or exported to it by the script; `AWS_REGION` wins), the
/// region in `--endpoint-url`, wmlint's `--region`, the configuration's `region`. The environment of wmlint
/// itself is never read.
struct ContextResolver {
    /// The variables that set the region, the first one winning (as in the AWS CLI v2).
    static let regionVariables = ["AWS_REGION", "AWS_DEFAULT_REGION"]

    /// Context given to wmlint itself (`--region`, `--account-id`, configuration), with where it came from.
    var settings: ContextSettings

    /// The context of a document linted on its own.
    func context(anchorPath: String, anchorRange: SourceRange) -> RuleContext {
        RuleContext(
            region: settings.region, accountID: settings.accountID, policy: settings.policy, anchorPath: anchorPath,
            anchorRange: anchorRange)
    }

    /// The context of an invocation in a script that exports `environment` to it (the values the script shows).
    func context(of invocation: Invocation, environment: [ShellAssignment]) -> RuleContext {
        var context = context(anchorPath: invocation.path, anchorRange: invocation.operationRange)
        let endpoint = invocation.last(CommandOptions.endpointURL)?.value.flatMap {
            endpointRegion($0, path: invocation.path)
        }
        context.endpointRegion = endpoint
        if let option = invocation.last(CommandOptions.region) {
            // A name the CLI refuses is reported as the option's value; it gives no region to check.
            context.region = option.value.flatMap { staticValue($0, origin: "--region", path: invocation.path) }
                .flatMap { CommandOptions.isRegionName($0.value) ? $0 : nil }
            return context
        }
        // The environment the command runs with: its own assignments, else what the script exports to it.
        for name in Self.regionVariables {
            let assignment =
                invocation.command.assignments.last { $0.name == name }
                ?? environment.last { $0.name == name }
            guard let assignment else { continue }
            context.region = staticValue(assignment.value, origin: name, path: invocation.path)
            return context
        }
        if let endpoint {
            context.region = endpoint
        }
        return context
    }

    /// A word's value as context, `nil` when it is only known at run time.
    private func staticValue(_ word: ShellWord, origin: String, path: String) -> ContextValue? {
        guard word.isStatic else { return nil }
        let range = word.fileRange(0..<word.text.utf8.count)
        return ContextValue(value: word.text, origin: ContextOrigin(description: origin, path: path, range: range))
    }

    /// The region in `https://workmail.REGION.amazonaws.com…`, located in the word.
    private func endpointRegion(_ word: ShellWord, path: String) -> ContextValue? {
        guard word.isStatic else { return nil }
        let bytes = Array(word.text.utf8)
        guard let scheme = word.text.firstRange(of: "://") else { return nil }
        var index = word.text.utf8.distance(from: word.text.utf8.startIndex, to: scheme.upperBound)
        var labels: [(text: String, range: Range<Int>)] = []
        var start = index
        while index <= bytes.count {
            let atEnd = index == bytes.count || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ":")
            if atEnd || bytes[index] == UInt8(ascii: ".") {
                labels.append((String(decoding: bytes[start..<index], as: UTF8.self), start..<index))
                start = index + 1
            }
            if atEnd { break }
            index += 1
        }
        guard labels.count >= 4, labels[0].text.hasPrefix("workmail"), labels[2].text == "amazonaws" else { return nil }
        return ContextValue(
            value: labels[1].text,
            origin: ContextOrigin(description: "--endpoint-url", path: path, range: word.fileRange(labels[1].range)))
    }
}

/// Context and policy given to wmlint itself, for every file of a run.
public struct ContextSettings: Sendable {
    public var region: ContextValue?
    public var accountID: ContextValue?
    public var policy: Policy

    public init(region: ContextValue? = nil, accountID: ContextValue? = nil, policy: Policy = Policy()) {
        self.region = region
        self.accountID = accountID
        self.policy = policy
    }
}
