import WMLintModel
import WMLintSource
import WMLintSyntax

/// What an invocation's command line and the values it reads give: the request input, what was found on the way,
/// and the files read.
struct AssembledInput {
    var input: RequestInput
    /// The command line's findings, then those of its values, in the order found.
    var findings: [InputFinding]
    /// The `file://` targets read, in the order read.
    var files: [SourceFile]
    /// The canonical paths of ``files``, in the same order.
    var canonicalPaths: [String]
    /// Whether the AWS CLI refuses the command line itself, or a value it reads, before sending anything.
    var cliRejects: Bool
}

/// What reading an invocation's values turns up besides the values: findings in the order found, and the files
/// read (each with its canonical path).
struct ReadingLog {
    var findings: [InputFinding] = []
    var files: [SourceFile] = []
    var canonicalPaths: [String] = []
}

/// Builds the request an invocation makes: option values, `file://` targets and `--cli-input-*` documents,
/// merged as the AWS CLI merges them.
struct InvocationAssembler {
    let invocation: Invocation
    let files: ParameterFiles

    /// What a `--cli-input-*` option gave.
    private struct DocumentRead {
        /// The document, when it was read as a mapping.
        var document: DocumentReader.Document?
        /// Whether its content is known (statically given, read and parsed as a mapping).
        var isKnown: Bool
        /// Whether the AWS CLI refuses it.
        var cliRejects: Bool
    }

    /// The request input and what was found building it.
    func assemble() -> AssembledInput {
        let path = invocation.path
        var log = ReadingLog()
        if !invocation.findings.isEmpty { log.findings = invocation.findings.map(InputFinding.option) }
        // The CLI makes every parameter optional before parsing when it sees these exact words.
        let (skeletonRelaxes, documentRelaxes) = relaxingWords()
        let skeleton = invocation.last(CommandOptions.generateSkeleton)
        if let skeleton { log.findings.append(.skeletonOnly(at: skeleton.range)) }

        // The whole-request document.
        let json = invocation.last(CommandOptions.cliInputJSON)
        let yaml = invocation.last(CommandOptions.cliInputYAML)
        let conflicts = json != nil && yaml != nil
        if let json, let yaml {
            let (first, second) = json.nameRange.lowerBound < yaml.nameRange.lowerBound ? (json, yaml) : (yaml, json)
            log.findings.append(
                .conflictingInput(
                    option: second.spec.name, at: second.nameRange, first: first.spec.name, firstAt: first.nameRange))
        }
        // Most commands give no document: no array is built for them.
        var reads: [DocumentRead] = []
        for option in [json, yaml] {
            if let option { reads.append(readDocument(option, into: &log)) }
        }
        let document = conflicts ? nil : reads.first?.document
        let hasUnknownSource = invocation.hasUnknownWords || conflicts || reads.contains { !$0.isKnown }

        // Explicit options replace the document's values, parameter by parameter.
        var entries: [ParameterEntry] = []
        var entryRejects = false
        // A handful of parameters: an array searched in place (no hashing).
        var seen: [String] = []
        for option in invocation.options.reversed() {
            guard let parameter = option.spec.parameter, !seen.contains(parameter) else { continue }
            seen.append(parameter)
            let (entry, rejects) = parameterEntry(option, parameter: parameter, into: &log)
            if rejects { entryRejects = true }
            if let replaced = document?.entries.first(where: { $0.key == parameter }) {
                log.findings.append(
                    .overriddenInput(
                        option: option.spec.name, parameter: parameter, at: option.nameRange,
                        replacedPath: replaced.location.path,
                        replacedAt: replaced.location.keyRange ?? replaced.location.range))
            }
            entries.append(entry)
        }
        entries.reverse()
        var lacking: [String] = []
        if let document, let option = json ?? yaml, !skeletonRelaxes, !documentRelaxes, !hasUnknownSource {
            // argparse requires these options; a boolean member's flags are never required by it.
            lacking = invocation.operation.required.filter { name in
                invocation.operation.member(name)?.type != .boolean && !seen.contains(name)
                    && document.entries.contains { $0.key == name }
            }
            if !lacking.isEmpty {
                log.findings.append(
                    .missingRequired(members: lacking, document: option.spec.name, at: option.nameRange))
            }
        }
        entries += document?.entries.filter { !seen.contains($0.key) } ?? []
        if let region = invocation.last(CommandOptions.region)?.value, !region.isStatic {
            log.findings.append(.unresolvedRegion(at: region.range))
        }
        let input = RequestInput(
            parameters: entries, anchorPath: path, anchorRange: invocation.operationRange,
            hasUnknownSource: hasUnknownSource, nearlyNamed: invocation.nearlyNamed, isSkeletonOnly: skeleton != nil,
            requiresParameters: !skeletonRelaxes)
        let cliRejects =
            invocation.findings.contains(where: \.cliRefuses) || conflicts || reads.contains(where: \.cliRejects)
            || entryRejects || !lacking.isEmpty
        return AssembledInput(
            input: input, findings: log.findings, files: log.files, canonicalPaths: log.canonicalPaths,
            cliRejects: cliRejects)
    }

