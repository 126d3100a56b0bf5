import Foundation
import Testing
import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// Checks that the catalogue embedded in the binary and `ServiceFacts` say exactly what `rules/` says, read through
/// the project's own YAML loader (so a change to `rules/` without `scripts/generate-catalogue.py` fails here).
@Suite("Catalogue drift")
struct CatalogueDriftTests {
    /// A YAML mapping read from a file under `rules/`, with typed accessors that record an issue when a value is
    /// absent or of another kind.
    struct Mapping {
        let members: [String: SyntaxNode]
        let context: String

        init(_ node: SyntaxNode, context: String) throws {
            guard case .object(let list) = node.value else {
                Issue.record("\(context): expected a mapping, found \(node.kindDescription)")
                throw DriftError.malformed
            }
            var members: [String: SyntaxNode] = [:]
            for member in list { members[member.key] = member.value }
            self.members = members
            self.context = context
        }

        var keys: Set<String> { Set(members.keys) }

        func node(_ key: String) throws -> SyntaxNode {
            guard let node = members[key] else {
                Issue.record("\(context): no \(key)")
                throw DriftError.malformed
            }
            return node
        }

        func string(_ key: String) throws -> String {
            guard case .string(let text) = try node(key).value else {
                Issue.record("\(context): \(key) is not a string")
                throw DriftError.malformed
            }
            return text
        }

        func optionalString(_ key: String) throws -> String? {
            members[key] == nil ? nil : try string(key)
        }

        func bool(_ key: String) throws -> Bool {
            guard case .bool(let value) = try node(key).value else {
                Issue.record("\(context): \(key) is not a boolean")
                throw DriftError.malformed
            }
            return value
        }

        func strings(_ key: String) throws -> [String] {
            guard case .array(let items) = try node(key).value else {
                Issue.record("\(context): \(key) is not a list")
                throw DriftError.malformed
            }
            return try items.map { item in
                guard case .string(let text) = item.value else {
                    Issue.record("\(context): \(key) holds \(item.kindDescription)")
                    throw DriftError.malformed
                }
                return text
            }
        }

        func list(_ key: String) throws -> [Mapping] {
            guard case .array(let items) = try node(key).value else {
                Issue.record("\(context): \(key) is not a list")
                throw DriftError.malformed
            }
            return try items.enumerated().map { try Mapping($1, context: "\(context): \(key)[\($0)]") }
        }

        func mapping(_ key: String) throws -> Mapping {
            try Mapping(try node(key), context: "\(context): \(key)")
        }

        func integer(_ key: String) throws -> Int {
            guard case .number(let number) = try node(key).value, case .integer(let digits) = number.kind,
                let value = Int(digits)
            else {
                Issue.record("\(context): \(key) is not an integer")
                throw DriftError.malformed
            }
            return value
        }

        func bounds(_ key: String) throws -> ClosedRange<Int> {
            let bounds = try mapping(key)
            let lower = try bounds.integer("min")
            let upper = try bounds.integer("max")
            try #require(lower <= upper, "\(context): \(key) has min > max")
            return lower...upper
        }
    }

    enum DriftError: Error {
        case malformed
    }

    static let rulesDirectory = URL(fileURLWithPath: TestSupport.root).appendingPathComponent("rules")

