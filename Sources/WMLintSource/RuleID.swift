/// The id of a rule of the catalogue. Raw values are public interface: never rename them.
public enum RuleID: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case jsonSyntax = "json-syntax"
    case yamlSyntax = "yaml-syntax"
    case shorthandSyntax = "shorthand-syntax"
    case shellSyntax = "shell-syntax"
    case encoding = "encoding"
    case inputLimit = "input-limit"
    case duplicateKey = "duplicate-key"
    case unknownOption = "unknown-option"
    case abbreviatedOption = "abbreviated-option"
    case duplicateOption = "duplicate-option"
    case optionValue = "option-value"
    case conflictingInput = "conflicting-input"
    case fileReference = "file-reference"
    case missingRequired = "missing-required"
    case unknownKey = "unknown-key"
    case typeMismatch = "type-mismatch"
    case enumValue = "enum-value"
    case organizationIdFormat = "organization-id-format"
    case instanceArnFormat = "instance-arn-format"
    case applicationArnFormat = "application-arn-format"
    case arnsSwapped = "arns-swapped"
    case applicationInstanceMismatch = "application-instance-mismatch"
    case partitionMismatch = "partition-mismatch"
    case regionUnsupported = "region-unsupported"
    case accountMismatch = "account-mismatch"
    case endpointRegionMismatch = "endpoint-region-mismatch"
    case patLifetimeRange = "pat-lifetime-range"
    case patLifetimePolicy = "pat-lifetime-policy"
    case authenticationModePolicy = "authentication-mode-policy"
    case patLifetimeIgnored = "pat-lifetime-ignored"
    case clientsLockedOut = "clients-locked-out"
    case placeholderValue = "placeholder-value"
    case unusedSuppression = "unused-suppression"
    case unresolvedValue = "unresolved-value"
    case overriddenInput = "overridden-input"
    case skeletonOnly = "skeleton-only"
    case identityProviderDeleted = "identity-provider-deleted"
    case valuePattern = "value-pattern"
    case valueRange = "value-range"
    case applicationNotFromWorkMail = "application-not-from-workmail"
    case regionInconsistent = "region-inconsistent"
    case applicationDeleted = "application-deleted"

    /// The severity the rule has when no configuration changes it.
    public var defaultSeverity: Severity {
        switch self {
        case .abbreviatedOption, .endpointRegionMismatch, .patLifetimeIgnored, .clientsLockedOut,
            .placeholderValue, .unusedSuppression, .identityProviderDeleted, .applicationDeleted:
            .warning
        case .unresolvedValue, .overriddenInput, .skeletonOnly:
            .info
        default:
            .error
        }
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
