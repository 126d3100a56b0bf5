import WMLintSource
import WMLintSyntax

/// Finds the shell code in a GitHub Actions workflow's `run:` steps.
///
/// A step is read when its shell — the step's `shell:`, else the job's `defaults.run.shell`, else the
/// workflow's `defaults.run.shell`, else bash — is `bash` or `sh` (a command line such as
/// `bash --noprofile --norc -eo pipefail {0}` counts by its first word); `pwsh`, `powershell`, `python`, `cmd`
/// and any other shell are skipped. The `run:` value is mapped byte for byte back to the workflow file: a
/// literal block scalar (`|`, `|-`, `|+`) with its indentation stripped line by line, a plain one-line scalar as
/// written, a single-quoted scalar with `''` mapped to both quotes, a double-quoted scalar with each escape
/// mapped to the whole escape, a folded block scalar (`>`, `>-`) folded as YAML folds it, each folded space mapped
/// to the line break it replaces. A value whose text cannot be rebuilt exactly from the file (an explicit
/// indentation indicator, a quoted or plain scalar over several lines) is skipped.
///
/// The `env:` of the workflow, the job and the step (the later overriding the earlier) set the variables the
/// script starts with: a literal value is followed as a shell assignment would be, a `${{ … }}` one is unknown.
/// `${{ … }}` is not statically known: its bytes become a same-length placeholder (`$___…`), and a shell word
/// overlapping it counts as holding an expansion.
enum WorkflowSteps {
    /// The bash/sh `run:` scripts of `file`, in source order; an unreadable workflow yields none.
    static func scripts(in file: SourceFile) -> [EmbeddedScript] {
        let parsed = YAMLLoader.load(SourceText(file: file))
        guard let root = parsed.root, case .object = root.value, case .object(let jobs)? = root["jobs"]?.value
        else { return [] }
        let workflowShell = root["defaults"]?["run"]?["shell"]
        let workflowEnvironment = ScalarMap.environment(root["env"], in: file)
        var scripts: [EmbeddedScript] = []
        for job in jobs {
            guard case .object = job.value.value, case .array(let steps)? = job.value["steps"]?.value else { continue }
            let jobShell = job.value["defaults"]?["run"]?["shell"] ?? workflowShell
            let jobEnvironment = workflowEnvironment + ScalarMap.environment(job.value["env"], in: file)
            for step in steps {
                guard case .object = step.value, let run = step["run"], case .string(let value) = run.value,
                    isPOSIXShell(step["shell"] ?? jobShell)
                else { continue }
                guard var script = ScalarMap.script(of: run, value: value, in: file) else { continue }
                script.environment = jobEnvironment + ScalarMap.environment(step["env"], in: file)
                // `env: ${{ fromJSON(…) }}` may set any variable.
                script.inheritsUnknownVariables = [root["env"], job.value["env"], step["env"]].contains {
                    if case .string(let text)? = $0?.value { text.contains("${{") } else { false }
                }
                scripts.append(script)
            }
        }
        return scripts
    }

    /// Whether a `shell:` setting (absent: the default) names bash or sh.
    static func isPOSIXShell(_ shell: SyntaxNode?) -> Bool {
        guard let shell else { return true }
        guard case .string(let text) = shell.value else { return false }
        guard let command = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first else { return false }
        let name = command.split(separator: "/").last.map(String.init) ?? ""
        return name == "bash" || name == "sh"
    }
}

extension SyntaxNode {
    /// The value of the last member named `key`, when this is an object.
    subscript(key: String) -> SyntaxNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.value
    }
}

