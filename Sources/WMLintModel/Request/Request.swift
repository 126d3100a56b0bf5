public import WMLintSource
import WMLintSyntax

/// Where a bound value lives: its file, its bytes, its key, its place in the request, and how it got there.
public struct ValueLocation: Sendable {
    /// The file holding the value, as shown in diagnostics.
    public var path: String
    /// The value's bytes in that file (0-based UTF-8 offsets, half-open).
    public var range: SourceRange
    /// The bytes of the member's key, when the value was written as `key: value` (not for option values).
    public var keyRange: SourceRange?
    /// RFC 6901 pointer into the request (`/PersonalAccessTokenConfiguration/Status`).
    public var pointer: String
    /// The options that pulled the file in, innermost first (`--cli-input-json` at `setup.sh:7:3`).
    public var provenance: [RelatedLocation]
    /// For a string value, the text it was read from, to find where its characters sit when a diagnostic needs
    /// them (most values never do, so nothing is mapped up front).
    var content: StringSource?
    /// For a member of a structure, the text it was read from, to find the bytes that remove it when a fix needs
    /// them (most members never do, so nothing is worked out up front).
    var memberText: SharedText?

    /// For a member of a structure, the bytes that remove it cleanly (key, value and one separator); `nil` when
    /// the value is not a structure's member or its bytes cannot be located. Worked out on each use.
    public var removalRange: SourceRange? {
        guard let memberText, let keyRange else { return nil }
        return MemberSpan.removalRange(keyRange: keyRange, valueRange: range, in: memberText.text)
    }

    public init(
        path: String, range: SourceRange, keyRange: SourceRange? = nil, pointer: String,
        provenance: [RelatedLocation] = []
    ) {
        self.path = path
        self.range = range
        self.keyRange = keyRange
        self.pointer = pointer
        self.provenance = provenance
    }

    /// For a string value, where each UTF-8 byte of the decoded value sits in the file (through quotes and
    /// escapes); `nil` when unknown. Worked out on each use: read it for diagnostics only.
    public var contentMap: OffsetMap? {
        content.flatMap { StringContent.map(of: $0.range, value: $0.value, in: $0.text.text) }
    }

    /// The file range of the decoded value's bytes `local` (0-based UTF-8 offsets into the value), or the whole
    /// value's range when the characters cannot be mapped.
    public func range(ofContent local: Range<Int>) -> SourceRange {
        contentMap?.fileRange(local) ?? range
    }

    /// The range of the value's text without its quotes, when known.
    public var contentRange: SourceRange {
        guard let contentMap else { return range }
        return contentRange(contentMap)
    }

    /// ``contentRange`` through `map`, this value's ``contentMap``.
    public func contentRange(_ map: OffsetMap) -> SourceRange {
        map.fileRange(0..<map.count).lowerBound..<SourcePosition(offset: map.endOffset)
    }
}

extension ValueLocation: Hashable {
    /// Equal when every stored part is equal, the content maps compared by what they map.
    public static func == (a: ValueLocation, b: ValueLocation) -> Bool {
        a.path == b.path && a.range == b.range && a.keyRange == b.keyRange && a.pointer == b.pointer
            && a.provenance == b.provenance && a.removalRange == b.removalRange
            && (a.content === b.content || a.contentMap == b.contentMap)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(range)
        hasher.combine(pointer)
    }
}

/// A string value and the text it was parsed from: enough to map the value's characters back to the file.
final class StringSource: Sendable {
    let text: SharedText
    /// The value's range in the file.
    let range: SourceRange
    /// The decoded value.
    let value: String

    init(text: SharedText, range: SourceRange, value: String) {
        self.text = text
        self.range = range
        self.value = value
    }
}

/// A member of the typed request: its value when known and well-typed, and where it came from.
public struct Field<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value; `nil` when it is not statically known or has the wrong type (already reported).
    public var value: Value?
    /// Whether the value depends on the shell at run time (`$VAR`), so checks that need it are skipped.
    public var isUnresolved: Bool
    public var location: ValueLocation

    public init(value: Value?, isUnresolved: Bool = false, location: ValueLocation) {
        self.value = value
        self.isUnresolved = isUnresolved
        self.location = location
    }
}

/// A structure of the request: what the binder fills in, member by member, from an empty value.
protocol RequestStructure: Hashable, Sendable {
    init()
}

/// `IdentityCenterConfiguration`.
public struct IdentityCenterConfiguration: Hashable, Sendable {
    public var instanceArn: Field<String>?
    public var applicationArn: Field<String>?
}

extension IdentityCenterConfiguration: RequestStructure {}

/// `PersonalAccessTokenConfiguration`.
public struct PersonalAccessTokenConfiguration: Hashable, Sendable {
    public var status: Field<String>?
    /// Days; a value beyond `Int`'s range is clamped to `Int.min`/`Int.max`.
    public var lifetimeInDays: Field<Int>?
}

extension PersonalAccessTokenConfiguration: RequestStructure {}

/// The typed request of `PutIdentityProviderConfiguration`: every field optional and located.
public struct Request: Hashable, Sendable {
    public var organizationId: Field<String>?
    public var authenticationMode: Field<String>?
    public var identityCenterConfiguration: Field<IdentityCenterConfiguration>?
    public var personalAccessTokenConfiguration: Field<PersonalAccessTokenConfiguration>?

    public init() {}
}

/// The values of a request's scalar members, when known and well-typed, without their locations.
public struct MemberValues: Sendable {
    public var organizationId: String?
    public var authenticationMode: String?
    public var instanceArn: String?
    public var applicationArn: String?
    public var status: String?
    /// Days.
    public var lifetimeInDays: Int?
}

extension Request {
    /// The scalar members' values, read in place (the rules read each several times; reaching one through the
    /// nested optional fields from another module copies the structures on the way).
    public var memberValues: MemberValues {
        var values = MemberValues()
        values.organizationId = organizationId?.value
        values.authenticationMode = authenticationMode?.value
        if let identityCenter = identityCenterConfiguration?.value {
            values.instanceArn = identityCenter.instanceArn?.value
            values.applicationArn = identityCenter.applicationArn?.value
        }
        if let token = personalAccessTokenConfiguration?.value {
            values.status = token.status?.value
            values.lifetimeInDays = token.lifetimeInDays?.value
        }
        return values
    }
}
