import WMLintSource

/// Where linting one file puts the diagnostics it finds, in the order found, with the command that pulled in the
/// document of each that one did (a suppression around that command in its script covers the diagnostic too).
///
/// Read and changed as a collection of diagnostics. The sink only appends, so a diagnostic keeps its position, and
/// the origins it records by position stay right without anything outside it following the indices.
struct DiagnosticSink: Sendable, RandomAccessCollection {
    typealias Indices = Range<Int>

    /// The diagnostics, in the order found.
    private var diagnostics: [Diagnostic]
    /// The command that pulled in the document of the diagnostic at each position, where one did.
    private var origins: [Int: SuppressionOrigin] = [:]

    /// A sink holding `diagnostics`, none of them pulled in by a command.
    init(_ diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    var startIndex: Int { 0 }
    var endIndex: Int { diagnostics.count }
    var indices: Range<Int> { 0..<diagnostics.count }

    subscript(position: Int) -> Diagnostic {
        get { diagnostics[position] }
        _modify { yield &diagnostics[position] }
    }

    /// The diagnostics with their origins, for the suppression filter.
    var entries: [SuppressibleDiagnostic] {
        diagnostics.enumerated().map { SuppressibleDiagnostic($1, origin: origins[$0]) }
    }

    /// Adds a diagnostic that no command pulled in (yet: see ``attribute(from:outside:to:)``).
    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        self.diagnostics.append(contentsOf: diagnostics)
    }

    static func += (sink: inout DiagnosticSink, diagnostics: some Sequence<Diagnostic>) {
        sink.append(contentsOf: diagnostics)
    }

    /// Records `origin` as the command that pulled in the documents of the diagnostics from `start` on that are not
    /// located in `script` (the path of the script holding the command).
    mutating func attribute(from start: Int, outside script: String, to origin: SuppressionOrigin) {
        for index in start..<diagnostics.count where diagnostics[index].path != script {
            origins[index] = origin
        }
    }

    /// Empties the sink, handing over its diagnostics (without a copy) and forgetting their origins.
    mutating func removeAll() -> [Diagnostic] {
        origins = [:]
        defer { diagnostics = [] }
        return diagnostics
    }
}
