import WMLintModel
import WMLintSource
import WMLintSyntax

/// `unknown-key` for a covered operation other than `put-identity-provider-configuration`: a `--cli-input-*`
/// document has a member the operation does not.
enum UnknownKeyCheck {
    static func diagnostic(key: String, known: [String], in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: "/" + key)
        let near = Spelling.nearest(to: key, in: known)
        return Diagnostic(
            rule: .unknownKey,
            message: "unknown parameter \(quoted(key)) for \(request.operation.cliName); expected one of "
                + known.map { "'\($0)'" }.joined(separator: ", "),
            path: location.path, range: location.keyRange ?? location.range, pointer: location.pointer,
            help: didYouMean(near),
            related: location.provenance)
    }
}
