public import WMLintSyntax

/// The shape of the operation's input, from the AWS service model (workmail 2017-10-01), as data.
///
/// Binding and the CLI emulation walk these shapes; no member name or constraint is written anywhere else.
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

    public static let identityCenterShape = StructureShape(
        name: identityCenterConfiguration,
        members: [
            (instanceArn, .string(minLength: 10, maxLength: 1124, enumValues: nil)),
            (applicationArn, .string(minLength: 10, maxLength: 1224, enumValues: nil)),
        ],
        required: [instanceArn, applicationArn])

    public static let personalAccessTokenShape = StructureShape(
        name: personalAccessTokenConfiguration,
        members: [
            (status, .string(minLength: nil, maxLength: nil, enumValues: ["ACTIVE", "INACTIVE"])),
            (lifetimeInDays, .integer(min: 1, max: 3653)),
        ],
        required: [status])

    /// The request: four top-level parameters, all required.
    public static let requestShape = StructureShape(
        name: "PutIdentityProviderConfigurationRequest",
        members: [
            (organizationId, .string(minLength: 34, maxLength: 34, enumValues: nil)),
            (
                authenticationMode,
                .string(
                    minLength: nil, maxLength: nil,
                    enumValues: ["IDENTITY_PROVIDER_ONLY", "IDENTITY_PROVIDER_AND_DIRECTORY"])
            ),
            (identityCenterConfiguration, .structure(identityCenterShape)),
            (personalAccessTokenConfiguration, .structure(personalAccessTokenShape)),
        ],
        required: [organizationId, authenticationMode, identityCenterConfiguration, personalAccessTokenConfiguration]
    )

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
