public import WMLintSyntax

/// The shape of the operation's input, from the AWS service model (workmail 2017-10-01), as data.
///
/// The binder walks these shapes; no member name or constraint is written anywhere else.
public indirect enum Shape: Sendable, Hashable {
    /// A string; `minLength`/`maxLength` count Unicode scalars, as botocore's `len()` does.
    case string(minLength: Int?, maxLength: Int?, enumValues: [String]?)
    /// An integer with inclusive bounds.
    case integer(min: Int?, max: Int?)
    case structure(StructureShape)
}

/// A member of a structure shape.
public struct MemberShape: Sendable, Hashable {
    public var name: String
    public var shape: Shape
}

/// A structure shape: its members in model order and which of them are required.
public struct StructureShape: Sendable, Hashable {
    public var name: String
    public var members: [MemberShape]
    public var required: [String]

    public init(name: String, members: [(String, Shape)], required: [String]) {
        self.name = name
        self.members = members.map { MemberShape(name: $0.0, shape: $0.1) }
        self.required = required
    }

    /// The shape of member `name`, matched exactly.
    public func member(_ name: String) -> Shape? {
        memberIndex(name).map { members[$0].shape }
    }

    /// The position of member `name` in ``members``, matched exactly.
    public func memberIndex(_ name: String) -> Int? {
        members.firstIndex { $0.name == name }
    }

    /// The member names, in model order.
    public var memberNames: [String] { members.map(\.name) }
}

/// Facts about `PutIdentityProviderConfiguration`.
public enum OperationModel {
    public static let service = "workmail"
    public static let operation = "put-identity-provider-configuration"

    public static let organizationId = "OrganizationId"
    public static let authenticationMode = "AuthenticationMode"
    public static let identityCenterConfiguration = "IdentityCenterConfiguration"
    public static let personalAccessTokenConfiguration = "PersonalAccessTokenConfiguration"
    public static let instanceArn = "InstanceArn"
    public static let applicationArn = "ApplicationArn"
    public static let status = "Status"
    public static let lifetimeInDays = "LifetimeInDays"

    /// The request's members and their structures' members, each once: a structure's entry comes before its
    /// members'. Each entry says where the binder stores the member; what the member must be (its constraints, and
    /// whether it is required) comes from the service model's shape. The binder's dispatch, the shapes below, the
    /// pointers and the option names all come from here: a new member is an entry here and a stored property of
    /// ``Request``.
    public static let members: [RequestMember] = RequestMember.table(
        [
            .init(organizationId, .string { $0.organizationId = $1 }),
            .init(authenticationMode, .string { $0.authenticationMode = $1 }),
            .init(identityCenterConfiguration, .structure { $0.identityCenterConfiguration = $1 }),
            .init(
                instanceArn, in: identityCenterConfiguration,
                .string { $0.identityCenterConfiguration?.value?.instanceArn = $1 }),
            .init(
                applicationArn, in: identityCenterConfiguration,
                .string { $0.identityCenterConfiguration?.value?.applicationArn = $1 }),
            .init(personalAccessTokenConfiguration, .structure { $0.personalAccessTokenConfiguration = $1 }),
            .init(
                status, in: personalAccessTokenConfiguration,
                .string { $0.personalAccessTokenConfiguration?.value?.status = $1 }),
            .init(
                lifetimeInDays, in: personalAccessTokenConfiguration,
                .integer { $0.personalAccessTokenConfiguration?.value?.lifetimeInDays = $1 }),
        ], in: GeneratedShapes.putIdentityProviderConfigurationRequest)

    /// The name of the request's structure in the model.
    static let requestShapeName = "PutIdentityProviderConfigurationRequest"

    /// The request: four top-level parameters, all required.
    public static let requestShape = RequestMember.structure(requestShapeName, of: nil, in: members)
    public static let identityCenterShape = structureShape(of: identityCenterConfiguration)
    public static let personalAccessTokenShape = structureShape(of: personalAccessTokenConfiguration)

