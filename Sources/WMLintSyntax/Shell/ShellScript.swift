public import WMLintSource

/// One shell word after quote removal, with a map from every decoded byte back to the file.
public struct ShellWord: Hashable, Sendable {
    /// The word's value after quote removal and escape processing; expansions are kept as written.
    public var text: String
    /// Maps each UTF-8 byte of ``text`` to the file bytes it came from.
    public var map: OffsetMap
    /// The bytes of the whole word in the file, quotes included.
    public var range: SourceRange
    /// The file ranges of `$VAR`, `${…}`, `$(…)`, `$((…))` and backquote expansions in the word.
    public var expansions: [SourceRange]

    public init(text: String, map: OffsetMap, range: SourceRange, expansions: [SourceRange] = []) {
        self.text = text
        self.map = map
        self.range = range
        self.expansions = expansions
    }

    /// Whether the word's value is known without running the shell.
    public var isStatic: Bool { expansions.isEmpty }

    /// The word's value as text to parse (JSON, shorthand, YAML), mapped back into the file at `path`.
    public func sourceText(path: String) -> SourceText {
        SourceText(bytes: Array(text.utf8), path: path, map: map)
    }
}

/// A `NAME=value` assignment: before a command, after `env`, or in an `export`.
public struct ShellAssignment: Hashable, Sendable {
    public var name: String
    public var value: ShellWord
    /// The bytes of the whole assignment word in the file.
    public var range: SourceRange

    public init(name: String, value: ShellWord, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// A simple command whose name is `aws` (or a path ending in `/aws`).
public struct ShellCommand: Hashable, Sendable {
    /// Assignments that set the command's environment: `NAME=value` prefixes, including those after `env`.
    public var assignments: [ShellAssignment]
    /// The command's words, from the `aws` word on (wrappers such as `sudo` or `env` left out).
    public var words: [ShellWord]
    /// The bytes of the whole command in the file, from its first word (or assignment) to its last.
    public var range: SourceRange
    /// A fault met while reading the command (unterminated quote or substitution): a `shell-syntax`
    /// diagnostic, reported only if the command turns out to invoke the operation.
    public var syntaxError: Diagnostic?

    public init(
        assignments: [ShellAssignment], words: [ShellWord], range: SourceRange, syntaxError: Diagnostic? = nil
    ) {
        self.assignments = assignments
        self.words = words
        self.range = range
        self.syntaxError = syntaxError
    }
}

/// What the scanner found in a script.
public struct ShellScript: Hashable, Sendable {
    /// Every `aws` command, in source order, including those inside `$(…)`, subshells and function bodies.
    public var commands: [ShellCommand]
    /// `export NAME=value` statements, in source order (for `AWS_REGION` set earlier in the script).
    public var exports: [ShellAssignment]
    /// The file ranges of comments, `#` included, in source order (for suppression comments).
    ///
    /// A comment ends before its newline; in a CRLF file the `\r` before the newline is left out too.
    public var comments: [SourceRange]
    /// Faults of the whole script that belong to no command: nesting deeper than the scan's depth limit
    /// (`input-limit`), reported once per script.
    public var diagnostics: [Diagnostic]

    public init(
        commands: [ShellCommand], exports: [ShellAssignment], comments: [SourceRange], diagnostics: [Diagnostic] = []
    ) {
        self.commands = commands
        self.exports = exports
        self.comments = comments
        self.diagnostics = diagnostics
    }
}
