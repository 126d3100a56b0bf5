public import WMLintSource

/// Literal values through shell variables, read conservatively, as a reader of the script would.
///
/// A `$NAME` or `${NAME}` use takes the value of the assignment that reaches it when all of these hold:
/// - the last assignment of `NAME` before the use is plain (`NAME=value`, or after `export`, `readonly`, `local`,
///   `declare`/`typeset` with no flag but `-x`, `-r`, `-g`), unconditional, and in the use's scope or one around
///   it (the script, or the function or subshell the use is in);
/// - its value is known: literal text, quoted or not, or built of variables known the same way (a chain of at most
///   ``ShellScript/maxChain`` of them);
/// - no assignment of `NAME` after the use may reach it (one inside `if`, `case`, a loop, after `&&`/`||`, or in a
///   pipeline);
/// - `NAME` is set nowhere else: in no other function or subshell, and it appears in no other word outside
///   comments, since `read NAME`, `for NAME in`, `unset NAME`, `getopts … NAME`, `printf -v NAME` and the like
///   set it too;
/// - an unquoted use's value is not empty and holds no blank, newline or glob character (word splitting and
///   globbing would change it).
///
/// A variable the script does not set before the use may still be inherited (``InheritedVariable``): a CI file's
/// `env:` gives it a value, known or not, that the script starts with.
///
/// `${NAME:-word}` and `${NAME-word}` take `word` (literal text) when `NAME` is set nowhere in the script and not
/// inherited (nor possibly inherited, as from a workflow `env:` that is one expression): that is the value the
/// command gets whenever the environment lacks `NAME`. Every other use stays unknown.
extension ShellScript {
    /// How many variables a value may go through (`A=$B`, `B=$C`, …) before it counts as unknown.
    public static let maxChain = 8

    /// The script with the variable uses in its `aws` commands' words and assignments replaced by their values,
    /// where ``ShellScript`` shows them (see the extension's documentation), and each command's
    /// ``ShellCommand/environment`` holding the known values of the exported variables among `environment`. A
    /// replaced word's map points into the assignments, so diagnostics and fixes on the value land there; its
    /// ``ShellWord/substitutions`` say where each value was used. `text` is the scanned text; `inherited`, the
    /// variables the script starts with; `inheritsUnknown`, whether it may start with others too (whose values
    /// are not known).
    public func resolvingVariables(
        in text: SourceText, environment: [String] = [], inherited: [InheritedVariable] = [],
        inheritsUnknown: Bool = false
    ) -> ShellScript {
        guard
            !bindings.isEmpty || !inherited.isEmpty
                || commands.contains(where: { $0.words.contains { !$0.isStatic } })
        else {
            return self
        }
        var resolver = VariableResolver(script: self, text: text, inherited: inherited)
        resolver.inheritsUnknown = inheritsUnknown
        var copy = self
        for index in copy.commands.indices {
            let scopes = copy.commands[index].scopes
            copy.commands[index].environment = environment.compactMap {
                resolver.exportedValue(of: $0, for: copy.commands[index])
            }
            for word in copy.commands[index].words.indices where !copy.commands[index].words[word].isStatic {
                let original = copy.commands[index].words[word]
                if let resolved = resolver.resolve(original, scopes: scopes, splits: true, chain: 0) {
                    copy.commands[index].words[word] = resolved
                }
            }
            for assignment in copy.commands[index].assignments.indices
            where !copy.commands[index].assignments[assignment].value.isStatic {
                let original = copy.commands[index].assignments[assignment].value
                if let resolved = resolver.resolve(original, scopes: scopes, splits: false, chain: 0) {
                    copy.commands[index].assignments[assignment].value = resolved
                }
            }
        }
        return copy
    }
}

/// Looks up variable values in one script.
struct VariableResolver {
    let script: ShellScript
    let text: SourceText
    /// The bindings of each name looked up so far, in file order (most names of a script are never looked up).
    var bindingsByName: [String: [ShellBinding]] = [:]
    /// Whether a name appears in a word that may set it without a binding the scan records.
    var setElsewhere: [String: Bool] = [:]
    /// The variables the script starts with, by name (the last of a name wins).
    let inherited: [String: InheritedVariable]
    /// Whether the script may start with variables besides ``inherited``, of unknown values.
    var inheritsUnknown = false

