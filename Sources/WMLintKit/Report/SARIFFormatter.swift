import WMLintRules
public import WMLintSource

/// The `sarif` format: SARIF 2.1.0, one run, every rule of the catalogue in `tool.driver.rules`.
///
/// Columns are Unicode code points (`columnKind` `unicodeCodePoints`), 1-based, `endColumn` exclusive. Relative
/// paths become relative URIs against `%SRCROOT%`; absolute paths become `file://` URIs without a base id.
/// `charOffset`/`charLength` are written only for files that are valid UTF-8 without a byte order mark, where
/// the count of code points from the start of the file is exact.
public enum SARIFFormatter {
    /// The schema URI written in `$schema`.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// `sourceRoot` is the absolute directory relative paths are relative to (the current directory), written
    /// as the `%SRCROOT%` base; without it the base is left for the consumer to resolve.
    public static func format(_ report: LintReport, sourceRoot: String? = nil) -> String {
        let rules = RuleCatalogue.all
        var ruleIndex: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let regions = RegionMaker(sources: report.sources)
        var json = JSONText()
        json.object([
            ("$schema", { $0.string(schemaURI) }),
            ("version", { $0.string("2.1.0") }),
            (
                "runs",
                {
                    $0.array([0]) { json, _ in
                        json.object([
                            ("tool", { driver(rules, &$0) }),
                            ("originalUriBaseIds", { baseIDs(sourceRoot, &$0) }),
                            ("columnKind", { $0.string("unicodeCodePoints") }),
                            (
                                "results",
                                {
                                    $0.array(report.diagnostics) { json, diagnostic in
                                        result(diagnostic, ruleIndex[diagnostic.rule], regions, &json)
                                    }
                                }
                            ),
                        ])
                    }
                }
            ),
        ])
        return json.text + "\n"
    }

    /// The current directory, the `sourceRoot` of a report written by the command line.
    public static func workingDirectory() -> String {
        FileSystem.currentDirectory()
    }

