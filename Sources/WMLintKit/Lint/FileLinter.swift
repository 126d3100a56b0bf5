import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// Lints one input file: reads it, finds its requests, binds them and collects the diagnostics.
struct FileLinter {
    let settings: RunSettings

    func lint(_ input: InputFile, standardInput: [UInt8]? = nil) -> FileOutcome {
        var outcome = readAndLint(input, standardInput: standardInput)
        var diagnostics: [Diagnostic]
        if outcome.suppressions.isEmpty {
            diagnostics = outcome.diagnostics.removeAll()
        } else {
            let inactive = Set(RuleID.allCases.filter { input.configuration?.severity(for: $0) == nil })
            let (kept, unused) = SuppressionFilter.apply(
                outcome.diagnostics.entries, outcome.suppressions, inactiveRules: inactive)
            diagnostics = kept + unused
        }
        if let configuration = input.configuration {
            diagnostics = Self.apply(configuration, to: diagnostics)
        }
        if settings.keepsEveryFix {
            Self.limitKeepingFixes(&diagnostics)
        } else {
            Self.limit(&diagnostics)
        }
        outcome.diagnostics = DiagnosticSink(diagnostics)
        return outcome
    }

    /// Diagnostics kept per file; the rest are summed up in one `input-limit` diagnostic.
    static let diagnosticsPerFile = 1000

    /// Keeps the first ``diagnosticsPerFile`` diagnostics of each file in report order, and a summary of the rest.
    static func limit(_ diagnostics: inout [Diagnostic]) {
        guard diagnostics.count > diagnosticsPerFile, let path = diagnostics.first?.path else { return }
        guard diagnostics.allSatisfy({ $0.path == path }) else {
            diagnostics = limited(diagnostics)
            return
        }
        // One file (the usual case): sorted and cut in place, without a second copy of thousands of diagnostics.
        let count = diagnostics.count
        diagnostics.sort(by: Diagnostic.reportOrder)
        diagnostics.removeSubrange(diagnosticsPerFile...)
        diagnostics.append(summary(path: path, count: count))
    }

    /// The `input-limit` diagnostic standing for the diagnostics of `path` beyond the first ``diagnosticsPerFile``
    /// of `count`.
    private static func summary(path: String, count: Int) -> Diagnostic {
        Diagnostic(
            rule: .inputLimit,
            message: "\(count - diagnosticsPerFile) more diagnostics in this file are not shown "
                + "(at most \(diagnosticsPerFile) per file)",
            path: path, range: .bytes(0, 0))
    }

    /// Like ``limit(_:)``, but every diagnostic with a fix is kept, past the limit too (for `--fix`).
    static func limitKeepingFixes(_ diagnostics: inout [Diagnostic]) {
        guard diagnostics.count > diagnosticsPerFile, let path = diagnostics.first?.path,
            diagnostics.allSatisfy({ $0.path == path })
        else {
            limit(&diagnostics)
            return
        }
        let count = diagnostics.count
        diagnostics.sort(by: Diagnostic.reportOrder)
        var kept = Array(diagnostics.prefix(diagnosticsPerFile))
        kept += diagnostics[diagnosticsPerFile...].filter { !$0.fixes.isEmpty }
        let dropped = count - kept.count
        diagnostics = kept
        if dropped > 0 { diagnostics.append(summary(path: path, count: diagnosticsPerFile + dropped)) }
    }