    /// The ids named by `rules/*.yaml` (every file but `facts.yaml`), sorted.
    static let ruleFileIDs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "facts.yaml" }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Loads `rules/<name>` through ``YAMLLoader``, requiring a clean parse.
    static func load(_ name: String) throws -> Mapping {
        let url = rulesDirectory.appendingPathComponent(name)
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = YAMLLoader.load(SourceText(bytes: bytes, path: "rules/\(name)"))
        #expect(result.diagnostics.isEmpty, "rules/\(name): \(result.diagnostics.map(\.message))")
        let root = try #require(result.root, "rules/\(name) did not load")
        return try Mapping(root, context: "rules/\(name)")
    }

    @Test("every RuleID case has a rules/ file and a catalogue entry, and nothing else does")
    func idsAgree() {
        let caseIDs = RuleID.allCases.map(\.rawValue).sorted()
        #expect(Self.ruleFileIDs == caseIDs)
        #expect(RuleCatalogue.all.map(\.id.rawValue) == caseIDs, "the catalogue is sorted by id, one entry each")
        #expect(caseIDs.count == 42)
        for id in RuleID.allCases {
            #expect(RuleCatalogue.description(of: id)?.id == id)
        }
    }

    @Test("catalogue severities are the rules' default severities")
    func severitiesAreDefaults() {
        for rule in RuleCatalogue.all {
            #expect(rule.severity == rule.id.defaultSeverity, "\(rule.id.rawValue)")
        }
    }

    @Test("the embedded entry equals rules/<id>.yaml", arguments: RuleID.allCases)
    func entryMatchesFile(id: RuleID) throws {
        let file = try Self.load("\(id.rawValue).yaml")
        let entry = try #require(RuleCatalogue.description(of: id), "no catalogue entry for \(id.rawValue)")
        #expect(file.keys == ["id", "severity", "summary", "fixable", "rationale", "examples"])
        #expect(try file.string("id") == id.rawValue)
        #expect(try file.string("severity") == entry.severity.rawValue)
        #expect(try file.string("summary") == entry.summary)
        #expect(try file.string("rationale") == entry.rationale)
        #expect(try file.bool("fixable") == entry.fixable)
        let examples = try file.list("examples")
        try #require(examples.count == entry.examples.count, "\(id.rawValue): example count")
        for (example, embedded) in zip(examples, entry.examples) {
            #expect(try example.string("kind") == embedded.kind.rawValue, "\(example.context)")
            #expect(try example.string("form") == embedded.form.rawValue, "\(example.context)")
            #expect(try example.string("title") == embedded.title, "\(example.context)")
            #expect(try example.string("text") == embedded.text, "\(example.context)")
            #expect(try example.optionalString("config") == embedded.config, "\(example.context)")
            var files: [String: String] = [:]
            if example.members["files"] != nil {
                let mapping = try example.mapping("files")
                for name in mapping.keys { files[name] = try mapping.string(name) }
            }
            #expect(files == embedded.files, "\(example.context)")
        }
    }

    @Test("each rule has marked invalid examples and unmarked valid ones")
    func examplesAreMarked() {
        for rule in RuleCatalogue.all {
            let invalid = rule.examples.filter { $0.kind == .invalid }
            let valid = rule.examples.filter { $0.kind == .valid }
            #expect(valid.count >= 1, "\(rule.id.rawValue)")
            #expect(invalid.count >= (rule.id == .inputLimit ? 0 : 2), "\(rule.id.rawValue)")
            for example in rule.examples {
                let opens = example.text.filter { $0 == "⏩" }.count
                let closes = example.text.filter { $0 == "⏪" }.count
                #expect(opens == closes, "\(rule.id.rawValue): \(example.title)")
                #expect((opens > 0) == (example.kind == .invalid), "\(rule.id.rawValue): \(example.title)")
            }
        }
    }

    @Test("ServiceFacts equals rules/facts.yaml")
    func factsMatchFile() throws {
        let facts = try Self.load("facts.yaml")
        #expect(try facts.string("organization-id-pattern") == ServiceFacts.organizationIdPattern)
        #expect(try facts.string("instance-arn-pattern") == ServiceFacts.instanceArnPattern)
        #expect(try facts.string("application-arn-pattern") == ServiceFacts.applicationArnPattern)
        #expect(try facts.strings("partitions") == ServiceFacts.partitions)
        #expect(try facts.strings("authentication-modes") == ServiceFacts.authenticationModes)
        #expect(try facts.strings("personal-access-token-statuses") == ServiceFacts.personalAccessTokenStatuses)
        #expect(try facts.bounds("lifetime-in-days") == ServiceFacts.lifetimeInDays)
        #expect(try facts.bounds("instance-arn-length") == ServiceFacts.instanceArnLength)
        #expect(try facts.bounds("application-arn-length") == ServiceFacts.applicationArnLength)
        #expect(try facts.strings("workmail-regions") == ServiceFacts.workmailRegions)
        #expect(try facts.strings("region-prefixes-of-aws") == ServiceFacts.regionPrefixesOfAWS)
        let pairs = try facts.list("partition-by-region-prefix").map {
            try [$0.string("prefix"), $0.string("partition")]
        }
        #expect(pairs == ServiceFacts.partitionByRegionPrefix.map { [$0.prefix, $0.partition] })
    }

    @Test("The service facts hold for the values the examples build on")
    func factsDescribeTheExamples() throws {
        let organizationID = "m-0123456789abcdef0123456789abcdef"
        let instanceArn = "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845"
        let applicationArn = "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"
        for (pattern, value) in [
            (ServiceFacts.organizationIdPattern, organizationID), (ServiceFacts.instanceArnPattern, instanceArn),
            (ServiceFacts.applicationArnPattern, applicationArn),
        ] {
            let expression = try NSRegularExpression(pattern: pattern)
            let whole = NSRange(value.startIndex..., in: value)
            #expect(expression.firstMatch(in: value, range: whole)?.range == whole, "\(value) ~ \(pattern)")
        }
        #expect(!ServiceFacts.workmailRegions.isEmpty)
        #expect(
            ServiceFacts.workmailRegions.allSatisfy { region in
                ServiceFacts.regionPrefixesOfAWS.contains { region.hasPrefix($0) }
                    && !ServiceFacts.partitionByRegionPrefix.contains { region.hasPrefix($0.prefix) }
            })
    }
}

/// Every region a configuration may name is one botocore knows, when botocore is installed (a newer botocore may
/// know more: regions are added, never removed; `rules/facts.yaml` says how the list was taken).
@Suite struct RegionListTests {
    /// The regions of every partition botocore knows, or nil without python3 or botocore.
    static let botocoreRegions: [String]? = {
        let script = """
            import botocore.session
            d = botocore.session.get_session().get_data('endpoints')
            print('\\n'.join(sorted(r for p in d['partitions'] for r in p['regions'])))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }()

    @Test(.enabled(if: botocoreRegions != nil, "python3 with botocore is not installed: nothing to compare against"))
    func everyRegionIsOneBotocoreKnows() throws {
        let regions = try #require(Self.botocoreRegions)
        #expect(regions.count >= 40)
        #expect(Set(ServiceFacts.awsRegions).subtracting(regions).isEmpty)
    }
}
