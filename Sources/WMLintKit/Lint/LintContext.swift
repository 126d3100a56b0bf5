import WMLintModel
import WMLintSource
public import WMLintSyntax

/// Settings shared by every file of one run.
struct RunSettings: Sendable {
    /// The canonical current directory.
    var currentDirectory: String
    /// Files larger than this many bytes are not read (`input-limit`).
    var maxFileSize: Int
    /// The command line's settings (to tell where a region or account came from).
    var overrides: ConfigurationOverrides
    /// File contents to use instead of the bytes on disk, by displayed path (the text `--fix` would write).
    var contents: [String: [UInt8]] = [:]
    /// Whether a document's values outside the request's shape are built too (`convert` prints them all).
    var buildsWholeValues = false
    /// Whether each request's outcome for the AWS CLI is worked out and kept (``LintOptions/recordsRequests``).
    var recordsRequests = false
    /// Whether diagnostics with a fix are kept past the per-file limit (``LintOptions/keepsEveryFix``).
    var keepsEveryFix = false
}

/// What linting one file or document produced.
struct FileOutcome: Sendable {
    var diagnostics = DiagnosticSink()
    /// Every file read (the input and its `file://` targets), for quoting source lines.
    var sources: [SourceFile] = []
    /// Canonical paths of `file://` targets read through an invocation (not linted again on their own).
    var referencedDocuments: [String] = []
    /// One outcome per invocation or document, in source order, for `convert`.
    var requests: [LintedRequest] = []
    /// Whether the file was an input at all (counted in the summary).
    var isInput = false
    /// The suppression comments of the file.
    var suppressions: [Suppression] = []
}

/// Where the scripts of a file delete and put the identity provider configuration: the operation names of the
/// `delete-identity-provider-configuration` and `put-identity-provider-configuration` commands, with their files.
struct IdentityProviderCalls: Sendable {
    var deletions: [(path: String, range: SourceRange)] = []
    var puts: [(path: String, range: SourceRange)] = []

    mutating func add(_ other: IdentityProviderCalls) {
        deletions += other.deletions
        puts += other.puts
    }
}

/// What linting one script found besides its diagnostics.
struct LintedScript {
    /// The invocations of covered operations, counting each place where nesting past the scanner's limit may hide
    /// one.
    var invocations: Int
    var identityProviderCalls: IdentityProviderCalls
}

/// One request found in a file, with what the AWS CLI would do with it.
public struct LintedRequest: Sendable {
    public var outcome: RequestOutcome
    /// The global options the command gave (`--region us-east-1`, `--debug`), full names in command-line order,
    /// each with its value as shell text: a static value quoted, a run-time one as written. None for a document.
    public var globalOptions: [(name: String, value: String?)] = []
    /// The operation's CLI name (`put-identity-provider-configuration`, `update-user`).
    public var operation: String = OperationModel.operation
}

/// Mirrors `CLIOutcome` without exposing the model to callers.
public enum RequestOutcome: Sendable {
    case sends(SyntaxNode)
    case rejects
    case unknown
    case skeleton
}