    /// The first ``diagnosticsPerFile`` diagnostics of each file in report order, and a summary of the rest.
    static func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > diagnosticsPerFile else { return diagnostics }
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byPath[diagnostic.path, default: []].append(diagnostic) }
        var result: [Diagnostic] = []
        for (path, group) in byPath {
            guard group.count > diagnosticsPerFile else {
                result += group
                continue
            }
            let sorted = group.sorted(by: Diagnostic.reportOrder)
            result += sorted.prefix(diagnosticsPerFile)
            result.append(summary(path: path, count: group.count))
        }
        return result
    }

    /// The diagnostics with the configuration's severities applied, switched-off rules and ignored entries removed.
    static func apply(_ configuration: Configuration, to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            guard let severity = configuration.severity(for: diagnostic.rule), !configuration.isIgnored(diagnostic)
            else { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }

    /// Region, account and policy for an input, each with where it came from.
    private func contextSettings(_ input: InputFile) -> ContextSettings {
        guard let configuration = input.configuration else { return ContextSettings() }
        let file = configuration.path ?? ".wmlint.yaml"
        let region = configuration.region.map {
            ContextValue(
                value: $0,
                origin: ContextOrigin(description: settings.overrides.region != nil ? "wmlint --region" : file))
        }
        let account = configuration.accountID.map {
            ContextValue(
                value: $0,
                origin: ContextOrigin(description: settings.overrides.accountID != nil ? "wmlint --account-id" : file))
        }
        let policy = Policy(
            minimumLifetimeDays: configuration.patLifetimeDays.min,
            maximumLifetimeDays: configuration.patLifetimeDays.max,
            authenticationModes: configuration.authenticationModes)
        return ContextSettings(region: region, accountID: account, policy: policy)
    }

    private func readAndLint(_ input: InputFile, standardInput: [UInt8]?) -> FileOutcome {
        var outcome = FileOutcome()
        let bytes: [UInt8]
        if let standardInput {
            guard standardInput.count <= settings.maxFileSize else {
                return oversized(
                    input, size: standardInput.count, prefix: Array(standardInput.prefix(Sniffer.prefixLimit)))
            }
            bytes = standardInput
        } else if let replaced = settings.contents[input.path] {
            bytes = replaced
        } else {
            // Every input was found a regular file by discovery (standard input is not read here).
            switch FileSystem.read(input.path, maxSize: settings.maxFileSize, isKnownRegular: true) {
            case .success(let read): bytes = read
            case .failure(.tooLarge(let size)):
                return oversized(
                    input, size: size, prefix: FileSystem.readPrefix(input.path, limit: Sniffer.prefixLimit) ?? [])
            case .failure:
                return outcome
            }
        }
        let file = SourceFile(path: input.path, bytes: bytes)
        let context = ContextResolver(settings: contextSettings(input))
        let calls: IdentityProviderCalls
        switch input.kind {
        case .json:
            lintDocument(file, syntax: .json, isForced: input.isForced, context: context, into: &outcome)
            return outcome
        case .yaml:
            lintDocument(file, syntax: .yaml, isForced: input.isForced, context: context, into: &outcome)
            return outcome
        case .shell: calls = lintScript(file, context: context, into: &outcome)
        case .markdown:
            let scripts = MarkdownBlocks.scripts(in: file)
            calls = lintEmbedded(scripts, file: file, context: context, into: &outcome)
            if outcome.isInput { outcome.suppressions += MarkdownComments.suppressions(in: file, scripts: scripts) }
        case .workflow:
            calls = lintEmbedded(
                WorkflowSteps.scripts(in: file), file: file, context: context, into: &outcome, hostIsYAML: true)
        case .gitlabCI:
            calls = lintGitLab(file, context: context, into: &outcome)
        }
        if !calls.deletions.isEmpty {
            outcome.diagnostics += IdentityProviderDeletedCheck.diagnostics(
                deletions: calls.deletions, puts: calls.puts)
        }
        return outcome
    }

    /// A file over `--max-file-size`: an `input-limit` error when it is an input, else nothing.
    private func oversized(_ input: InputFile, size: Int, prefix: [UInt8]) -> FileOutcome {
        var outcome = FileOutcome()
        let isDocument = input.kind == .json || input.kind == .yaml
        if isDocument && !input.isForced && !Sniffer.mentionsParameter(prefix) { return outcome }
        if input.kind == .markdown || input.kind == .workflow || input.kind == .gitlabCI { return outcome }
        outcome.isInput = true
        outcome.sources.append(SourceFile(path: input.path, bytes: []))
        outcome.diagnostics.append(
            Diagnostic(
                rule: .inputLimit,
                message:
                    "file is \(size) bytes, over the limit of \(settings.maxFileSize) (--max-file-size); not checked",
                path: input.path, range: .bytes(0, 0)))
        return outcome
    }

    private func lintDocument(
        _ file: SourceFile, syntax: DocumentReader.Syntax, isForced: Bool, context resolver: ContextResolver,
        into outcome: inout FileOutcome
    ) {
        if !isForced && !Sniffer.mentionsParameter(Array(file.bytes.prefix(Sniffer.prefixLimit))) { return }
        let encoding = EncodingCheck.check(file.bytes, path: file.path, form: .document)
        let text = SourceText(file: file)
        var parsed: ParseResult?
        if !encoding.isUnreadable {
            let result = DocumentReader.parse(
                text, syntax: syntax, demand: settings.buildsWholeValues ? .all : OperationModel.requestDemand)
            if !isForced && result.isComplete {
                guard case .object(let members) = result.root?.value, Sniffer.hasParameterKey(members.map(\.key))
                else { return }
            }
            parsed = result
        }
        outcome.isInput = true
        outcome.sources.append(file)
        outcome.diagnostics += encoding.diagnostics
        if syntax == .yaml { outcome.suppressions = SuppressionParser.parse(yaml: file) }
        guard let parsed else {
            record(.rejects, into: &outcome)
            return
        }
        let document = DocumentReader.read(parsed, text: text, syntax: syntax, provenance: [])
        outcome.diagnostics += document.syntaxDiagnostics
        if let finding = document.finding { outcome.diagnostics.append(RequestBindingCheck.diagnostic(for: finding)) }
        let input = RequestInput(
            parameters: document.entries, anchorPath: file.path, anchorRange: document.anchor,
            hasUnknownSource: document.isBroken)
        check(input, context: resolver.context(anchorPath: file.path, anchorRange: document.anchor), into: &outcome)
        // A document converts to its data, whatever it holds.
        let isReadable =
            parsed.isComplete && !(syntax == .json && encoding.hasBOM)
            && !DocumentReader.repeatsKey(parsed, syntax: syntax)
        if let root = parsed.root, isReadable {
            record(.sends(root), into: &outcome)
        } else {
            record(.rejects, into: &outcome)
        }
    }

    /// Lints a shell file; returns where it deletes and puts the identity provider configuration.
    private func lintScript(
        _ file: SourceFile, context resolver: ContextResolver, into outcome: inout FileOutcome
    ) -> IdentityProviderCalls {
        outcome.isInput = true
        outcome.sources.append(file)
        let encoding = EncodingCheck.check(file.bytes, path: file.path, form: .script)
        outcome.diagnostics += encoding.diagnostics
        if encoding.isUnreadable { return IdentityProviderCalls() }
        return lintShell(EmbeddedScript(text: SourceText(file: file)), file: file, context: resolver, into: &outcome)
            .identityProviderCalls
    }

    /// Lints the shell code of a Markdown file's blocks or a workflow's steps. The file is an input (counted,
    /// quoted) only when it invokes the operation; otherwise it yields nothing. `hostIsYAML`: the file is YAML,
    /// whose own comments (outside the scripts) may suppress too: one above a step covers the whole step.
    /// `isIncluded`: the file is read through another (a GitLab `include:`), which stays the outcome's first.
    /// Returns where the scripts delete and put the identity provider configuration.
    @discardableResult
    private func lintEmbedded(
        _ scripts: [EmbeddedScript], file: SourceFile, context resolver: ContextResolver,
        into outcome: inout FileOutcome, hostIsYAML: Bool = false, isIncluded: Bool = false
    ) -> IdentityProviderCalls {
        var invocations = 0
        var calls = IdentityProviderCalls()
        for script in scripts {
            let linted = lintShell(script, file: file, context: resolver, into: &outcome)
            invocations += linted.invocations
            calls.add(linted.identityProviderCalls)
        }
        guard invocations > 0 else { return calls }
        outcome.isInput = true
        if !outcome.sources.contains(where: { $0.path == file.path }) {
            if isIncluded { outcome.sources.append(file) } else { outcome.sources.insert(file, at: 0) }
        }
        if hostIsYAML { outcome.suppressions += SuppressionParser.parse(yaml: file) }
        return calls
    }

    /// Lints a GitLab CI file and the local files it includes, and those they include (each once, at most
    /// ``maxIncludes`` of them). An include is looked for relative to the including file's directory, the
    /// repository root where GitLab reads `.gitlab-ci.yml`, and read only when it is a regular file inside that
    /// directory; one that is missing or outside is left to GitLab to report.
    /// Returns where their scripts delete and put the identity provider configuration.
    private func lintGitLab(
        _ file: SourceFile, context resolver: ContextResolver, into outcome: inout FileOutcome
    ) -> IdentityProviderCalls {
        var calls = lintEmbedded(
            GitLabJobs.scripts(in: file), file: file, context: resolver, into: &outcome, hostIsYAML: true)
        guard
            let root = FileSystem.realPath(
                Path.lexicalAbsolute(Path.directory(of: file.path), base: settings.currentDirectory))
        else { return calls }
        var pending = GitLabJobs.localIncludes(of: file)
        var seen: Set<String> = []
        while let include = pending.first, seen.count < Self.maxIncludes {
            pending.removeFirst()
            let name = include.hasPrefix("/") ? String(include.dropFirst()) : include
            guard let canonical = FileSystem.realPath(Path.join(root, name)), Path.isInside(canonical, root: root),
                Path.versionControlDirectory(in: canonical) == nil, !seen.contains(canonical)
            else { continue }
            seen.insert(canonical)
            let display =
                Path.isInside(canonical, root: settings.currentDirectory)
                ? Path.relative(canonical, to: settings.currentDirectory) : canonical
            let bytes: [UInt8]
            if let replaced = settings.contents[display] {
                bytes = replaced
            } else if case .success(let read) = FileSystem.read(
                canonical, maxSize: settings.maxFileSize, noFollow: true)
            {
                bytes = read
            } else {
                continue
            }
            let included = SourceFile(path: display, bytes: bytes)
            outcome.referencedDocuments.append(canonical)
            calls.add(
                lintEmbedded(
                    GitLabJobs.scripts(in: included), file: included, context: resolver, into: &outcome,
                    hostIsYAML: true, isIncluded: true))
            pending += GitLabJobs.localIncludes(of: included)
        }
        return calls
    }

    /// How many files one GitLab CI file may pull in through `include:`, directly or not.
    static let maxIncludes = 64

    /// Lints every invocation of a covered operation in `script`, whose text maps into the file at `path`.
    private func lintShell(
        _ script: EmbeddedScript, file: SourceFile, context resolver: ContextResolver, into outcome: inout FileOutcome
    ) -> LintedScript {
        let path = file.path
        var scanned = ShellScanner.scan(script.text).markingUnknown(script.unknownRanges)
            .resolvingVariables(
                in: script.text, environment: ContextResolver.regionVariables, inherited: script.environment,
                inheritsUnknown: script.inheritsUnknownVariables)
        let files = ParameterFiles(settings: settings, namingPath: path)
        let firstDiagnostic = outcome.diagnostics.count
        var invocations = 0
        var identityProviderCalls = IdentityProviderCalls()
        // A shell file is its own script; an embedded one has no `\r` line ends (YAML and Markdown read CRLF as a
        // line break).
        let isOwnScript = script.text.map == nil
        var escapedLineEnds: [Int] = []
        // The bindings are all the collector needs of the script (the words are freed as they are linted).
        var collector = ScriptCallCollector(
            script: ShellScript(commands: [], bindings: scanned.bindings, comments: []), text: script.text, path: path)
        for index in scanned.commands.indices {
            let command = scanned.commands[index]
            let uses = command.words.flatMap(\.substitutions) + command.assignments.flatMap(\.value.substitutions)
            // Only the commands' ranges are needed after this (for suppressions): free each one's words once it is
            // linted, so that a long script does not hold them all while its diagnostics grow.
            scanned.commands[index].words = []
            scanned.commands[index].assignments = []
            let invocation: Invocation
            let parsed = InvocationParser.read(command, path: path)
            collector.add(command, parsed: parsed)
            switch parsed {
            case .invocation(let read):
                invocation = read
                if read.operation.isPutIdentityProviderConfiguration {
                    identityProviderCalls.puts.append((path, read.operationRange))
                } else if read.operation.cliName == "delete-identity-provider-configuration" {
                    identityProviderCalls.deletions.append((path, read.operationRange))
                }
            case .other, .unknown: continue
            }
            invocations += 1
            if isOwnScript { escapedLineEnds += CarriageReturns.escapedLineEnds(in: command, bytes: file.bytes) }
            if let error = command.syntaxError {
                // An unterminated quote or substitution swallows the rest of the command: its one diagnostic.
                outcome.diagnostics.append(error)
                record(.rejects, into: &outcome)
                continue
            }
            let first = outcome.diagnostics.count
            let assembled = InvocationAssembler(invocation: invocation, files: files).assemble()
            for finding in assembled.findings { outcome.diagnostics.append(finding.diagnostic(path: path)) }
            if !assembled.files.isEmpty {
                outcome.sources += assembled.files
                outcome.referencedDocuments += assembled.canonicalPaths
            }
            let (input, cliRejects) = (assembled.input, assembled.cliRejects)
            var sibling: OperationRequest?
            if invocation.operation.isPutIdentityProviderConfiguration {
                let request = check(
                    input, context: resolver.context(of: invocation, environment: command.environment), into: &outcome)
                collector.addPairing(of: invocation, request: request)
            } else {
                let request = OperationRequest.build(input, invocation: invocation)
                outcome.diagnostics += OperationRequestCheck.diagnostics(for: request)
                sibling = request
            }
            if !uses.isEmpty { relate(outcome.diagnostics[first...].indices, to: uses, path: path, in: &outcome) }
            if settings.recordsRequests {
                record(
                    sibling?.outcome ?? CLIRequest.outcome(of: input), of: invocation, in: file,
                    cliRejects: cliRejects, into: &outcome)
            }
            // Diagnostics in the documents the command pulled in: its suppressions cover them too.
            outcome.diagnostics.attribute(
                from: first, outside: path, to: SuppressionOrigin(path: path, range: command.range))
        }
        let calls = collector.finished()
        if !calls.isEmpty { outcome.diagnostics += ScriptCallChecks.diagnostics(for: calls) }
        if isOwnScript {
            CarriageReturns.explain(
                &outcome.diagnostics, from: firstDiagnostic, escaped: escapedLineEnds, path: path, bytes: file.bytes)
        }
        // Nesting past the scanner's limit may hide an invocation: its `input-limit` diagnostic, where the limit was
        // hit, is reported whether or not a command around it invokes the operation (once, when one does).
        var limits = 0
        for limit in scanned.diagnostics where limit.rule == .inputLimit {
            let reported = outcome.diagnostics[firstDiagnostic...].contains {
                $0.rule == .inputLimit && $0.range == limit.range
            }
            if !reported {
                outcome.diagnostics.append(limit)
                limits += 1
            }
        }
        if invocations > 0 {
            outcome.suppressions += SuppressionParser.parse(shell: file, script: scanned)
        }
        if !script.unsafeReplacementBytes.isEmpty {
            // A fix the embedding would not keep as written (a quote inside a quoted YAML scalar) is dropped; an
            // edit in an `env:` value is judged by that value's own scalar style.
            let bytes = file.bytes
            func unsafeBytes(at offset: Int) -> [UInt8] {
                guard
                    let variable = script.environment.first(where: {
                        $0.value != nil && $0.range.lowerBound.offset <= offset && offset <= $0.range.upperBound.offset
                    })
                else { return script.unsafeReplacementBytes }
                let start = ScalarMap.contentStart(of: variable.range, in: bytes)
                return start < bytes.count
                    ? ScalarMap.unsafeBytes(inScalarStartingWith: bytes[start]) : script.unsafeReplacementBytes
            }
            for index in firstDiagnostic..<outcome.diagnostics.count {
                outcome.diagnostics[index].fixes.removeAll { fix in
                    fix.edits.contains { edit in
                        guard edit.path == path else { return false }
                        let unsafe = unsafeBytes(at: edit.range.lowerBound.offset)
                        return edit.replacement.utf8.contains { unsafe.contains($0) }
                    }
                }
            }
        }
        return LintedScript(invocations: invocations + limits, identityProviderCalls: identityProviderCalls)
    }

    /// Adds to each diagnostic in `indices` whose range lies in a variable's value the places where the command
    /// used that variable (and, for a value built of variables, the uses of those in turn).
    private func relate(
        _ indices: Range<Int>, to uses: [ShellSubstitution], path: String, in outcome: inout FileOutcome
    ) {
        func holds(_ outer: SourceRange, _ inner: SourceRange) -> Bool {
            outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
        }
        for index in indices where outcome.diagnostics[index].path == path {
            var ranges = [outcome.diagnostics[index].range]
            var related: [RelatedLocation] = []
            var seen: Set<SourceRange> = []
            while let range = ranges.popLast() {
                for use in uses where holds(use.value, range) && seen.insert(use.use).inserted {
                    let message =
                        use.isDefault
                        ? "the default of \(use.name), used here: \(use.name) is set nowhere in the script"
                        : "\(use.name) is used here"
                    related.append(RelatedLocation(message: message, path: path, range: use.use))
                    ranges.append(use.use)
                }
            }
            outcome.diagnostics[index].related += related
        }
    }

    /// Binds a request, runs the rules over it, and returns it.
    @discardableResult
    private func check(_ input: RequestInput, context: RuleContext, into outcome: inout FileOutcome) -> Request {
        let (request, findings) = RequestBinder.bind(input)
        if !findings.isEmpty { outcome.diagnostics += RequestBindingCheck.diagnostics(for: findings) }
        outcome.diagnostics += RuleEngine.run(request, context: context)
        return request
    }

    /// Records what the AWS CLI would do with a request, when the run records requests.
    private func record(
        _ result: RequestOutcome, globalOptions: [(name: String, value: String?)] = [],
        operation: String = OperationModel.operation, into outcome: inout FileOutcome
    ) {
        guard settings.recordsRequests else { return }
        outcome.requests.append(LintedRequest(outcome: result, globalOptions: globalOptions, operation: operation))
    }

    /// Records what the AWS CLI would do with the request, when the run records requests.
    private func record(
        _ cliOutcome: CLIOutcome, of invocation: Invocation, in file: SourceFile, cliRejects: Bool,
        into outcome: inout FileOutcome
    ) {
        guard settings.recordsRequests else { return }
        let globals = invocation.options.filter(\.spec.isGlobal).map { option in
            let value = option.value.map { word in
                word.isStatic
                    ? Converter.shellQuote(word.text)
                    : file.text(in: word.range.lowerBound.offset..<word.range.upperBound.offset)
            }
            return (name: option.spec.name, value: value)
        }
        let result: RequestOutcome
        switch cliOutcome {
        case .sends(let body): result = cliRejects ? .rejects : .sends(body)
        case .rejects: result = .rejects
        case .unknown: result = cliRejects ? .rejects : .unknown
        case .skeleton: result = .skeleton
        }
        record(result, globalOptions: globals, operation: invocation.operation.cliName, into: &outcome)
    }
}
