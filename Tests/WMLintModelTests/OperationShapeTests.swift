import Foundation
import Testing
import WMLintModel
import WMLintSource
import WMLintSyntax

/// Runs python3 for the operation-shape tests: `scripts/generate-operations.py` and `Tests/oracle/shape_oracle.py`.
enum ShapePython {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Why python3 with botocore cannot run, or `nil` when it can.
    static let unavailableReason: String? = {
        guard let result = try? run(["-c", "import botocore"]) else { return "python3 could not be started" }
        return result.status == 0 ? nil : "python3 cannot import botocore (the AWS CLI is not installed)"
    }()

    /// Runs `python3 arguments` in the package root: its exit status and standard output, with its standard
    /// error when `withErrors` (else that goes nowhere).
    static func run(_ arguments: [String], withErrors: Bool = false) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let stdout = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = withErrors ? stdout : FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// A JSON object of `rules/operations.json`, with accessors that record an issue when a value is absent or of
/// another kind.
private struct Object {
    let fields: [String: SyntaxNode]
    let context: String

    init(_ node: SyntaxNode, _ context: String) throws {
        guard case .object(let members) = node.value else {
            Issue.record("\(context): expected an object, found \(node.kindDescription)")
            throw Failure()
        }
        fields = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        self.context = context
    }

    func node(_ key: String) throws -> SyntaxNode {
        guard let node = fields[key] else {
            Issue.record("\(context): no \(key)")
            throw Failure()
        }
        return node
    }

    func string(_ key: String) throws -> String {
        guard case .string(let text) = try node(key).value else {
            Issue.record("\(context): \(key) is not a string")
            throw Failure()
        }
        return text
    }

    func int(_ key: String) throws -> Int? {
        guard let node = fields[key] else { return nil }
        guard case .number(let number) = node.value, case .integer(let digits) = number.kind, let value = Int(digits)
        else {
            Issue.record("\(context): \(key) is not an integer")
            throw Failure()
        }
        return value
    }

    func flag(_ key: String) throws -> Bool {
        guard let node = fields[key] else { return false }
        guard case .bool(let value) = node.value else {
            Issue.record("\(context): \(key) is not a boolean")
            throw Failure()
        }
        return value
    }

    func list(_ key: String) throws -> [SyntaxNode]? {
        guard let node = fields[key] else { return nil }
        guard case .array(let items) = node.value else {
            Issue.record("\(context): \(key) is not a list")
            throw Failure()
        }
        return items
    }

    func strings(_ key: String) throws -> [String]? {
        try list(key)?.map { item in
            guard case .string(let text) = item.value else {
                Issue.record("\(context): \(key) holds \(item.kindDescription)")
                throw Failure()
            }
            return text
        }
    }

    /// Records keys outside `allowed`, so a field the Swift side does not read cannot go unnoticed.
    func expectOnly(_ allowed: Set<String>) {
        let extra = Set(fields.keys).subtracting(allowed)
        #expect(extra.isEmpty, "\(context): unexpected keys \(extra.sorted())")
    }
}

/// The shape a node of `rules/operations.json` describes.
private func shape(_ node: SyntaxNode, _ context: String) throws -> ShapeNode {
    let object = try Object(node, context)
    let name = try object.string("shape")
    let type = try object.string("type")
    let common: Set<String> = ["name", "type", "shape"]
    switch type {
    case "structure":
        object.expectOnly(common.union(["members", "required"]))
        let members = try (object.list("members") ?? []).map { member -> (String, ShapeNode) in
            let memberName = try Object(member, context).string("name")
            return (memberName, try shape(member, "\(context)/\(memberName)"))
        }
        return .structure(name, members: members, required: try object.strings("required") ?? [])
    case "list":
        object.expectOnly(common.union(["member", "min", "max"]))
        let member = try shape(try object.node("member"), "\(context)[]")
        return .list(name, member: member, min: try object.int("min"), max: try object.int("max"))
    case "string":
        object.expectOnly(common.union(["min", "max", "enum", "pattern", "idempotencyToken", "sensitive"]))
        return .string(
            name, min: try object.int("min"), max: try object.int("max"), enumValues: try object.strings("enum"),
            pattern: try object.fields["pattern"].map { _ in try object.string("pattern") },
            idempotencyToken: try object.flag("idempotencyToken"), sensitive: try object.flag("sensitive"))
    case "integer":
        object.expectOnly(common.union(["min", "max"]))
        return .integer(name, min: try object.int("min"), max: try object.int("max"))
    case "boolean":
        object.expectOnly(common)
        return .boolean(name)
    default:
        Issue.record("\(context): unknown type \(type)")
        throw Failure()
    }
}

@Suite("Operation shapes")
struct OperationShapeTests {
    static let covered = [
        "create-identity-center-application", "create-user", "delete-identity-center-application",
        "delete-identity-provider-configuration", "delete-organization", "delete-personal-access-token",
        "describe-identity-provider-configuration", "get-personal-access-token-metadata",
        "list-personal-access-tokens", "put-identity-provider-configuration", "update-user",
    ]

