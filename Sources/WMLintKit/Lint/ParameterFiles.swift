import WMLintSource
import WMLintSyntax

/// Reads `file://` parameter files as the AWS CLI does, inside the project root only.
struct ParameterFiles {
    let settings: RunSettings
    /// The file that names the targets, as shown in diagnostics.
    let namingPath: String

    /// The result of loading an option value.
    enum Loaded {
        /// The value's text, mapped to the file it lives in; `file` is set when it came from a `file://` target.
        case text(SourceText, file: SourceFile?)
        /// Only known at run time (`file://~/x`, `file://$DIR/x`).
        case unresolved
        /// Could not be read; the reason is in the diagnostics.
        case failed
    }

    /// The text of an option's value word: the word itself, or the file it names.
    ///
    /// `readsBytes`: the option reads `fileb://` too (`--cli-input-json`, whose parser takes bytes); it is still
    /// reported, as the document is text.
    func load(_ word: ShellWord, option: String, readsBytes: Bool = false, into outcome: inout FileOutcome) -> Loaded {
        guard word.text.hasPrefix("file://") || word.text.hasPrefix("fileb://") else {
            return .text(word.sourceText(path: namingPath), file: nil)
        }
        return loadReference(
            word.text, option: option, range: { word.fileRange($0) }, wholeRange: word.range, readsBytes: readsBytes,
            into: &outcome)
    }

    /// Reads the file `reference` (`file://…` or `fileb://…`) names; `range` maps byte ranges of `reference` to the
    /// naming file, `wholeRange` is where the reference stands.
    func loadReference(
        _ reference: String, option: String, range: (Range<Int>) -> SourceRange, wholeRange: SourceRange,
        readsBytes: Bool = false, into outcome: inout FileOutcome
    ) -> Loaded {
        let isBytes = reference.hasPrefix("fileb://")
        if isBytes {
            outcome.diagnostics.append(
                Diagnostic(
                    rule: .fileReference,
                    message: "\(option) takes text, but 'fileb://' reads the file as raw bytes; use 'file://'",
                    path: namingPath, range: range(0..<8),
                    fixes: [
                        Fix(
                            message: "use 'file://'",
                            edits: [TextEdit(path: namingPath, range: range(0..<8), replacement: "file://")])
                    ]))
            if !readsBytes { return .failed }
        }
        let prefixLength = isBytes ? 8 : 7
        let target = String(reference.dropFirst(prefixLength))
        let targetRange = range(prefixLength..<reference.utf8.count)
        if target.hasPrefix("~") || target.contains("$") {
            outcome.diagnostics.append(
                Diagnostic(
                    rule: .unresolvedValue,
                    message: "the AWS CLI expands '~' and '$' in \(quoted(target)) when it runs; wmlint cannot read it",
                    path: namingPath, range: targetRange))
            return .unresolved
        }
        switch resolve(target) {
        case .failure(let problem):
            outcome.diagnostics.append(
                Diagnostic(rule: problem.rule, message: problem.message, path: namingPath, range: targetRange))
            return .failed
        case .success(let (displayPath, bytes, canonical)):
            let file = SourceFile(path: displayPath, bytes: bytes)
            outcome.sources.append(file)
            outcome.referencedDocuments.append(canonical)
            let encoding = EncodingCheck.check(bytes, path: displayPath, form: .document)
            outcome.diagnostics += encoding.diagnostics.map {
                var diagnostic = $0
                diagnostic.related.append(
                    RelatedLocation(message: "read by \(option) here", path: namingPath, range: wholeRange))
                return diagnostic
            }
            if encoding.isUnreadable { return .failed }
            return .text(isBytes ? SourceText(file: file) : Self.universalNewlines(file), file: file)
        }
    }

