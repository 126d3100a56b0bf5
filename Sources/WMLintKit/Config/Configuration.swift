public import WMLintSource

/// The settings of one `.wmlint.yaml`, possibly with command-line settings merged over them.
///
/// Built by ``ConfigurationLoader/load(path:)``; `Configuration(directory:)` is the empty configuration used with
/// `--no-config` or when no file is found.
public struct Configuration: Sendable, Hashable {
    /// `region`: the AWS region of the context, used when the input names none.
    public var region: String?
    /// `account-id`: the expected AWS account, exactly 12 ASCII digits.
    public var accountID: String?
    /// `pat-lifetime-days`: the policy bounds of `pat-lifetime-policy`.
    public var patLifetimeDays: LifetimeBounds
    /// `authentication-modes`: the modes `authentication-mode-policy` allows; `nil` allows every mode.
    public var authenticationModes: [String]?
    /// `rules`: a severity per rule; a `nil` value is `off`. Rules absent here keep their default severity.
    public var ruleSeverities: [RuleID: Severity?]
    /// `include`: files linted whatever they hold (a JSON/YAML file is forced in without sniffing).
    public var include: [GlobPattern]
    /// `exclude`: files never linted, even when named on the command line; beats `include`.
    public var exclude: [GlobPattern]
    /// `ignore`: diagnostics dropped by file, rule and pointer.
    public var ignore: [IgnoreEntry]
    /// The configuration file's directory, a canonical absolute path; globs are relative to it.
    public var directory: String
    /// The configuration file as it was named (for messages); `nil` when there is no file.
    public var path: String?
    /// The canonical current directory when the configuration was made, for reading displayed relative paths.
    var currentDirectory: String

    /// An empty configuration rooted at `directory` (canonicalised when it exists).
    public init(directory: String, path: String? = nil) {
        let current = FileSystem.currentDirectory()
        let absolute = directory.hasPrefix("/") ? directory : Path.join(current, directory)
        self.directory = FileSystem.realPath(absolute) ?? Path.normalized(absolute)
        self.path = path
        currentDirectory = current
        region = nil
        accountID = nil
        patLifetimeDays = LifetimeBounds()
        authenticationModes = nil
        ruleSeverities = [:]
        include = []
        exclude = []
        ignore = []
    }

    /// The severity `rule` has under this configuration: the configured one, else its default; `nil` when off.
    public func severity(for rule: RuleID) -> Severity? {
        if let configured = ruleSeverities[rule] { return configured }
        return rule.defaultSeverity
    }

    /// This configuration with `overrides` (the command line) merged over it: every setting the command line
    /// gives wins; rule settings apply in command-line order.
    public func merging(_ overrides: ConfigurationOverrides) -> Configuration {
        var merged = self
        if let region = overrides.region { merged.region = region }
        if let accountID = overrides.accountID { merged.accountID = accountID }
        for override in overrides.rules {
            switch override.setting {
            case .disabled:
                merged.ruleSeverities[override.rule] = .some(nil)
            case .enabled:
                // Enabling keeps a severity the file chose, and turns an `off` rule back to its default.
                if case .some(.none) = merged.ruleSeverities[override.rule] {
                    merged.ruleSeverities[override.rule] = nil
                }
            case .severity(let severity):
                merged.ruleSeverities[override.rule] = .some(severity)
            }
        }
        return merged
    }

    // MARK: - Files

    /// Whether `path` (as displayed: relative to the current directory, or absolute) is excluded.
    public func isExcluded(path: String, isDirectory: Bool = false) -> Bool {
        guard !exclude.isEmpty, let components = relativeComponents(of: path) else { return false }
        return exclude.contains { $0.matches(components: components, isDirectory: isDirectory) }
    }

    /// Whether `path` (as displayed) matches an `include` glob and is not excluded: such a JSON/YAML file is
    /// linted without sniffing.
    public func isIncluded(path: String) -> Bool {
        guard !include.isEmpty, let components = relativeComponents(of: path) else { return false }
        guard include.contains(where: { $0.matches(components: components, isDirectory: false) }) else {
            return false
        }
        return !exclude.contains { $0.matches(components: components, isDirectory: false) }
    }

    /// Whether an `ignore` entry drops `diagnostic`.
    public func isIgnored(_ diagnostic: Diagnostic) -> Bool {
        guard !ignore.isEmpty else { return false }
        var components: [[Unicode.Scalar]]??
        for entry in ignore {
            if let rules = entry.rules, !rules.contains(diagnostic.rule) { continue }
            if let pointer = entry.pointer {
                guard let actual = diagnostic.pointer, IgnoreEntry.pointer(actual, hasPrefix: pointer) else { continue }
            }
            if let files = entry.files {
                if components == nil { components = .some(relativeComponents(of: diagnostic.path)) }
                guard case .some(.some(let path)) = components,
                    files.contains(where: { $0.matches(components: path, isDirectory: false) })
                else { continue }
            }
            return true
        }
        return false
    }

