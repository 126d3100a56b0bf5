import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// Reads a `--cli-input-json`/`--cli-input-yaml` document (a file, or text in a shell word) into parameter entries.
enum DocumentReader {
    enum Syntax {
        case json, yaml

        var valueSyntax: ValueSyntax { self == .json ? .json : .yaml }
        var name: String { self == .json ? "JSON" : "YAML" }
    }

    /// What a document gave.
    struct Document {
        /// The top-level members as parameters, each key once (its last value).
        var entries: [ParameterEntry]
        /// Where a diagnostic about the request as a whole goes: the first key, else the document's start.
        var anchor: SourceRange
        /// Whether the document could not be read as a mapping (a syntax error or another kind of value).
        var isBroken: Bool
        /// Whether the AWS CLI would refuse it before sending.
        var cliRejects: Bool
        /// The parser's diagnostics (syntax, repeated keys), with the options that pulled the document in as
        /// related locations.
        var syntaxDiagnostics: [Diagnostic] = []
        /// What is wrong with the document as a request, when it is not a mapping.
        var finding: BindingFinding? = nil
    }

    /// The document's syntax tree: the request's shape, or every value when `demand` is `.all` (`convert`).
    static func parse(_ text: SourceText, syntax: Syntax, demand: NodeDemand) -> ParseResult {
        syntax == .json ? JSONParser.parse(text, demand: demand) : YAMLLoader.load(text, demand: demand)
    }

    /// Reads the document of a request whose parser builds `demand` (by default, what
    /// `put-identity-provider-configuration` needs).
    static func read(
        _ text: SourceText, syntax: Syntax, demand: NodeDemand = OperationModel.requestDemand,
        provenance: [RelatedLocation]
    ) -> Document {
        read(parse(text, syntax: syntax, demand: demand), text: text, syntax: syntax, provenance: provenance)
    }

    /// The document of an already parsed text.
    static func read(
        _ parsed: ParseResult, text: SourceText, syntax: Syntax, provenance: [RelatedLocation]
    ) -> Document {
        // ruamel.yaml, the CLI's YAML loader, refuses a mapping that repeats a key (Python's JSON reader keeps the
        // last value).
        let repeatsYAMLKey = repeatsKey(parsed, syntax: syntax)
        let syntaxDiagnostics = parsed.diagnostics.map { diagnostic in
            var diagnostic = withProvenance(diagnostic, provenance)
            if syntax == .yaml && diagnostic.rule == .duplicateKey { diagnostic.notes.append(Self.repeatedKeyNote) }
            return diagnostic
        }
        let start = text.fileRange(0, 0)
        // A document with a syntax error is present but unknown: its one diagnostic is the syntax error.
        guard let root = parsed.root, parsed.isComplete else {
            return Document(
                entries: [], anchor: start, isBroken: true, cliRejects: true, syntaxDiagnostics: syntaxDiagnostics)
        }
        guard case .object(let members) = root.value else {
            let location = ValueLocation(
                path: text.path, range: root.range.isEmpty ? start : root.range, pointer: "", provenance: provenance)
            return Document(
                entries: [], anchor: start, isBroken: true, cliRejects: true, syntaxDiagnostics: syntaxDiagnostics,
                finding: .documentNotMapping(found: root, at: location))
        }
        let shared = SharedText(text)
        // Each key once, its last value.
        let unique = JSONWriter.lastValues(members)
        let entries = unique.map { member in
            ParameterEntry(
                key: member.key, value: .node(member.value, syntax: syntax.valueSyntax),
                location: ValueLocation(
                    path: text.path, range: member.value.range, keyRange: member.keyRange, pointer: "",
                    provenance: provenance),
                sharedText: shared)
        }
        let anchor = members.first?.keyRange ?? root.range.lowerBound..<root.range.lowerBound
        return Document(
            entries: entries, anchor: anchor, isBroken: false, cliRejects: repeatsYAMLKey,
            syntaxDiagnostics: syntaxDiagnostics)
    }

    /// Said with a repeated key in a YAML document.
    static let repeatedKeyNote =
        "the AWS CLI refuses a YAML document that repeats a key (ruamel.yaml's DuplicateKeyError)"

    /// Whether the AWS CLI refuses the parsed YAML document for a repeated key.
    static func repeatsKey(_ parsed: ParseResult, syntax: Syntax) -> Bool {
        syntax == .yaml && parsed.diagnostics.contains { $0.rule == .duplicateKey }
    }

    private static func withProvenance(_ diagnostic: Diagnostic, _ provenance: [RelatedLocation]) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.related += provenance
        return diagnostic
    }
}
