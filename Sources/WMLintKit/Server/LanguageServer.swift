import WMLintRules
import WMLintSource

/// `wmlint server`: the Language Server Protocol's messages, handled one at a time, independent of the transport.
///
/// Every message is answered or acted on in order. Edits only mark documents as changed; ``flush()`` lints them,
/// which the transport calls once no message is waiting (so a burst of edits is linted once) and which every
/// request that needs diagnostics calls first. The server never writes a file: fixes go to the client as edits.
final class LanguageServer {
    /// JSON-RPC and LSP error codes.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestCancelled = -32800
    }

    private enum Phase {
        case uninitialized, running, shutDown
    }

    /// A document the client opened.
    struct OpenDocument {
        var uri: String
        /// The absolute path the `file:` URI names.
        var path: String
        /// The path as diagnostics show it: relative to the current directory when inside it.
        var displayPath: String
        var languageID: String
        var version: Int?
        var text: DocumentText
        /// The last lint's report (what code actions plan their fixes from), and the version it linted.
        var report: LintReport?
        /// The displayed paths of the other files the last lint read (`file://` targets).
        var reads: Set<String> = []
    }

    /// A diagnostic as published: the finding and its protocol form.
    struct Finding {
        var diagnostic: Diagnostic
        var json: JSONValue
        /// The document whose lint found it.
        var source: String
    }

    /// Sends one message body to the client.
    private let send: ([UInt8]) -> Void
    private var phase = Phase.uninitialized
    private(set) var encoding = PositionEncoding.utf16
    /// Settings from the client's initialization options.
    private var overrides = ConfigurationOverrides()
    private var configurationMode = ConfigurationCache.Mode.discover
    private var pushesDiagnostics = true
    private var configurations: ConfigurationCache
    private var currentDirectory: String
    private var documents: [String: OpenDocument] = [:]
    /// Documents whose text or surroundings changed since their last lint, by URI.
    private var stale: Set<String> = []
    /// What each document's lint found, by the URI of the file each finding is in.
    private var contributions: [String: [String: [Finding]]] = [:]
    /// URIs published with at least one diagnostic (to clear them when nothing is left).
    private var published: Set<String> = []
    /// Problems of configuration files, by the file's URI.
    private var configurationProblems: [String: [JSONValue]] = [:]
    private var watchesFiles = false
    private var nextRequestID = 1
    /// Set once `exit` is received: the process's exit status.
    private(set) var exitStatus: Int32?
    /// Whether the client asked for the server to stop (`shutdown`).
    var isShutDown: Bool { phase == .shutDown }

    init(send: @escaping ([UInt8]) -> Void) {
        self.send = send
        currentDirectory = FileSystem.currentDirectory()
        configurations = ConfigurationCache()
    }

    // MARK: Messages

    /// Handles one message body as read from the stream.
    func receive(_ body: [UInt8], isCancelled: (JSONValue) -> Bool = { _ in false }) {
        switch JSONValue.parse(body) {
        case .failure(let error):
            respond(error: .parseError, "the message is not valid JSON: \(error.message)", id: .null)
        case .success(let message):
            receive(message, isCancelled: isCancelled)
        }
    }

    /// Handles one parsed message.
    func receive(_ message: JSONValue, isCancelled: (JSONValue) -> Bool = { _ in false }) {
        guard message.isObject else {
            let what = message.arrayValue != nil ? "a batch (the protocol has none)" : "not an object"
            respond(error: .invalidRequest, "the message is \(what)", id: .null)
            return
        }
        let id = message["id"]
        let validID: JSONValue? = id.flatMap { id in
            switch id {
            case .string, .number: id
            default: nil
            }
        }
        guard message["jsonrpc"]?.stringValue == "2.0" else {
            respond(error: .invalidRequest, "the message has no \"jsonrpc\": \"2.0\"", id: validID ?? .null)
            return
        }
        guard let methodValue = message["method"] else {
            // A response to one of the server's own requests (registrations): nothing to do.
            if validID != nil && (message["result"] != nil || message["error"] != nil) { return }
            respond(error: .invalidRequest, "the message has no method", id: validID ?? .null)
            return
        }
        guard let method = methodValue.stringValue else {
            respond(error: .invalidRequest, "the method is not a string", id: validID ?? .null)
            return
        }
        let params = message["params"] ?? .null
        if id != nil {
            guard let validID else {
                respond(error: .invalidRequest, "the id is neither a number nor a string", id: .null)
                return
            }
            if isCancelled(validID) {
                respond(error: .requestCancelled, "the request was cancelled", id: validID)
                return
            }
            request(method, params: params, id: validID)
        } else {
            notification(method, params: params)
        }
    }

    /// Answers a frame whose header could not be read: its id is unknown.
    func rejectFrame(_ reason: String) {
        respond(error: .parseError, reason, id: .null)
    }

    private func request(_ method: String, params: JSONValue, id: JSONValue) {
        switch phase {
        case .uninitialized where method != "initialize":
            respond(error: .serverNotInitialized, "the server is not initialized; send 'initialize' first", id: id)
            return
        case .running where method == "initialize":
            respond(error: .invalidRequest, "the server is initialized already", id: id)
            return
        case .shutDown:
            respond(error: .invalidRequest, "the server is shut down; only 'exit' is accepted", id: id)
            return
        default:
            break
        }
        let result: Result<JSONValue, RequestError>
        switch method {
        case "initialize": result = initialize(params)
        case "shutdown":
            phase = .shutDown
            result = .success(.null)
        case "textDocument/diagnostic": result = pullDiagnostics(params)
        case "textDocument/codeAction": result = codeActions(params)
        case "textDocument/hover": result = hover(params)
        default:
            result = .failure(RequestError(code: .methodNotFound, message: "unknown method '\(method)'"))
        }
        switch result {
        case .success(let value): write(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", value)]))
        case .failure(let error): respond(error: error.code, error.message, id: id)
        }
    }

    private func notification(_ method: String, params: JSONValue) {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            return
        }
        // Before `initialize` every notification but `exit` is dropped; after `shutdown`, too.
        guard phase == .running else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": reloadConfigurations()
        default: break  // `$/cancelRequest` is the transport's; others need no action.
        }
    }

    struct RequestError: Error {
        var code: ErrorCode
        var message: String

        static func invalidParams(_ message: String) -> RequestError {
            RequestError(code: .invalidParams, message: message)
        }
    }

    private func respond(error code: ErrorCode, _ message: String, id: JSONValue) {
        write(
            .object([
                ("jsonrpc", .string("2.0")), ("id", id),
                ("error", .object([("code", .int(code.rawValue)), ("message", .string(message))])),
            ]))
    }

    private func write(_ message: JSONValue) {
        send(message.bytes)
    }

    private func notify(_ method: String, _ params: JSONValue) {
        write(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    // MARK: Initialization

    private func initialize(_ params: JSONValue) -> Result<JSONValue, RequestError> {
        guard params.isObject else { return .failure(.invalidParams("initialize needs an object of parameters")) }
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        encoding = offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
        watchesFiles =
            params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        if let options = params["initializationOptions"], options.isObject {
            if let problem = applyInitializationOptions(options, root: rootPath(params)) {
                return .failure(.invalidParams(problem))
            }
        }
        phase = .running
        let capabilities: JSONValue = .object([
            ("positionEncoding", .string(encoding.rawValue)),
            (
                "textDocumentSync",
                .object([
                    ("openClose", .bool(true)), ("change", .int(2)),
                    ("save", .object([("includeText", .bool(false))])),
                ])
            ),
            (
                "codeActionProvider",
                .object([
                    ("codeActionKinds", .array([.string("quickfix"), .string(Self.fixAllKind)])),
                    ("resolveProvider", .bool(false)),
                ])
            ),
            ("hoverProvider", .bool(true)),
            (
                "diagnosticProvider",
                .object([
                    ("identifier", .string("wmlint")), ("interFileDependencies", .bool(true)),
                    ("workspaceDiagnostics", .bool(false)),
                ])
            ),
        ])
        return .success(
            .object([
                ("capabilities", capabilities),
                ("serverInfo", .object([("name", .string("wmlint")), ("version", .string(WMLintVersion.current))])),
            ]))
    }

    /// The workspace's root directory, from `rootUri` or the first workspace folder.
    private func rootPath(_ params: JSONValue) -> String? {
        if let uri = params["rootUri"]?.stringValue, let path = FileURI.path(of: uri) { return path }
        if let uri = params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue {
            return FileURI.path(of: uri)
        }
        return params["rootPath"]?.stringValue
    }

    /// Applies `region`, `accountId`, `config` and `pushDiagnostics`; returns what is wrong with them.
    private func applyInitializationOptions(_ options: JSONValue, root: String?) -> String? {
        if let region = options["region"] {
            guard let text = region.stringValue else { return "initializationOptions.region must be a string" }
            overrides.region = text
        }
        if let account = options["accountId"] {
            guard let text = account.stringValue else { return "initializationOptions.accountId must be a string" }
            overrides.accountID = text
        }
        do {
            try overrides.validate()
        } catch {
            return "initializationOptions: "
                + error.message.replacing("--account-id", with: "accountId")
                .replacing("--region", with: "region")
        }
        if let config = options["config"] {
            guard let text = config.stringValue else { return "initializationOptions.config must be a string" }
            let path = text.hasPrefix("/") ? text : Path.join(root ?? currentDirectory, text)
            configurationMode = .file(path)
        }
        if let push = options["pushDiagnostics"] {
            guard let value = push.boolValue else { return "initializationOptions.pushDiagnostics must be a boolean" }
            pushesDiagnostics = value
        }
        configurations = ConfigurationCache(mode: configurationMode, overrides: overrides)
        return nil
    }

    /// Asks the client to report changes of configuration files, when it can register for them.
    private func registerWatchers() {
        guard watchesFiles else { return }
        let watchers: [JSONValue] = ConfigurationLoader.fileNames.map {
            .object([("globPattern", .string("**/" + $0))])
        }
        write(
            .object([
                ("jsonrpc", .string("2.0")), ("id", .string("wmlint-\(nextRequestID)")),
                ("method", .string("client/registerCapability")),
                (
                    "params",
                    .object([
                        (
                            "registrations",
                            .array([
                                .object([
                                    ("id", .string("wmlint-configuration")),
                                    ("method", .string("workspace/didChangeWatchedFiles")),
                                    ("registerOptions", .object([("watchers", .array(watchers))])),
                                ])
                            ])
                        )
                    ])
                ),
            ]))
        nextRequestID += 1
    }

    // MARK: Documents

    private func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
            let text = item["text"]?.stringValue
        else { return }
        // Only files can be linted: their path decides the form, the configuration and the `file://` targets.
        guard let path = FileURI.path(of: uri) else { return }
        documents[uri] = OpenDocument(
            uri: uri, path: path, displayPath: displayPath(of: path),
            languageID: item["languageId"]?.stringValue ?? "", version: item["version"]?.intValue,
            text: DocumentText(Array(text.utf8)))
        touch(uri)
        if ConfigurationLoader.fileNames.contains(Path.basename(path)) { reloadConfigurations() }
    }

    private func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri],
            let changes = params["contentChanges"]?.arrayValue
        else { return }
        for change in changes {
            guard let text = change["text"]?.stringValue else { continue }
            if let range = change["range"] {
                guard let start = LSPPosition(range["start"]), let end = LSPPosition(range["end"]) else { continue }
                document.text.replace(from: start, to: end, with: text, encoding: encoding)
            } else {
                document.text.replaceAll(with: text)
            }
        }
        document.version = params["textDocument"]?["version"]?.intValue ?? document.version
        documents[uri] = document
        touch(uri)
    }

    private func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let path = FileURI.path(of: uri) else { return }
        if ConfigurationLoader.fileNames.contains(Path.basename(path)) {
            reloadConfigurations()
        } else if documents[uri] != nil {
            touch(uri)
        }
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else { return }
        documents[uri] = nil
        stale.remove(uri)
        // The scripts that read it read the file on disk from now on.
        for (other, openDocument) in documents where openDocument.reads.contains(document.displayPath) {
            stale.insert(other)
        }
        let affected = Set(contributions[uri]?.keys.map { $0 } ?? []).union([uri])
        contributions[uri] = nil
        publish(affected)
    }

    /// Marks a document, and every open document that reads it, for linting.
    private func touch(_ uri: String) {
        stale.insert(uri)
        guard let path = documents[uri]?.displayPath else { return }
        for (other, document) in documents where document.reads.contains(path) {
            stale.insert(other)
        }
    }

    /// Drops every loaded configuration and lints every open document again.
    private func reloadConfigurations() {
        configurations = ConfigurationCache(mode: configurationMode, overrides: overrides)
        currentDirectory = FileSystem.currentDirectory()
        let problems = Set(configurationProblems.keys)
        configurationProblems = [:]
        for uri in problems { publishConfigurationProblems(uri) }
        stale.formUnion(documents.keys)
    }

    // MARK: Linting

    /// Lints every changed document and publishes what changed.
    func flush() {
        guard !stale.isEmpty else { return }
        var affected = Set<String>()
        for uri in stale.sorted() {
            affected.formUnion(lint(uri))
        }
        stale = []
        publish(affected)
    }

    /// Lints one document; returns the URIs whose diagnostics may have changed.
    private func lint(_ uri: String) -> Set<String> {
        guard var document = documents[uri] else { return [] }
        let before = Set(contributions[uri]?.keys.map { $0 } ?? [])
        let report = run(document)
        document.report = report
        document.reads = Set(report?.sources.keys.filter { $0 != document.displayPath } ?? [])
        documents[uri] = document
        var found: [String: [Finding]] = [uri: []]
        if let report {
            var texts: [String: DocumentText] = [document.displayPath: document.text]
            for diagnostic in report.diagnostics {
                let target = self.uri(ofDisplayed: diagnostic.path)
                let json = protocolDiagnostic(diagnostic, report: report, texts: &texts)
                found[target, default: []].append(Finding(diagnostic: diagnostic, json: json, source: uri))
            }
        }
        contributions[uri] = found
        return before.union(found.keys)
    }

    /// The report of one document's text, linted as `wmlint check` lints a file given on standard input under
    /// its name; `nil` when it is not a form wmlint reads.
    private func run(_ document: OpenDocument) -> LintReport? {
        guard var options = lintOptions(document) else { return nil }
        do {
            return try Linter.run(options)
        } catch  where error.kind == .config {
            recordConfigurationProblem(for: document, error)
            // The document is still linted, with the client's settings alone.
            options.configuration = .none
            options.configurations = ConfigurationCache(mode: .none, overrides: overrides)
            return try? Linter.run(options)
        } catch {
            return nil
        }
    }

    /// The options that lint `document`'s text; `nil` when neither its name nor its language says its form.
    private func lintOptions(_ document: OpenDocument) -> LintOptions? {
        var format = InputFormat.auto
        if InputKind.guess(fromName: document.displayPath) == nil {
            // A name that says nothing: a shell script by its first line or its language, else not an input.
            let isShell =
                InputKind.hasShellShebang(Array(document.text.bytes.prefix(256)))
                || ["sh", "bash", "shellscript", "zsh"].contains(document.languageID)
            guard isShell else { return nil }
            format = .shell
        }
        var options = LintOptions(paths: ["-"], inputFormat: format, stdinFilename: document.displayPath, jobs: 1)
        options.standardInput = document.text.bytes
        for (uri, other) in documents where uri != document.uri {
            options.contents[other.displayPath] = other.text.bytes
        }
        options.overrides = overrides
        options.configuration = configurationMode
        options.configurations = configurations
        return options
    }

    /// The protocol form of a diagnostic.
    private func protocolDiagnostic(
        _ diagnostic: Diagnostic, report: LintReport, texts: inout [String: DocumentText]
    ) -> JSONValue {
        func range(_ path: String, _ range: SourceRange) -> JSONValue {
            if texts[path] == nil { texts[path] = DocumentText(report.sources[path]?.bytes ?? []) }
            return (texts[path] ?? DocumentText([])).range(range, encoding: encoding)
        }
        var members: [(String, JSONValue)] = [
            ("range", range(diagnostic.path, diagnostic.range)),
            ("severity", .int(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.rule.rawValue)),
            ("codeDescription", .object([("href", .string(RuleDocumentation.url(of: diagnostic.rule)))])),
            ("source", .string("wmlint")),
            ("message", .string(diagnostic.message)),
        ]
        if !diagnostic.related.isEmpty {
            members.append(
                (
                    "relatedInformation",
                    .array(
                        diagnostic.related.map { related in
                            .object([
                                (
                                    "location",
                                    .object([
                                        ("uri", .string(uri(ofDisplayed: related.path))),
                                        ("range", range(related.path, related.range)),
                                    ])
                                ),
                                ("message", .string(related.message)),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    /// The findings in the file at `uri`, from every document's lint, once each, in report order.
    private func findings(in uri: String) -> [Finding] {
        var all: [Finding] = []
        for source in contributions.keys.sorted() {
            all += contributions[source]?[uri] ?? []
        }
        all.sort { Diagnostic.reportOrder($0.diagnostic, $1.diagnostic) }
        var kept: [Finding] = []
        for finding in all where kept.last?.diagnostic != finding.diagnostic {
            kept.append(finding)
        }
        return kept
    }

    /// Publishes the diagnostics of each of `uris` (an empty list clears them).
    private func publish(_ uris: Set<String>) {
        guard pushesDiagnostics else { return }
        for uri in uris.sorted() {
            let items = findings(in: uri).map(\.json)
            if items.isEmpty && !published.contains(uri) && documents[uri] == nil { continue }
            if items.isEmpty { published.remove(uri) } else { published.insert(uri) }
            var params: [(String, JSONValue)] = [("uri", .string(uri))]
            if let version = documents[uri]?.version { params.append(("version", .int(version))) }
            params.append(("diagnostics", .array(items)))
            notify("textDocument/publishDiagnostics", .object(params))
        }
    }

    // MARK: Configuration problems

    /// Shows why the configuration that applies to `document` could not be used, as diagnostics in that file.
    private func recordConfigurationProblem(for document: OpenDocument, _ error: WMLintError) {
        let path: String?
        switch configurationMode {
        case .file(let named): path = named
        case .discover: path = configurations.discover(forInput: document.displayPath)
        case .none: path = nil
        }
        guard let path else { return }
        let absolute = Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path))
        let uri = FileURI.uri(ofPath: absolute)
        guard configurationProblems[uri] == nil else { return }
        let opened = documents.values.first { $0.path == absolute }
        let bytes: [UInt8]
        if let opened {
            bytes = opened.text.bytes
        } else if case .success(let read) = FileSystem.read(absolute, maxSize: 1024 * 1024) {
            bytes = read
        } else {
            bytes = []
        }
        let text = DocumentText(bytes)
        var problems = ConfigurationLoader.problems(in: bytes, path: path).map { ($0.offset, $0.message) }
        // A file that cannot be read, or a problem reading it: the error's own words, at the start.
        if problems.isEmpty { problems = [(0, error.message)] }
        configurationProblems[uri] = problems.map { offset, message in
            .object([
                ("range", text.range(.bytes(offset, offset), encoding: encoding)),
                ("severity", .int(1)),
                ("source", .string("wmlint")),
                ("message", .string(message)),
            ])
        }
        publishConfigurationProblems(uri)
    }

    private func publishConfigurationProblems(_ uri: String) {
        guard pushesDiagnostics else { return }
        var params: [(String, JSONValue)] = [("uri", .string(uri))]
        if let version = documents[uri]?.version { params.append(("version", .int(version))) }
        params.append(("diagnostics", .array(configurationProblems[uri] ?? [])))
        notify("textDocument/publishDiagnostics", .object(params))
    }

    // MARK: Requests on documents

    /// The open document a request names, linted.
    private func document(_ params: JSONValue) -> Result<OpenDocument, RequestError> {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return .failure(.invalidParams("the parameters have no textDocument.uri"))
        }
        flush()
        guard let document = documents[uri] else {
            return .failure(.invalidParams("the document '\(uri)' is not open"))
        }
        return .success(document)
    }

    private func pullDiagnostics(_ params: JSONValue) -> Result<JSONValue, RequestError> {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return .failure(.invalidParams("the parameters have no textDocument.uri"))
        }
        flush()
        var items = findings(in: uri).map(\.json)
        items += configurationProblems[uri] ?? []
        return .success(.object([("kind", .string("full")), ("items", .array(items))]))
    }

    static let fixAllKind = "source.fixAll.wmlint"

    private func codeActions(_ params: JSONValue) -> Result<JSONValue, RequestError> {
        let document: OpenDocument
        switch self.document(params) {
        case .success(let found): document = found
        case .failure(let error): return .failure(error)
        }
        guard let start = LSPPosition(params["range"]?["start"]), let end = LSPPosition(params["range"]?["end"])
        else { return .failure(.invalidParams("the parameters have no range")) }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let lower = document.text.offset(of: start, encoding: encoding)
        let upper = Swift.max(lower, document.text.offset(of: end, encoding: encoding))
        var actions: [JSONValue] = []
        let all = findings(in: document.uri)
        if wanted("quickfix") {
            for finding in all where !finding.diagnostic.fixes.isEmpty {
                let range = finding.diagnostic.range.offsets
                guard range.lowerBound <= upper && lower <= range.upperBound else { continue }
                actions += quickFixes(finding)
            }
        }
        if wanted(Self.fixAllKind), all.contains(where: { !$0.diagnostic.fixes.isEmpty }),
            let action = fixAll(document)
        {
            actions.append(action)
        }
        return .success(.array(actions))
    }

    /// The fixes of one diagnostic, each planned by the fix engine as `--fix` plans it; the first, the one
    /// `--fix` applies, is the preferred one.
    private func quickFixes(_ finding: Finding) -> [JSONValue] {
        guard let report = documents[finding.source]?.report else { return [] }
        let planner = FixPlanner.forReport(report)
        let contents = report.sources.mapValues(\.bytes)
        var actions: [JSONValue] = []
        for (index, fix) in finding.diagnostic.fixes.enumerated() {
            var single = finding.diagnostic
            single.fixes = [fix]
            let plan = planner.plan([single], contents: contents)
            guard plan.hasChanges else { continue }
            var changes: [(String, JSONValue)] = []
            for file in plan.files where file.isChanged {
                let text = DocumentText(file.original)
                changes.append(
                    (
                        uri(ofDisplayed: file.path),
                        .array(
                            file.edits.map { edit in
                                .object([
                                    ("range", text.range(edit.range, encoding: encoding)),
                                    ("newText", .string(edit.replacement)),
                                ])
                            })
                    ))
            }
            actions.append(
                .object([
                    ("title", .string(fix.message)),
                    ("kind", .string("quickfix")),
                    ("diagnostics", .array([finding.json])),
                    ("isPreferred", .bool(index == 0)),
                    ("edit", .object([("changes", .object(changes))])),
                ]))
        }
        return actions
    }

    /// Every safe fix of the document at once, as `--fix` applies them to standard input (round after round);
    /// one edit replacing the span that changed.
    private func fixAll(_ document: OpenDocument) -> JSONValue? {
        guard let options = lintOptions(document),
            let session = try? FixSession.run(options),
            let fixed = session.report.standardInput
                ?? session.files.first(where: {
                    $0.path == document.displayPath
                })?.fixed
        else { return nil }
        let original = document.text.bytes
        guard fixed != original else { return nil }
        var prefix = 0
        while prefix < original.count && prefix < fixed.count && original[prefix] == fixed[prefix] { prefix += 1 }
        // Whole characters only: back off to the start of a UTF-8 sequence.
        while prefix > 0 && prefix < original.count && original[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < original.count - prefix && suffix < fixed.count - prefix
            && original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix]
        {
            suffix += 1
        }
        while suffix > 0 && original[original.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let replaced = String(decoding: fixed[prefix..<(fixed.count - suffix)], as: UTF8.self)
        let edit: JSONValue = .object([
            ("range", document.text.range(.bytes(prefix, original.count - suffix), encoding: encoding)),
            ("newText", .string(replaced)),
        ])
        return .object([
            ("title", .string("Fix all wmlint problems")),
            ("kind", .string(Self.fixAllKind)),
            ("edit", .object([("changes", .object([(document.uri, .array([edit]))]))])),
        ])
    }

    private func hover(_ params: JSONValue) -> Result<JSONValue, RequestError> {
        let document: OpenDocument
        switch self.document(params) {
        case .success(let found): document = found
        case .failure(let error): return .failure(error)
        }
        guard let position = LSPPosition(params["position"]) else {
            return .failure(.invalidParams("the parameters have no position"))
        }
        let offset = document.text.offset(of: position, encoding: encoding)
        var rules: [RuleID] = []
        var range: SourceRange?
        // A rule id in a suppression comment first, then the rules of the diagnostics there.
        if let named = SuppressionWords.rule(at: offset, in: document.text) {
            rules = [named.rule]
            range = named.range
        }
        for finding in findings(in: document.uri) {
            let found = finding.diagnostic.range.offsets
            let contains = found.contains(offset) || (found.isEmpty && found.lowerBound == offset)
            guard contains, !rules.contains(finding.diagnostic.rule) else { continue }
            rules.append(finding.diagnostic.rule)
            range = range ?? finding.diagnostic.range
        }
        guard !rules.isEmpty else { return .success(.null) }
        let text = rules.compactMap(RuleDocumentation.hoverText).joined(separator: "\n\n---\n\n")
        var result: [(String, JSONValue)] = [
            ("contents", .object([("kind", .string("markdown")), ("value", .string(text))]))
        ]
        if let range { result.append(("range", document.text.range(range, encoding: encoding))) }
        return .success(.object(result))
    }

    // MARK: Paths

    /// A path as diagnostics show it: relative to the current directory when (canonically) inside it.
    private func displayPath(of path: String) -> String {
        let canonical =
            FileSystem.realPath(path)
            ?? (FileSystem.realPath(Path.directory(of: path)).map { Path.join($0, Path.basename(path)) } ?? path)
        return Path.isInside(canonical, root: currentDirectory)
            ? Path.relative(canonical, to: currentDirectory) : canonical
    }

    /// The URI of a file as diagnostics show its path: an open document's own URI, else a `file:` URI.
    private func uri(ofDisplayed path: String) -> String {
        if let document = documents.values.first(where: { $0.displayPath == path }) { return document.uri }
        return FileURI.uri(ofPath: Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path)))
    }
}
