public import WMLintSource

/// A part of a word whose value is the output of a command substitution: the substitution itself
/// (`"$(aws …)"`), or a variable the script sets to one (`APP=$(aws …)`, then `$APP`).
public struct CommandOutputUse: Hashable, Sendable {
    /// The variable's name; `nil` when the word holds the substitution itself.
    public var name: String?
    /// The expansion in the word: `$NAME`, `${NAME}` or the substitution.
    public var use: SourceRange
    /// The `$(…)` or backquoted substitution whose output the value is.
    public var substitution: SourceRange
}

/// Finds, in the words of one script's commands, the values that are the output of a command substitution. One
/// finder serves a whole script: what it learns of each variable is kept.
public struct ShellCommandOutputs {
    private var resolver: VariableResolver
    private let text: SourceText

    /// `script`: the scanned script (its bindings are what is read); `text`: the scanned text.
    public init(script: ShellScript, text: SourceText) {
        resolver = VariableResolver(script: script, text: text)
        self.text = text
    }

    /// The expansions of `word` (a word of a command running in `scopes`) whose values are the output of a
    /// command substitution, where the script shows it: the word's own `$(…)`, or a `$NAME` whose one reaching
    /// assignment (as ``ShellScript/resolvingVariables(in:environment:inherited:inheritsUnknown:)`` finds it) is
    /// the substitution and nothing else.
    public mutating func uses(in word: ShellWord, scopes: [Int]) -> [CommandOutputUse] {
        guard !word.isStatic else { return [] }
        let bytes = Array(word.text.utf8)
        var found: [CommandOutputUse] = []
        for expansion in word.expansions {
            let start = word.map.firstIndex(startingAtLeast: expansion.lowerBound.offset)
            guard start < bytes.count, word.map.start(of: start) == expansion.lowerBound.offset else { continue }
            if Self.opensSubstitution(bytes, at: start) {
                found.append(CommandOutputUse(name: nil, use: expansion, substitution: expansion))
                continue
            }
            guard let use = ParameterUse(bytes, at: start), use.fallback == nil,
                let binding = resolver.reachingBinding(of: use.name, at: expansion.lowerBound.offset, scopes: scopes),
                let substitution = soleSubstitution(of: binding)
            else { continue }
            found.append(CommandOutputUse(name: use.name, use: expansion, substitution: substitution))
        }
        return found
    }

    /// Whether the word text at `start` opens a command substitution: `$(` not followed by `(`, or a backquote.
    private static func opensSubstitution(_ bytes: [UInt8], at start: Int) -> Bool {
        if bytes[start] == UInt8(ascii: "`") { return true }
        return start + 2 <= bytes.count && bytes[start] == UInt8(ascii: "$") && bytes[start + 1] == UInt8(ascii: "(")
            && (start + 2 == bytes.count || bytes[start + 2] != UInt8(ascii: "("))
    }

    /// The range of the command substitution that is the whole value `binding` assigns (`NAME=$(…)`,
    /// `NAME="$(…)"`), read from the scanned text; `nil` for any other value.
    private func soleSubstitution(of binding: ShellBinding) -> SourceRange? {
        let start =
            text.map?.firstIndex(startingAtLeast: binding.range.lowerBound.offset) ?? binding.range.lowerBound.offset
        let end =
            text.map?.firstIndex(startingAtLeast: binding.range.upperBound.offset) ?? binding.range.upperBound.offset
        guard start < end, end <= text.bytes.count else { return nil }
        var bytes = text.bytes[start..<end]
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        bytes = bytes[(equals + 1)...]
        if bytes.first == UInt8(ascii: "\""), bytes.count >= 2, bytes.last == UInt8(ascii: "\"") {
            bytes = bytes.dropFirst().dropLast()
        }
        guard bytes.count >= 3, let open = bytes.indices.first, bytes[open] == UInt8(ascii: "$"),
            bytes[open + 1] == UInt8(ascii: "("), bytes[open + 2] != UInt8(ascii: "("),
            bytes.last == UInt8(ascii: ")")
        else { return nil }
        // The parenthesis that closes `$(` must be the last byte (quotes aside, which the commands passed on here
        // have no parentheses in).
        var depth = 0
        for index in (open + 1)..<bytes.endIndex {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 && index != bytes.endIndex - 1 { return nil }
            }
        }
        guard depth == 0 else { return nil }
        return text.fileRange(open, bytes.endIndex)
    }
}

extension VariableResolver {
    /// The one unconditional statement that sets `name` for a use at file offset `use` in `scopes`; `nil` when
    /// the script does not show one.
    mutating func reachingBinding(of name: String, at use: Int, scopes: [Int]) -> ShellBinding? {
        let all = bindings(of: name)
        guard !all.isEmpty, all.allSatisfy({ scopes.contains($0.scope) }) else { return nil }
        let setting = all.filter { $0.kind != .export }
        guard !setting.contains(where: { $0.range.lowerBound.offset >= use && $0.isConditional }),
            let reaching = setting.last(where: { $0.range.upperBound.offset <= use }), !reaching.isConditional,
            // Last, as it reads the whole text (once per name).
            !isSetElsewhere(name)
        else { return nil }
        return reaching
    }
}
