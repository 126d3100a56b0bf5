import WMLintModel
import WMLintSource

/// `file-reference`: a `file://` or `fileb://` value the AWS CLI cannot read as the option needs.
enum FileReferenceCheck {
    /// The reference's problem at `range` of `path` (the target's name; the `fileb://` prefix for
    /// ``FileReferenceProblem/readsBytes(option:)``).
    static func diagnostic(_ problem: FileReferenceProblem, at range: SourceRange, path: String) -> Diagnostic {
        var fixes: [Fix] = []
        if case .readsBytes = problem {
            fixes = [Fix(message: "use 'file://'", edits: [TextEdit(path: path, range: range, replacement: "file://")])]
        }
        return Diagnostic(rule: .fileReference, message: message(problem), path: path, range: range, fixes: fixes)
    }
}

private func message(_ problem: FileReferenceProblem) -> String {
    switch problem {
    case .readsBytes(let option):
        "\(option) takes text, but 'fileb://' reads the file as raw bytes; use 'file://'"
    case .namesNoFile:
        "'file://' names no file"
    case .outsideRoot(let target):
        "\(quoted(target)) is outside the project root; wmlint reads only files inside it"
    case .versionControl(let target, let directory):
        "\(quoted(target)) is inside a version-control directory (\(directory)); wmlint never reads there"
    case .missing(let target, lookedIn: nil):
        "file \(quoted(target)) does not exist"
    case .missing(let target, lookedIn: let places?):
        "file \(quoted(target)) does not exist (looked in \(joined(places.map(describe))))"
    case .notRegularFile(let target):
        "\(quoted(target)) is not a regular file"
    case .unreadable(let target, let reason):
        "cannot read \(quoted(target)): \(reason)"
    }
}

/// A directory looked in, as the message names it.
private func describe(_ place: FileReferenceProblem.LookupPlace) -> String {
    switch place {
    case .projectRoot: "the project root"
    case .directory(let relative): quoted(relative)
    }
}

/// `a`, `a and b`, `a, b and c`.
private func joined(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
}
