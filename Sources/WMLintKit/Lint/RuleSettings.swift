public import WMLintSource

/// How a rule is set by the configuration or the command line: off, or on with a severity.
public enum RuleSetting: Hashable, Sendable {
    case off
    case severity(Severity)
}

/// Rule settings applied to diagnostics: severities changed, rules switched off.
public struct RuleSettings: Hashable, Sendable {
    public var settings: [RuleID: RuleSetting]

    public init(_ settings: [RuleID: RuleSetting] = [:]) {
        self.settings = settings
    }

    /// `other`'s settings over these.
    public func merging(_ other: RuleSettings) -> RuleSettings {
        RuleSettings(settings.merging(other.settings) { _, new in new })
    }

    /// The diagnostics with severities applied and switched-off rules removed.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !settings.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            switch settings[diagnostic.rule] {
            case nil: return diagnostic
            case .off: return nil
            case .severity(let severity):
                var changed = diagnostic
                changed.severity = severity
                return changed
            }
        }
    }
}
