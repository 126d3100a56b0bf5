import Foundation
import Testing
import WMLintModel
import WMLintSource

@testable import WMLintKit

/// `schemas/config.schema.json` says what the loader accepts: same keys, rule ids, modes, bounds and patterns.
@Suite struct ConfigSchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.root + "/schemas/config.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func value(_ object: Any?, _ path: String...) -> Any? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    @Test func declaresDraft2020AndTheLoadersKeys() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ConfigurationLoader.topLevelKeys))
    }

    @Test func listsEveryRuleAndSeverity() throws {
        let schema = try Self.schema()
        let ids = Self.value(schema, "$defs", "ruleID", "enum") as? [String]
        #expect(ids == RuleID.allCases.map(\.rawValue))
        let severities = Self.value(schema, "properties", "rules", "additionalProperties", "enum") as? [String]
        #expect(severities == ConfigurationLoader.severityNames)
    }

    @Test func listsTheServiceFacts() throws {
        let schema = try Self.schema()
        let modes = Self.value(schema, "properties", "authentication-modes", "items", "enum") as? [String]
        #expect(modes == ServiceFacts.authenticationModes)
        for bound in ["min", "max"] {
            let limits = Self.value(schema, "properties", "pat-lifetime-days", "properties", bound)
            #expect(Self.value(limits, "minimum") as? Int == ServiceFacts.lifetimeInDays.lowerBound)
            #expect(Self.value(limits, "maximum") as? Int == ServiceFacts.lifetimeInDays.upperBound)
        }
    }

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    @Test(arguments: [
        "us-east-1", "eu-west-1", "us-gov-west-1", "us-isob-east-1", "cn-north-1", "ap-southeast-2", "US-EAST-1",
        "us-east", "useast1", "u-east-1", "us--east-1", "us-east-1 ", "-us-east-1", "us-east-1a", "日本-east-1",
    ])
    func regionPatternAgreesWithTheLoader(region: String) throws {
        let pattern = try #require(Self.value(try Self.schema(), "properties", "region", "pattern") as? String)
        #expect(try Self.matches(pattern, region) == (ConfigurationValues.regionProblem(region) == nil))
    }

    @Test(arguments: ["508193746210", "012345678901", "12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢"])
    func accountPatternAgreesWithTheLoader(account: String) throws {
        let pattern = try #require(Self.value(try Self.schema(), "properties", "account-id", "pattern") as? String)
        #expect(try Self.matches(pattern, account) == (ConfigurationValues.accountIDProblem(account) == nil))
    }

    @Test(arguments: [
        ("/PersonalAccessTokenConfiguration", true), ("/a~0b/~1", true), ("/", true), ("a", false), ("/a~", false),
        ("/a~2", false), ("", false),
    ])
    func pointerPatternAgreesWithTheLoader(pointer: String, valid: Bool) throws {
        let schema = try Self.schema()
        let pattern = try #require(
            Self.value(schema, "properties", "ignore", "items", "properties", "pointer", "pattern") as? String)
        #expect(try Self.matches(pattern, pointer) == valid)
        let (_, result, _) = try loadConfiguration("ignore: [{pointer: \"\(pointer)\"}]\n")
        let loaded = (try? result.get()) != nil
        #expect(loaded == valid)
    }
}
