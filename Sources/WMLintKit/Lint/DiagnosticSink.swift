import WMLintSource

/// Where linting one file puts the diagnostics it finds, in the order found, each with the command that pulled its
/// document in (a suppression around that command in its script covers the diagnostic too).
///
/// Read and changed as a collection of diagnostics; the origins stay with their diagnostics, so nothing beside the
/// list has to follow its indices.
struct DiagnosticSink: Sendable, RandomAccessCollection, MutableCollection {
    typealias Indices = Range<Int>

    /// The diagnostics with their origins, in the order found.
    private(set) var entries: [SuppressibleDiagnostic] = []

    init() {}

    /// A sink holding `diagnostics`, none of them pulled in by a command.
    init(_ diagnostics: [Diagnostic]) {
        entries = diagnostics.map { SuppressibleDiagnostic($0) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { entries.count }
    var indices: Range<Int> { 0..<entries.count }

    subscript(position: Int) -> Diagnostic {
        get { entries[position].diagnostic }
        _modify { yield &entries[position].diagnostic }
    }

    /// Adds a diagnostic that no command pulled in (yet: see ``attribute(from:outside:to:)``).
    mutating func append(_ diagnostic: Diagnostic) {
        entries.append(SuppressibleDiagnostic(diagnostic))
    }

    mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    static func += (sink: inout DiagnosticSink, diagnostics: some Sequence<Diagnostic>) {
        sink.append(contentsOf: diagnostics)
    }

    /// Records `origin` as the command that pulled in the documents of the diagnostics from `start` on that are not
    /// located in `script` (the path of the script holding the command).
    mutating func attribute(from start: Int, outside script: String, to origin: SuppressionOrigin) {
        for index in start..<entries.count where entries[index].diagnostic.path != script {
            entries[index].origin = origin
        }
    }
}
