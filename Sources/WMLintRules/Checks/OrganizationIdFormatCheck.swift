import WMLintModel
import WMLintSource

/// `organization-id-format`: `OrganizationId` does not match `^m-[0-9a-f]{32}$`; says why.
enum OrganizationIdFormatCheck {
    /// `id` when it is well-formed; otherwise reports it and returns `nil`.
    static func validate(_ id: String, source: borrowing Request, reporting diagnostics: inout [Diagnostic]) -> String?
    {
        guard !Patterns.isOrganizationId(id), let location = source.location(of: .organizationId),
            let diagnostic = diagnostic(id, at: location)
        else { return id }
        diagnostics.append(diagnostic)
        return nil
    }

    /// The diagnostic of an `OrganizationId` value of any covered operation, or `nil` when it is valid.
    static func diagnostic(_ value: String, at location: ValueLocation) -> Diagnostic? {
        guard !Patterns.isOrganizationId(value) else { return nil }
        var fixes: [Fix] = []
        let reason: String
        let trimmed = value.trimmingWhitespace
        if trimmed != value {
            reason =
                value.hasSuffix("\n")
                ? "it ends with a newline (a file read with file:// keeps its trailing newline)"
                : "it has leading or trailing whitespace"
            if Patterns.isOrganizationId(trimmed),
                let fix = location.replacingContent(with: trimmed, message: "remove the whitespace")
            {
                fixes.append(fix)
            }
        } else if Patterns.isOrganizationId(value.lowercased()) {
            reason = "it must be lower case"
            if let fix = location.replacingContent(with: value.lowercased(), message: "use lower case") {
                fixes.append(fix)
            }
        } else if !value.hasPrefix("m-") {
            reason = "it must start with 'm-'"
        } else if value.unicodeScalars.count != 34 {
            reason =
                "it must be 34 characters long ('m-' and 32 hexadecimal digits), found \(value.unicodeScalars.count)"
        } else {
            reason = "after 'm-' only hexadecimal digits 0-9 and a-f are allowed"
        }
        return Diagnostic(
            rule: .organizationIdFormat,
            message: "\(quoted(value)) is not a valid OrganizationId: \(reason)",
            at: location, help: ["an organization id looks like 'm-0123456789abcdef0123456789abcdef'"],
            fixes: fixes)
    }
}
