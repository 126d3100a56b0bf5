public import WMLintSource
import WMLintSyntax

/// The typed request and the structural problems met while building it.
public struct BindingResult: Hashable, Sendable {
    public var request: Request
    /// `missing-required`, `unknown-key`, `type-mismatch` and `unresolved-value` diagnostics.
    public var diagnostics: [Diagnostic]
}

/// Turns parameter values (generic syntax nodes) into the typed ``Request`` by walking the model's shapes.
public enum RequestBinder {
    public static func bind(_ input: RequestInput) -> BindingResult {
        var binder = Binder()
        let request = binder.bindRequest(input)
        return BindingResult(request: request, diagnostics: binder.diagnostics)
    }

    /// ``bind(_:)`` appending its diagnostics to `diagnostics` (no second array of them: a document with many
    /// unknown keys has as many diagnostics).
    public static func bind(_ input: RequestInput, appendingTo diagnostics: inout [Diagnostic]) -> Request {
        var binder = Binder()
        swap(&binder.diagnostics, &diagnostics)
        let request = binder.bindRequest(input)
        swap(&binder.diagnostics, &diagnostics)
        return request
    }
}

private struct Binder {
    var diagnostics: [Diagnostic] = []
    /// The last list of known member names quoted for a message, and the quoted list (a document may have
    /// thousands of unknown keys, all in one mapping).
    private var expected: (names: [String], list: String) = ([], "")

