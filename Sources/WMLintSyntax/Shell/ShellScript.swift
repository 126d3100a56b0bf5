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
    /// The variables whose known values replaced expansions of the word, in the word's order.
    public var substitutions: [ShellSubstitution]

    public init(
        text: String, map: OffsetMap, range: SourceRange, expansions: [SourceRange] = [],
        substitutions: [ShellSubstitution] = []
    ) {
        self.text = text
        self.map = map
        self.range = range
        self.expansions = expansions
        self.substitutions = substitutions
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

/// A statement that sets a shell variable, as the scanner sees it.
public struct ShellBinding: Hashable, Sendable {
    /// How the statement sets the variable.
    public enum Kind: Hashable, Sendable {
        /// `NAME=value` on its own, or after `export`, `readonly`, `local`, `declare`/`typeset` (no flag, or
        /// `-x`, `-r`, `-g`).
        case assignment(ShellWord)
        /// `export NAME` (or `declare -x NAME`): the variable is exported, its value unchanged.
        case export
        /// Any other statement that sets it: `NAME+=value`, an array `NAME=(…)`, a declaration with other flags.
        case other
    }

    public var name: String
    public var kind: Kind
    /// The bytes of the whole `NAME=value` (or `NAME`) word in the file.
    public var range: SourceRange
    /// The statement exports the variable (`export`, `declare -x`).
    public var isExported: Bool
    /// The innermost scope around the statement (see ``ShellCommand/scopes``).
    public var scope: Int = 0
    /// The statement may not run, or runs in a subshell of its own: inside `if`, `case` or a loop, after `&&`,
    /// `||` or `|`, or before `|` or `&`.
    public var isConditional: Bool = false
}

/// A variable the script starts with, set by what runs it: a CI file's `env:` or `variables:`.
public struct InheritedVariable: Hashable, Sendable {
    public var name: String
    /// Its value, mapped to where it is written; `nil` when it is set but not statically known (`${{ … }}`).
    public var value: ShellWord?
    /// Where it is set: the value, or the key when there is no value to point at.
    public var range: SourceRange

    public init(name: String, value: ShellWord?, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// Where a word's value came from a variable whose one assignment is known (``ShellScript/resolvingVariables()``).
public struct ShellSubstitution: Hashable, Sendable {
    /// The variable's name.
    public var name: String
    /// The `$NAME` or `${NAME}` expansion in the file.
    public var use: SourceRange
    /// The value's bytes in the file, in the assignment (or in the use, for a default).
    public var value: SourceRange
    /// The value is the default of a `${NAME:-word}` use, `NAME` being set nowhere in the script.
    public var isDefault: Bool = false
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
    /// The scopes the command runs in, outermost first: 0 for the script, then one per `{ … }`, `( … )`, `$( … )`,
    /// backquote or here-document substitution around it, each named by the file offset of its opening.
    public var scopes: [Int] = [0]
    /// Exported variables the script sets for the command, where their values are known (filled in by
    /// ``ShellScript/resolvingVariables(in:environment:)`` for the names it is asked about).
    public var environment: [ShellAssignment] = []
}

/// What the scanner found in a script.
public struct ShellScript: Hashable, Sendable {
    /// Every `aws` command, in source order, including those inside `$(…)`, subshells and function bodies.
    public var commands: [ShellCommand]
    /// Every statement that sets a variable outside an `aws` command's own prefix, in the order scanned.
    public var bindings: [ShellBinding]
    /// The file ranges of comments, `#` included, in source order (for suppression comments).
    ///
    /// A comment ends before its newline; in a CRLF file the `\r` before the newline is left out too.
    public var comments: [SourceRange]
    /// Faults of the whole script that belong to no command: nesting deeper than the scan's depth limit
    /// (`input-limit`), reported once per script.
    public var diagnostics: [Diagnostic]

    public init(
        commands: [ShellCommand], bindings: [ShellBinding], comments: [SourceRange], diagnostics: [Diagnostic] = []
    ) {
        self.commands = commands
        self.bindings = bindings
        self.comments = comments
        self.diagnostics = diagnostics
    }
}
