import WMLintModel
public import WMLintSource

/// Options that choose rules and give them context, as plain values.
public struct RuleSettings: Equatable, Sendable {
    public var region: String?
    public var accountID: String?
    public var enable: [String] = []
    public var disable: [String] = []
    public var severity: [String] = []
    public var config: String?
    public var noConfig = false

    public init(
        region: String? = nil, accountID: String? = nil, enable: [String] = [], disable: [String] = [],
        severity: [String] = [], config: String? = nil, noConfig: Bool = false
    ) {
        self.region = region
        self.accountID = accountID
        self.enable = enable
        self.disable = disable
        self.severity = severity
        self.config = config
        self.noConfig = noConfig
    }

    /// The command line's settings, merged over each input's configuration; throws a usage error for an unknown
    /// rule or severity.
    func overrides() throws(WMLintError) -> ConfigurationOverrides {
        var rules: [RuleOverride] = []
        for name in enable {
            rules.append(RuleOverride(rule: try RuleID(named: name), setting: .enabled))
        }
        for name in disable {
            rules.append(RuleOverride(rule: try RuleID(named: name), setting: .disabled))
        }
        for item in severity {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw .usage("--severity expects RULE=error|warning|info|off, found '\(item)'")
            }
            let rule = try RuleID(named: parts[0])
            if parts[1] == "off" {
                rules.append(RuleOverride(rule: rule, setting: .disabled))
                continue
            }
            guard let level = Severity(rawValue: parts[1]) else {
                let names = ["error", "warning", "info", "off"]
                let near = Spelling.nearest(to: parts[1], in: names)
                throw .usage(
                    "'\(parts[1])' is not a severity; expected error, warning, info or off"
                        + (near.map { "; did you mean '\($0)'?" } ?? ""))
            }
            rules.append(RuleOverride(rule: rule, setting: .severity(level)))
        }
        return ConfigurationOverrides(region: region, accountID: accountID, rules: rules)
    }

    /// Where configuration comes from.
    func configurationMode() throws(WMLintError) -> ConfigurationCache.Mode {
        if noConfig && config != nil { throw .usage("--config and --no-config cannot be combined") }
        if noConfig { return .none }
        return config.map { .file($0) } ?? .discover
    }

    /// Throws a usage error for an unknown rule or severity, or options that cannot go together.
    func validate() throws(WMLintError) {
        _ = try overrides()
        _ = try configurationMode()
    }

    /// Applies the rule and configuration options to `options`.
    func apply(to options: inout LintOptions) throws(WMLintError) {
        options.overrides = try overrides()
        options.configuration = try configurationMode()
    }
}

extension RuleID {
    /// The rule named `name`; a usage error suggesting the nearest id when there is none.
    public init(named name: String) throws(WMLintError) {
        if let rule = RuleID(rawValue: name) {
            self = rule
            return
        }
        let near = Spelling.nearest(to: name, in: RuleID.allCases.map(\.rawValue))
        throw .usage("unknown rule '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
    }
}
