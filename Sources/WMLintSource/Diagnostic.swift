/// One replacement of a byte range of a file.
public struct TextEdit: Hashable, Sendable, Codable {
    /// The file the edit applies to, as shown in diagnostics.
    public var path: String
    /// The bytes replaced (0-based UTF-8 offsets, half-open); empty for an insertion.
    public var range: SourceRange
    /// The new text.
    public var replacement: String

    public init(path: String, range: SourceRange, replacement: String) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }
}

/// A safe fix: edits applied together.
public struct Fix: Hashable, Sendable, Codable {
    public var message: String
    public var edits: [TextEdit]

    public init(message: String, edits: [TextEdit]) {
        self.message = message
        self.edits = edits
    }
}

/// A second place that explains a diagnostic (the first occurrence of a duplicate, the option that pulled a
/// document in).
public struct RelatedLocation: Hashable, Sendable, Codable {
    public var message: String
    public var path: String
    public var range: SourceRange

    public init(message: String, path: String, range: SourceRange) {
        self.message = message
        self.path = path
        self.range = range
    }
}

/// A finding about an input, located in a file.
///
/// Messages start lower-case, have no trailing period, quote source text in '…' and say what was expected.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var rule: RuleID
    public var severity: Severity
    public var message: String
    /// The file the range is in, as shown to the user.
    public var path: String
    /// The offending bytes (0-based UTF-8 offsets, half-open).
    public var range: SourceRange
    /// RFC 6901 pointer into the request, when the diagnostic is about a value.
    public var pointer: String?
    /// Extra lines of explanation (`note:` in text output).
    public var notes: [String]
    /// Suggestions (`help:` in text output), e.g. "did you mean …".
    public var help: [String]
    public var related: [RelatedLocation]
    public var fixes: [Fix]

    public init(
        rule: RuleID,
        severity: Severity? = nil,
        message: String,
        path: String,
        range: SourceRange,
        pointer: String? = nil,
        notes: [String] = [],
        help: [String] = [],
        related: [RelatedLocation] = [],
        fixes: [Fix] = []
    ) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.message = message
        self.path = path
        self.range = range
        self.pointer = pointer
        self.notes = notes
        self.help = help
        self.related = related
        self.fixes = fixes
    }

    /// Where two diagnostics stand in report order, with one comparison of each field.
    public static func compareInReportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> ReportOrdering {
        if lhs.path != rhs.path { return lhs.path < rhs.path ? .less : .greater }
        if lhs.range.lowerBound != rhs.range.lowerBound {
            return lhs.range.lowerBound < rhs.range.lowerBound ? .less : .greater
        }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule ? .less : .greater }
        if lhs.range.upperBound != rhs.range.upperBound {
            return lhs.range.upperBound < rhs.range.upperBound ? .less : .greater
        }
        if lhs.message != rhs.message { return lhs.message < rhs.message ? .less : .greater }
        return .same
    }

    /// The result of ``compareInReportOrder(_:_:)``.
    public enum ReportOrdering: Sendable {
        case less, same, greater
    }

    /// The order of every report: path, then start offset, then rule id, then end offset, then message.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound < rhs.range.upperBound }
        return lhs.message < rhs.message
    }
}