    @Test func theEmbeddedShapesSayWhatRulesOperationsJSONSays() throws {
        let url = ShapePython.root.appendingPathComponent("rules/operations.json")
        let text = try Data(contentsOf: url)
        let parsed = JSONParser.parse(SourceText(bytes: Array(text), path: "rules/operations.json"))
        #expect(!parsed.hasErrors)
        let document = try Object(try #require(parsed.root), "rules/operations.json")
        document.expectOnly(["service", "apiVersion", "operations"])
        #expect(try document.string("service") == "workmail")
        #expect(try document.string("apiVersion") == "2017-10-01")
        let operations = try (document.list("operations") ?? []).map { node -> OperationShape in
            let object = try Object(node, "operation")
            object.expectOnly(["cli", "api", "input", "pagination"])
            let cli = try object.string("cli")
            let pagination = try object.fields["pagination"].map { node -> Pagination in
                let paging = try Object(node, "\(cli) pagination")
                paging.expectOnly(["inputTokens", "limitKey"])
                return Pagination(
                    inputTokens: try paging.strings("inputTokens") ?? [], limitKey: try paging.string("limitKey"))
            }
            return OperationShape(
                cliName: cli, apiName: try object.string("api"), input: try shape(try object.node("input"), cli),
                pagination: pagination)
        }
        #expect(operations.map(\.cliName) == OperationShape.all.map(\.cliName))
        for (fromJSON, embedded) in zip(operations, OperationShape.all) {
            #expect(fromJSON == embedded, "\(embedded.cliName) differs from rules/operations.json")
        }
    }

    @Test(.enabled(if: ShapePython.unavailableReason == nil, Comment(rawValue: ShapePython.unavailableReason ?? "")))
    func theGeneratedFilesAreCurrentForTheInstalledBotocore() throws {
        let result = try ShapePython.run(["scripts/generate-operations.py", "--check"], withErrors: true)
        #expect(result.status == 0, "\(String(decoding: result.output, as: UTF8.self))")
    }

    @Test func everyCoveredOperationIsFoundByItsCLIName() throws {
        #expect(OperationShape.all.map(\.cliName) == Self.covered)
        for name in Self.covered {
            let operation = try #require(OperationShape.named(name))
            #expect(operation.cliName == name)
            #expect(OperationModel.optionName(of: operation.apiName) == "--" + name)
            #expect(operation.input.type == .structure)
            #expect(!operation.input.members.isEmpty)
        }
        for name in ["Create-User", "create-user ", "createuser", "put-identity-provider-config", ""] {
            #expect(OperationShape.named(name) == nil, "\(name.debugDescription) is not an operation")
        }
    }

    @Test func theIdempotencyTokensAndSensitiveValuesAreMarked() throws {
        for name in ["create-identity-center-application", "delete-organization"] {
            let token = try #require(OperationShape.named(name)?.input.member("ClientToken"))
            guard case .string(let constraints) = token.kind else { throw Failure() }
            #expect(constraints.idempotencyToken)
            #expect(constraints.pattern == #"[\x21-\x7e]+"#)
        }
        let password = try #require(OperationShape.named("create-user")?.input.member("Password"))
        guard case .string(let constraints) = password.kind else { throw Failure() }
        #expect(constraints.sensitive && !constraints.idempotencyToken)
    }

    /// The hand-written shape the request binder uses agrees with the generated one.
    @Test func thePutShapeAgreesWithTheBindersModel() throws {
        let generated = try #require(OperationShape.named(OperationModel.operation)).input
        func compare(_ structure: StructureShape, _ node: ShapeNode) throws {
            #expect(node.members.map(\.name) == structure.memberNames)
            guard case .structure(_, let required) = node.kind else { throw Failure() }
            #expect(required == structure.required)
            for member in structure.members {
                let other = try #require(node.member(member.name))
                switch (member.shape, other.kind) {
                case (.structure(let inner), .structure): try compare(inner, other)
                case (.string(let minLength, let maxLength, let enumValues), .string(let constraints)):
                    #expect(constraints.min == minLength && constraints.max == maxLength, "\(member.name)")
                    #expect(constraints.enumValues == enumValues, "\(member.name)")
                case (.integer(let min, let max), .integer(let otherMin, let otherMax)):
                    #expect(min == otherMin && max == otherMax, "\(member.name)")
                default: Issue.record("\(member.name): \(member.shape) against \(other.kind)")
                }
            }
        }
        try compare(OperationModel.requestShape, generated)
    }
}
