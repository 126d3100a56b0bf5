public import WMLintSource
public import WMLintSyntax

/// A structural fault met while binding the request of `put-identity-provider-configuration`, as a typed value:
/// the rule that reports it chooses the words.
///
/// Each case carries what its diagnostic says and where it goes: `at` is the located value at fault (for a
/// missing member, the structure that lacks it).
public enum BindingFinding: Hashable, Sendable {
    /// The structure at `at` has no member `member`, which the shape requires; `structure` is the structure's name
    /// as written, `nil` for the request itself (then `at` is where a diagnostic about the request goes).
    case missingRequired(member: String, structure: String?, at: ValueLocation)
    /// A key the structure does not have (`at` is the member: its key's bytes and its pointer). `known` lists the
    /// structure's members in model order; `suggestion` is the one it nearly names; `rename` is the edit that
    /// fixes it, when only the case differs and the key's bytes can be located.
    case unknownKey(key: String, known: [String], suggestion: String?, rename: KeyRename?, at: ValueLocation)
    /// The value at `at` of member `member` (its name as written) is not of the `expected` type; `found` is the
    /// value as read with `syntax`.
    case typeMismatch(member: String, expected: ExpectedType, found: SyntaxNode, syntax: ValueSyntax, at: ValueLocation)
    /// A shorthand string at `at`, given for integer member `member`, that Python's `int()` does not read (the AWS
    /// CLI converts the value with it and fails).
    case notAnInteger(member: String, text: String, at: ValueLocation)
    /// The request document at `at` is `found`, not a mapping of parameter names to values.
    case documentNotMapping(found: SyntaxNode, at: ValueLocation)
    /// The value at `at` of member `member` is only known when the script runs.
    case unresolvedValue(member: String, at: ValueLocation)

    /// The RFC 6901 pointer of the value at fault: for a missing member, that member's.
    public var pointer: String {
        switch self {
        case .missingRequired(let member, _, let location): location.pointer + "/" + member
        case .unknownKey(_, _, _, _, let location), .typeMismatch(_, _, _, _, let location),
            .notAnInteger(_, _, let location), .documentNotMapping(_, let location),
            .unresolvedValue(_, let location):
            location.pointer
        }
    }
}

/// The type a member's value must have.
public enum ExpectedType: Hashable, Sendable {
    case string
    case integer
    /// A structure, written as a mapping (an object).
    case object
}

/// Renames a key in place: the bytes of its characters, through any quotes and escapes, and the name they become.
public struct KeyRename: Hashable, Sendable {
    /// The name the key becomes.
    public var name: String
    /// The bytes of the key's characters (0-based UTF-8 offsets, half-open; without its quotes).
    public var range: SourceRange
}
