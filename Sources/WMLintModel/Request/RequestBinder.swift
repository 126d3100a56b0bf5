public import WMLintSource
import WMLintSyntax

/// The typed request and the structural faults met while building it: `findings` in the order met, each
/// parameter's in the order given (of a structure, its unknown keys, its missing members, then the faults inside its
/// members), then the missing parameters. A tuple: a caller takes the two apart without copying either.
public typealias BindingResult = (request: Request, findings: [BindingFinding])

/// Turns parameter values (generic syntax nodes) into the typed ``Request`` by walking the members of
/// ``OperationModel/members``.
public enum RequestBinder {
    public static func bind(_ input: RequestInput) -> BindingResult {
        var binder = Binder()
        let request = binder.bindRequest(input)
        return (request, binder.findings)
    }
}

private struct Binder {
    var findings: [BindingFinding] = []

    mutating func bindRequest(_ input: RequestInput) -> Request {
        var request = Request()
        var present = PresentMembers()
        var nearlyNamed = input.nearlyNamed
        let structure = OperationModel.requestMembers
        let parameters = input.parameters
        for index in lastEntries(parameters) {
            let key = parameters[index].key
            var location = parameters[index].location
            guard let position = structure.shape.memberIndex(key) else {
                location.pointer = "/" + escapePointer(key)
                if location.memberText == nil { location.memberText = parameters[index].sharedText }
                if let near = reportUnknown(key, location: location, known: structure.names) {
                    nearlyNamed.insert(near)
                }
                continue
            }
            let member = OperationModel.members[structure.positions[position]]
            location.pointer = member.pointer
            present.insert(position)
            switch parameters[index].value {
            case .unresolved:
                findings.append(.unresolvedValue(member: key, at: location))
                member.slot.storeUnresolved(at: location, in: &request)
            case .unreadable:
                continue
            case .node(let node, let syntax):
                location.range = node.range
                var context = Context(location: location, syntax: syntax, name: key)
                context.text = parameters[index].sharedText
                context.loadedMembers = parameters[index].loadedMembers
                bind(node, as: member, context: context, into: &request)
            }
        }
        if !input.hasUnknownSource && input.requiresParameters {
            let anchor = ValueLocation(path: input.anchorPath, range: input.anchorRange, pointer: "")
            for name in structure.shape.required
            where !present.contains(name, of: structure.shape) && !nearlyNamed.contains(name) {
                findings.append(.missingRequired(member: name, structure: nil, at: anchor))
            }
        }
        return request
    }

    /// The indices of the entries with each key once, keeping the last value (as a Python dict update does), in
    /// order.
    private func lastEntries(_ entries: [ParameterEntry]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(entries.count)
        if entries.count <= pairwiseKeyLimit {
            // A request has a handful of parameters: comparing keys beats hashing them.
            for index in entries.indices.reversed()
            where !result.contains(where: { sameCodePoints(entries[$0].key, entries[index].key) }) {
                result.append(index)
            }
        } else {
            var seen: Set<ScalarKey> = []
            for index in entries.indices.reversed() where seen.insert(ScalarKey(entries[index].key)).inserted {
                result.append(index)
            }
        }
        result.reverse()
        return result
    }

    /// Binds the value of a known member and stores it in `request`, where the member's slot says. Recursion
    /// follows the model's structures (two levels), never the input's depth.
    private mutating func bind(
        _ node: SyntaxNode, as member: RequestMember, context: Context, into request: inout Request
    ) {
        switch member.slot {
        case .string(let store): store(&request, bindString(node, context: context))
        case .integer(let store): store(&request, bindInteger(node, context: context))
        case .structureField(let store):
            let location = context.location(for: node)
            guard case .object(let members) = node.value else {
                reportType(node, expected: .object, context: context)
                store(&request, location, false, false)
                return
            }
            store(&request, location, true, false)
            bindStructure(members, of: member.members, location: location, context: context, into: &request)
        }
    }

    // MARK: - Values

    mutating func bindString(_ node: SyntaxNode, context: Context) -> Field<String> {
        var location = context.location(for: node)
        if case .string(let value) = node.value {
            if let text = context.text {
                location.content = StringSource(text: text, range: node.range, value: value)
            }
            return Field(value: value, location: location)
        }
        reportType(node, expected: .string, context: context)
        return Field(value: nil, location: location)
    }

    mutating func bindInteger(_ node: SyntaxNode, context: Context) -> Field<Int> {
        let location = context.location(for: node)
        switch node.value {
        case .number(let number):
            if case .integer(let digits) = number.kind {
                return Field(value: clampedInt(digits), location: location)
            }
            reportType(node, expected: .integer, context: context)
        case .string(let text) where context.syntax == .shorthand:
            if let digits = ShorthandParser.pythonInt(text) {
                return Field(value: clampedInt(digits), location: location)
            }
            findings.append(.notAnInteger(member: context.name, text: text, at: location))
        default:
            reportType(node, expected: .integer, context: context)
        }
        return Field(value: nil, location: location)
    }

