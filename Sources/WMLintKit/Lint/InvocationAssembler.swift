import WMLintModel
import WMLintSource
import WMLintSyntax

/// Builds the request an invocation makes: option values, `file://` targets and `--cli-input-*` documents,
/// merged as the AWS CLI merges them (SPEC §2.3).
struct InvocationAssembler {
    let invocation: Invocation
    let files: ParameterFiles

    /// The request input, and whether the CLI would refuse the command line itself.
    func assemble(into outcome: inout FileOutcome) -> (RequestInput, cliRejects: Bool) {
        let path = invocation.path
        outcome.diagnostics += invocation.diagnostics
        var cliRejects = invocation.diagnostics.contains {
            [.unknownOption, .optionValue].contains($0.rule) && $0.severity == .error
        }
        if let error = invocation.command.syntaxError {
            outcome.diagnostics.append(error)
            cliRejects = true
        }
        var hasUnknownSource = invocation.hasUnknownWords
        var isSkeletonOnly = false
        if let skeleton = invocation.last(CommandOptions.generateSkeleton) {
            isSkeletonOnly = true
            outcome.diagnostics.append(
                Diagnostic(
                    rule: .skeletonOnly,
                    message: "--generate-cli-skeleton prints a template and sends nothing; the other values are not used",
                    path: path, range: skeleton.range))
        }

        // The whole-request document.
        var document: DocumentReader.Document?
        let json = invocation.last(CommandOptions.cliInputJSON)
        let yaml = invocation.last(CommandOptions.cliInputYAML)
        if let json, let yaml {
            let (first, second) = json.nameRange.lowerBound < yaml.nameRange.lowerBound ? (json, yaml) : (yaml, json)
            outcome.diagnostics.append(
                Diagnostic(
                    rule: .conflictingInput,
                    message: "\(second.spec.name) cannot be combined with \(first.spec.name); give the request once",
                    path: path, range: second.nameRange,
                    related: [RelatedLocation(message: "\(first.spec.name) given here", path: path, range: first.nameRange)]))
            cliRejects = true
            hasUnknownSource = true
        }
        for option in [json, yaml].compactMap({ $0 }) {
            guard let word = option.value else {
                hasUnknownSource = true
                continue
            }
            guard word.isStatic else {
                outcome.diagnostics.append(unresolved("the \(option.spec.name) document", word: word))
                hasUnknownSource = true
                continue
            }
            switch files.load(word, option: option.spec.name, into: &outcome) {
            case .unresolved:
                hasUnknownSource = true
            case .failed:
                hasUnknownSource = true
                cliRejects = true
            case .text(let text, let file):
                let provenance =
                    file == nil
                    ? [] : [RelatedLocation(message: "read by \(option.spec.name) here", path: path, range: word.range)]
                let read = DocumentReader.read(
                    text, syntax: option.spec.name == CommandOptions.cliInputJSON ? .json : .yaml,
                    provenance: provenance, into: &outcome)
                if read.isBroken { hasUnknownSource = true }
                if read.cliRejects { cliRejects = true }
                if json == nil || yaml == nil { document = read }
            }
        }

        // Explicit options replace the document's values, parameter by parameter.
        var entries: [ParameterEntry] = []
        var seen: Set<String> = []
        for option in invocation.options.reversed() {
            guard let parameter = option.spec.parameter, seen.insert(parameter).inserted else { continue }
            let (entry, rejects) = parameterEntry(option, parameter: parameter, into: &outcome)
            if rejects { cliRejects = true }
            if let replaced = document?.entries.first(where: { $0.key == parameter }) {
                outcome.diagnostics.append(
                    Diagnostic(
                        rule: .overriddenInput,
                        message: "\(option.spec.name) replaces the \(parameter) of the request document",
                        path: path, range: option.nameRange,
                        related: [
                            RelatedLocation(
                                message: "this value is not used", path: replaced.location.path,
                                range: replaced.location.keyRange ?? replaced.location.range)
                        ]))
            }
            entries.append(entry)
        }
        entries.reverse()
        entries += document?.entries.filter { !seen.contains($0.key) } ?? []
        let input = RequestInput(
            parameters: entries, anchorPath: path, anchorRange: invocation.operationRange,
            hasUnknownSource: hasUnknownSource, nearlyNamed: invocation.nearlyNamed, isSkeletonOnly: isSkeletonOnly)
        return (input, cliRejects)
    }

    /// One parameter option's value, read as the CLI reads it: `file://`, then JSON or shorthand for a structure,
    /// verbatim text for a scalar.
    private func parameterEntry(
        _ option: ParsedOption, parameter: String, into outcome: inout FileOutcome
    ) -> (ParameterEntry, rejects: Bool) {
        let path = invocation.path
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
        switch files.load(word, option: option.spec.name, into: &outcome) {
        case .unresolved:
            return (ParameterEntry(key: parameter, value: .unresolved, location: location), false)
        case .failed:
            return (ParameterEntry(key: parameter, value: .unreadable, location: location), true)
        case .text(let loaded, let file):
            text = loaded
            if let file {
                location = ValueLocation(
                    path: file.path, range: .bytes(0, file.bytes.count), pointer: "",
                    provenance: [RelatedLocation(message: "read by \(option.spec.name) here", path: path, range: word.range)])
            }
        }
        guard case .structure = OperationModel.requestShape.member(parameter) else {
            let value = String(decoding: text.bytes, as: UTF8.self)
            let node = SyntaxNode(.string(value), range: location.range)
            return (ParameterEntry(key: parameter, value: .node(node, syntax: .text), location: location), false)
        }
        let isJSON = text.bytes.first { !isStrippable($0) }.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }
        let parsed = isJSON == true ? JSONParser.parse(text) : ShorthandParser.parse(text)
        outcome.diagnostics += parsed.diagnostics.map {
            var diagnostic = $0
            diagnostic.related += location.provenance
            return diagnostic
        }
        guard let root = parsed.root, !parsed.hasErrors else {
            return (ParameterEntry(key: parameter, value: .unreadable, location: location), true)
        }
        location.range = root.range
        let syntax: ValueSyntax = isJSON == true ? .json : .shorthand
        return (ParameterEntry(key: parameter, value: .node(root, syntax: syntax), location: location), false)
    }

    private func unresolved(_ what: String, word: ShellWord) -> Diagnostic {
        Diagnostic(
            rule: .unresolvedValue,
            message: "\(what) is only known when the script runs; checks that need it are skipped",
            path: invocation.path, range: word.range)
    }

    /// Python's `str.strip()` whitespace, ASCII part (the CLI strips before looking for `{` or `[`).
    private func isStrippable(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
    }
}
