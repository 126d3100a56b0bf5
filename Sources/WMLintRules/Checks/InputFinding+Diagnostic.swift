public import WMLintModel
public import WMLintSource

extension InputFinding {
    /// The finding's diagnostic, worded by its rule's check (a ``InputFinding/worded(_:)`` one as it is); `path` is
    /// the file holding the command.
    public func diagnostic(path: String) -> Diagnostic {
        switch self {
        case .option(let finding):
            finding.diagnostic(path: path)
        case .skeletonOnly(let range):
            SkeletonOnlyCheck.diagnostic(at: range, path: path)
        case .conflictingInput(let option, let range, let first, let firstRange):
            ConflictingInputCheck.diagnostic(option: option, at: range, first: first, firstAt: firstRange, path: path)
        case .overriddenInput(let option, let parameter, let range, let replacedPath, let replacedRange):
            OverriddenInputCheck.diagnostic(
                option: option, parameter: parameter, at: range, replacedPath: replacedPath, replacedAt: replacedRange,
                path: path)
        case .missingRequired(let members, let document, let range):
            MissingRequiredCheck.documentNotSeen(members: members, document: document, at: range, path: path)
        case .unresolvedDocument(let option, let range):
            UnresolvedValueCheck.document(option: option, at: range, path: path)
        case .unresolvedFileTarget(let target, let range):
            UnresolvedValueCheck.fileTarget(target, at: range, path: path)
        case .unresolvedRegion(let range):
            UnresolvedValueCheck.region(at: range, path: path)
        case .fileReference(let problem, let range):
            FileReferenceCheck.diagnostic(problem, at: range, path: path)
        case .binding(let finding):
            RequestBindingCheck.diagnostic(for: finding)
        case .worded(let diagnostic):
            diagnostic
        }
    }
}

extension OptionFinding {
    /// The finding's diagnostic, worded by its rule's check; `path` is the file holding the command.
    public func diagnostic(path: String) -> Diagnostic {
        switch self {
        case .abbreviated(let written, let full, let range):
            AbbreviatedOptionCheck.diagnostic(written: written, full: full, at: range, path: path)
        case .ambiguous(let written, let candidates, let range):
            UnknownOptionCheck.ambiguous(written: written, candidates: candidates, at: range, path: path)
        case .unknown(let written, let operation, let suggestion, let range):
            UnknownOptionCheck.unknown(
                written: written, operation: operation, suggestion: suggestion, at: range, path: path)
        case .duplicate(let name, let range, let first):
            DuplicateOptionCheck.diagnostic(name: name, at: range, first: first, path: path)
        case .swallowedService(let option, let range):
            OptionValueCheck.swallowedService(option: option, at: range, path: path)
        case .misspeltName(let part, let written, let expected, let range):
            OptionValueCheck.misspeltName(part, written: written, expected: expected, at: range, path: path)
        case .strayArgument(let text, let range):
            OptionValueCheck.strayArgument(text: text, at: range, path: path)
        case .unexpectedValue(let option, let value, let range):
            OptionValueCheck.unexpectedValue(option: option, value: value, at: range, path: path)
        case .missingValue(let option, let range):
            OptionValueCheck.missingValue(option: option, at: range, path: path)
        case .badValue(let option, let value, let problem, let range):
            OptionValueCheck.badValue(option: option, value: value, problem: problem, at: range, path: path)
        }
    }
}