    init(script: ShellScript, text: SourceText, inherited: [InheritedVariable] = []) {
        self.script = script
        self.text = text
        self.inherited = Dictionary(inherited.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    /// The bindings of `name`, in file order.
    mutating func bindings(of name: String) -> [ShellBinding] {
        if let known = bindingsByName[name] { return known }
        let found = script.bindings.filter { $0.name == name }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        bindingsByName[name] = found
        return found
    }

    /// The value the exported variable `name` has in the environment of `command`, where the script shows it: as
    /// a use of `$name` just before the command would resolve, and exported by that assignment or by an earlier
    /// `export name`. The assignment's range is the binding's.
    mutating func exportedValue(of name: String, for command: ShellCommand) -> ShellAssignment? {
        let use = command.range.lowerBound.offset
        guard let (binding, value) = value(of: name, at: use, scopes: command.scopes, chain: 0) else { return nil }
        let exported =
            binding.isExported || inherited[name] != nil
            || bindings(of: name).contains {
                $0.kind == .export && !$0.isConditional && $0.range.upperBound.offset <= use
            }
        guard exported else { return nil }
        return ShellAssignment(name: name, value: value, range: binding.range)
    }

    /// `word` with each of its expansions replaced by the value of the variable it uses, or `nil` when one of them
    /// is not known. `splits`: the word is subject to word splitting and globbing (a command's word, not an
    /// assignment's value).
    mutating func resolve(_ word: ShellWord, scopes: [Int], splits: Bool, chain: Int) -> ShellWord? {
        let bytes = Array(word.text.utf8)
        var decoded: [UInt8] = []
        var map = OffsetMap.Builder()
        var substitutions: [ShellSubstitution] = []
        var position = 0
        var endOffset = word.map.endOffset
        func copy(_ range: Range<Int>, of source: [UInt8], mappedBy sourceMap: OffsetMap) {
            for index in range {
                decoded.append(source[index])
                map.append(start: sourceMap.start(of: index), end: sourceMap.end(of: index))
            }
        }
        for expansion in word.expansions {
            let start = word.map.firstIndex(startingAtLeast: expansion.lowerBound.offset)
            guard start >= position, start < bytes.count, word.map.start(of: start) == expansion.lowerBound.offset,
                let use = ParameterUse(bytes, at: start),
                word.map.end(of: start + use.length - 1) == expansion.upperBound.offset
            else { return nil }
            let value: ShellWord
            let valueRange: SourceRange
            if let (binding, found) = self.value(
                of: use.name, at: expansion.lowerBound.offset, scopes: scopes, chain: chain)
            {
                value = found
                valueRange = binding.valueRange(of: found)
                substitutions.append(ShellSubstitution(name: use.name, use: expansion, value: valueRange))
            } else if let fallback = use.fallback, bindings(of: use.name).isEmpty, inherited[use.name] == nil,
                !inheritsUnknown, !isSetElsewhere(use.name)
            {
                let text = String(decoding: bytes[fallback], as: UTF8.self)
                let fallbackMap = word.map.slice(fallback)
                value = ShellWord(text: text, map: fallbackMap, range: word.map.fileRange(fallback))
                valueRange = value.range
                substitutions.append(
                    ShellSubstitution(name: use.name, use: expansion, value: valueRange, isDefault: true))
            } else {
                return nil
            }
            let valueBytes = Array(value.text.utf8)
            // `${NAME:-word}` of an empty value is `word`; the value is not followed that far.
            if use.fallback != nil && valueBytes.isEmpty { return nil }
            if splits && !isQuoted(expansion, in: word) {
                guard !valueBytes.isEmpty, !valueBytes.contains(where: Self.changesUnquoted) else { return nil }
            }
            copy(position..<start, of: bytes, mappedBy: word.map)
            copy(0..<valueBytes.count, of: valueBytes, mappedBy: value.map)
            substitutions += value.substitutions
            position = start + use.length
            endOffset = position == bytes.count ? value.map.endOffset : word.map.endOffset
        }
        copy(position..<bytes.count, of: bytes, mappedBy: word.map)
        // A word that is one use and nothing else (`"$NAME"`) is, as a whole, the assigned word.
        var range = word.range
        if word.expansions.count == 1, let only = substitutions.first, decoded.count == map.count,
            word.map.firstIndex(startingAtLeast: only.use.lowerBound.offset) == 0, position == bytes.count
        {
            range = only.value
        }
        return ShellWord(
            text: String(decoding: decoded, as: UTF8.self), map: map.map(endOffset: endOffset), range: range,
            substitutions: substitutions)
    }

    /// The binding that sets `name` for a use at file offset `use` in `scopes`, and its value with the variables in
    /// it resolved, when both are known.
    mutating func value(of name: String, at use: Int, scopes: [Int], chain: Int) -> (ShellBinding, ShellWord)? {
        guard chain < ShellScript.maxChain else { return nil }
        let all = bindings(of: name)
        let start = inherited[name]
        guard !all.isEmpty || start != nil, !isSetElsewhere(name) else { return nil }
        // Set in another function or subshell: it may run at any time.
        guard all.allSatisfy({ scopes.contains($0.scope) }) else { return nil }
        let setting = all.filter { $0.kind != .export }
        guard !setting.contains(where: { $0.range.lowerBound.offset >= use && $0.isConditional }) else { return nil }
        guard let reaching = setting.last(where: { $0.range.upperBound.offset <= use }) else {
            // Not set before the use: the value the script starts with, if it is known.
            guard let start, let value = start.value else { return nil }
            return (ShellBinding(name: name, kind: .assignment(value), range: start.range, isExported: true), value)
        }
        guard case .assignment(let value) = reaching.kind, !reaching.isConditional else { return nil }
        if value.isStatic { return (reaching, value) }
        // The variables in the value are looked up where the value is assigned.
        guard let resolved = resolve(value, scopes: scopes, splits: false, chain: chain + 1) else { return nil }
        return (reaching, resolved)
    }

    /// Whether `name` appears, outside comments, as a word of its own other than its recorded bindings and its
    /// `$name`/`${name…}` uses (`${name=…}` and `${name:=…}` set it).
    mutating func isSetElsewhere(_ name: String) -> Bool {
        if let known = setElsewhere[name] { return known }
        let recorded = Set(bindings(of: name).map(\.range.lowerBound.offset))
        let found = findsOtherMention(of: Array(name.utf8), besides: recorded)
        setElsewhere[name] = found
        return found
    }

    /// Whether `name` appears as `isSetElsewhere(_:)` says, at no file offset in `recorded`.
    private func findsOtherMention(of name: [UInt8], besides recorded: Set<Int>) -> Bool {
        let bytes = text.bytes
        var index = 0
        while let found = Self.find(name, in: bytes, from: index) {
            index = found + name.count
            let before = found > 0 ? bytes[found - 1] : 0
            let after = index < bytes.count ? bytes[index] : 0
            guard !isNameByte(before), !isNameByte(after) else { continue }
            if before == UInt8(ascii: "$") { continue }
            if before == UInt8(ascii: "{") || before == UInt8(ascii: "#"), found >= 2,
                bytes[found - 2] == UInt8(ascii: "$") || bytes[found - 2] == UInt8(ascii: "{")
            {
                let assigns =
                    after == UInt8(ascii: "=")
                    || (after == UInt8(ascii: ":") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "="))
                if assigns { return true }
                continue
            }
            let offset = text.fileRange(found, found + 1).lowerBound
            if recorded.contains(offset.offset) { continue }
            if script.comments.contains(where: { $0.contains(offset) }) { continue }
            return true
        }
        return false
    }

    /// The first index at or after `from` where `needle` starts in `bytes`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether the expansion `expansion` of `word` stands inside double quotes (read off the scanned text; any
    /// doubt counts as unquoted, the stricter reading).
    private func isQuoted(_ expansion: SourceRange, in word: ShellWord) -> Bool {
        let bytes = text.bytes
        let start = local(word.range.lowerBound.offset)
        let use = local(expansion.lowerBound.offset)
        guard start <= use, use <= bytes.count else { return false }
        var inDouble = false
        var index = start
        while index < use {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "'") where !inDouble:
                index += 1
                while index < use && bytes[index] != UInt8(ascii: "'") { index += 1 }
            case UInt8(ascii: "\""):
                inDouble.toggle()
            case UInt8(ascii: "$"), UInt8(ascii: "`"):
                // Another expansion first: its own quotes are not followed here.
                if index + 1 < use,
                    bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "{")
                        || bytes[index + 1] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "`")
                {
                    return false
                }
            default:
                break
            }
            index += 1
        }
        return inDouble && index == use
    }

    /// The local offset in the scanned text of file offset `offset`.
    private func local(_ offset: Int) -> Int {
        guard let map = text.map else { return offset }
        return map.firstIndex(startingAtLeast: offset)
    }

    /// Bytes that word splitting or globbing act on in an unquoted expansion.
    static func changesUnquoted(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[")
    }
}

