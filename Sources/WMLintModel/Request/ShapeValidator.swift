public import WMLintSyntax

/// A fault of a value against its shape, as a typed value: the rule that reports it chooses the words.
///
/// Every `path` is an RFC 6901 pointer into the validated value (`""` is the value itself,
/// `/IdentityCenterConfiguration/InstanceArn` a member of a member).
public enum ShapeFinding: Hashable, Sendable {
    /// The structure at `path` has no member `member`, which the shape requires.
    case missingRequired(path: String, member: String)
    /// The structure at `path` has a member `name` that its shape does not have; `known` lists the shape's
    /// members, in model order.
    case unknownMember(path: String, name: String, known: [String])
    /// The value at `path` is not of the type the shape says (`null` is of no type).
    case typeMismatch(path: String, expected: ShapeType)
    /// The string at `path` is none of the shape's values; `allowed` in model order.
    case enumValue(path: String, value: String, allowed: [String])
    /// The string at `path` does not match the shape's pattern, as the service matches it (``PythonPattern``).
    case pattern(path: String, value: String, pattern: String)
    /// The string (`count` in Unicode code points) or list (`count` items) at `path` is outside the shape's
    /// inclusive bounds.
    case length(path: String, count: Int, min: Int?, max: Int?)
    /// The integer at `path` (`value`: canonical decimal text, of any size) is outside the shape's inclusive bounds.
    case range(path: String, value: String, min: Int?, max: Int?)

    /// The pointer of the value at fault: for a missing or unknown member, that member's; else ``path``.
    public var pointer: String {
        switch self {
        case .missingRequired(let path, let member): path + "/" + escapePointer(member)
        case .unknownMember(let path, let name, _): path + "/" + escapePointer(name)
        case .typeMismatch(let path, _), .enumValue(let path, _, _), .pattern(let path, _, _),
            .length(let path, _, _, _), .range(let path, _, _, _):
            path
        }
    }
}

/// Validates a value tree, as the JSON, YAML and shorthand readers build it, against a shape of the service
/// model.
///
/// What it checks is what botocore's `ParamValidator` checks — required members, unknown members, types, the
/// minimum length, size and value — and what the service checks beyond it: maxima, enums and patterns. Where
/// they differ, the service decides: a boolean is not an integer (Python's `isinstance(True, int)` lets botocore
/// pass it; the service refuses it).
///
/// Keys compare by code points, as Python compares `str`s; of a repeated key the last value counts, as in the
/// AWS CLI. A value the reader left opaque (``SyntaxNode/Value/opaque(_:)``) is checked for its kind only, and an
/// opaque scalar not at all. A pattern that cannot be checked (``PythonPattern/problem(with:)``) is skipped.
/// Recursion follows the shape, never deeper than the shape goes, so the input's depth does not matter.
public enum ShapeValidator {
    /// The faults of `value` against the input of `operation`.
    public static func validate(_ value: SyntaxNode, operation: OperationShape) -> [ShapeFinding] {
        validate(value, against: operation.input)
    }

    /// The faults of `value` against `shape`, in the order botocore reports them: of a structure, its missing
    /// members, its unknown members, then the faults inside its members in the order they are written.
    public static func validate(_ value: SyntaxNode, against shape: ShapeNode) -> [ShapeFinding] {
        var findings: [ShapeFinding] = []
        check(value, shape, path: "", into: &findings)
        return findings
    }

    private static func check(_ node: SyntaxNode, _ shape: ShapeNode, path: String, into findings: inout [ShapeFinding])
    {
        switch shape.kind {
        case .structure(let members, let required):
            switch node.value {
            case .object(let entries): checkStructure(entries, members, required, path: path, into: &findings)
            case .opaque(.object), .opaque(.scalar): return
            default: findings.append(.typeMismatch(path: path, expected: .structure))
            }
        case .list(let member, let min, let max):
            switch node.value {
            case .array(let items):
                if outside(items.count, min, max) {
                    findings.append(.length(path: path, count: items.count, min: min, max: max))
                }
                for (index, item) in items.enumerated() {
                    check(item, member, path: path + "/" + String(index), into: &findings)
                }
            case .opaque(.array), .opaque(.scalar): return
            default: findings.append(.typeMismatch(path: path, expected: .list))
            }
        case .string(let constraints):
            switch node.value {
            case .string(let text): checkString(text, node.utf16, constraints, path: path, into: &findings)
            case .opaque(.scalar): return
            default: findings.append(.typeMismatch(path: path, expected: .string))
            }
        case .integer(let min, let max):
            switch node.value {
            case .number(let number):
                guard case .integer(let digits) = number.kind else {
                    findings.append(.typeMismatch(path: path, expected: .integer))
                    return
                }
                if below(digits, min) || above(digits, max) {
                    findings.append(.range(path: path, value: digits, min: min, max: max))
                }
            case .opaque(.scalar): return
            default: findings.append(.typeMismatch(path: path, expected: .integer))
            }
        case .boolean:
            switch node.value {
            case .bool, .opaque(.scalar): return
            default: findings.append(.typeMismatch(path: path, expected: .boolean))
            }
        }
    }