    /// The SARIF level of a severity: `error`, `warning` or `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func driver(_ rules: [RuleDescription], _ json: inout JSONText) {
        json.object([
            (
                "driver",
                {
                    $0.object([
                        ("name", { $0.string("wmlint") }),
                        ("version", { $0.string(WMLintVersion.current) }),
                        ("rules", { $0.array(rules) { json, rule in describe(rule, &json) } }),
                    ])
                }
            )
        ])
    }

    private static func describe(_ rule: RuleDescription, _ json: inout JSONText) {
        json.object([
            ("id", { $0.string(rule.id.rawValue) }),
            ("shortDescription", { message(rule.summary, &$0) }),
            ("fullDescription", { message(trimmed(rule.rationale), &$0) }),
            ("defaultConfiguration", { $0.object([("level", { $0.string(level(rule.severity)) })]) }),
            ("help", { message(trimmed(CatalogueText.explain(rule)), &$0) }),
            (
                "properties",
                { $0.object([("fixable", { $0.raw(rule.fixable ? "true" : "false") })]) }
            ),
        ])
    }

    private static func baseIDs(_ sourceRoot: String?, _ json: inout JSONText) {
        json.object([
            (
                "%SRCROOT%",
                {
                    if let sourceRoot {
                        let root = sourceRoot.hasSuffix("/") ? sourceRoot : sourceRoot + "/"
                        $0.object([("uri", { $0.string("file://" + percentEncoded(root)) })])
                    } else {
                        $0.object([
                            ("description", { message("the directory wmlint ran in", &$0) })
                        ])
                    }
                }
            )
        ])
    }

    private static func result(
        _ diagnostic: Diagnostic, _ ruleIndex: Int?, _ regions: RegionMaker, _ json: inout JSONText
    ) {
        var members: [(String, (inout JSONText) -> Void)] = [("ruleId", { $0.string(diagnostic.rule.rawValue) })]
        if let ruleIndex { members.append(("ruleIndex", { $0.int(ruleIndex) })) }
        members.append(("level", { $0.string(level(diagnostic.severity)) }))
        members.append(("message", { message(diagnostic.message, &$0) }))
        members.append(
            (
                "locations",
                {
                    $0.array([0]) { json, _ in
                        json.object([
                            ("physicalLocation", { physical(diagnostic.path, diagnostic.range, regions, &$0) })
                        ])
                    }
                }
            ))
        if !diagnostic.related.isEmpty {
            members.append(
                (
                    "relatedLocations",
                    {
                        $0.array(Array(diagnostic.related.enumerated())) { json, item in
                            json.object([
                                ("id", { $0.int(item.offset + 1) }),
                                (
                                    "physicalLocation",
                                    { physical(item.element.path, item.element.range, regions, &$0) }
                                ),
                                ("message", { message(item.element.message, &$0) }),
                            ])
                        }
                    }
                ))
        }
        if !diagnostic.fixes.isEmpty {
            members.append(("fixes", { $0.array(diagnostic.fixes) { json, fix in write(fix, regions, &json) } }))
        }
        var properties: [(String, (inout JSONText) -> Void)] = []
        if let pointer = diagnostic.pointer { properties.append(("pointer", { $0.string(pointer) })) }
        if !diagnostic.notes.isEmpty {
            properties.append(("notes", { $0.array(diagnostic.notes) { $0.string($1) } }))
        }
        if !diagnostic.help.isEmpty {
            properties.append(("help", { $0.array(diagnostic.help) { $0.string($1) } }))
        }
        if !properties.isEmpty { members.append(("properties", { $0.object(properties) })) }
        json.object(members)
    }

    private static func write(_ fix: Fix, _ regions: RegionMaker, _ json: inout JSONText) {
        // One artifactChange per file, in the order the files first appear among the edits.
        var paths: [String] = []
        for edit in fix.edits where !paths.contains(edit.path) { paths.append(edit.path) }
        json.object([
            ("description", { message(fix.message, &$0) }),
            (
                "artifactChanges",
                {
                    $0.array(paths) { json, path in
                        json.object([
                            ("artifactLocation", { artifact(path, &$0) }),
                            (
                                "replacements",
                                {
                                    $0.array(fix.edits.filter { $0.path == path }) { json, edit in
                                        json.object([
                                            ("deletedRegion", { regions.region(edit.path, edit.range, &$0) }),
                                            (
                                                "insertedContent",
                                                { $0.object([("text", { $0.string(edit.replacement) })]) }
                                            ),
                                        ])
                                    }
                                }
                            ),
                        ])
                    }
                }
            ),
        ])
    }

    private static func physical(_ path: String, _ range: SourceRange, _ regions: RegionMaker, _ json: inout JSONText) {
        json.object([
            ("artifactLocation", { artifact(path, &$0) }),
            ("region", { regions.region(path, range, &$0) }),
        ])
    }

    private static func artifact(_ path: String, _ json: inout JSONText) {
        if path.hasPrefix("/") {
            json.object([("uri", { $0.string("file://" + percentEncoded(path)) })])
        } else {
            json.object([
                ("uri", { $0.string(percentEncoded(path)) }),
                ("uriBaseId", { $0.string("%SRCROOT%") }),
            ])
        }
    }

    private static func message(_ text: String, _ json: inout JSONText) {
        json.object([("text", { $0.string(text) })])
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }

    /// A path as a URI reference: every byte of the name but unreserved characters and `/` percent-encoded (RFC 3986), so a
    /// `:` in the first segment cannot read as a scheme.
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        // The name's own bytes, as ``FileName`` keeps them: a byte that is not UTF-8 is encoded as itself.
        for byte in FileName.bytes(path) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SARIF regions of byte ranges: line/column in code points, and character offsets where they are exact.
private final class RegionMaker {
    let sources: [String: SourceFile]
    /// Per file: the code-point offset of each line start, or nil when the file is not plain UTF-8.
    private var lineScalarStarts: [String: [Int]?] = [:]

    init(sources: [String: SourceFile]) {
        self.sources = sources
    }

    func region(_ path: String, _ range: SourceRange, _ json: inout JSONText) {
        let locator = Locator(sources: sources)
        let start = locator.location(path, range.lowerBound)
        let end = locator.location(path, range.upperBound)
        var members: [(String, (inout JSONText) -> Void)] = [
            ("startLine", { $0.int(start.line) }),
            ("startColumn", { $0.int(start.column) }),
            ("endLine", { $0.int(end.line) }),
            ("endColumn", { $0.int(end.column) }),
        ]
        if let starts = scalarStarts(path), start.line - 1 < starts.count, end.line - 1 < starts.count {
            let lower = starts[start.line - 1] + start.column - 1
            let upper = starts[end.line - 1] + end.column - 1
            members.append(("charOffset", { $0.int(lower) }))
            members.append(("charLength", { $0.int(max(0, upper - lower)) }))
        }
        json.object(members)
    }

    private func scalarStarts(_ path: String) -> [Int]? {
        if let cached = lineScalarStarts[path] { return cached }
        var starts: [Int]?
        if let file = sources[path], String(validating: file.bytes, as: UTF8.self) != nil,
            !file.bytes.starts(with: [0xEF, 0xBB, 0xBF])
        {
            var result = [0]
            var scalars = 0
            for byte in file.bytes {
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == UInt8(ascii: "\n") { result.append(scalars) }
            }
            starts = result
        }
        lineScalarStarts[path] = .some(starts)
        return starts
    }
}
