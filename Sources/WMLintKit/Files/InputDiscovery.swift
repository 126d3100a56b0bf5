import WMLintModel

/// The input forms wmlint reads (`--input-format`).
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, json, yaml, shell, markdown, workflow
}

/// The form of one input file.
enum InputKind: Hashable, Sendable {
    case json, yaml, shell, markdown, workflow
    /// A GitLab CI file, known by its name (`.gitlab-ci.yml`); no `--input-format` names it.
    case gitlabCI

    init?(_ format: InputFormat) {
        switch format {
        case .auto: return nil
        case .json: self = .json
        case .yaml: self = .yaml
        case .shell: self = .shell
        case .markdown: self = .markdown
        case .workflow: self = .workflow
        }
    }

    /// The kind a file's name suggests, `nil` when the name says nothing (a shebang may still).
    static func guess(fromName path: String) -> InputKind? {
        if let guessed = guess(fromASCIIName: path) { return guessed }
        let name = Path.basename(path).lowercased()
        if path.contains(".github/workflows/") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml")) {
            return .workflow
        }
        if name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml" { return .gitlabCI }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "json": return .json
        case "yaml", "yml": return .yaml
        case "sh", "bash", "zsh", "ksh": return .shell
        case "md", "markdown": return .markdown
        default: return nil
        }
    }

    /// ``guess(fromName:)`` over the bytes of an ASCII path (`.some(nil)`: the name says nothing); `nil` when the
    /// path is not ASCII, whose names need Unicode lower-casing.
    private static func guess(fromASCIIName path: String) -> InputKind?? {
        var path = path
        return path.withUTF8 { bytes -> InputKind?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
            guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")) else { return .some(nil) }
            let suffix = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            /// Whether the extension is `name` (lower-case ASCII), ignoring ASCII case; no lower-cased copy.
            func isExtension(_ name: StaticString) -> Bool {
                name.utf8CodeUnitCount == suffix.count
                    && name.withUTF8Buffer { name in
                        zip(name, suffix).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
                    }
            }
            if isExtension("yml") || isExtension("yaml") {
                let isWorkflow = (".github/workflows/" as StaticString).withUTF8Buffer { workflows in
                    bytes.count >= workflows.count
                        && (0...(bytes.count - workflows.count)).contains { start in
                            UnsafeBufferPointer(rebasing: bytes[start..<(start + workflows.count)])
                                .elementsEqual(workflows)
                        }
                }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart...])
                let isGitLab =
                    (name.elementsEqual(".gitlab-ci.yml".utf8) || name.elementsEqual(".gitlab-ci.yaml".utf8))
                return isWorkflow ? .workflow : isGitLab ? .gitlabCI : .yaml
            }
            if isExtension("json") { return .json }
            if isExtension("sh") || isExtension("bash") || isExtension("zsh") || isExtension("ksh") { return .shell }
            if isExtension("md") || isExtension("markdown") { return .markdown }
            return .some(nil)
        }
    }

    /// Whether `prefix` (a file's first bytes) starts with a shell shebang (`#!/bin/sh`, `#!/usr/bin/env bash`).
    static func hasShellShebang(_ prefix: [UInt8]) -> Bool {
        guard prefix.starts(with: Array("#!".utf8)) else { return false }
        let line = prefix.prefix { $0 != UInt8(ascii: "\n") }
        let words = String(decoding: line.dropFirst(2), as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\r"
        })
        guard var interpreter = words.first.map({ Path.basename(String($0)) }) else { return false }
        if interpreter == "env" {
            guard let next = words.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return false }
            interpreter = Path.basename(String(next))
        }
        return ["sh", "bash", "zsh", "ksh", "dash", "ash", "mksh"].contains(interpreter)
    }
}

/// A file to lint, found on the command line or by walking a directory.
struct InputFile: Sendable {
    /// The path as shown in diagnostics.
    var path: String
    var kind: InputKind
    /// Whether the file is linted whatever it holds (`--input-format`), skipping the sniff of JSON/YAML.
    var isForced: Bool
    /// The settings that apply to the file: its configuration with the command line's merged over it.
    var configuration: Configuration?
    /// Whether the file was named on the command line (not found by walking a directory).
    var isNamed = false

    init(path: String, kind: InputKind, isForced: Bool, isNamed: Bool = false) {
        self.path = path
        self.kind = kind
        self.isForced = isForced
        self.isNamed = isNamed
    }
}

/// Finds the files to lint under the paths given on the command line.
struct InputDiscovery {
    let format: InputFormat
    /// Whether named JSON/YAML files skip the sniff.
    var forcesNamedDocuments = false

    /// The inputs under `paths`, in order; throws for a named path that does not exist.
    func inputs(for paths: [String]) throws(WMLintError) -> [InputFile] {
        var result: [InputFile] = []
        // One path gives each file once (a directory's entries are distinct names, each directory is walked
        // once): only several paths need the set of paths seen.
        var seen = Seen(isNeeded: paths.count > 1)
        for path in paths {
            switch FileSystem.kind(of: path) {
            case nil:
                throw .unreadablePath("\(path): no such file or directory")
            case .directory:
                let root = FileSystem.realPath(path) ?? path
                var visited: Set<[UInt64]> = []
                walk(path, root: root, visited: &visited, into: &result, seen: &seen)
            case .other:
                throw .unreadablePath("\(path): not a regular file")
            case .regular:
                guard FileSystem.isReadable(path) else { throw .unreadablePath("\(path): cannot be read") }
                if var input = classify(Path.clean(path), named: true), seen.insert(input.path).inserted {
                    input.isNamed = true
                    result.append(input)
                }
            }
        }
        return result
    }

