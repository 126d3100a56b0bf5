public import WMLintSource

/// What building an invocation's request turned up, in the order found: the command line's own problems, how its
/// request options combine, and the values and files it reads.
///
/// Every place is in the file holding the command, unless the finding says otherwise. The rules word them.
public enum InputFinding: Hashable, Sendable {
    /// A problem with the command line itself.
    case option(OptionFinding)
    /// `--generate-cli-skeleton` is given (`at`: the option and its value): the command sends nothing.
    case skeletonOnly(at: SourceRange)
    /// `--cli-input-json` and `--cli-input-yaml` are both given: `option` at `at` after `first` at `firstAt`.
    case conflictingInput(option: String, at: SourceRange, first: String, firstAt: SourceRange)
    /// The option `option` (its name at `at`) replaces member `parameter` of the request document; the replaced
    /// member's key (or value) is at `replacedAt` in the file `replacedPath`.
    case overriddenInput(
        option: String, parameter: String, at: SourceRange, replacedPath: String, replacedAt: SourceRange)
    /// The request document given by `document` (its name at `at`) holds the required members `members`, which the
    /// CLI still requires as options: the option is not written as a word of its own.
    case missingRequired(members: [String], document: String, at: SourceRange)
    /// The value of the document option `option` (at `at`) is only known at run time.
    case unresolvedDocument(option: String, at: SourceRange)
    /// The `file://` target `target` (at `at`) holds `~` or `$`, which the CLI expands when it runs.
    case unresolvedFileTarget(target: String, at: SourceRange)
    /// The `--region` value at `at` is only known at run time.
    case unresolvedRegion(at: SourceRange)
    /// A `file://` or `fileb://` reference the CLI cannot read as the option needs.
    case fileReference(FileReferenceProblem, at: SourceRange)
    /// A problem with the request document as a request (it is not a mapping).
    case binding(BindingFinding)
    /// A syntax rule's diagnostic, worded where it was found: by a parser (JSON, YAML, shorthand), the encoding
    /// check or the input limit.
    case worded(Diagnostic)
}

/// Why a `file://` or `fileb://` reference cannot be read as its option needs.
public enum FileReferenceProblem: Hashable, Sendable {
    /// `fileb://` for `option`, which takes text; `at` is the `fileb://` prefix.
    case readsBytes(option: String)
    /// `file://` with nothing after it.
    case namesNoFile
    /// The target (as written) lies outside the project root.
    case outsideRoot(target: String)
    /// The target lies inside the version-control directory `directory` (`.git`).
    case versionControl(target: String, directory: String)
    /// No file has the target's name; `lookedIn` is where a relative name was looked for (`nil` for an absolute
    /// name).
    case missing(target: String, lookedIn: [LookupPlace]?)
    /// The target is not a regular file.
    case notRegularFile(target: String)
    /// The target could not be read, for `reason` (the system's words).
    case unreadable(target: String, reason: String)

    /// A directory a relative `file://` name is looked for in.
    public enum LookupPlace: Hashable, Sendable {
        /// The project root itself.
        case projectRoot
        /// A directory inside the project root, relative to it.
        case directory(String)
    }
}
