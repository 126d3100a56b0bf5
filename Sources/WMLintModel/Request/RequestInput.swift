public import WMLintSource
public import WMLintSyntax

/// How a parameter's text was read; decides how scalars are typed (shorthand scalars are strings that the CLI
/// converts by the model).
public enum ValueSyntax: Hashable, Sendable {
    case json
    case yaml
    case shorthand
    /// A scalar option's text, taken verbatim.
    case text
}

/// A top-level parameter's value as the CLI would hold it before validation.
public enum ParameterValue: Hashable, Sendable {
    /// A value read from `path` with the given syntax.
    case node(SyntaxNode, syntax: ValueSyntax)
    /// A value only known at run time (a shell expansion, or a `file://` path with `~` or `$`).
    case unresolved
    /// A value that is present but could not be read (a syntax error or unreadable file, already reported).
    case unreadable
}

/// One top-level parameter with its source.
public struct ParameterEntry: Sendable {
    /// The key as written (exact case; unknown keys included).
    public var key: String
    public var value: ParameterValue
    /// Where the value is: file, bytes, key bytes, and the options that pulled the file in.
    public var location: ValueLocation
    /// The text the value was parsed from, to map characters of string values back to the file.
    public var text: SourceText? {
        get { sharedText?.text }
        set { sharedText = newValue.map(SharedText.init) }
    }
    /// ``text``, held once for all the entries of a document.
    public var sharedText: SharedText?
    /// The members of a shorthand structure whose value was read from a file (`Status@=file://status.txt`): their
    /// values are located in that file. Usually empty.
    public var loadedMembers: [LoadedMember] = []

    public init(key: String, value: ParameterValue, location: ValueLocation, text: SourceText? = nil) {
        self.init(key: key, value: value, location: location, sharedText: text.map(SharedText.init))
    }

    public init(key: String, value: ParameterValue, location: ValueLocation, sharedText: SharedText?) {
        self.key = key
        self.value = value
        self.location = location
        self.sharedText = sharedText
    }
}

/// A shorthand member whose value the CLI replaced by a file's text (`key@=file://p`).
public struct LoadedMember: Sendable {
    /// The member's key in the shorthand text (`Status` of `Status@=file://p`): which member this is.
    public var keyRange: SourceRange
    /// The file: its path, the bytes of its text, and the reference that read it as provenance.
    public var location: ValueLocation
    /// The file's text, to map the value's characters to its bytes.
    public var text: SharedText

    public init(keyRange: SourceRange, location: ValueLocation, text: SharedText) {
        self.keyRange = keyRange
        self.location = location
        self.text = text
    }
}

/// A text shared by reference: the entries of a document, and the values bound from them, hold it without
/// copying its fields.
public final class SharedText: Sendable {
    public let text: SourceText

    public init(_ text: SourceText) {
        self.text = text
    }
}

/// Everything that makes up one request, after option parsing and `file://` loading, before binding.
public struct RequestInput: Sendable {
    /// The parameters in the order the CLI would build them: options, then document members not overridden.
    public var parameters: [ParameterEntry]
    /// Where a diagnostic about the request as a whole goes (the operation name, or the document's start).
    public var anchorPath: String
    public var anchorRange: SourceRange
    /// Whether some parameter may come from a source that is present but unknown (`"$@"`, an unresolved or
    /// unreadable `--cli-input-*` document): then nothing is reported missing.
    public var hasUnknownSource: Bool
    /// Parameters a misspelt option nearly names; not reported missing.
    public var nearlyNamed: Set<String>
    /// Whether `--generate-cli-skeleton` is present: nothing is sent.
    public var isSkeletonOnly: Bool
    /// Whether the required parameters must be present (not with `--generate-cli-skeleton [input]`).
    public var requiresParameters: Bool

    public init(
        parameters: [ParameterEntry], anchorPath: String, anchorRange: SourceRange, hasUnknownSource: Bool = false,
        nearlyNamed: Set<String> = [], isSkeletonOnly: Bool = false, requiresParameters: Bool = true
    ) {
        self.parameters = parameters
        self.anchorPath = anchorPath
        self.anchorRange = anchorRange
        self.hasUnknownSource = hasUnknownSource
        self.nearlyNamed = nearlyNamed
        self.isSkeletonOnly = isSkeletonOnly
        self.requiresParameters = requiresParameters
    }
}
