public import WMLintModel
public import WMLintSource

/// The rules over the findings of binding the request of `put-identity-provider-configuration`: each finding
/// becomes its rule's diagnostic (`missing-required`, `unknown-key`, `type-mismatch`, `unresolved-value`).
public enum RequestBindingCheck {
    /// The diagnostics of `findings`, in their order.
    public static func diagnostics(for findings: [BindingFinding]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        append(findings, to: &diagnostics)
        return diagnostics
    }

    /// Appends the diagnostics of `findings`, in their order, to `diagnostics` (no second array of them: a
    /// document with many unknown keys has as many diagnostics).
    public static func append(_ findings: [BindingFinding], to diagnostics: inout [Diagnostic]) {
        guard !findings.isEmpty else { return }
        diagnostics.reserveCapacity(diagnostics.count + findings.count)
        var unknownKeys = UnknownKeyCheck()
        for finding in findings {
            diagnostics.append(diagnostic(for: finding, unknownKeys: &unknownKeys))
        }
    }

    /// The diagnostic of one finding.
    public static func diagnostic(for finding: BindingFinding) -> Diagnostic {
        var unknownKeys = UnknownKeyCheck()
        return diagnostic(for: finding, unknownKeys: &unknownKeys)
    }

    private static func diagnostic(for finding: BindingFinding, unknownKeys: inout UnknownKeyCheck) -> Diagnostic {
        switch finding {
        case .missingRequired(let member, let structure, let location):
            MissingRequiredCheck.diagnostic(member: member, structure: structure, at: location)
        case .unknownKey(let key, let known, let suggestion, let rename, let location):
            unknownKeys.diagnostic(key: key, known: known, suggestion: suggestion, rename: rename, at: location)
        case .typeMismatch(let member, let expected, let found, let syntax, let location):
            TypeMismatchCheck.diagnostic(member: member, expected: expected, found: found, syntax: syntax, at: location)
        case .notAnInteger(let member, let text, let location):
            TypeMismatchCheck.diagnostic(notAnInteger: text, member: member, at: location)
        case .documentNotMapping(let found, let location):
            TypeMismatchCheck.diagnostic(documentNotMapping: found, at: location)
        case .unresolvedValue(let member, let location):
            UnresolvedValueCheck.diagnostic(member: member, at: location)
        }
    }
}