    /// The input a file is, or `nil` to skip it.
    private func classify(_ path: String, named: Bool) -> InputFile? {
        let guessed = InputKind.guess(fromName: path)
        if let forced = InputKind(format) {
            if named { return InputFile(path: path, kind: forced, isForced: true) }
            let kind = guessed ?? (isShellScript(path) ? .shell : nil)
            let matches = kind == forced || (forced == .yaml && (kind == .workflow || kind == .gitlabCI))
            return matches ? InputFile(path: path, kind: forced, isForced: true) : nil
        }
        if let guessed {
            let forced = named && forcesNamedDocuments && (guessed == .json || guessed == .yaml)
            return InputFile(path: path, kind: guessed, isForced: forced)
        }
        let name = Path.basename(path)
        if (named || !name.contains(".")) && isShellScript(path) {
            return InputFile(path: path, kind: .shell, isForced: false)
        }
        return nil
    }

    private func isShellScript(_ path: String) -> Bool {
        guard FileSystem.kind(of: path) == .regular, let prefix = FileSystem.readPrefix(path, limit: 256) else {
            return false
        }
        return InputKind.hasShellShebang(prefix)
    }

    private func walk(
        _ directory: String, root: String, visited: inout Set<[UInt64]>, into result: inout [InputFile],
        seen: inout Seen
    ) {
        guard let identity = FileSystem.identity(of: directory), visited.insert(identity).inserted,
            let names = FileSystem.typedEntries(of: directory)
        else { return }
        for (name, type) in names {
            let path = Path.clean(Path.join(directory, name))
            // The directory entry's type spares an `lstat` and a `stat` per file when the file system gives it.
            let kind: FileSystem.Kind?
            switch type {
            case .regular: kind = .regular
            case .directory: kind = .directory
            case .unknown:
                if FileSystem.isSymlink(path) {
                    guard let target = FileSystem.realPath(path), Path.isInside(target, root: root) else { continue }
                }
                kind = FileSystem.kind(of: path)
            }
            switch kind {
            case .directory:
                if name == ".build" || name == "node_modules" { continue }
                if name.hasPrefix(".") {
                    guard name == ".github" else { continue }
                    let workflows = Path.join(path, "workflows")
                    if FileSystem.kind(of: workflows) == .directory {
                        walk(workflows, root: root, visited: &visited, into: &result, seen: &seen)
                    }
                    continue
                }
                walk(path, root: root, visited: &visited, into: &result, seen: &seen)
            case .regular:
                if let input = classify(path, named: false), seen.insert(input.path).inserted {
                    result.append(input)
                }
            default:
                continue
            }
        }
    }
}

/// The input paths found so far, when more than one command-line path may find a file twice.
private struct Seen {
    let isNeeded: Bool
    private var paths: Set<String> = []

    init(isNeeded: Bool) { self.isNeeded = isNeeded }

    /// Whether `path` is new; records it.
    mutating func insert(_ path: String) -> (inserted: Bool, memberAfterInsert: String) {
        guard isNeeded else { return (true, path) }
        return paths.insert(path)
    }
}

/// Decides whether a JSON or YAML file is an input of the operation.
enum Sniffer {
    /// Bytes read to decide, at most.
    static let prefixLimit = 64 * 1024

    /// Whether `text` (a file's first bytes, or all of it) mentions a parameter name, compared case-insensitively.
    static func mentionsParameter(_ text: [UInt8]) -> Bool {
        // One pass, folding ASCII letters as it compares: no lower-cased copy of the text.
        let names = parameterNames
        let firstBytes = parameterFirstBytes
        return text.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let first = lowered(buffer[index])
                if firstBytes[Int(first)] {
                    for name in names where name[0] == first && index + name.count <= count {
                        var offset = 1
                        while offset < name.count && lowered(buffer[index + offset]) == name[offset] { offset += 1 }
                        if offset == name.count { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// The request's member names, lower-cased, as UTF-8 (none is empty).
    private static let parameterNames: [[UInt8]] = OperationModel.requestShape.memberNames
        .map { Array($0.lowercased().utf8) }
        .filter { !$0.isEmpty }

    /// For each byte value, whether a lower-cased member name starts with it.
    private static let parameterFirstBytes: [Bool] = (0..<256).map { byte in
        parameterNames.contains { $0[0] == UInt8(byte) }
    }

    /// `byte` with ASCII upper-case letters made lower-case.
    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether a parsed document's top level is a mapping with a parameter name among its keys, compared
    /// case-insensitively. An ASCII key is compared by folding its bytes, with no lower-cased copy; another key
    /// is lower-cased by Unicode rules (some non-ASCII characters lower-case to ASCII ones).
    static func hasParameterKey(_ keys: [String]) -> Bool {
        keys.contains { key in
            var key = key
            let asciiMatch = key.withUTF8 { bytes -> Bool? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return parameterNames.contains { name in
                    name.count == bytes.count && zip(name, bytes).allSatisfy { $0 == lowered($1) }
                }
            }
            return asciiMatch ?? parameterNameSet.contains(key.lowercased())
        }
    }

    /// The request's member names, lower-cased.
    private static let parameterNameSet = Set(OperationModel.requestShape.memberNames.map { $0.lowercased() })
}
