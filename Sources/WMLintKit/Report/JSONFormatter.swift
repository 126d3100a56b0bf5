import WMLintSource

/// The `json` format: one document with every diagnostic and a summary.
public enum JSONFormatter {
    public static func format(_ report: LintReport) -> String {
        let locator = Locator(sources: report.sources)
        var json = JSONText()
        json.object([
            ("version", { $0.int(1) }),
            (
                "tool",
                { $0.object([("name", { $0.string("wmlint") }), ("version", { $0.string(WMLintVersion.current) })]) }
            ),
            ("diagnostics", { $0.array(report.diagnostics) { json, diagnostic in write(diagnostic, locator, &json) } }),
            (
                "summary",
                {
                    $0.object([
                        ("files", { $0.int(report.fileCount) }),
                        ("errors", { $0.int(report.count(.error)) }),
                        ("warnings", { $0.int(report.count(.warning)) }),
                        ("infos", { $0.int(report.count(.info)) }),
                    ])
                }
            ),
        ])
        return json.text + "\n"
    }

    private static func write(_ diagnostic: Diagnostic, _ locator: Locator, _ json: inout JSONText) {
        var members: [(String, (inout JSONText) -> Void)] = [
            ("rule", { $0.string(diagnostic.rule.rawValue) }),
            ("severity", { $0.string(diagnostic.severity.rawValue) }),
            ("message", { $0.string(diagnostic.message) }),
            ("path", { $0.string(FileName.shown(diagnostic.path)) }),
            ("range", { range(diagnostic.path, diagnostic.range, locator, &$0) }),
        ]
        if let pointer = diagnostic.pointer {
            members.append(("pointer", { $0.string(pointer) }))
        }
        if !diagnostic.notes.isEmpty {
            members.append(("notes", { $0.array(diagnostic.notes) { $0.string($1) } }))
        }
        if !diagnostic.help.isEmpty {
            members.append(("help", { $0.array(diagnostic.help) { $0.string($1) } }))
        }
        members.append(
            (
                "related",
                {
                    $0.array(diagnostic.related) { json, related in
                        json.object([
                            ("message", { $0.string(related.message) }),
                            ("path", { $0.string(FileName.shown(related.path)) }),
                            ("range", { range(related.path, related.range, locator, &$0) }),
                        ])
                    }
                }
            ))
        members.append(
            (
                "fixes",
                {
                    $0.array(diagnostic.fixes) { json, fix in
                        json.object([
                            ("message", { $0.string(fix.message) }),
                            (
                                "edits",
                                {
                                    $0.array(fix.edits) { json, edit in
                                        json.object([
                                            ("path", { $0.string(FileName.shown(edit.path)) }),
                                            ("range", { range(edit.path, edit.range, locator, &$0) }),
                                            ("replacement", { $0.string(edit.replacement) }),
                                        ])
                                    }
                                }
                            ),
                        ])
                    }
                }
            ))
        json.object(members)
    }

    /// `{"start": position, "end": position}`, written directly (no closure per member).
    private static func range(_ path: String, _ range: SourceRange, _ locator: Locator, _ json: inout JSONText) {
        json.raw(#"{"start": "#)
        position(locator.location(path, range.lowerBound), &json)
        json.raw(#", "end": "#)
        position(locator.location(path, range.upperBound), &json)
        json.raw("}")
    }

    /// `{"line": …, "column": …, "utf16Column": …, "offset": …}`.
    private static func position(_ location: SourceLocation, _ json: inout JSONText) {
        json.raw(#"{"line": "#)
        json.int(location.line)
        json.raw(#", "column": "#)
        json.int(location.column)
        json.raw(#", "utf16Column": "#)
        json.int(location.utf16Column)
        json.raw(#", "offset": "#)
        json.int(location.offset)
        json.raw("}")
    }
}