    mutating func bindRequest(_ input: RequestInput) -> Request {
        var request = Request()
        var present = PresentMembers()
        var nearlyNamed = input.nearlyNamed
        let shape = OperationModel.requestShape
        let parameters = input.parameters
        for index in lastEntries(parameters) {
            let key = parameters[index].key
            var location = parameters[index].location
            guard let memberIndex = shape.memberIndex(key) else {
                location.pointer = "/" + escapePointer(key)
                if location.memberText == nil { location.memberText = parameters[index].sharedText }
                if let near = reportUnknown(key, location: location, known: shape.memberNames) {
                    nearlyNamed.insert(near)
                }
                request.unknownMembers.append(UnknownMember(key: key, location: location))
                continue
            }
            let memberShape = shape.members[memberIndex].shape
            location.pointer = MemberPointers.request[memberIndex]
            present.insert(memberIndex)
            switch parameters[index].value {
            case .unresolved:
                reportUnresolved(key, location: location)
                assign(key, unresolvedAt: location, to: &request)
            case .unreadable:
                continue
            case .node(let node, let syntax):
                location.range = node.range
                // A known member's name needs no escaping: it is its last reference token as it is.
                var context = Context(location: location, syntax: syntax, name: key)
                context.text = parameters[index].sharedText
                context.loadedMembers = parameters[index].loadedMembers
                // The model's own name: the switch then meets the very string it compares with.
                bindTopLevel(
                    shape.members[memberIndex].name, shape: memberShape, node: node, context: context, into: &request)
            }
        }
        if !input.hasUnknownSource && input.requiresParameters {
            for name in shape.required where !present.contains(name, of: shape) && !nearlyNamed.contains(name) {
                diagnostics.append(
                    Diagnostic(
                        rule: .missingRequired,
                        message: "missing required parameter '\(name)' (\(OperationModel.optionName(of: name)))",
                        path: input.anchorPath, range: input.anchorRange, pointer: "/" + name))
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

    private mutating func bindTopLevel(
        _ name: String, shape: Shape, node: SyntaxNode, context: Context, into request: inout Request
    ) {
        switch name {
        case OperationModel.organizationId:
            request.organizationId = bindString(node, context: context)
        case OperationModel.authenticationMode:
            request.authenticationMode = bindString(node, context: context)
        case OperationModel.identityCenterConfiguration:
            request.identityCenterConfiguration = bindStructure(
                node, shape: OperationModel.identityCenterShape, pointers: MemberPointers.identityCenter,
                context: context, into: IdentityCenterConfiguration()
            ) { key, member, memberContext, binder, value in
                switch key {
                case OperationModel.instanceArn:
                    value.instanceArn = binder.bindString(member, context: memberContext)
                case OperationModel.applicationArn:
                    value.applicationArn = binder.bindString(member, context: memberContext)
                default:
                    value.unknownMembers.append(UnknownMember(key: key, location: memberContext.location))
                }
            }
        case OperationModel.personalAccessTokenConfiguration:
            request.personalAccessTokenConfiguration = bindStructure(
                node, shape: OperationModel.personalAccessTokenShape, pointers: MemberPointers.personalAccessToken,
                context: context, into: PersonalAccessTokenConfiguration()
            ) { key, member, memberContext, binder, value in
                switch key {
                case OperationModel.status:
                    value.status = binder.bindString(member, context: memberContext)
                case OperationModel.lifetimeInDays:
                    value.lifetimeInDays = binder.bindInteger(member, context: memberContext)
                default:
                    value.unknownMembers.append(UnknownMember(key: key, location: memberContext.location))
                }
            }
        default:
            break
        }
    }

    private func assign(_ name: String, unresolvedAt location: ValueLocation, to request: inout Request) {
        switch name {
        case OperationModel.organizationId:
            request.organizationId = Field(value: nil, isUnresolved: true, location: location)
        case OperationModel.authenticationMode:
            request.authenticationMode = Field(value: nil, isUnresolved: true, location: location)
        case OperationModel.identityCenterConfiguration:
            request.identityCenterConfiguration = Field(value: nil, isUnresolved: true, location: location)
        case OperationModel.personalAccessTokenConfiguration:
            request.personalAccessTokenConfiguration = Field(value: nil, isUnresolved: true, location: location)
        default:
            break
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
        reportType(node, expected: "a string", context: context)
        return Field(value: nil, location: location)
    }

    mutating func bindInteger(_ node: SyntaxNode, context: Context) -> Field<Int> {
        let location = context.location(for: node)
        switch node.value {
        case .number(let number):
            if case .integer(let digits) = number.kind {
                return Field(value: clampedInt(digits), location: location)
            }
            reportType(node, expected: "an integer", context: context)
        case .string(let text) where context.syntax == .shorthand:
            if let digits = ShorthandParser.pythonInt(text) {
                return Field(value: clampedInt(digits), location: location)
            }
            diagnostics.append(
                Diagnostic(
                    rule: .typeMismatch,
                    message: "\(quoted(text)) is not an integer; \(context.name) must be a whole number of days",
                    path: location.path, range: node.range, pointer: location.pointer,
                    notes: ["the AWS CLI converts this value with Python's int() and fails"],
                    related: location.provenance))
        case .bool:
            reportType(
                node, expected: "an integer", context: context,
                note: "the AWS CLI sends a boolean as it is and the service rejects it")
        default:
            reportType(node, expected: "an integer", context: context)
        }
        return Field(value: nil, location: location)
    }

    /// Binds a structure: reports its unknown keys and missing required members, then hands each member (each key
    /// once, its last value; a known member under the model's name) with its context to `bindMember`, in order, to
    /// fill in `value`. `pointers` are the
    /// pointers of the shape's members, in model order, under the structure's pointer.
    mutating func bindStructure<Value: Hashable & Sendable>(
        _ node: SyntaxNode, shape: StructureShape, pointers: [String], context: Context, into value: Value,
        member bindMember: (String, SyntaxNode, Context, inout Binder, inout Value) -> Void
    ) -> Field<Value> {
        let location = context.location(for: node)
        guard case .object(let members) = node.value else {
            reportType(node, expected: "an object", context: context)
            return Field(value: nil, location: location)
        }
        let unique = lastMembers(members)
        var present = PresentMembers()
        var nearlyNamed: [String] = []
        for member in unique {
            guard let index = shape.memberIndex(member.key) else {
                let memberLocation = self.memberLocation(member, pointer: nil, in: context)
                if let near = reportUnknown(member.key, location: memberLocation, known: shape.memberNames) {
                    nearlyNamed.append(near)
                }
                continue
            }
            present.insert(index)
        }
        for name in shape.required where !present.contains(name, of: shape) && !nearlyNamed.contains(name) {
            diagnostics.append(
                Diagnostic(
                    rule: .missingRequired,
                    message: "\(context.name) is missing its required member '\(name)'",
                    path: location.path, range: node.range, pointer: context.location.pointer + "/" + name,
                    related: location.provenance))
        }
        var value = value
        var memberContext = context
        for member in unique {
            memberContext.name = member.key
            let index = shape.memberIndex(member.key)
            memberContext.location = memberLocation(member, pointer: index.map { pointers[$0] }, in: context)
            if !context.loadedMembers.isEmpty,
                let loaded = context.loadedMembers.first(where: { $0.keyRange == member.keyRange })
            {
                // `key@=file://p`: the value is the file's text, located there.
                let pointer = memberContext.location.pointer
                memberContext.location = loaded.location
                memberContext.location.pointer = pointer
                memberContext.text = loaded.text
            }
            // A known member by the model's own name (the switch then meets the very string it compares with).
            bindMember(index.map { shape.members[$0].name } ?? member.key, member.value, memberContext, &self, &value)
        }
        return Field(value: value, location: location)
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

    // MARK: - Reports

    /// Reports an unknown key; returns the known member it nearly names.
    private mutating func reportUnknown(_ key: String, location: ValueLocation, known: [String]) -> String? {
        let lowered = key.lowercased()
        let caseMatch = known.first { $0.lowercased() == lowered }
        let near = caseMatch ?? Spelling.nearest(to: key, in: known)
        var fixes: [Fix] = []
        // Only the case differs: rename the key in place, its characters mapped through quotes and escapes.
        if let caseMatch, let keyRange = location.keyRange, let text = location.memberText,
            let map = StringContent.map(of: keyRange, value: key, in: text.text), map.count > 0
        {
            let range = map.fileRange(0..<map.count)
            fixes.append(
                Fix(
                    message: "rename to '\(caseMatch)'",
                    edits: [TextEdit(path: location.path, range: range, replacement: caseMatch)]))
        }
        diagnostics.append(
            Diagnostic(
                rule: .unknownKey,
                message: "unknown parameter \(quoted(key)); expected one of " + expectedList(known),
                path: location.path, range: location.keyRange ?? location.range, pointer: location.pointer,
                help: didYouMean(near),
                related: location.provenance, fixes: fixes))
        return near
    }

    /// `'A', 'B', 'C'`.
    private mutating func expectedList(_ known: [String]) -> String {
        if expected.names != known {
            expected = (known, known.map { "'\($0)'" }.joined(separator: ", "))
        }
        return expected.list
    }

    private mutating func reportUnresolved(_ name: String, location: ValueLocation) {
        diagnostics.append(
            Diagnostic(
                rule: .unresolvedValue,
                message: "the value of \(name) is only known when the script runs; checks that need it are skipped",
                path: location.path, range: location.range, pointer: location.pointer))
    }

    private mutating func reportType(_ node: SyntaxNode, expected: String, context: Context, note: String? = nil) {
        // `NaN` and `Infinity` already have their syntax diagnostic: one fault, one diagnostic.
        if case .number(let number) = node.value, ["NaN", "Infinity", "-Infinity"].contains(number.lexeme) { return }
        var found = node.kindDescription
        switch node.value {
        case .string(let text): found += " " + quoted(text)
        case .number(let number): found += " " + quoted(number.lexeme)
        case .timestamp(let text): found += " " + quoted(text) + " (quote it to make it a string)"
        case .bool(let value): found += " '\(value)'"
        default: break
        }
        if expected == "an integer", case .string(let text) = node.value, context.syntax != .shorthand,
            ShorthandParser.pythonInt(text) != nil
        {
            found += "; remove the quotes"
        }
        var help: [String] = []
        if context.syntax == .shorthand, node.isArray {
            help.append(
                "in shorthand, a ',' followed by a word without '=' makes a list; escape the comma as '\\,' or quote the value"
            )
        }
        diagnostics.append(
            Diagnostic(
                rule: .typeMismatch,
                message: "\(context.name) must be \(expected), found \(found)",
                path: context.location.path, range: node.range, pointer: context.location.pointer,
                notes: note.map { [$0] } ?? [],
                help: help,
                related: context.location.provenance))
    }
}

/// RFC 6901 pointers of the shapes' known members, in model order, made once: binding a known member builds no
/// string. A known member's name needs no escaping.
private enum MemberPointers {
    static let request = OperationModel.requestShape.memberNames.map { "/" + $0 }
    static let identityCenter = OperationModel.identityCenterShape.memberNames.map {
        "/" + OperationModel.identityCenterConfiguration + "/" + $0
    }
    static let personalAccessToken = OperationModel.personalAccessTokenShape.memberNames.map {
        "/" + OperationModel.personalAccessTokenConfiguration + "/" + $0
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

/// ``JSONWriter/lastValues(_:)``: members with each key once, at its first position, holding its last value.
func lastMembers(_ members: [Member]) -> [Member] {
    guard members.count <= pairwiseKeyLimit else { return JSONWriter.lastValues(members) }
    // Most structures have each key once: they are then their own answer, without a copy.
    let hasDuplicates = members.indices.contains { index in
        members[(index + 1)...].contains { sameCodePoints($0.key, members[index].key) }
    }
    guard hasDuplicates else { return members }
    var result: [Member] = []
    result.reserveCapacity(members.count)
    for member in members {
        if let existing = result.firstIndex(where: { sameCodePoints($0.key, member.key) }) {
            result[existing].value = member.value
        } else {
            result.append(member)
        }
    }
    return result
}

/// What the binder knows about the value at hand.
struct Context {
    var location: ValueLocation
    var syntax: ValueSyntax
    /// The member's name, for messages.
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
