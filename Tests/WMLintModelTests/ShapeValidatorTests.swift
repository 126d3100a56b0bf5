import Testing
import WMLintModel
import WMLintSource
import WMLintSyntax

/// The value tree of a JSON text, as the project's reader builds it.
func jsonNode(_ json: String, demand: NodeDemand = .all) throws -> SyntaxNode {
    let parsed = JSONParser.parse(SourceText(bytes: Array(json.utf8), path: "v.json"), demand: demand)
    #expect(!parsed.hasErrors, "\(json) should parse")
    return try #require(parsed.root)
}

/// The findings of a JSON text against the input of a covered operation.
func findings(_ json: String, _ operation: String) throws -> [ShapeFinding] {
    ShapeValidator.validate(try jsonNode(json), operation: try #require(OperationShape.named(operation)))
}

let organizationId = "m-0123456789abcdef0123456789abcdef"
let instanceArn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
let applicationArn = "arn:aws:sso::012345678901:application/ssoins-0123456789abcdef/apl-0123456789abcdef"

/// A valid `put-identity-provider-configuration` request with `patConfiguration` as its PAT configuration.
func putRequest(pat patConfiguration: String = #"{"Status": "ACTIVE", "LifetimeInDays": 30}"#) -> String {
    #"{"OrganizationId": "\#(organizationId)", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "#
        + #""IdentityCenterConfiguration": {"InstanceArn": "\#(instanceArn)", "ApplicationArn": "\#(applicationArn)"}, "#
        + #""PersonalAccessTokenConfiguration": \#(patConfiguration)}"#
}

@Suite("Shape validator")
struct ShapeValidatorTests {
    @Test func aValidRequestHasNoFindings() throws {
        #expect(try findings(putRequest(), "put-identity-provider-configuration") == [])
        #expect(try findings(#"{"OrganizationId": "\#(organizationId)"}"#, "list-personal-access-tokens") == [])
    }

    @Test func missingRequiredNamesTheStructureAndTheMember() throws {
        let found = try findings(putRequest(pat: #"{"LifetimeInDays": 30}"#), "put-identity-provider-configuration")
        #expect(found == [.missingRequired(path: "/PersonalAccessTokenConfiguration", member: "Status")])
        #expect(found.map(\.pointer) == ["/PersonalAccessTokenConfiguration/Status"])
        let root = try findings(#"{"Name": "WorkMail"}"#, "create-identity-center-application")
        #expect(root == [.missingRequired(path: "", member: "InstanceArn")])
        #expect(root.map(\.pointer) == ["/InstanceArn"])
    }

    @Test func unknownMemberIsReportedOnceWithTheKnownNamesAndAnEscapedPointer() throws {
        let json = #"{"OrganizationId": "\#(organizationId)", "a/b~c": 1, "Nmae": 2, "a/b~c": 3}"#
        let found = try findings(json, "delete-identity-provider-configuration")
        #expect(
            found == [
                .unknownMember(path: "", name: "a/b~c", known: ["OrganizationId"]),
                .unknownMember(path: "", name: "Nmae", known: ["OrganizationId"]),
            ])
        #expect(found.map(\.pointer) == ["/a~1b~0c", "/Nmae"])
        let nested = try findings(
            putRequest(pat: #"{"Status": "ACTIVE", "Lifetime": 30}"#), "put-identity-provider-configuration")
        #expect(
            nested == [
                .unknownMember(
                    path: "/PersonalAccessTokenConfiguration", name: "Lifetime", known: ["Status", "LifetimeInDays"])
            ])
        #expect(nested.map(\.pointer) == ["/PersonalAccessTokenConfiguration/Lifetime"])
    }

    @Test(arguments: [
        (#""30""#, ShapeType.integer), ("30.0", .integer), ("1e1", .integer), ("true", .integer), ("null", .integer),
        ("[30]", .integer), (#"{"a": 1}"#, .integer),
    ])
    func typeMismatchOfAnInteger(_ value: String, _ expected: ShapeType) throws {
        let found = try findings(
            putRequest(pat: #"{"Status": "ACTIVE", "LifetimeInDays": \#(value)}"#),
            "put-identity-provider-configuration")
        #expect(found == [.typeMismatch(path: "/PersonalAccessTokenConfiguration/LifetimeInDays", expected: expected)])
    }

    @Test func typeMismatchOfEveryOtherType() throws {
        let pat = try findings(putRequest(pat: #""Status=ACTIVE""#), "put-identity-provider-configuration")
        #expect(pat == [.typeMismatch(path: "/PersonalAccessTokenConfiguration", expected: .structure)])
        let root = try findings(#"["\#(organizationId)"]"#, "describe-identity-provider-configuration")
        #expect(root == [.typeMismatch(path: "", expected: .structure)])
        #expect(root.map(\.pointer) == [""])
        let name = try findings(
            #"{"Name": null, "InstanceArn": "\#(instanceArn)"}"#, "create-identity-center-application")
        #expect(name == [.typeMismatch(path: "/Name", expected: .string)])
        let flag = try findings(
            #"{"OrganizationId": "\#(organizationId)", "DeleteDirectory": "true"}"#, "delete-organization")
        #expect(flag == [.typeMismatch(path: "/DeleteDirectory", expected: .boolean)])
        let number = try findings(
            #"{"OrganizationId": "\#(organizationId)", "DeleteDirectory": 1}"#, "delete-organization")
        #expect(number == [.typeMismatch(path: "/DeleteDirectory", expected: .boolean)])
    }

    @Test func aYAMLDateIsNotAString() throws {
        let text = "OrganizationId: \(organizationId)\nUserId: 2024-01-01\n"
        let root = try #require(YAMLLoader.load(SourceText(bytes: Array(text.utf8), path: "v.yaml")).root)
        let found = ShapeValidator.validate(root, operation: try #require(OperationShape.named("update-user")))
        #expect(found == [.typeMismatch(path: "/UserId", expected: .string)])
    }

    @Test func enumValueComparesCodePoints() throws {
        for value in ["active", "ACTIVE ", "ACTIVE\\n", "\\uff21CTIVE", ""] {
            let found = try findings(
                putRequest(pat: #"{"Status": "\#(value)"}"#), "put-identity-provider-configuration")
            let decoded = try jsonNode("\"\(value)\"")
            guard case .string(let text) = decoded.value else { throw Failure() }
            #expect(
                found == [
                    .enumValue(
                        path: "/PersonalAccessTokenConfiguration/Status", value: text, allowed: ["ACTIVE", "INACTIVE"])
                ])
        }
    }

    @Test func patternIsMatchedAsTheServiceMatches() throws {
        let upper = "m-0123456789abcdef0123456789ABCDEF"
        let found = try findings(#"{"OrganizationId": "\#(upper)"}"#, "delete-identity-provider-configuration")
        #expect(found == [.pattern(path: "/OrganizationId", value: upper, pattern: "^m-[0-9a-f]{32}$")])
        // The whole value must match: `[a-zA-Z0-9._%+@-]+` refuses a user id with a space inside.
        let inside = try findings(#"{"OrganizationId": "\#(organizationId)", "UserId": "ab cd"}"#, "update-user")
        #expect(inside == [.pattern(path: "/UserId", value: "ab cd", pattern: "[a-zA-Z0-9._%+@-]+")])
        // `$` is the very end, and `\w` is ASCII, as the service matches.
        let app = #", "InstanceArn": "\#(instanceArn)"}"#
        #expect(try findings(#"{"Name": "WorkMail\n""# + app, "create-identity-center-application").count == 1)
        #expect(try findings(#"{"Name": "日本語_²Ⅻ""# + app, "create-identity-center-application").count == 1)
        #expect(try findings(#"{"Name": "Work_Mail.prod@x""# + app, "create-identity-center-application") == [])
        let space = try findings(#"{"Name": "WorkMail prod""# + app, "create-identity-center-application")
        #expect(space == [.pattern(path: "/Name", value: "WorkMail prod", pattern: #"^[\w+=,.@-]+$"#)])
        let mark = try findings(#"{"Name": "e\u0301""# + app, "create-identity-center-application")
        #expect(mark.map(\.pointer) == ["/Name"])
    }

    @Test func lengthCountsCodePoints() throws {
        // A display name has no pattern, and at most 256 code points (日 is 3 UTF-8 bytes and one UTF-16 unit).
        let user = #""OrganizationId": "\#(organizationId)", "Name": "bob""#
        let fits = String(repeating: "日", count: 255) + "😀"
        #expect(try findings(#"{\#(user), "DisplayName": "\#(fits)"}"#, "create-user") == [])
        let long = try findings(#"{\#(user), "DisplayName": "\#(fits)日"}"#, "create-user")
        #expect(long == [.length(path: "/DisplayName", count: 257, min: nil, max: 256)])
        let short = try findings(#"{"OrganizationId": "m-0123"}"#, "describe-identity-provider-configuration")
        #expect(
            short == [
                .length(path: "/OrganizationId", count: 6, min: 34, max: 34),
                .pattern(path: "/OrganizationId", value: "m-0123", pattern: "^m-[0-9a-f]{32}$"),
            ])
        // A surrogate pair is one code point, an unpaired surrogate one too (Python's `len`).
        let head = #"{"OrganizationId": "\#(organizationId)", "UserId": "u", "DisplayName": ""#
        let pairs = String(repeating: #"\ud83d\ude00"#, count: 256)
        #expect(try findings(head + pairs + #""}"#, "update-user") == [])
        let unpaired = String(repeating: #"\ud83d"#, count: 257)
        let found = try findings(head + unpaired + #""}"#, "update-user")
        #expect(found == [.length(path: "/DisplayName", count: 257, min: nil, max: 256)])
    }

    @Test(arguments: [
        ("0", true), ("1", false), ("100", false), ("101", true), ("-5", true),
        ("1000000000000000000000000000000", true), ("-1000000000000000000000000000000", true),
    ])
    func rangeComparesIntegersOfAnySize(_ value: String, _ faulty: Bool) throws {
        let found = try findings(
            #"{"OrganizationId": "\#(organizationId)", "MaxResults": \#(value)}"#, "list-personal-access-tokens")
        #expect(found == (faulty ? [.range(path: "/MaxResults", value: value, min: 1, max: 100)] : []))
    }

    @Test func listsAreBoundedAndCheckedItemByItem() throws {
        let tag = ShapeNode.string("TagKey", min: 1, max: 3, pattern: "[a-z]+$")
        let shape = ShapeNode.structure(
            "Request", members: [("Tags", .list("TagList", member: tag, min: 1, max: 2))], required: [])
        let found = ShapeValidator.validate(try jsonNode(#"{"Tags": ["ab", "ABCD", 3]}"#), against: shape)
        #expect(
            found == [
                .length(path: "/Tags", count: 3, min: 1, max: 2),
                .length(path: "/Tags/1", count: 4, min: 1, max: 3),
                .pattern(path: "/Tags/1", value: "ABCD", pattern: "[a-z]+$"),
                .typeMismatch(path: "/Tags/2", expected: .string),
            ])
        #expect(
            ShapeValidator.validate(try jsonNode(#"{"Tags": []}"#), against: shape) == [
                .length(path: "/Tags", count: 0, min: 1, max: 2)
            ])
        #expect(
            ShapeValidator.validate(try jsonNode(#"{"Tags": "ab"}"#), against: shape) == [
                .typeMismatch(path: "/Tags", expected: .list)
            ])
    }

    @Test func findingsComeInBotocoresOrder() throws {
        let json = #"{"X": 1, "OrganizationId": 5, "UserId": "", "Role": "user"}"#
        #expect(
            try findings(json, "update-user") == [
                .unknownMember(
                    path: "", name: "X", known: OperationShape.named("update-user")?.input.members.map(\.name) ?? []),
                .typeMismatch(path: "/OrganizationId", expected: .string),
                .length(path: "/UserId", count: 0, min: 1, max: 256),
                .pattern(path: "/UserId", value: "", pattern: "[a-zA-Z0-9._%+@-]+"),
                .enumValue(path: "/Role", value: "user", allowed: ["USER", "RESOURCE", "SYSTEM_USER", "REMOTE_USER"]),
            ])
        let missingFirst = try findings(#"{"Y": 1}"#, "get-personal-access-token-metadata")
        #expect(missingFirst.map(\.pointer) == ["/OrganizationId", "/PersonalAccessTokenId", "/Y"])
    }

    @Test func theLastOfRepeatedKeysCounts() throws {
        let good = #"{"OrganizationId": "m-0", "OrganizationId": "\#(organizationId)"}"#
        #expect(try findings(good, "describe-identity-provider-configuration") == [])
        let bad = #"{"OrganizationId": "\#(organizationId)", "OrganizationId": 7}"#
        #expect(
            try findings(bad, "describe-identity-provider-configuration") == [
                .typeMismatch(path: "/OrganizationId", expected: .string)
            ])
    }

    @Test func keysCompareByCodePointsNotCanonicalEquivalence() throws {
        let shape = ShapeNode.structure("Request", members: [("\u{C5}", .boolean("Boolean"))], required: ["\u{C5}"])
        let found = ShapeValidator.validate(try jsonNode("{\"A\u{30A}\": true}"), against: shape)
        #expect(
            found == [
                .missingRequired(path: "", member: "\u{C5}"),
                .unknownMember(path: "", name: "A\u{30A}", known: ["\u{C5}"]),
            ])
    }

    @Test func opaqueValuesAreCheckedForTheirKindOnly() throws {
        let operation = try #require(OperationShape.named("put-identity-provider-configuration"))
        // Nothing built: the root is one opaque object.
        #expect(ShapeValidator.validate(try jsonNode(putRequest(), demand: .none), operation: operation) == [])
        let list = try jsonNode(#"{"PersonalAccessTokenConfiguration": [1]}"#, demand: .members([:]))
        #expect(
            ShapeValidator.validate(list, operation: operation).filter { $0.pointer.hasPrefix("/Personal") } == [
                .typeMismatch(path: "/PersonalAccessTokenConfiguration", expected: .structure)
            ])
        let scalar = try jsonNode(#"{"OrganizationId": 5}"#, demand: .members([:]))
        #expect(
            ShapeValidator.validate(scalar, operation: operation) == [
                .missingRequired(path: "", member: "AuthenticationMode"),
                .missingRequired(path: "", member: "IdentityCenterConfiguration"),
                .missingRequired(path: "", member: "PersonalAccessTokenConfiguration"),
            ])
    }

    @Test func aPatternThatCannotBeCheckedIsSkipped() throws {
        for pattern in [#"(a)\1"#, "(?<=a)b", "(?i)abc", #"\bword"#, "(ab"] {
            #expect(PythonPattern.problem(with: pattern) != nil, "\(pattern) should be refused")
            #expect(PythonPattern.matches(pattern, "zzz") == nil)
            let shape = ShapeNode.string("S", pattern: pattern)
            #expect(ShapeValidator.validate(try jsonNode(#""zzz""#), against: shape) == [])
        }
    }
}

@Suite("Python patterns")
struct PythonPatternTests {
    @Test func everyPatternOfTheModelCompiles() {
        var patterns: Set<String> = []
        func collect(_ shape: ShapeNode) {
            switch shape.kind {
            case .structure(let members, _): members.forEach { collect($0.shape) }
            case .list(let member, _, _): collect(member)
            case .string(let constraints): constraints.pattern.map { patterns.insert($0) }
            case .integer, .boolean: break
            }
        }
        OperationShape.all.forEach { collect($0.input) }
        #expect(patterns.count >= 10)
        let skipped = patterns.sorted().filter { PythonPattern.problem(with: $0) != nil }
        #expect(skipped == [], "patterns Swift cannot check: \(skipped)")
    }

    @Test(arguments: [
        (#"^[\w+=,.@-]+$"#, "abc", true), (#"^[\w+=,.@-]+$"#, "abc\n", false), (#"^[\w+=,.@-]+$"#, "é", false),
        (#"^[\w+=,.@-]+$"#, "²", false), (#"^[\w+=,.@-]+$"#, "a\u{301}", false), (#"^[\w+=,.@-]+$"#, "😀", false),
        (#"^[\w+=,.@-]+$"#, "٣Ⅻ_", false), ("[a-zA-Z0-9._%+@-]+", "ab cd", false),
        ("[a-zA-Z0-9._%+@-]+", "a.b@c", true),
        ("a.c", "a\rc", true), ("a.c", "a\nc", false), (#"a\Z"#, "a\n", false), ("a{", "a{", true),
        ("a{2}", "aa", true), ("a{2}", "aaa", false),
        ("a{,2}b", "b", true), (#"[\s]"#, "\u{1C}", false), (#"[\S\s]*|x"#, "", true),
        (#"[\u0020-\u00FF]+"#, "ÿ", true),
        (#"[\u0020-\u00FF]+"#, "Ā", false), (#"[\x21-\x7e]+"#, " !", false), ("^$|^x$", "\n", false),
        ("^$|^x$", "", true), ("[]a]+", "]a", true),
        ("[a-]+", "-a", true), (#"[\w-]+"#, "é-", false), ("[&&a]+", "&", true), ("[a[]+", "[", true),
        (#"[\u2000-\u200a]+$"#, "\u{2000}\u{2002}\u{200A}", true), (#"[\u2000-\u200a]"#, "\u{1FFF}", false),
        (#"\s+$"#, "\u{2001}\u{3000}\u{85}", false), (#"\s+"#, " \t\n\r\u{B}\u{C}", true), (#"\d+"#, "٣", false),
        (#"\d+"#, "0123", true),
    ])
    func matchesAsPythonReFullmatchWithASCII(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(
            PythonPattern.matches(pattern, text) == expected,
            "re.fullmatch(\(pattern), \(text.debugDescription), re.ASCII)")
    }

    @Test func theRewriteSaysWhatPythonMeans() throws {
        #expect(try PythonPattern.swiftSource(of: "^m-[0-9a-f]{32}$") == #"\Am\x{2D}[0-9a-f]{32}(?=\n?\z)"#)
        #expect(try PythonPattern.swiftSource(of: #"a.\d{,3}\Z"#) == #"a[^\n][0-9]{0,3}\z"#)
        #expect(try PythonPattern.swiftSource(of: "(?:x|y)+?") == "(?:x|y)+?")
    }
}

// MARK: - Against botocore

/// The kind of a finding as `Tests/oracle/shape_oracle.py` names it.
func oracleKind(_ finding: ShapeFinding) -> String {
    switch finding {
    case .missingRequired: "required"
    case .unknownMember: "unknown"
    case .typeMismatch: "type"
    case .enumValue: "enum"
    case .pattern: "pattern"
    case .length: "length"
    case .range: "range"
    }
}

@Suite(
    "Shape validator against botocore",
    .enabled(if: ShapePython.unavailableReason == nil, Comment(rawValue: ShapePython.unavailableReason ?? "")))
struct ShapeValidatorDifferentialTests {
    /// A pointer at fault and the kind of fault; pointers compare by their bytes, as Python compares them (Swift's
    /// `==` on strings would make `/K` and `/\u{212A}`, the Kelvin sign, one pointer).
    struct Fault: Hashable, Comparable, CustomStringConvertible {
        var pointer: [UInt8]
        var kind: String

        init(pointer: String, kind: String) {
            self.pointer = Array(pointer.utf8)
            self.kind = kind
        }

        static func < (a: Fault, b: Fault) -> Bool {
            a.pointer == b.pointer ? a.kind < b.kind : a.pointer.lexicographicallyPrecedes(b.pointer)
        }

        var description: String { "\(String(decoding: pointer, as: UTF8.self).debugDescription) \(kind)" }
    }

    static let casesPerOperation = 3000

    /// Seeded value trees for every covered operation (valid, and with missing, unknown and mistyped members,
    /// lengths and numbers around their bounds, pattern-breaking and enum-near strings, multi-byte text), each
    /// judged by botocore's ParamValidator and the model's own constraints; the validator must find exactly the
    /// same pointers at fault, for the same kinds of fault.
    @Test func findsWhatBotocoreAndTheModelFind() throws {
        let result = try ShapePython.run([
            "Tests/oracle/shape_oracle.py", "--generate", "--seed", "20171001", "--count",
            String(Self.casesPerOperation),
        ])
        try #require(result.status == 0, "the oracle failed")
        var cases = 0
        var rejected = 0
        var verdictMismatches = 0
        var faultMismatches = 0
        var byKind: [String: Int] = [:]
        var perOperation: [String: (cases: Int, rejected: Int)] = [:]
        for line in result.output.split(separator: UInt8(ascii: "\n")) {
            let parsed = JSONParser.parse(SourceText(bytes: Array(line), path: "cases.jsonl"))
            guard let root = parsed.root, !parsed.hasErrors, case .object(let members) = root.value else {
                Issue.record("an oracle line does not parse: \(String(decoding: line.prefix(200), as: UTF8.self))")
                continue
            }
            let fields = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            guard case .string(let id) = fields["id"]?.value, case .string(let name) = fields["operation"]?.value,
                let value = fields["value"], case .array(let faultNodes) = fields["faults"]?.value,
                let operation = OperationShape.named(name)
            else {
                Issue.record("an oracle line lacks a field: \(String(decoding: line.prefix(200), as: UTF8.self))")
                continue
            }
            let theirs = Set(
                faultNodes.compactMap { node -> Fault? in
                    guard case .array(let pair) = node.value, pair.count == 2,
                        case .string(let pointer) = pair[0].value,
                        case .string(let kind) = pair[1].value
                    else { return nil }
                    return Fault(pointer: pointer, kind: kind)
                })
            #expect(theirs.count == faultNodes.count, "\(id): a fault of the oracle could not be read")
            let ours = Set(
                ShapeValidator.validate(value, operation: operation).map {
                    Fault(pointer: $0.pointer, kind: oracleKind($0))
                })
            cases += 1
            perOperation[name, default: (0, 0)].cases += 1
            if !theirs.isEmpty {
                rejected += 1
                perOperation[name, default: (0, 0)].rejected += 1
            }
            for fault in theirs { byKind[fault.kind, default: 0] += 1 }
            if ours.isEmpty != theirs.isEmpty { verdictMismatches += 1 }
            if ours != theirs {
                faultMismatches += 1
                if faultMismatches <= 20 {
                    let kind = fields["kind"].flatMap { node -> String? in
                        if case .string(let text) = node.value { return text }
                        return nil
                    }
                    Issue.record(
                        """
                        \(id) (\(kind ?? "?")): botocore and the model find \(theirs.sorted()), \
                        the validator \(ours.sorted()) in \(String(decoding: line.prefix(600), as: UTF8.self))
                        """)
                }
            }
        }
        print(
            "shape differential: \(cases) value trees over \(perOperation.count) operations, \(cases - rejected) "
                + "valid, \(rejected) rejected; faults by kind: "
                + byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + "; \(verdictMismatches) accepted/rejected mismatches, \(faultMismatches) fault-set mismatches")
        #expect(cases == Self.casesPerOperation * OperationShape.all.count)
        #expect(perOperation.count == OperationShape.all.count)
        for (name, counts) in perOperation {
            #expect(counts.rejected > counts.cases / 5 && counts.rejected < counts.cases, "\(name): \(counts)")
        }
        #expect(Set(byKind.keys) == ["required", "unknown", "type", "enum", "pattern", "length", "range"])
        #expect(verdictMismatches == 0)
        #expect(faultMismatches == 0)
    }
}
