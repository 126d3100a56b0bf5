public import WMLintModel
public import WMLintSource

/// What the `aws` calls of one script do with each other, gathered as the script is linted: the input of the
/// rules that look across commands.
public struct ScriptCalls: Sendable {
    /// The region each call runs in, where the script says it (`--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`).
    public var regions: [CallRegion] = []
    /// The command substitutions whose output is known, by the substitution's range.
    public var outputs: [SourceRange: KnownOutput] = [:]
    /// The applications and instances `put-identity-provider-configuration` pairs, in file order.
    public var pairings: [Pairing] = []
    /// The applications `delete-identity-center-application` deletes, in file order.
    public var deletions: [Deletion] = []

    public init() {}

    /// Whether no rule across commands can find anything: fewer than two regions, and no value passed on from a
    /// known output or used after a deletion.
    public var isEmpty: Bool { regions.count < 2 && outputs.isEmpty && deletions.isEmpty }
}

/// The region a call runs in.
public struct CallRegion: Sendable {
    public var region: String
    public var path: String
    /// The region's value in the file (the option's value, or the variable's assignment).
    public var range: SourceRange
    /// How the script sets it: `--region`, `AWS_REGION`, ….
    public var setBy: String
    /// The call's service and operation (`workmail`, `update-user`).
    public var service: String
    public var operation: String

    public init(region: String, path: String, range: SourceRange, setBy: String, service: String, operation: String) {
        self.region = region
        self.path = path
        self.range = range
        self.setBy = setBy
        self.service = service
        self.operation = operation
    }

    /// The call as messages name it: `'aws workmail update-user'`.
    var call: String { "'aws \(service) \(operation)'" }
}

/// A command substitution whose output is known, and the operation that prints it.
public struct KnownOutput: Sendable {
    public var output: CommandOutput
    /// The command's service and operation (`sso-admin`, `create-application`).
    public var service: String
    public var operation: String
    public var path: String
    /// The operation's name in the file.
    public var operationRange: SourceRange

    public init(output: CommandOutput, service: String, operation: String, path: String, operationRange: SourceRange) {
        self.output = output
        self.service = service
        self.operation = operation
        self.path = path
        self.operationRange = operationRange
    }

    /// The command as messages name it: `'aws sso-admin create-application'`.
    var call: String { "'aws \(service) \(operation)'" }
}

/// An application and an instance that `put-identity-provider-configuration` pairs.
public struct Pairing: Sendable {
    public var application: LocatedSource
    public var instance: LocatedSource?

    public init(application: LocatedSource, instance: LocatedSource?) {
        self.application = application
        self.instance = instance
    }
}

/// An application that `delete-identity-center-application` deletes.
public struct Deletion: Sendable {
    public var application: LocatedSource
    public var operationRange: SourceRange

    public init(application: LocatedSource, operationRange: SourceRange) {
        self.application = application
        self.operationRange = operationRange
    }
}

/// The rules over the calls of one script.
public enum ScriptCallChecks {
    public static func diagnostics(for calls: ScriptCalls) -> [Diagnostic] {
        RegionInconsistentCheck.diagnostics(calls.regions)
            + ApplicationNotFromWorkMailCheck.diagnostics(calls)
            + CreatedApplicationInstanceCheck.diagnostics(calls)
            + ApplicationDeletedCheck.diagnostics(calls)
    }
}