    /// The file's text as Python's text mode reads it (`open(path)`, as the AWS CLI does): `\r\n` and a lone `\r`
    /// become `\n`, every byte still mapped to the file.
    static func universalNewlines(_ file: SourceFile) -> SourceText {
        let bytes = file.bytes
        guard bytes.contains(UInt8(ascii: "\r")) else { return SourceText(file: file) }
        var text: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                let length = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                text.append(UInt8(ascii: "\n"))
                starts.append(index)
                ends.append(index + length)
                index += length
            } else {
                text.append(byte)
                starts.append(index)
                ends.append(index + 1)
                index += 1
            }
        }
        starts.append(bytes.count)
        return SourceText(bytes: text, path: file.path, map: OffsetMap(starts: starts, ends: ends))
    }

    private struct Problem: Error {
        var rule: RuleID
        var message: String
    }

    /// Finds the target. A relative name is looked for in the current directory, then in the naming file's
    /// directory, then in the project root (each directory once), so that a script's targets resolve the same
    /// wherever wmlint is started; an absolute name is itself.
    private func resolve(_ target: String) -> Result<(String, [UInt8], String), Problem> {
        guard !target.isEmpty else {
            return .failure(Problem(rule: .fileReference, message: "'file://' names no file"))
        }
        let root = projectRoot()
        var directories: [String] = []
        if !target.hasPrefix("/") {
            let namingDirectory = Path.lexicalAbsolute(Path.directory(of: namingPath), base: settings.currentDirectory)
            for directory in [settings.currentDirectory, namingDirectory, root] where !directories.contains(directory) {
                directories.append(directory)
            }
        }
        let candidates = directories.isEmpty ? [target] : directories.map { Path.join($0, target) }
        let outside = Problem(
            rule: .fileReference,
            message: "\(quoted(target)) is outside the project root; wmlint reads only files inside it")
        // Names are judged before anything is looked up, so the message for a name outside the root (or inside a
        // version-control directory) is the same whether or not such a file exists.
        for candidate in candidates {
            let absolute = Path.lexicalAbsolute(candidate, base: settings.currentDirectory)
            if let directory = Path.versionControlDirectory(in: absolute) {
                return .failure(versionControl(target, directory))
            }
        }
        let inside = candidates.indices.filter {
            Path.isInside(Path.lexicalAbsolute(candidates[$0], base: settings.currentDirectory), root: root)
        }
        guard
            let found = inside.lazy.map({ candidates[$0] }).first(where: {
                FileSystem.kind(of: $0) != nil || FileSystem.isSymlink($0)
            })
        else {
            // A name through a directory link that leads out is outside too, whether or not the file exists.
            if inside.isEmpty || inside.contains(where: { !existingPartIsInside(candidates[$0], root: root) }) {
                return .failure(outside)
            }
            guard !directories.isEmpty else {
                return .failure(Problem(rule: .fileReference, message: "file \(quoted(target)) does not exist"))
            }
            let places = inside.map { Self.describe(directory: directories[$0], root: root) }
            return .failure(
                Problem(
                    rule: .fileReference,
                    message: "file \(quoted(target)) does not exist (looked in \(Self.list(places)))"))
        }
        guard let canonical = FileSystem.realPath(found), Path.isInside(canonical, root: root) else {
            return .failure(outside)
        }
        if let directory = Path.versionControlDirectory(in: canonical) {
            return .failure(versionControl(target, directory))
        }
        let display =
            Path.isInside(canonical, root: settings.currentDirectory)
            ? Path.relative(canonical, to: settings.currentDirectory) : canonical
        if let replaced = settings.contents[display] {
            return .success((display, replaced, canonical))
        }
        switch FileSystem.read(canonical, maxSize: settings.maxFileSize, noFollow: true) {
        case .success(let bytes):
            return .success((display, bytes, canonical))
        case .failure(.tooLarge(let size)):
            return .failure(
                Problem(
                    rule: .inputLimit,
                    message:
                        "\(quoted(target)) is \(size) bytes, over the limit of \(settings.maxFileSize) (--max-file-size)"
                ))
        case .failure(.notRegular):
            return .failure(Problem(rule: .fileReference, message: "\(quoted(target)) is not a regular file"))
        case .failure(.missing):
            return .failure(Problem(rule: .fileReference, message: "file \(quoted(target)) does not exist"))
        case .failure(.unreadable(let reason)):
            return .failure(Problem(rule: .fileReference, message: "cannot read \(quoted(target)): \(reason)"))
        }
    }

    /// A directory tried, as a message names it: relative to the project root, or the root itself.
    private static func describe(directory: String, root: String) -> String {
        directory == root ? "the project root" : quoted(Path.relative(directory, to: root))
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Whether the nearest existing directory on the way to `path`, links resolved, is inside `root`.
    private func existingPartIsInside(_ path: String, root: String) -> Bool {
        var directory = Path.directory(of: Path.lexicalAbsolute(path, base: settings.currentDirectory))
        while true {
            if let canonical = FileSystem.realPath(directory) { return Path.isInside(canonical, root: root) }
            let parent = Path.directory(of: directory)
            if parent == directory { return false }
            directory = parent
        }
    }

    private func versionControl(_ target: String, _ directory: Substring) -> Problem {
        Problem(
            rule: .fileReference,
            message: "\(quoted(target)) is inside a version-control directory (\(directory)); wmlint never reads there")
    }

    /// The nearest ancestor of the naming file that holds `.git`, else the current directory.
    private func projectRoot() -> String {
        var directory = FileSystem.realPath(Path.directory(of: namingPath)) ?? settings.currentDirectory
        while true {
            if FileSystem.kind(of: Path.join(directory, ".git")) != nil { return directory }
            let parent = Path.directory(of: directory)
            if parent == directory || directory == "/" { break }
            directory = parent
        }
        return settings.currentDirectory
    }
}