    /// Binds the members of a structure (at `location`) whose own field is stored already: reports its unknown
    /// keys and missing required members, then binds each known member (each key once, its last value) into
    /// `request`, in order.
    mutating func bindStructure(
        _ members: [Member], of structure: MemberList, location: ValueLocation, context: Context,
        into request: inout Request
    ) {
        let unique = JSONWriter.lastValues(members)
        var present = PresentMembers()
        var nearlyNamed: [String] = []
        for member in unique {
            guard let index = structure.shape.memberIndex(member.key) else {
                let memberLocation = self.memberLocation(member, pointer: nil, in: context)
                if let near = reportUnknown(member.key, location: memberLocation, known: structure.names) {
                    nearlyNamed.append(near)
                }
                continue
            }
            present.insert(index)
        }
        for name in structure.shape.required
        where !present.contains(name, of: structure.shape) && !nearlyNamed.contains(name) {
            findings.append(.missingRequired(member: name, structure: context.name, at: location))
        }
        var memberContext = context
        for member in unique {
            guard let index = structure.shape.memberIndex(member.key) else { continue }
            let known = OperationModel.members[structure.positions[index]]
            memberContext.name = member.key
            memberContext.location = memberLocation(member, pointer: known.pointer, in: context)
            if !context.loadedMembers.isEmpty,
                let loaded = context.loadedMembers.first(where: { $0.keyRange == member.keyRange })
            {
                // `key@=file://p`: the value is the file's text, located there.
                let pointer = memberContext.location.pointer
                memberContext.location = loaded.location
                memberContext.location.pointer = pointer
                memberContext.text = loaded.text
            }
            bind(member.value, as: known, context: memberContext, into: &request)
        }
    }

    /// Where a member of the structure of `context` is: its pointer (`pointer` when known, else made from the
    /// structure's), key, value and the text that tells the bytes that remove it.
    private func memberLocation(_ member: Member, pointer: String?, in context: Context) -> ValueLocation {
        var location = context.location
        location.pointer = pointer ?? context.location.pointer + "/" + escapePointer(member.key)
        location.keyRange = member.keyRange
        location.range = member.value.range
        location.memberText = context.text
        return location
    }

    // MARK: - Findings

    /// Records an unknown key; returns the known member it nearly names.
    private mutating func reportUnknown(_ key: String, location: ValueLocation, known: [String]) -> String? {
        let lowered = key.lowercased()
        let caseMatch = known.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: key, in: known)
        var rename: KeyRename?
        // Only the case differs: the key is renamed in place, its characters mapped through quotes and escapes.
        if let caseMatch, let keyRange = location.keyRange, let text = location.memberText,
            let map = StringContent.map(of: keyRange, value: key, in: text.text), map.count > 0
        {
            rename = KeyRename(name: caseMatch, range: map.fileRange(0..<map.count))
        }
        findings.append(.unknownKey(key: key, known: known, suggestion: near, rename: rename, at: location))
        return near
    }

    private mutating func reportType(_ node: SyntaxNode, expected: ExpectedType, context: Context) {
        // `NaN` and `Infinity` already have their syntax diagnostic: one fault, one diagnostic.
        if case .number(let number) = node.value, ["NaN", "Infinity", "-Infinity"].contains(number.lexeme) { return }
        findings.append(
            .typeMismatch(
                member: context.name, expected: expected, found: node, syntax: context.syntax,
                at: context.location(for: node)))
    }
}

/// The members of a shape that are present, one bit per position in the shape (the model's shapes have at most
/// a handful of members; a position from 64 on is never recorded).
private struct PresentMembers {
    private var bits: UInt64 = 0

    mutating func insert(_ index: Int) {
        if index < 64 { bits |= 1 << UInt64(index) }
    }

    /// Whether the member named `name` of `shape` is present.
    func contains(_ name: String, of shape: StructureShape) -> Bool {
        guard let index = shape.memberIndex(name), index < 64 else { return false }
        return bits & (1 << UInt64(index)) != 0
    }
}

/// What the binder knows about the value at hand.
struct Context {
    var location: ValueLocation
    var syntax: ValueSyntax
    /// The member's name as written, for findings.
    var name: String
    /// The text the value was parsed from (boxed: a context is copied for every member).
    var text: SharedText?
    /// The members of the value read from files (``ParameterEntry/loadedMembers``).
    var loadedMembers: [LoadedMember] = []

    /// A context whose name is `name`: the last reference token of `location.pointer`, as escaped there.
    init(location: ValueLocation, syntax: ValueSyntax, name: String) {
        self.location = location
        self.syntax = syntax
        self.name = name
    }

    func location(for node: SyntaxNode) -> ValueLocation {
        var result = location
        result.range = node.range
        return result
    }
}

/// `digits` (canonical decimal) as an `Int`, clamped to `Int.min`/`Int.max` when it does not fit.
func clampedInt(_ digits: String) -> Int {
    if let value = Int(digits) { return value }
    return digits.hasPrefix("-") ? Int.min : Int.max
}

/// Escapes a key for an RFC 6901 pointer (`~` → `~0`, `/` → `~1`).
func escapePointer(_ key: String) -> String {
    // Keys almost never hold either byte: one byte scan finds that and returns the key as it is; the generic
    // `replacing(_:with:)` would search every key through its generic collection algorithm.
    func needsEscape(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") }
    let contiguous = key.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
    guard contiguous ?? key.utf8.contains(where: needsEscape) else { return key }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(key.utf8.count + 8)
    for byte in key.utf8 {
        switch byte {
        case UInt8(ascii: "~"): escaped += [UInt8(ascii: "~"), UInt8(ascii: "0")]
        case UInt8(ascii: "/"): escaped += [UInt8(ascii: "~"), UInt8(ascii: "1")]
        default: escaped.append(byte)
        }
    }
    return String(decoding: escaped, as: UTF8.self)
}