    /// Reads the document a `--cli-input-json` or `--cli-input-yaml` option gives.
    private func readDocument(_ option: ParsedOption, into log: inout ReadingLog) -> DocumentRead {
        let unknown = DocumentRead(document: nil, isKnown: false, cliRejects: false)
        guard let word = option.value else { return unknown }
        guard word.isStatic else {
            log.findings.append(.unresolvedDocument(option: option.spec.name, at: word.range))
            return unknown
        }
        let isJSON = option.spec.name == CommandOptions.cliInputJSON
        switch files.load(word, option: option.spec.name, readsBytes: true, into: &log) {
        case .unresolved:
            return unknown
        case .failed:
            return DocumentRead(document: nil, isKnown: false, cliRejects: true)
        case .text(let text, let file):
            // Python's json.loads refuses a BOM; a file's BOM is reported by the encoding check.
            let hasBOM = isJSON && text.bytes.starts(with: [0xEF, 0xBB, 0xBF])
            if hasBOM, file == nil {
                let bom = text.fileRange(0, 3)
                log.findings.append(
                    .worded(
                        Diagnostic(
                            rule: .encoding,
                            message:
                                "the \(option.spec.name) text starts with a byte order mark; the AWS CLI rejects it",
                            path: invocation.path, range: bom,
                            fixes: [
                                Fix(
                                    message: "remove the byte order mark",
                                    edits: [TextEdit(path: invocation.path, range: bom, replacement: "")])
                            ])))
            }
            if file == nil, let scheme = Self.urlScheme(text.bytes) {
                // The CLI v1 fetched such URLs; v2 reads the value as the document itself, which fails to parse.
                log.findings.append(
                    .worded(
                        Diagnostic(
                            rule: isJSON ? .jsonSyntax : .yamlSyntax,
                            message: "the AWS CLI v2 does not fetch '\(scheme)://' URLs: it reads the value itself as "
                                + "the document, and a URL is not \(isJSON ? "a JSON object" : "a YAML mapping")",
                            path: invocation.path, range: word.range,
                            help: ["download the document and pass it as file://PATH"])))
                return DocumentRead(document: nil, isKnown: false, cliRejects: true)
            }
            let provenance =
                file == nil
                ? []
                : [
                    RelatedLocation(
                        message: "read by \(option.spec.name) here", path: invocation.path, range: word.range)
                ]
            let read = DocumentReader.read(
                text, syntax: isJSON ? .json : .yaml, demand: documentDemand, provenance: provenance)
            log.findings += read.syntaxDiagnostics.map(InputFinding.worded)
            if let finding = read.finding { log.findings.append(.binding(finding)) }
            return DocumentRead(document: read, isKnown: !read.isBroken, cliRejects: hasBOM || read.cliRejects)
        }
    }