    /// The top-level parameters, as the binder walks them.
    static let requestMembers = MemberList(requestShape, positions: RequestMember.positions(of: nil, in: members))

    /// The shape of the top-level structure member `name` (empty if there is none: the table above has each).
    private static func structureShape(of name: String) -> StructureShape {
        guard let member = members.first(where: { $0.name == name && $0.parent == nil }),
            case .structure(let shape) = member.shape
        else { return StructureShape(name: name, members: [], required: []) }
        return shape
    }

    /// What a parser builds of a request document: the shape's members; an unknown member's value stays opaque.
    public static let requestDemand = demand(of: requestShape)

    /// What a parser builds of a value of `shape`: a structure's members as their shapes say, a scalar whole (a
    /// mistyped value is then described exactly).
    public static func demand(of shape: StructureShape) -> NodeDemand {
        var members: [String: NodeDemand] = [:]
        for member in shape.members {
            switch member.shape {
            case .structure(let inner): members[member.name] = demand(of: inner)
            case .string, .integer: members[member.name] = .all
            }
        }
        return .members(members)
    }

    /// The CLI option of each top-level parameter (`OrganizationId` → `--organization-id`).
    public static func optionName(of parameter: String) -> String {
        var result = "--"
        for (index, character) in parameter.enumerated() {
            if character.isUppercase && index > 0 { result += "-" }
            result += character.lowercased()
        }
        return result
    }
}

/// A member of the request, or of one of its structures: its name, where its value sits in the request, what it
/// must be, and where the binder stores it in a ``Request``.
///
/// A class: the binder reaches each member of each request through the table, and a reference is all it copies.
public final class RequestMember: Sendable {
    /// The member's name in the model (`LifetimeInDays`).
    public let name: String
    /// RFC 6901 pointer of the member's value in the request (`/PersonalAccessTokenConfiguration/LifetimeInDays`);
    /// a model name needs no escaping.
    public let pointer: String
    /// The position in ``OperationModel/members`` of the structure holding the member; `nil` for a top-level
    /// parameter.
    public let parent: Int?
    /// What the value must be; a structure's members are the entries that name it as their parent.
    public let shape: Shape
    public let isRequired: Bool
    /// Where the binder stores the bound value.
    let slot: MemberSlot
    /// A structure's members, as the binder walks them; empty for a scalar.
    let members: MemberList

    init(
        name: String, pointer: String, parent: Int?, shape: Shape, isRequired: Bool, slot: MemberSlot,
        members: MemberList
    ) {
        self.name = name
        self.pointer = pointer
        self.parent = parent
        self.shape = shape
        self.isRequired = isRequired
        self.slot = slot
        self.members = members
    }

    /// One line of the table: a member, the structure holding it (`nil`: the request), and where the binder
    /// stores it.
    struct Entry: Sendable {
        var name: String
        var parent: String?
        var slot: MemberSlot

        init(_ name: String, in parent: String? = nil, _ slot: MemberSlot) {
            self.name = name
            self.parent = parent
            self.slot = slot
        }
    }

    /// The table of `entries`, in their order, against the model's shape of the request `request`: each parent
    /// resolved to the nearest entry before it of that name, each scalar's shape and each member's being required
    /// taken from the model, each structure's shape made of its members (the members come after their structure).
    static func table(_ entries: [Entry], in request: ShapeNode) -> [RequestMember] {
        var parents: [Int?] = []
        for (index, entry) in entries.enumerated() {
            parents.append(entry.parent.flatMap { name in entries[..<index].lastIndex { $0.name == name } })
        }
        var pointers: [String] = []
        var nodes: [ShapeNode?] = []
        for (index, entry) in entries.enumerated() {
            pointers.append((parents[index].map { pointers[$0] } ?? "") + "/" + entry.name)
            let parent = parents[index].map { nodes[$0] } ?? request
            nodes.append(parent?.member(entry.name))
        }
        func isRequired(_ index: Int) -> Bool {
            guard case .structure(_, let required)? = (parents[index].map { nodes[$0] } ?? request)?.kind else {
                return false
            }
            return required.contains(entries[index].name)
        }
        // Members come after their structure: from the last entry back, a structure's members are made already.
        var shapes = [Shape?](repeating: nil, count: entries.count)
        var lists = [MemberList](repeating: MemberList(), count: entries.count)
        for index in entries.indices.reversed() {
            if case .structureField = entries[index].slot {
                let positions = entries.indices.filter { parents[$0] == index }
                let structure = StructureShape(
                    name: entries[index].name,
                    members: positions.map { (entries[$0].name, shapes[$0] ?? .structure(.empty)) },
                    required: positions.filter(isRequired).map { entries[$0].name })
                shapes[index] = .structure(structure)
                lists[index] = MemberList(structure, positions: positions)
            } else {
                shapes[index] = nodes[index].map(Shape.init(scalar:))
            }
        }
        return entries.indices.map { index in
            RequestMember(
                name: entries[index].name, pointer: pointers[index], parent: parents[index],
                shape: shapes[index] ?? .structure(.empty), isRequired: isRequired(index), slot: entries[index].slot,
                members: lists[index])
        }
    }