/// Rebuilds a YAML scalar's text from the file bytes, with a map from every byte back to the file.
enum ScalarMap {
    static func script(of node: SyntaxNode, value: String, in file: SourceFile) -> EmbeddedScript? {
        let bytes = file.bytes
        let upper = Swift.min(node.range.upperBound.offset, bytes.count)
        let offset = contentStart(of: node.range, in: bytes)
        guard offset < bytes.count else { return nil }
        var rebuilt: (builder: MappedBytesBuilder, end: Int)?
        switch bytes[offset] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            rebuilt = block(bytes, header: offset)
        case UInt8(ascii: "'"):
            rebuilt = singleQuoted(bytes, open: offset)
        case UInt8(ascii: "\""):
            rebuilt = doubleQuoted(bytes, open: offset)
        default:
            var builder = MappedBytesBuilder(capacity: upper - offset)
            builder.append(contentsOf: bytes, range: offset..<upper)
            rebuilt = (builder, upper)
        }
        let unsafe = unsafeBytes(inScalarStartingWith: bytes[offset])
        guard case (var builder, let end)? = rebuilt, builder.bytes.elementsEqual(value.utf8) else { return nil }
        let expressions = builder.maskExpressions()
        let text = builder.text(path: file.path, end: end)
        return EmbeddedScript(
            text: text, unknownRanges: expressions.map { text.fileRange($0) }, unsafeReplacementBytes: unsafe)
    }

    /// Where the scalar at `range` starts after its properties (`!tag`, `&anchor`): its style's indicator, if any.
    static func contentStart(of range: SourceRange, in bytes: [UInt8]) -> Int {
        var offset = range.lowerBound.offset
        let upper = Swift.min(range.upperBound.offset, bytes.count)
        while offset < upper && (bytes[offset] == UInt8(ascii: "!") || bytes[offset] == UInt8(ascii: "&")) {
            while offset < upper && !isSpace(bytes[offset]) { offset += 1 }
            while offset < upper && isSpace(bytes[offset]) { offset += 1 }
        }
        return offset
    }

    /// Bytes a fix may not put into a scalar whose text starts with `first` (its style's indicator, if any), as
    /// the scalar would not keep them as written: a line break anywhere, a quote in a quoted scalar, a backslash in
    /// a double-quoted one, `:` or `#` in a plain one.
    static func unsafeBytes(inScalarStartingWith first: UInt8) -> [UInt8] {
        switch first {
        case UInt8(ascii: "|"), UInt8(ascii: ">"): [UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        case UInt8(ascii: "'"): [UInt8(ascii: "'"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        case UInt8(ascii: "\""): [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        default: [UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        }
    }

    /// The variables an `env:` (or GitLab `variables:`) mapping sets, in order: a string or number is known when
    /// its text can be rebuilt from the file and holds no `${{ … }}` expression (nor a `$` when `expands`: GitLab
    /// expands variables in variables); anything else is set to a value not known until the job runs.
    static func environment(_ node: SyntaxNode?, in file: SourceFile, expands: Bool = false) -> [InheritedVariable] {
        guard case .object(let members)? = node?.value else { return [] }
        return members.map { member in
            var node = member.value
            if case .object = node.value, let value = node["value"] { node = value }  // GitLab's `{value: …}`
            let text: String?
            switch node.value {
            case .string(let string): text = string
            case .number(let number): text = number.lexeme
            default: text = nil
            }
            guard let text, !text.contains(expands ? "$" : "${{"),
                let script = ScalarMap.script(of: node, value: text, in: file), let map = script.text.map
            else { return InheritedVariable(name: member.key, value: nil, range: member.keyRange) }
            let word = ShellWord(text: text, map: map, range: node.range)
            return InheritedVariable(name: member.key, value: word, range: node.range)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// A block scalar whose header (`|`, `>`) is at `header`, rebuilt as libyaml reads it: each line without its
    /// indentation, and in a folded scalar (`>`) a line break between two lines of text turned into a space (or
    /// dropped before empty lines), except around lines that start with a blank; then chomped (`-`, `+`).
    static func block(_ bytes: [UInt8], header: Int) -> (MappedBytesBuilder, Int)? {
        let folds = bytes[header] == UInt8(ascii: ">")
        var offset = header + 1
        var chomping = UInt8(ascii: " ")
        while offset < bytes.count, !isSpace(bytes[offset]), bytes[offset] != UInt8(ascii: "\n"),
            bytes[offset] != UInt8(ascii: "\r")
        {
            switch bytes[offset] {
            case UInt8(ascii: "+"), UInt8(ascii: "-"): chomping = bytes[offset]
            default: return nil  // an explicit indentation indicator
            }
            offset += 1
        }
        while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        var start = offset + 1
        var builder = MappedBytesBuilder()
        var indent: Int?
        // The file offset just past the last line of text, where the value ends before its line breaks.
        var textEnd = Swift.min(start, bytes.count)
        // The line break after the last line of text, and those of the empty lines since (file ranges).
        var leadingBreak: Range<Int>?
        var trailingBreaks: [Range<Int>] = []
        var leadingBlank = false
        while start < bytes.count {
            var lineEnd = start
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > start && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            var spaces = 0
            while start + spaces < contentEnd && bytes[start + spaces] == UInt8(ascii: " ") { spaces += 1 }
            let lineBreak: Range<Int>? = lineEnd < bytes.count ? contentEnd..<(lineEnd + 1) : nil
            let isBlankLine = start + spaces == contentEnd
            if !isBlankLine {
                if indent == nil { indent = spaces }
                if spaces < (indent ?? 0) { break }
            }
            if let indent, start + indent < contentEnd {
                // A line of text (blanks beyond the indentation count as text).
                let isBlankLed = isSpace(bytes[start + indent])
                if let leadingBreak {
                    if folds && !leadingBlank && !isBlankLed {
                        if trailingBreaks.isEmpty {
                            builder.append(
                                UInt8(ascii: " "), from: leadingBreak.lowerBound, to: leadingBreak.upperBound)
                        }
                    } else {
                        builder.append(UInt8(ascii: "\n"), from: leadingBreak.lowerBound, to: leadingBreak.upperBound)
                    }
                }
                for trailing in trailingBreaks {
                    builder.append(UInt8(ascii: "\n"), from: trailing.lowerBound, to: trailing.upperBound)
                }
                trailingBreaks.removeAll()
                leadingBlank = isBlankLed
                builder.append(contentsOf: bytes, range: (start + indent)..<contentEnd)
                textEnd = contentEnd
                leadingBreak = lineBreak
            } else if let lineBreak {
                trailingBreaks.append(lineBreak)
            }
            guard let lineBreak else { break }
            start = lineBreak.upperBound
        }
        if chomping != UInt8(ascii: "-"), let leadingBreak {
            builder.append(UInt8(ascii: "\n"), from: leadingBreak.lowerBound, to: leadingBreak.upperBound)
        }
        if chomping == UInt8(ascii: "+") {
            for trailing in trailingBreaks {
                builder.append(UInt8(ascii: "\n"), from: trailing.lowerBound, to: trailing.upperBound)
            }
        }
        return (builder, builder.bytes.isEmpty ? textEnd : builder.fileEnd(of: builder.bytes.count - 1))
    }

    static func singleQuoted(_ bytes: [UInt8], open: Int) -> (MappedBytesBuilder, Int)? {
        var builder = MappedBytesBuilder()
        var offset = open + 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
            if byte == UInt8(ascii: "'") {
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "'") else {
                    return (builder, offset)
                }
                builder.append(byte, from: offset, to: offset + 2)
                offset += 2
                continue
            }
            builder.append(byte, from: offset, to: offset + 1)
            offset += 1
        }
        return nil
    }

    static func doubleQuoted(_ bytes: [UInt8], open: Int) -> (MappedBytesBuilder, Int)? {
        var builder = MappedBytesBuilder()
        var offset = open + 1
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return nil
            case UInt8(ascii: "\""):
                return (builder, offset)
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count else { return nil }
                let escape = bytes[offset + 1]
                var scalar: UInt32
                var length = 2
                switch escape {
                case UInt8(ascii: "0"): scalar = 0
                case UInt8(ascii: "a"): scalar = 7
                case UInt8(ascii: "b"): scalar = 8
                case UInt8(ascii: "t"), 9: scalar = 9
                case UInt8(ascii: "n"): scalar = 10
                case UInt8(ascii: "v"): scalar = 11
                case UInt8(ascii: "f"): scalar = 12
                case UInt8(ascii: "r"): scalar = 13
                case UInt8(ascii: "e"): scalar = 27
                case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"):
                    scalar = UInt32(escape)
                case UInt8(ascii: "N"): scalar = 0x85
                case UInt8(ascii: "_"): scalar = 0xA0
                case UInt8(ascii: "L"): scalar = 0x2028
                case UInt8(ascii: "P"): scalar = 0x2029
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let digits = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
                    guard offset + 2 + digits <= bytes.count,
                        let parsed = hex(bytes[(offset + 2)..<(offset + 2 + digits)])
                    else { return nil }
                    scalar = parsed
                    length = 2 + digits
                default:
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                for unit in String(Character(unicode)).utf8 {
                    builder.append(unit, from: offset, to: offset + length)
                }
                offset += length
            default:
                builder.append(byte, from: offset, to: offset + 1)
                offset += 1
            }
        }
        return nil
    }

    static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
