import Synchronization

extension ConfigurationLoader {
    /// The nearest `.wmlint.yaml` (or `.wmlint.yml`) for an input, or `nil`.
    ///
    /// Walks up from the input's directory and stops at the repository root (the first directory holding
    /// `.git`, itself searched) or else at the filesystem root. Within one directory `.wmlint.yaml` wins over
    /// `.wmlint.yml`. The path returned is relative to the current directory when inside it, else absolute.
    /// Uncached: a run over many files should use a ``ConfigurationCache``.
    ///
    /// - Parameter path: the input as displayed (relative to the current directory, or absolute); for standard
    ///   input, the `--stdin-filename` name. The file itself need not exist.
    public static func discover(forInput path: String) -> String? {
        let current = FileSystem.currentDirectory()
        let start = ConfigurationSearch.startDirectory(forInput: path, currentDirectory: current)
        let found = ConfigurationSearch.walk(from: start) { _ in nil }.found
        return found.map { ConfigurationSearch.displayed($0, currentDirectory: current) }
    }
}

/// The walk up the directory tree behind discovery.
enum ConfigurationSearch {
    /// The canonical absolute directory an input's search starts from.
    static func startDirectory(forInput path: String, currentDirectory: String) -> String {
        let absolute = Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path))
        let directory = Path.directory(of: absolute)
        return FileSystem.realPath(directory) ?? directory
    }

    /// Walks up from `start` (absolute), asking `known` first for directories already searched.
    ///
    /// Returns the configuration found (canonical absolute path) and the directories searched on the way that
    /// `known` did not answer, all of which share that result.
    static func walk(from start: String, known: (String) -> String??) -> (found: String?, searched: [String]) {
        var directory = start
        var searched: [String] = []
        while true {
            if let answer = known(directory) { return (answer, searched) }
            searched.append(directory)
            for name in ConfigurationLoader.fileNames {
                let candidate = Path.join(directory, name)
                if FileSystem.kind(of: candidate) == .regular { return (candidate, searched) }
            }
            if FileSystem.kind(of: Path.join(directory, ".git")) != nil { return (nil, searched) }
            let parent = Path.directory(of: directory)
            if parent == directory || directory == "/" || !directory.hasPrefix("/") { return (nil, searched) }
            directory = parent
        }
    }

    /// `path` (canonical absolute) as shown: relative to the current directory when inside it.
    static func displayed(_ path: String, currentDirectory: String) -> String {
        Path.relative(path, to: currentDirectory)
    }
}

/// Discovery and loading of configurations for one run, safe to share between threads.
///
/// Each directory is searched at most once per cache (two or three `stat` calls: `.wmlint.yaml`, `.wmlint.yml`,
/// `.git`), and each configuration file is read and validated at most once.
public final class ConfigurationCache: Sendable {
    private struct State {
        /// Canonical directory → the configuration that governs it (canonical absolute path), or `nil`.
        var nearest: [String: String?] = [:]
        /// An input's directory as written (made absolute) → its canonical form, to skip `realpath`.
        var startDirectories: [String: String] = [:]
        /// An input's directory exactly as written in its path → the canonical start (inputs named by a plain
        /// file name only).
        var startByInputDirectory: [String: String] = [:]
        /// Canonical configuration path → what loading it gave.
        var loaded: [String: Result<Configuration, WMLintError>] = [:]
    }

    /// Where a run's configuration comes from.
    public enum Mode: Hashable, Sendable {
        /// The nearest `.wmlint.yaml` of each input (the default).
        case discover
        /// `--config FILE`: one file for every input.
        case file(String)
        /// `--no-config`: no file; only the command line's settings.
        case none
    }

    private let state = Mutex(State())
    private let currentDirectory: String
    private let mode: Mode
    private let overrides: ConfigurationOverrides
    /// The configuration of an input no file governs: the command line's settings, globs rooted at the current
    /// directory.
    private let fallback: Configuration