    private static func checkStructure(
        _ entries: [Member], _ members: [ShapeMember], _ required: [String], path: String,
        into findings: inout [ShapeFinding]
    ) {
        for name in required where !entries.contains(where: { sameCodePoints($0.key, name) }) {
            findings.append(.missingRequired(path: path, member: name))
        }
        // Each known member's first and last entries: faults are reported in the order of the first, on the value
        // of the last (a Python dict keeps a key where it first came and the value it last got).
        var first = [Int?](repeating: nil, count: members.count)
        var last = [Int?](repeating: nil, count: members.count)
        var unknownSeen: Set<[UInt8]> = []
        for (index, entry) in entries.enumerated() {
            if let known = members.firstIndex(where: { sameCodePoints($0.name, entry.key) }) {
                if first[known] == nil { first[known] = index }
                last[known] = index
            } else if unknownSeen.insert(Array(entry.key.utf8)).inserted {
                findings.append(.unknownMember(path: path, name: entry.key, known: members.map(\.name)))
            }
        }
        let written = members.indices.compactMap { known in first[known].map { (position: $0, member: known) } }
        for (_, known) in written.sorted(by: { $0.position < $1.position }) {
            guard let index = last[known] else { continue }
            let member = members[known]
            check(entries[index].value, member.shape, path: path + "/" + escapePointer(member.name), into: &findings)
        }
    }

    private static func checkString(
        _ text: String, _ utf16: [UInt16]?, _ constraints: StringConstraints, path: String,
        into findings: inout [ShapeFinding]
    ) {
        let count = utf16.map(codePointCount) ?? text.unicodeScalars.count
        if outside(count, constraints.min, constraints.max) {
            findings.append(.length(path: path, count: count, min: constraints.min, max: constraints.max))
        }
        if let allowed = constraints.enumValues, !allowed.contains(where: { sameCodePoints($0, text) }) {
            findings.append(.enumValue(path: path, value: text, allowed: allowed))
        }
        if let pattern = constraints.pattern, PythonPattern.matches(pattern, text) == false {
            findings.append(.pattern(path: path, value: text, pattern: pattern))
        }
    }

    /// The code points of UTF-16 text as Python counts them: a surrogate pair is one, an unpaired surrogate one.
    private static func codePointCount(_ units: [UInt16]) -> Int {
        var count = 0
        var index = 0
        while index < units.count {
            if (0xD800...0xDBFF).contains(units[index]), index + 1 < units.count,
                (0xDC00...0xDFFF).contains(units[index + 1])
            {
                index += 2
            } else {
                index += 1
            }
            count += 1
        }
        return count
    }

    private static func outside(_ count: Int, _ min: Int?, _ max: Int?) -> Bool {
        if let min, count < min { return true }
        if let max, count > max { return true }
        return false
    }

    /// Whether the canonical decimal `digits` is below `bound`; a number too large for `Int` is beyond every bound.
    private static func below(_ digits: String, _ bound: Int?) -> Bool {
        guard let bound else { return false }
        guard let value = Int(digits) else { return digits.hasPrefix("-") }
        return value < bound
    }

    /// Whether the canonical decimal `digits` is above `bound`.
    private static func above(_ digits: String, _ bound: Int?) -> Bool {
        guard let bound else { return false }
        guard let value = Int(digits) else { return !digits.hasPrefix("-") }
        return value > bound
    }
}

extension ShapeFinding {
    /// Whether botocore's `ParamValidator` refuses what the finding reports of `value`, validated against `shape`:
    /// required and unknown members, types (but a boolean passes as an integer), and the minimum length or value;
    /// maxima, enums and patterns are left to the service.
    public func isRefusedByBotocore(in value: SyntaxNode, against shape: ShapeNode) -> Bool {
        switch self {
        case .missingRequired, .unknownMember: return true
        case .typeMismatch(let path, let expected):
            // botocore takes a boolean for the integer it is in Python (0 or 1) and checks only its minimum.
            guard expected == .integer, case .bool(let flag) = value.node(at: path)?.value,
                case .integer(let min, _) = shape.node(at: path)?.kind
            else { return true }
            return min.map { (flag ? 1 : 0) < $0 } ?? false
        case .length(_, let count, let min, _): return min.map { count < $0 } ?? false
        case .range(_, let value, let min, _):
            guard let min else { return false }
            guard let number = Int(value) else { return value.hasPrefix("-") }
            return number < min
        case .enumValue, .pattern: return false
        }
    }
}

extension SyntaxNode {
    /// The value at `pointer` (RFC 6901; `""` is this value): of a repeated key, the last value; `nil` when
    /// there is none. Follows the pointer's tokens, never deeper.
    fileprivate func node(at pointer: String) -> SyntaxNode? {
        var node = self
        for token in referenceTokens(pointer) {
            switch node.value {
            case .object(let members):
                guard let member = members.last(where: { sameCodePoints($0.key, token) }) else { return nil }
                node = member.value
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            default: return nil
            }
        }
        return node
    }
}

extension ShapeNode {
    /// The shape of the value at `pointer` (RFC 6901; `""` is this shape); `nil` when the shape has no such
    /// value. Follows the pointer's tokens, never deeper.
    fileprivate func node(at pointer: String) -> ShapeNode? {
        var shape = self
        for token in referenceTokens(pointer) {
            switch shape.kind {
            case .structure:
                guard let member = shape.member(token) else { return nil }
                shape = member
            case .list(let member, _, _): shape = member
            default: return nil
            }
        }
        return shape
    }
}

/// The keys the reference tokens of `pointer` stand for, in order (`/a~1b/c` → `a/b`, `c`).
private func referenceTokens(_ pointer: String) -> [String] {
    pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { unescapePointer(String($0)) }
}

/// The key an RFC 6901 reference token stands for (`~1` is `/`, `~0` is `~`).
func unescapePointer(_ token: String) -> String {
    guard token.contains("~") else { return token }
    return token.replacing("~1", with: "/").replacing("~0", with: "~")
}