    /// The positions in `members` of the members of the structure at `parent` (`nil`: the request), in order.
    static func positions(of parent: Int?, in members: [RequestMember]) -> [Int] {
        members.indices.filter { members[$0].parent == parent }
    }

    /// The structure named `name` made of the members of the structure at `parent` (`nil`: the request).
    static func structure(_ name: String, of parent: Int?, in members: [RequestMember]) -> StructureShape {
        let positions = positions(of: parent, in: members)
        return StructureShape(
            name: name, members: positions.map { (members[$0].name, members[$0].shape) },
            required: positions.filter { members[$0].isRequired }.map { members[$0].name })
    }
}

/// Where the binder stores a member's value in a ``Request``.
enum MemberSlot: Sendable {
    case string(@Sendable (inout Request, consuming Field<String>) -> Void)
    case integer(@Sendable (inout Request, consuming Field<Int>) -> Void)
    /// A structure: stores its field, holding an empty value to fill in (`isPresent`) or none.
    case structureField(
        @Sendable (inout Request, _ location: ValueLocation, _ isPresent: Bool, _ isUnresolved: Bool) -> Void)

    /// A structure member stored by `store`; its members are then stored into the value it holds.
    static func structure<Value: RequestStructure>(
        _ store: @escaping @Sendable (inout Request, consuming Field<Value>) -> Void
    )
        -> MemberSlot
    {
        .structureField { request, location, isPresent, isUnresolved in
            store(&request, Field(value: isPresent ? Value() : nil, isUnresolved: isUnresolved, location: location))
        }
    }

    /// Stores a value only known at run time.
    func storeUnresolved(at location: ValueLocation, in request: inout Request) {
        switch self {
        case .string(let store): store(&request, Field(value: nil, isUnresolved: true, location: location))
        case .integer(let store): store(&request, Field(value: nil, isUnresolved: true, location: location))
        case .structureField(let store): store(&request, location, false, true)
        }
    }
}

/// A structure of the request, as the binder walks it: its shape, and its members' positions in
/// ``OperationModel/members`` and names, in model order (a class, as ``RequestMember`` is).
final class MemberList: Sendable {
    let shape: StructureShape
    let positions: [Int]
    /// The members' names, made once: an unknown key's message lists them.
    let names: [String]

    init(_ shape: StructureShape = .empty, positions: [Int] = []) {
        self.shape = shape
        self.positions = positions
        names = shape.memberNames
    }
}

extension Shape {
    /// The binder's shape of a string or integer shape of the model (any other kind is an empty structure).
    init(scalar node: ShapeNode) {
        switch node.kind {
        case .string(let constraints):
            self = .string(minLength: constraints.min, maxLength: constraints.max, enumValues: constraints.enumValues)
        case .integer(let min, let max): self = .integer(min: min, max: max)
        case .structure, .list, .boolean: self = .structure(.empty)
        }
    }
}

extension StructureShape {
    /// A structure of no members.
    static let empty = StructureShape(name: "", members: [], required: [])
}
