import WMLintModel
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
        /// Could not be read; the reason is among the findings.
        case failed
    }

    /// The text of an option's value word: the word itself, or the file it names.
    ///
    /// `readsBytes`: the option reads `fileb://` too (`--cli-input-json`, whose parser takes bytes); it is still
    /// reported, as the document is text.
    func load(_ word: ShellWord, option: String, readsBytes: Bool = false, into log: inout ReadingLog) -> Loaded {
        guard word.text.hasPrefix("file://") || word.text.hasPrefix("fileb://") else {
            return .text(word.sourceText(path: namingPath), file: nil)
        }
        return loadReference(
            word.text, option: option, range: { word.fileRange($0) }, wholeRange: word.range, readsBytes: readsBytes,
            into: &log)
    }

    /// Reads the file `reference` (`file://…` or `fileb://…`) names; `range` maps byte ranges of `reference` to the
    /// naming file, `wholeRange` is where the reference stands. What the reading finds, and the file read, go to
    /// `log`.
    func loadReference(
        _ reference: String, option: String, range: (Range<Int>) -> SourceRange, wholeRange: SourceRange,
        readsBytes: Bool = false, into log: inout ReadingLog
    ) -> Loaded {
        let isBytes = reference.hasPrefix("fileb://")
        if isBytes {
            log.findings.append(.fileReference(.readsBytes(option: option), at: range(0..<8)))
            if !readsBytes { return .failed }
        }
        let prefixLength = isBytes ? 8 : 7
        let target = String(reference.dropFirst(prefixLength))
        let targetRange = range(prefixLength..<reference.utf8.count)
        if target.hasPrefix("~") || target.contains("$") {
            log.findings.append(.unresolvedFileTarget(target: target, at: targetRange))
            return .unresolved
        }
        switch resolve(target) {
        case .failure(.fileReference(let problem)):
            log.findings.append(.fileReference(problem, at: targetRange))
            return .failed
        case .failure(.tooLarge(let size)):
            log.findings.append(
                .worded(
                    Diagnostic(
                        rule: .inputLimit,
                        message: "\(quoted(target)) is \(size) bytes, over the limit of \(settings.maxFileSize) "
                            + "(--max-file-size)",
                        path: namingPath, range: targetRange)))
            return .failed
        case .success(let (displayPath, bytes, canonical)):
            let file = SourceFile(path: displayPath, bytes: bytes)
            log.files.append(file)
            log.canonicalPaths.append(canonical)
            let encoding = EncodingCheck.check(bytes, path: displayPath, form: .document)
            log.findings += encoding.diagnostics.map {
                var diagnostic = $0
                diagnostic.related.append(
                    RelatedLocation(message: "read by \(option) here", path: namingPath, range: wholeRange))
                return .worded(diagnostic)
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

    /// Why a target cannot be read.
    private enum Failure: Error {
        case fileReference(FileReferenceProblem)
        /// Larger than the run's limit: `size` bytes.
        case tooLarge(Int)
    }

    /// Finds the target. A relative name is looked for in the current directory, then in the naming file's
    /// directory, then in the project root (each directory once), so that a script's targets resolve the same
    /// wherever wmlint is started; an absolute name is itself.
    private func resolve(_ target: String) -> Result<(String, [UInt8], String), Failure> {
        guard !target.isEmpty else {
            return .failure(.fileReference(.namesNoFile))
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
        let outside = Failure.fileReference(.outsideRoot(target: target))
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
                return .failure(.fileReference(.missing(target: target, lookedIn: nil)))
            }
            let places = inside.map { Self.place(directories[$0], root: root) }
            return .failure(.fileReference(.missing(target: target, lookedIn: places)))
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
            return .failure(.tooLarge(size))
        case .failure(.notRegular):
            return .failure(.fileReference(.notRegularFile(target: target)))
        case .failure(.missing):
            return .failure(.fileReference(.missing(target: target, lookedIn: nil)))
        case .failure(.unreadable(let reason)):
            return .failure(.fileReference(.unreadable(target: target, reason: reason)))
        }
    }

    /// A directory tried: the project root itself, or a directory relative to it.
    private static func place(_ directory: String, root: String) -> FileReferenceProblem.LookupPlace {
        directory == root ? .projectRoot : .directory(Path.relative(directory, to: root))
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

    private func versionControl(_ target: String, _ directory: Substring) -> Failure {
        .fileReference(.versionControl(target: target, directory: String(directory)))
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