    /// The components of `path` relative to ``directory``, or `nil` when it is outside.
    func relativeComponents(of path: String) -> [[Unicode.Scalar]]? {
        guard let relative = relativePath(of: path) else { return nil }
        return relative.split(separator: "/").map { Array($0.unicodeScalars) }
    }

    /// `path` (as displayed) relative to ``directory``, `/`-separated, or `nil` when it is outside it.
    ///
    /// The path is first read lexically against the current directory; when that lands outside (a symlink on
    /// the way), its canonical form is tried.
    public func relativePath(of path: String) -> String? {
        let absolute = Path.normalized(path.hasPrefix("/") ? path : Path.join(currentDirectory, path))
        if absolute != directory && Path.isInside(absolute, root: directory) {
            return Path.relative(absolute, to: directory)
        }
        if let canonical = FileSystem.realPath(absolute), canonical != directory,
            Path.isInside(canonical, root: directory)
        {
            return Path.relative(canonical, to: directory)
        }
        return nil
    }
}

/// `pat-lifetime-days`: inclusive bounds in days, each optional.
public struct LifetimeBounds: Hashable, Sendable {
    /// The smallest `LifetimeInDays` allowed, in days; `nil` for no lower bound.
    public var min: Int?
    /// The largest `LifetimeInDays` allowed, in days; `nil` for no upper bound.
    public var max: Int?

    /// Whether neither bound is set (the policy rule then does not fire).
    public var isEmpty: Bool { min == nil && max == nil }

    /// Whether `days` lies within the bounds.
    public func contains(_ days: Int) -> Bool {
        (min.map { days >= $0 } ?? true) && (max.map { days <= $0 } ?? true)
    }
}

/// One `ignore` entry: a diagnostic is dropped when it matches every part the entry gives.
public struct IgnoreEntry: Hashable, Sendable {
    /// `files`: globs the diagnostic's path must match; `nil` for every file.
    public var files: [GlobPattern]?
    /// `rules`: the rules dropped; `nil` for every rule.
    public var rules: [RuleID]?
    /// `pointer`: an RFC 6901 pointer the diagnostic's pointer must equal or lie under (whole segments:
    /// `/A` covers `/A` and `/A/B`, not `/AB`); `nil` for any diagnostic, with or without a pointer.
    public var pointer: String?

    /// Whether `pointer` equals `prefix` or lies under it, comparing whole segments.
    public static func pointer(_ pointer: String, hasPrefix prefix: String) -> Bool {
        if prefix.isEmpty { return true }
        guard pointer.hasPrefix(prefix) else { return false }
        let rest = pointer.utf8.dropFirst(prefix.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }
}

/// How the command line changes one rule (`--enable`, `--disable`, `--severity RULE=…`).
public enum RuleSetting: Hashable, Sendable {
    /// `--enable`: a rule the file turned off gets its default severity back; otherwise nothing changes.
    case enabled
    /// `--disable`: the rule is off.
    case disabled
    /// `--severity RULE=S`.
    case severity(Severity)
}

/// One rule setting from the command line.
public struct RuleOverride: Hashable, Sendable {
    public var rule: RuleID
    public var setting: RuleSetting
}

/// Settings from the command line, merged over a configuration file's by ``Configuration/merging(_:)``.
public struct ConfigurationOverrides: Hashable, Sendable {
    /// `--region`.
    public var region: String?
    /// `--account-id`.
    public var accountID: String?
    /// `--enable`, `--disable` and `--severity`, in command-line order (a later one wins).
    public var rules: [RuleOverride]

    public init(region: String? = nil, accountID: String? = nil, rules: [RuleOverride] = []) {
        self.region = region
        self.accountID = accountID
        self.rules = rules
    }

    /// Checks the values as the configuration file's are checked; a bad one is a usage error naming its option.
    public func validate() throws(WMLintError) {
        if let region, let problem = ConfigurationValues.regionProblem(region) {
            throw .usage("--region: \(problem)")
        }
        if let accountID, let problem = ConfigurationValues.accountIDProblem(accountID) {
            throw .usage("--account-id: \(problem)")
        }
    }
}

extension Path {
    /// `path` with `.` and empty segments removed and `..` applied lexically (an absolute path stays absolute;
    /// `..` above the root stays at the root).
    static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