extension ShellBinding {
    /// The file bytes of `value`, the value this binding assigns.
    func valueRange(of value: ShellWord) -> SourceRange {
        guard case .assignment(let assigned) = kind else { return range }
        return assigned.range
    }
}

/// A `$NAME`, `${NAME}`, `${NAME:-word}` or `${NAME-word}` expansion, as written in a word's text.
struct ParameterUse {
    var name: String
    /// The expansion's length in bytes.
    var length: Int
    /// Where `word` is in the text, for the forms with a default.
    var fallback: Range<Int>?

    /// The use at `start` of `bytes`, `nil` for any other expansion.
    init?(_ bytes: [UInt8], at start: Int) {
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "$") else { return nil }
        var index = start + 1
        let braced = bytes[index] == UInt8(ascii: "{")
        if braced { index += 1 }
        let nameStart = index
        guard index < bytes.count, isNameStart(bytes[index]) else { return nil }
        while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
        name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        fallback = nil
        if braced {
            let colon = index < bytes.count && bytes[index] == UInt8(ascii: ":")
            if colon { index += 1 }
            if index < bytes.count && bytes[index] == UInt8(ascii: "-") {
                index += 1
                let from = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "}") {
                    // Only literal text: quotes, escapes and expansions in the default are not followed.
                    guard !Self.special(bytes[index]) else { return nil }
                    index += 1
                }
                fallback = from..<index
            } else if colon {
                return nil
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "}"), index > nameStart else { return nil }
            index += 1
        }
        length = index - start
    }

    private static func special(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
