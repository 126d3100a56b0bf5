// The command recogniser: what a word at a command's name position is, decided in one place for every path.

/// A command wrapper that runs the command named after its own options.
enum Wrapper {
    case sudo, env, exec, command, nohup, nice, timeout, time

    /// Whether `NAME=value` words after the wrapper's options set the environment of the command.
    var takesAssignments: Bool { self == .sudo || self == .env || self == .time }

    /// The short options that take an argument.
    var shortOptionsWithArgument: [UInt8] {
        switch self {
        case .sudo: Array("ugCDprtUTR".utf8)
        case .env: Array("uC".utf8)
        case .exec: Array("a".utf8)
        case .timeout: Array("sk".utf8)
        case .nice: Array("n".utf8)
        case .command, .nohup, .time: []
        }
    }

    /// The long options that take an argument (as the next word, when not written `--option=value`).
    var longOptionsWithArgument: [String] {
        switch self {
        case .sudo:
            [
                "--user", "--group", "--close-from", "--chdir", "--prompt", "--role", "--type", "--other-user",
                "--command-timeout", "--chroot", "--host",
            ]
        case .env: ["--unset", "--chdir"]
        case .timeout: ["--signal", "--kill-after"]
        case .nice: ["--adjustment"]
        case .exec, .command, .nohup, .time: []
        }
    }
}

/// A reserved word or builtin at a command start that changes how the scan goes on.
enum StartWord: Equatable {
    /// `!`, `then`, `else`, `elif`, `do`: they only separate commands.
    case separator
    /// `{` and `}`: a group, or a function's body, opens or closes a scope.
    case openGroup, closeGroup
    /// `if`, `while`, `until`: what follows may not run; `fi`, `done` close them.
    case openConditional, closeConditional
    /// `for`, `select`: a loop whose header words (its variable among them) are stepped over.
    case loop
    /// `case`, up to `in`; `esac` closes it.
    case `case`, esac
    /// `function`: the function's name follows.
    case function
    /// `export`, `readonly`, `local`, `declare`, `typeset`: the words after it set variables.
    case declaration(exported: Bool)
}

/// What a command name is: the one classification of command words, used by the fast paths and the general
/// path alike.
///
/// A reserved word counts only unquoted and where a command starts (before any assignment or redirection);
/// `aws` and the wrappers count quoted too, as long as the word has no expansion. Those conditions are the
/// callers'; the class of the bytes is decided here.
enum CommandName: Equatable {
    /// `aws`, or a path ending in `/aws`.
    case aws
    /// A command wrapper (`sudo`, `env`, `exec`, `command`, `nohup`, `nice`, `timeout`, `time`).
    case wrapper(Wrapper)
    /// A reserved word or builtin that changes how what follows is read.
    case keyword(StartWord)
    /// Any other command.
    case other

    /// The class of the word spelt by the bytes `start..<end` of `cursor`.
    @inline(__always)
    init(_ cursor: ShellCursor, _ start: Int, _ end: Int) {
        if let keyword = ShellKeyword(cursor, start, end) {
            self.init(keyword)
            return
        }
        // `…/aws`.
        let length = end - start
        if length >= 4 && cursor[end - 1] == UInt8(ascii: "s") && cursor[end - 2] == UInt8(ascii: "w")
            && cursor[end - 3] == UInt8(ascii: "a") && cursor[end - 4] == UInt8(ascii: "/")
        {
            self = .aws
        } else {
            self = .other
        }
    }

    /// The class of a decoded word.
    init(decoded bytes: [UInt8]) {
        self = ShellCursor.over(bytes) { CommandName($0, 0, $0.count) }
    }

    /// What `keyword` does as a command name.
    @inline(__always)
    init(_ keyword: ShellKeyword) {
        switch keyword {
        case .bang, .then, .else, .elif, .do: self = .keyword(.separator)
        case .openBrace: self = .keyword(.openGroup)
        case .closeBrace: self = .keyword(.closeGroup)
        case .if, .while, .until: self = .keyword(.openConditional)
        case .fi, .done: self = .keyword(.closeConditional)
        case .for, .select: self = .keyword(.loop)
        case .case: self = .keyword(.case)
        case .esac: self = .keyword(.esac)
        case .function: self = .keyword(.function)
        case .export: self = .keyword(.declaration(exported: true))
        case .readonly, .local, .declare, .typeset: self = .keyword(.declaration(exported: false))
        case .aws: self = .aws
        case .sudo: self = .wrapper(.sudo)
        case .env: self = .wrapper(.env)
        case .exec: self = .wrapper(.exec)
        case .command: self = .wrapper(.command)
        case .nohup: self = .wrapper(.nohup)
        case .nice: self = .wrapper(.nice)
        case .timeout: self = .wrapper(.timeout)
        case .time: self = .wrapper(.time)
        // `in` ends a `case` header; as a command name it is an ordinary command.
        case .in: self = .other
        }
    }
}

extension ShellKeyword {
    /// The keyword spelt by the bytes `start..<end` of `cursor`, or `nil`.
    @inline(__always)
    init?(_ cursor: ShellCursor, _ start: Int, _ end: Int) {
        let length = end - start
        guard length > 0 && length <= 8 else { return nil }
        self.init(length: length, packed: cursor.packed(start, end))
    }
}