    /// A cache for one run.
    ///
    /// - Parameters:
    ///   - mode: discovery, one named file, or none.
    ///   - overrides: the command line's settings, merged over every file's by ``configuration(for:)``.
    public init(mode: Mode = .discover, overrides: ConfigurationOverrides = ConfigurationOverrides()) {
        currentDirectory = FileSystem.currentDirectory()
        self.mode = mode
        self.overrides = overrides
        fallback = Configuration(directory: currentDirectory).merging(overrides)
    }

    /// The settings that apply to an input: its configuration file's (per ``Mode``) with the command line's merged
    /// over them, or the command line's alone when no file applies.
    ///
    /// - Throws: `WMLintError.config` when the file that applies is invalid or, with ``Mode/file(_:)``, missing.
    public func configuration(for input: String) throws(WMLintError) -> Configuration {
        let file: Configuration?
        switch mode {
        case .none: return fallback
        case .file(let path): file = try load(path: path)
        case .discover: file = try configuration(forInput: input)
        }
        guard let file else { return fallback }
        return overrides == ConfigurationOverrides() ? file : file.merging(overrides)
    }

    /// ``ConfigurationLoader/discover(forInput:)``, remembering every directory searched.
    public func discover(forInput path: String) -> String? {
        canonicalConfiguration(forInput: path).map {
            ConfigurationSearch.displayed($0, currentDirectory: currentDirectory)
        }
    }

    /// The configuration that governs an input (discovered, loaded once), or `nil` when there is none.
    public func configuration(forInput path: String) throws(WMLintError) -> Configuration? {
        guard let found = canonicalConfiguration(forInput: path) else { return nil }
        return try load(canonicalPath: found)
    }

    /// The configuration at `path` (as named by `--config`), loaded once.
    public func load(path: String) throws(WMLintError) -> Configuration {
        let absolute = Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path))
        return try load(canonicalPath: FileSystem.realPath(absolute) ?? absolute, named: path)
    }

    private func load(canonicalPath: String, named: String? = nil) throws(WMLintError) -> Configuration {
        if let cached = state.withLock({ $0.loaded[canonicalPath] }) { return try cached.get() }
        let shown = named ?? ConfigurationSearch.displayed(canonicalPath, currentDirectory: currentDirectory)
        let result: Result<Configuration, WMLintError>
        do {
            result = .success(try ConfigurationLoader.load(path: shown))
        } catch {
            result = .failure(error)
        }
        // Another thread may have loaded it meanwhile: keep the first result so every caller sees the same one.
        let kept = state.withLock { state in
            if let earlier = state.loaded[canonicalPath] { return earlier }
            state.loaded[canonicalPath] = result
            return result
        }
        return try kept.get()
    }

    private func canonicalConfiguration(forInput path: String) -> String? {
        // Inputs of one directory share its start: look it up by the directory as written before normalising (a
        // last component that is a plain name leaves the directory's normal form unchanged).
        let asWritten = Path.directory(of: path)
        let name = Path.basename(path)
        let isPlainName = !name.isEmpty && name != "." && name != ".."
        let start: String
        if isPlainName, let cached = state.withLock({ $0.startByInputDirectory[asWritten] }) {
            start = cached
        } else {
            let absolute = Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path))
            let written = Path.directory(of: absolute)
            if let cached = state.withLock({ $0.startDirectories[written] }) {
                start = cached
            } else {
                start = FileSystem.realPath(written) ?? written
                state.withLock { $0.startDirectories[written] = start }
            }
            if isPlainName { state.withLock { $0.startByInputDirectory[asWritten] = start } }
        }
        // The file-system calls happen outside the lock; two threads may search one directory at once, which
        // costs a few calls and gives the same answer.
        let (found, searched) = ConfigurationSearch.walk(from: start) { directory in
            state.withLock { $0.nearest[directory] }
        }
        if !searched.isEmpty {
            state.withLock { state in
                for directory in searched { state.nearest[directory] = .some(found) }
            }
        }
        return found
    }
}
