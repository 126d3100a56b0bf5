import Testing
import WMLintSource
import WMLintSyntax

@testable import WMLintModel

/// The one description of the request's members: the shapes, pointers and the binder's slots agree with it.
@Suite struct RequestMemberTableTests {
    @Test func eachMemberHasItsPointerUnderItsParent() {
        let members = OperationModel.members
        #expect(
            members.map(\.pointer) == [
                "/OrganizationId", "/AuthenticationMode", "/IdentityCenterConfiguration",
                "/IdentityCenterConfiguration/InstanceArn", "/IdentityCenterConfiguration/ApplicationArn",
                "/PersonalAccessTokenConfiguration", "/PersonalAccessTokenConfiguration/Status",
                "/PersonalAccessTokenConfiguration/LifetimeInDays",
            ])
        for member in members {
            let parent = member.parent.map { members[$0].pointer } ?? ""
            #expect(member.pointer == parent + "/" + member.name)
        }
    }

    @Test func theShapesAreMadeOfTheTable() {
        #expect(
            OperationModel.requestShape.memberNames == [
                "OrganizationId", "AuthenticationMode", "IdentityCenterConfiguration",
                "PersonalAccessTokenConfiguration",
            ])
        #expect(OperationModel.requestShape.required == OperationModel.requestShape.memberNames)
        #expect(OperationModel.identityCenterShape.memberNames == ["InstanceArn", "ApplicationArn"])
        #expect(OperationModel.identityCenterShape.required == ["InstanceArn", "ApplicationArn"])
        #expect(OperationModel.personalAccessTokenShape.memberNames == ["Status", "LifetimeInDays"])
        #expect(OperationModel.personalAccessTokenShape.required == ["Status"])
        #expect(OperationModel.requestMembers.names == OperationModel.requestShape.memberNames)
    }

    @Test func eachSlotHoldsItsShapesKindOfValue() {
        for member in OperationModel.members {
            switch (member.slot, member.shape) {
            case (.string, .string), (.integer, .integer): #expect(member.members.positions.isEmpty)
            case (.structureField, .structure(let shape)):
                #expect(member.members.names == shape.memberNames, "\(member.name)")
                #expect(member.members.positions.map { OperationModel.members[$0].name } == shape.memberNames)
            default: Issue.record("\(member.name): its slot does not hold a value of its shape")
            }
        }
    }

    /// Every member of a full request is stored where the table says, at the table's pointer.
    @Test func everyMemberIsStoredAtItsPointer() throws {
        let json =
            #"{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "#
            + validICC + #", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}"#
        let request = try bindDocument(json).0.request
        let identityCenter = request.identityCenterConfiguration?.value
        let token = request.personalAccessTokenConfiguration?.value
        let stored: [String?] = [
            request.organizationId?.location.pointer, request.authenticationMode?.location.pointer,
            request.identityCenterConfiguration?.location.pointer, identityCenter?.instanceArn?.location.pointer,
            identityCenter?.applicationArn?.location.pointer,
            request.personalAccessTokenConfiguration?.location.pointer,
            token?.status?.location.pointer, token?.lifetimeInDays?.location.pointer,
        ]
        #expect(stored == OperationModel.members.map(\.pointer))
    }
}
