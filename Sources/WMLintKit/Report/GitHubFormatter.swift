public import WMLintSource

/// The `github` format: one GitHub Actions workflow command per diagnostic,
/// `::error file=P,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE` (`warning`, `notice` for info).
///
/// Columns are Unicode code points, 1-based, `endColumn` exclusive (the column after the range). `endColumn` is
/// left out when the range spans lines, since GitHub only reads columns on a single line. Notes and help follow
/// the message on lines of their own. Values are escaped as GitHub documents: in the message `%`, CR and LF; in
/// properties also `:` and `,`.
public enum GitHubFormatter {
    public static func format(_ report: LintReport) -> String {
        let locator = Locator(sources: report.sources)
        var output = ""
        for diagnostic in report.diagnostics {
            let start = locator.location(diagnostic.path, diagnostic.range.lowerBound)
            let end = locator.location(diagnostic.path, diagnostic.range.upperBound)
            output += "::" + command(diagnostic.severity) + " "
            output += "file=" + escapeProperty(FileName.shown(diagnostic.path))
            output += ",line=\(start.line),col=\(start.column),endLine=\(end.line)"
            if end.line == start.line { output += ",endColumn=\(end.column)" }
            output += ",title=" + escapeProperty(diagnostic.rule.rawValue)
            var message = diagnostic.message
            for note in diagnostic.notes { message += "\nnote: " + note }
            for help in diagnostic.help { message += "\nhelp: " + help }
            output += "::" + escapeData(message) + "\n"
        }
        return output
    }

    /// `error`, `warning` or `notice`.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Escapes a command's data (after `::`): `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escapes a property value: as data, and also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var output = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