    /// One parameter option's value, read as the CLI reads it: `file://`, then JSON or shorthand for a structure,
    /// verbatim text for a scalar.
    private func parameterEntry(
        _ option: ParsedOption, parameter: String, into log: inout ReadingLog
    ) -> (ParameterEntry, rejects: Bool) {
        let path = invocation.path
        if let flagValue = option.spec.flagValue {
            let node = SyntaxNode(.bool(flagValue), range: option.nameRange)
            let location = ValueLocation(path: path, range: option.nameRange, pointer: "")
            return (ParameterEntry(key: parameter, value: .node(node, syntax: .text), location: location), false)
        }
        guard let word = option.value else {
            return (
                ParameterEntry(
                    key: parameter, value: .unreadable,
                    location: ValueLocation(path: path, range: option.nameRange, pointer: "")), true
            )
        }
        var location = ValueLocation(path: path, range: word.range, pointer: "")
        guard word.isStatic else {
            return (ParameterEntry(key: parameter, value: .unresolved, location: location), false)
        }
        let text: SourceText
        switch files.load(word, option: option.spec.name, into: &log) {
        case .unresolved:
            return (ParameterEntry(key: parameter, value: .unresolved, location: location), false)
        case .failed:
            return (ParameterEntry(key: parameter, value: .unreadable, location: location), true)
        case .text(let loaded, let file):
            text = loaded
            if let file {
                location = ValueLocation(
                    path: file.path, range: .bytes(0, file.bytes.count), pointer: "",
                    provenance: [
                        RelatedLocation(message: "read by \(option.spec.name) here", path: path, range: word.range)
                    ])
            }
        }
        guard invocation.operation.isPutIdentityProviderConfiguration,
            case .structure(let shape) = OperationModel.requestShape.member(parameter)
        else {
            let value = String(decoding: text.bytes, as: UTF8.self)
            let node = SyntaxNode(.string(value), range: location.range)
            return (
                ParameterEntry(key: parameter, value: .node(node, syntax: .text), location: location, text: text), false
            )
        }
        let isJSON = text.bytes.first { !isStrippable($0) }.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }
        let demand = Self.demands.first { $0.parameter == parameter }?.demand ?? OperationModel.demand(of: shape)
        let parsed =
            isJSON == true ? JSONParser.parse(text, demand: demand) : ShorthandParser.parse(text, demand: demand)
        log.findings += parsed.diagnostics.map {
            var diagnostic = $0
            diagnostic.related += location.provenance
            return .worded(diagnostic)
        }
        guard var root = parsed.root, parsed.isComplete else {
            return (ParameterEntry(key: parameter, value: .unreadable, location: location), true)
        }
        location.range = root.range
        let syntax: ValueSyntax = isJSON == true ? .json : .shorthand
        var loadedMembers: [LoadedMember] = []
        if syntax == .shorthand {
            switch loadFileValues(in: root, option: option.spec.name, into: &log) {
            case .loaded(let loaded, let members):
                root = loaded
                loadedMembers = members
            case .unresolved: return (ParameterEntry(key: parameter, value: .unresolved, location: location), false)
            case .failed: return (ParameterEntry(key: parameter, value: .unreadable, location: location), true)
            }
        }
        var entry = ParameterEntry(key: parameter, value: .node(root, syntax: syntax), location: location, text: text)
        entry.loadedMembers = loadedMembers
        return (entry, false)
    }

    /// What the parser builds of a `--cli-input-*` document: every member of another operation is a scalar, built
    /// whole.
    private var documentDemand: NodeDemand {
        guard !invocation.operation.isPutIdentityProviderConfiguration else { return OperationModel.requestDemand }
        return .members(Dictionary(invocation.operation.input.members.map { ($0.name, .all) }) { first, _ in first })
    }

    /// What the parser builds of each structure parameter's value, worked out once.
    private static let demands: [(parameter: String, demand: NodeDemand)] =
        OperationModel.requestShape.members.compactMap { member in
            guard case .structure(let shape) = member.shape else { return nil }
            return (member.name, OperationModel.demand(of: shape))
        }

    /// Whether the static words after `aws` hold `--generate-cli-skeleton` (not followed by `output`), and
    /// `--cli-input-json` or `--cli-input-yaml`: the CLI's pre-parse checks look for these exact words.
    private func relaxingWords() -> (skeleton: Bool, document: Bool) {
        var skeleton: Bool?
        var document = false
        var afterSkeleton = false
        for word in invocation.command.words.dropFirst() where word.isStatic {
            if afterSkeleton {
                skeleton = word.text != "output"
                afterSkeleton = false
            }
            let text = word.text
            // The options named here start with `-` (no other character is canonically equivalent to it): a word
            // that does not is none of them, without comparing strings.
            guard text.utf8.first == UInt8(ascii: "-") else { continue }
            if skeleton == nil && text == CommandOptions.generateSkeleton { afterSkeleton = true }
            if text == CommandOptions.cliInputJSON || text == CommandOptions.cliInputYAML { document = true }
        }
        if afterSkeleton { skeleton = true }
        return (skeleton ?? false, document)
    }

    private enum FileValues {
        case loaded(SyntaxNode, members: [LoadedMember])
        case unresolved
        case failed
    }

    /// A file's text that replaces a `file://…` reference, and the file it came from (nil when the text is the
    /// reference's own).
    private typealias Replacement = (text: String, source: SourceText, file: SourceFile?)

    /// Replaces shorthand `key@=file://…` values by the files' text, as the CLI's shorthand parser does. A member's
    /// value read from a file is located in that file (the members returned say which); a list item keeps the range
    /// of its `file://…` reference.
    private func loadFileValues(in root: SyntaxNode, option: String, into log: inout ReadingLog) -> FileValues {
        let references = ShorthandParser.fileReferences(in: root)
        guard !references.isEmpty else { return .loaded(root, members: []) }
        var replacements: [SourceRange: Replacement] = [:]
        for reference in references {
            guard case .string(let text) = reference.value else { continue }
            let loaded = files.loadReference(
                text, option: option, range: { _ in reference.range }, wholeRange: reference.range, into: &log)
            switch loaded {
            case .text(let source, let file):
                replacements[reference.range] = (String(decoding: source.bytes, as: UTF8.self), source, file)
            case .unresolved: return .unresolved
            case .failed: return .failed
            }
        }
        var members: [LoadedMember] = []
        let replaced = replacing(root, with: replacements, members: &members)
        return .loaded(replaced, members: members)
    }

    /// `node` with the string values at the given ranges replaced (depth bounded by the parser's limit); a member's
    /// value read from a file takes that file's range, and the member is added to `members`.
    private func replacing(
        _ node: SyntaxNode, with replacements: [SourceRange: Replacement], members: inout [LoadedMember]
    ) -> SyntaxNode {
        var node = node
        switch node.value {
        case .string:
            if let replacement = replacements[node.range] { node.value = .string(replacement.text) }
        case .array(let items):
            node.value = .array(items.map { replacing($0, with: replacements, members: &members) })
        case .object(let entries):
            var replaced = entries
            for index in replaced.indices {
                let value = replaced[index].value
                if case .string = value.value, let replacement = replacements[value.range], let file = replacement.file
                {
                    let range = SourceRange.bytes(0, file.bytes.count)
                    replaced[index].value = SyntaxNode(.string(replacement.text), range: range)
                    let provenance = RelatedLocation(
                        message: "read by \(replaced[index].key)@= here", path: invocation.path, range: value.range)
                    members.append(
                        LoadedMember(
                            keyRange: replaced[index].keyRange,
                            location: ValueLocation(
                                path: file.path, range: range, pointer: "", provenance: [provenance]),
                            text: SharedText(replacement.source)))
                } else {
                    replaced[index].value = replacing(value, with: replacements, members: &members)
                }
            }
            node.value = .object(replaced)
        default:
            break
        }
        return node
    }

    /// `http` or `https` when the text starts with that URL scheme (any case), else `nil`.
    private static func urlScheme(_ bytes: [UInt8]) -> String? {
        for scheme in ["https", "http"] {
            let prefix = Array((scheme + "://").utf8)
            if bytes.count >= prefix.count, zip(bytes, prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { return scheme }
        }
        return nil
    }

    /// Python's `str.strip()` whitespace, ASCII part (the CLI strips before looking for `{` or `[`).
    private func isStrippable(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
    }
}
