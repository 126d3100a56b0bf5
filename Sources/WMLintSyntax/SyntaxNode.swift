public import WMLintSource

/// A generic value read from JSON, YAML, shorthand or a shell word, before it is bound to the request's types.
///
/// Every node knows the file bytes it came from (``range``, 0-based UTF-8 offsets in the file named by the
/// ``ParseResult``'s text). Objects keep their members in source order, duplicates included.
public struct SyntaxNode: Hashable, Sendable {
    public var value: Value
    /// The bytes of the whole value in its file: for a string, quotes included.
    public var range: SourceRange
    /// The explicit YAML tag (`!!str`, `!custom`), when the source had one.
    public var tag: String?
    /// For a JSON string with an unpaired surrogate escape (`"\ud83d"`), which a Swift string cannot hold: its
    /// exact UTF-16 code units, as the AWS CLI (Python) holds and sends them; ``value`` has U+FFFD in their place.
    /// `nil` for every other node.
    public var utf16: [UInt16]?

    public init(_ value: Value, range: SourceRange, tag: String? = nil) {
        self.value = value
        self.range = range
        self.tag = tag
    }

    /// The kinds of value.
    public indirect enum Value: Hashable, Sendable {
        /// A mapping, members in source order (a repeated key appears twice; the last one counts).
        case object([Member])
        case array([SyntaxNode])
        case string(String)
        case number(Number)
        case bool(Bool)
        case null
        /// A YAML timestamp (`2024-01-01`), kept as its text.
        case timestamp(String)
        /// A value outside the shape the parser was asked to build (``NodeDemand``): its syntax was checked, its
        /// kind and range are known, its content was not built.
        case opaque(OpaqueKind)
    }

    /// The kind of an ``Value/opaque(_:)`` value.
    public enum OpaqueKind: Hashable, Sendable {
        case object, array, scalar
    }

    /// Whether the value is a list, built or opaque.
    public var isArray: Bool {
        switch value {
        case .array, .opaque(.array): true
        default: false
        }
    }

    /// A short name for the kind of value, for messages: "an object", "a string", "an integer", ….
    public var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number(let number):
            switch number.kind {
            case .integer: "an integer"
            case .float: "a floating-point number"
            }
        case .bool: "a boolean"
        case .null: "null"
        case .timestamp: "a date"
        case .opaque(.object): "an object"
        case .opaque(.array): "a list"
        case .opaque(.scalar): "a value"
        }
    }
}

/// Which part of a value a parser builds as nodes.
///
/// Linting needs only the request's shape; a subtree outside it (an unknown member's value) is checked for
/// syntax and kept as one ``SyntaxNode/Value/opaque(_:)`` node, so its size costs time but no memory.
/// What is not reported inside an opaque subtree: duplicate keys, and YAML anchors are built whole wherever
/// they are, since an alias may use them elsewhere.
public indirect enum NodeDemand: Hashable, Sendable {
    /// The whole value.
    case all
    /// Nothing but the value's kind and range.
    case none
    /// A mapping whose named members are built as given and whose other members' values are opaque (their keys
    /// are built). A list is opaque; a scalar is built.
    case members([String: NodeDemand])

    /// The demand for the value of member `key` of a mapping built under this demand.
    @inlinable
    public func member(_ key: String) -> NodeDemand {
        switch self {
        case .all: .all
        case .none: .none
        case .members(let members): members[key] ?? .none
        }
    }
}

extension SyntaxNode {
    /// The part of this whole value that `demand` asks for: what a parser asked for `demand` builds (a YAML
    /// anchor is built whole, then shaped where it is used). Recurses once per level of the tree, which the
    /// parsers bound (`maxDepth`).
    public func shaped(to demand: NodeDemand) -> SyntaxNode {
        switch demand {
        case .all:
            return self
        case .none:
            return opaque()
        case .members:
            switch value {
            case .object(let members):
                var result = self
                result.value = .object(
                    members.map { member in
                        var member = member
                        member.value = member.value.shaped(to: demand.member(member.key))
                        return member
                    })
                return result
            case .array:
                return opaque()
            default:
                return self
            }
        }
    }

    /// This value as an opaque node: its kind and range only.
    public func opaque() -> SyntaxNode {
        let kind: OpaqueKind
        switch value {
        case .object: kind = .object
        case .array: kind = .array
        case .opaque(let inner): kind = inner
        default: kind = .scalar
        }
        return SyntaxNode(.opaque(kind), range: range)
    }
}

/// One key and its value in an object.
public struct Member: Hashable, Sendable {
    public var key: String
    /// The bytes of the key in its file (quotes included).
    public var keyRange: SourceRange
    public var value: SyntaxNode
    /// The shorthand `key@=value` form, whose value names a file to load (`file://…`, `fileb://…`).
    public var loadsFile: Bool

    public init(key: String, keyRange: SourceRange, value: SyntaxNode, loadsFile: Bool = false) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
        self.loadsFile = loadsFile
    }
}

/// A number with the text it was written as.
public struct Number: Hashable, Sendable {
    /// The number exactly as written in the source (`030`, `0x1E`, `1e400`, `-0`).
    public var lexeme: String
    public var kind: Kind

    public init(lexeme: String, kind: Kind) {
        self.lexeme = lexeme
        self.kind = kind
    }

    public enum Kind: Hashable, Sendable {
        /// An integer of any size, as canonical decimal text: optional `-`, no leading zeros (`0`, `-12`).
        case integer(String)
        /// A floating-point value (may be infinite or NaN).
        case float(Double)
    }
}

/// What a parser produces: the root value, if any could be built, and the diagnostics it met.
public struct ParseResult: Sendable {
    public var root: SyntaxNode?
    public var diagnostics: [Diagnostic]
    /// Whether the whole text was read into ``root``: no fatal error, though there may be reported faults the
    /// AWS CLI itself accepts (JSON `NaN`/`Infinity`, duplicate keys).
    public var isComplete: Bool

    public init(root: SyntaxNode?, diagnostics: [Diagnostic], isComplete: Bool? = nil) {
        self.root = root
        self.diagnostics = diagnostics
        self.isComplete =
            isComplete ?? (root != nil && !diagnostics.contains { $0.severity == .error && $0.rule != .duplicateKey })
    }

    /// Whether a syntax or encoding error was found (the root may still be partial).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error && $0.rule != .duplicateKey }
    }
}
