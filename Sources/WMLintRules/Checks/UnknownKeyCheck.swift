import WMLintModel
import WMLintSource
import WMLintSyntax

/// `unknown-key`: a `--cli-input-*` document or a structure has a member its shape does not.
///
/// A value of it keeps the last list of known members it quoted, and the quoted list: a document may have
/// thousands of unknown keys, all in one mapping.
struct UnknownKeyCheck {
    private var expected: (names: [String], list: String) = ([], "")

    /// For `put-identity-provider-configuration`: the key at `location` is none of `known`; `rename` fixes it.
    mutating func diagnostic(
        key: String, known: [String], suggestion: String?, rename: KeyRename?, at location: ValueLocation
    ) -> Diagnostic {
        if expected.names != known { expected = (known, expectedList(known)) }
        let fixes = rename.map { rename in
            [
                Fix(
                    message: "rename to '\(rename.name)'",
                    edits: [TextEdit(path: location.path, range: rename.range, replacement: rename.name)])
            ]
        }
        return Diagnostic(
            rule: .unknownKey, message: unknownParameter(key, of: nil, expected: expected.list),
            path: location.path, range: location.keyRange ?? location.range, pointer: location.pointer,
            help: didYouMean(suggestion), related: location.provenance, fixes: fixes ?? [])
    }

    /// For a covered operation other than `put-identity-provider-configuration`: a `--cli-input-*` document has a
    /// member the operation does not.
    static func diagnostic(key: String, known: [String], in request: OperationRequest) -> Diagnostic {
        let location = request.location(of: "/" + key)
        return Diagnostic(
            rule: .unknownKey,
            message: unknownParameter(key, of: request.operation.cliName, expected: expectedList(known)),
            path: location.path, range: location.keyRange ?? location.range, pointer: location.pointer,
            help: didYouMean(Spelling.nearest(to: key, in: known)),
            related: location.provenance)
    }
}

/// `unknown parameter 'key'; expected one of 'A', 'B'`, with ` for operation` after the key when the operation is
/// named.
fileprivate func unknownParameter(_ key: String, of operation: String?, expected list: String) -> String {
    // One interpolation and one concatenation: a document may have thousands of unknown keys.
    guard let operation else { return "unknown parameter \(quoted(key)); expected one of " + list }
    return "unknown parameter \(quoted(key)) for \(operation); expected one of " + list
}

/// `'A', 'B', 'C'`.
fileprivate func expectedList(_ known: [String]) -> String {
    known.map { "'\($0)'" }.joined(separator: ", ")
}
