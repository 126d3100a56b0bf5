import Testing

@testable import WMLintKit

/// `Sniffer.mentionsParameter` against the plain definition: lower-case the text's ASCII letters, then look for
/// each lower-cased parameter name.
@Suite struct SnifferTests {
    private static let names = [
        "OrganizationId", "AuthenticationMode", "IdentityCenterConfiguration", "PersonalAccessTokenConfiguration",
    ]

    private static func reference(_ text: [UInt8]) -> Bool {
        let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return names.contains { name in
            let pattern = Array(name.lowercased().utf8)
            guard lowered.count >= pattern.count else { return false }
            return (0...(lowered.count - pattern.count)).contains {
                Array(lowered[$0..<($0 + pattern.count)]) == pattern
            }
        }
    }

    @Test(arguments: [
        #"{"OrganizationId": "m-1"}"#, "organizationid", "ORGANIZATIONID:", "xxAuthenticationModexx",
        "identityCenterConfiguratio", "PersonalAccessTokenConfiguration", "personal access token", "",
        "organizationI", "Organization\u{0}Id", "日本語 OrganizationId", "@RGANIZATIONID", "organizationid",
        "OrganizationIdentity", "{\"Status\": \"ACTIVE\"}", "oOoRGANIZATIONID",
    ])
    func agreesWithTheReference(text: String) {
        let bytes = Array(text.utf8)
        #expect(Sniffer.mentionsParameter(bytes) == Self.reference(bytes))
    }

    @Test func findsANameAtEveryOffsetAndNotACutOne() {
        let name = Array("IdentityCenterConfiguration".utf8)
        for offset in 0..<40 {
            let padding = [UInt8](repeating: UInt8(ascii: "I"), count: offset)
            #expect(Sniffer.mentionsParameter(padding + name + padding))
            #expect(Sniffer.mentionsParameter(padding + name.map { $0 & ~0x20 }))
            #expect(!Sniffer.mentionsParameter(padding + name.dropLast()))
        }
    }

    @Test(arguments: [
        ["OrganizationId"], ["organizationid"], ["ORGANIZATIONID"], ["Status", "authenticationMode"], [],
        [""], ["OrganizationI"], ["OrganizationIdx"], ["日本語"], ["Organization\u{0}Id"], ["ORGANİZATIONID"],
        ["Personal\u{212A}"], ["IdentityCenterConfiguration"], ["identity center configuration"],
    ])
    func parameterKeysMatchTheLowerCasedNames(keys: [String]) {
        let expected = keys.contains { key in Self.names.contains { $0.lowercased() == key.lowercased() } }
        #expect(Sniffer.hasParameterKey(keys) == expected)
    }

    @Test func aKeyThatLowerCasesToANameMatches() {
        // U+212A KELVIN SIGN lower-cases to an ASCII `k`: "PersonalAccessToKenConfiguration" with it is a name.
        let key = "PersonalAccessTo\u{212A}enConfiguration"
        #expect(key.lowercased() == "personalaccesstokenconfiguration")
        #expect(Sniffer.hasParameterKey(["x", key]))
    }
}
