import WMLintSource
import WMLintSyntax

/// Finds the shell code in a GitLab CI file (`.gitlab-ci.yml` and the local files it includes).
///
/// Every job (a top-level mapping other than GitLab's global keywords, hidden `.template` jobs included), the
/// `default:` section and the top-level sections have `before_script`, `script` and `after_script`, each a string
/// or a list of strings (a list of lists, as YAML aliases make, counts item by item). The lines of one section
/// are one script, run in order by one shell, as the runner runs them; sections are read apart, so a variable
/// set in `before_script` is unknown in `script`. Each line is mapped back to the file as a workflow's `run:` is
/// (see ``ScalarMap``); a line that cannot be rebuilt exactly leaves its section out. The `variables:` of the
/// file and of the job (the job's overriding) are variables the scripts start with: a literal string or number
/// is known, one holding `$` (GitLab expands variables in variables) is not.
enum GitLabJobs {
    /// The top-level keys that are not jobs.
    static let globalKeywords: Set<String> = [
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script",
        "after_script", "spec", "pages",
    ]
    /// The keys holding shell lines.
    static let scriptKeys = ["before_script", "script", "after_script"]

    /// The scripts of `file`, in source order; a file that is not a GitLab CI mapping yields none.
    static func scripts(in file: SourceFile) -> [EmbeddedScript] {
        guard let root = YAMLLoader.load(SourceText(file: file)).root, case .object(let members) = root.value else {
            return []
        }
        let globals = ScalarMap.environment(root["variables"], in: file, expands: true)
        var scripts: [EmbeddedScript] = []
        func add(sectionsOf node: SyntaxNode, environment: [InheritedVariable]) {
            for key in scriptKeys {
                guard let section = node[key], var script = joined(lines(of: section), in: file) else { continue }
                script.environment = environment
                scripts.append(script)
            }
        }
        add(sectionsOf: root, environment: globals)
        for member in members where member.key == "default" || !globalKeywords.contains(member.key) {
            guard case .object = member.value.value else { continue }
            let environment = globals + ScalarMap.environment(member.value["variables"], in: file, expands: true)
            add(sectionsOf: member.value, environment: environment)
        }
        return scripts
    }

    /// The local files `file` includes, as written: `include: path`, a list of paths, or `local:` entries;
    /// remote, project and template includes, and paths with wildcards, are left out.
    static func localIncludes(of file: SourceFile) -> [String] {
        guard let root = YAMLLoader.load(SourceText(file: file)).root, let include = root["include"] else {
            return []
        }
        let entries: [SyntaxNode]
        if case .array(let items) = include.value { entries = items } else { entries = [include] }
        return entries.compactMap { entry in
            var path: String?
            switch entry.value {
            case .string(let text): path = text.contains("://") ? nil : text
            case .object:
                if case .string(let text)? = entry["local"]?.value { path = text }
            default: break
            }
            guard let path, !path.isEmpty, !path.contains("*"), !path.contains("$") else { return nil }
            return path
        }
    }

    /// The string lines of a section, in order; `nil` holds the place of a line that is not a plain string.
    static func lines(of section: SyntaxNode) -> [(SyntaxNode, String)?] {
        switch section.value {
        case .string(let text):
            return [(section, text)]
        case .array(let items):
            return items.flatMap { item -> [(SyntaxNode, String)?] in
                switch item.value {
                case .string(let text): return [(item, text)]
                case .array(let inner):
                    return inner.map { line in
                        if case .string(let text) = line.value { return (line, text) }
                        return nil
                    }
                default: return [nil]
                }
            }
        default:
            return [nil]
        }
    }

    /// The lines as one script, joined by line breaks (each mapped to the end of the line before it); `nil` when
    /// a line cannot be rebuilt from the file or the lines are not in file order (an alias to an earlier line).
    static func joined(_ lines: [(SyntaxNode, String)?], in file: SourceFile) -> EmbeddedScript? {
        var parts: [EmbeddedScript] = []
        for line in lines {
            guard let (node, text) = line, let part = ScalarMap.script(of: node, value: text, in: file) else {
                return nil
            }
            if let last = parts.last, last.text.fileRange(0, 0).lowerBound > part.text.fileRange(0, 0).lowerBound {
                return nil
            }
            parts.append(part)
        }
        guard let first = parts.first else { return nil }
        guard parts.count > 1 else { return first }
        var bytes: [UInt8] = []
        var map = OffsetMap.Builder()
        var unsafe: [UInt8] = []
        var unknown: [SourceRange] = []
        for (index, part) in parts.enumerated() {
            if index > 0, let previous = parts[index - 1].text.map?.endOffset {
                bytes.append(UInt8(ascii: "\n"))
                map.append(start: previous, end: previous)
            }
            guard let partMap = part.text.map else { return nil }
            for offset in part.text.bytes.indices {
                bytes.append(part.text.bytes[offset])
                map.append(start: partMap.start(of: offset), end: partMap.end(of: offset))
            }
            unsafe += part.unsafeReplacementBytes.filter { !unsafe.contains($0) }
            unknown += part.unknownRanges
        }
        let end = parts.last?.text.map?.endOffset ?? 0
        return EmbeddedScript(
            text: SourceText(bytes: bytes, path: file.path, map: map.map(endOffset: end)), unknownRanges: unknown,
            unsafeReplacementBytes: unsafe)
    }
}
