import Foundation
import Testing
import WMLintSource

@testable import WMLintKit

/// Globs with gitignore semantics, `include`/`exclude`, `ignore` entries and command-line merging.
@Suite struct ConfigGlobTests {
    /// pattern, path relative to the configuration directory, expected match (gitignore behaviour).
    static let table: [(String, String, Bool)] = [
        // `*` stays within one segment and matches dotfiles.
        ("*.json", "a.json", true),
        ("*.json", "deep/down/a.json", true),
        ("*.json", "a.yaml", false),
        ("*.json", ".hidden.json", true),
        ("a*.json", "a/b.json", false),
        ("infra/*.json", "infra/a.json", true),
        ("infra/*.json", "infra/sub/a.json", false),
        ("infra/*.json", "x/infra/a.json", false),
        // `**`
        ("infra/**/*.json", "infra/a.json", true),
        ("infra/**/*.json", "infra/x/y/a.json", true),
        ("infra/**/*.json", "other/infra/a.json", false),
        ("**/setup.sh", "setup.sh", true),
        ("**/setup.sh", "a/b/setup.sh", true),
        ("vendor/**", "vendor/a.json", true),
        ("vendor/**", "vendor/x/y/z.json", true),
        ("vendor/**", "vendor", false),
        ("vendor/**", "src/vendor/a.json", false),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**/b", "a/x/y/c", false),
        ("**", "anything/at/all.json", true),
        ("a**b.json", "axxb.json", true),
        ("a**b.json", "a/b.json", false),
        // `?` and sets.
        ("?.json", "a.json", true),
        ("?.json", "ab.json", false),
        ("a?b", "a/b", false),
        ("file[0-9].json", "file7.json", true),
        ("file[0-9].json", "filex.json", false),
        ("file[!0-9].json", "filex.json", true),
        ("file[^0-9].json", "file7.json", false),
        ("[abc].sh", "b.sh", true),
        ("[]].sh", "].sh", true),
        ("[a-].sh", "-.sh", true),
        // Escapes.
        ("\\*.json", "*.json", true),
        ("\\*.json", "a.json", false),
        ("\\!x", "!x", true),
        // Anchoring: a leading or middle `/` anchors to the configuration directory.
        ("/setup.sh", "setup.sh", true),
        ("/setup.sh", "scripts/setup.sh", false),
        ("scripts/setup.sh", "scripts/setup.sh", true),
        ("scripts/setup.sh", "x/scripts/setup.sh", false),
        ("setup.sh", "x/y/setup.sh", true),
        // A name matches a directory at any depth, and everything under it.
        ("vendor", "vendor/a.json", true),
        ("vendor", "src/vendor/deep/a.json", true),
        ("vendor", "vendors/a.json", false),
        ("/vendor", "src/vendor/a.json", false),
        ("src/vendor", "src/vendor/a/b.json", true),
        // A trailing `/` matches only directories (and what is under them).
        ("legacy/", "legacy/a.json", true),
        ("legacy/", "x/legacy/a.json", true),
        ("legacy/", "legacy", false),
        ("/legacy/", "x/legacy/a.json", false),
        // Non-ASCII names: `?` is one character, not one byte.
        ("日本?.json", "日本語.json", true),
        ("*.json", "データ/🙂.json", true),
        ("?.json", "🙂.json", true),
        // Case-sensitive, as git on Linux.
        ("*.JSON", "a.json", false),
    ]

    @Test(arguments: table)
    func matchesLikeGitignore(pattern: String, path: String, expected: Bool) throws {
        let glob = try GlobPattern(pattern)
        #expect(glob.matches(path) == expected, "\(pattern) on \(path)")
    }

    @Test func aTrailingSlashPatternMatchesANamedDirectory() throws {
        let glob = try GlobPattern("legacy/")
        #expect(glob.matches("legacy", isDirectory: true))
        #expect(!glob.matches("legacy", isDirectory: false))
    }

    @Test(arguments: [
        ("", "an empty pattern matches nothing"),
        ("/", "'/' alone matches nothing; name a file or directory"),
        ("a\\", "a trailing '\\' escapes nothing"),
        ("../x", "'..' cannot leave the configuration file's directory"),
        ("[z-a]", "the range 'z-a' in '[…]' is reversed; write 'a-z'"),
        ("a[b", "'[' opens a character set that is never closed; expected ']' (write '\\[' for a literal '[')"),
    ])
    func rejectsMalformedPatterns(pattern: String, message: String) {
        #expect(throws: GlobPattern.SyntaxError(message: message)) { try GlobPattern(pattern) }
    }

    @Test func matchingIsLinearOnPathologicalPatterns() throws {
        let glob = try GlobPattern("**/" + String(repeating: "*a", count: 30) + "b")
        let name = String(repeating: "a", count: 2000)
        #expect(!glob.matches(String(repeating: "x/", count: 50) + name))
    }

    // MARK: - Configurations over real paths

    func configuration(_ text: String, in tree: TemporaryTree, at relative: String = ".wmlint.yaml") throws
        -> Configuration
    {
        var configuration = try ConfigurationLoader.load(path: try tree.write(relative, text))
        // Displayed relative paths are read against this directory.
        configuration.currentDirectory = tree.root
        return configuration
    }

    @Test func excludeBeatsIncludeAndReadsDisplayedPaths() throws {
        let tree = try TemporaryTree()
        let configuration = try configuration(
            "include: [\"infra/**/*.json\", \"*.data\"]\nexclude: [\"vendor/**\", \"infra/skip/\"]\n", in: tree,
            at: "project/.wmlint.yaml")
        let base = tree.root + "/project"
        #expect(configuration.isIncluded(path: base + "/infra/a/b.json"))
        #expect(configuration.isIncluded(path: "project/infra/b.json"))
        #expect(configuration.isIncluded(path: "./project/./infra/../infra/b.json"))
        #expect(!configuration.isIncluded(path: "project/infra/skip/b.json"))
        #expect(configuration.isExcluded(path: "project/infra/skip/b.json"))
        #expect(configuration.isExcluded(path: "project/vendor/x.json"))
        #expect(configuration.isExcluded(path: base + "/vendor/x/y.sh"))
        #expect(!configuration.isExcluded(path: "project/src/vendor/x.json"))
        #expect(configuration.isIncluded(path: "project/deep/x.data"))
        // Outside the configuration's directory nothing matches.
        #expect(!configuration.isIncluded(path: "infra/b.json"))
        #expect(!configuration.isExcluded(path: "vendor/x.json"))
        #expect(!configuration.isExcluded(path: tree.root + "/elsewhere/vendor/x.json"))
    }

    @Test func excludedDirectoriesCanBePrunedWhileWalking() throws {
        let tree = try TemporaryTree()
        let configuration = try configuration("exclude: [\"build/\", \"/tmp\"]\n", in: tree)
        #expect(configuration.isExcluded(path: "build", isDirectory: true))
        #expect(configuration.isExcluded(path: "a/build", isDirectory: true))
        #expect(!configuration.isExcluded(path: "build", isDirectory: false))
        #expect(configuration.isExcluded(path: "tmp", isDirectory: true))
        #expect(!configuration.isExcluded(path: "a/tmp", isDirectory: true))
        // The configuration's own directory is never excluded as a whole.
        #expect(!configuration.isExcluded(path: ".", isDirectory: true))
    }

    @Test(arguments: [
        ("/a/./b/../c", "/a/c"), ("/../x", "/x"), ("a/../../b", "../b"), ("./", "."), ("a//b/", "a/b"), ("/", "/"),
        ("/a/b/..", "/a"),
    ])
    func normalisesPathsLexically(path: String, expected: String) {
        #expect(Path.normalized(path) == expected)
    }

    @Test func readsPathsThroughASymlinkedDirectory() throws {
        let tree = try TemporaryTree()
        let configuration = try configuration("exclude: [\"vendor/\"]\n", in: tree, at: "real/.wmlint.yaml")
        try tree.write("real/vendor/a.json", "{}")
        try FileManager.default.createSymbolicLink(
            atPath: tree.root + "/link", withDestinationPath: tree.root + "/real")
        #expect(configuration.isExcluded(path: "link/vendor/a.json"))
        #expect(configuration.relativePath(of: "link/vendor/a.json") == "vendor/a.json")
    }

    // MARK: - ignore

    func diagnostic(_ rule: RuleID, path: String, pointer: String?) -> Diagnostic {
        Diagnostic(rule: rule, message: "m", path: path, range: .bytes(0, 1), pointer: pointer)
    }

    @Test func ignoreMatchesPointerPrefixesOnWholeSegments() throws {
        let entry = "/PersonalAccessTokenConfiguration"
        #expect(IgnoreEntry.pointer("/PersonalAccessTokenConfiguration", hasPrefix: entry))
        #expect(IgnoreEntry.pointer("/PersonalAccessTokenConfiguration/Status", hasPrefix: entry))
        #expect(!IgnoreEntry.pointer("/PersonalAccessTokenConfigurationX", hasPrefix: entry))
        #expect(!IgnoreEntry.pointer("/Personal", hasPrefix: entry))
        #expect(IgnoreEntry.pointer("/A/B", hasPrefix: "/A"))
        #expect(!IgnoreEntry.pointer("/AB", hasPrefix: "/A"))
        #expect(IgnoreEntry.pointer("/a~1b/c", hasPrefix: "/a~1b"))
        #expect(!IgnoreEntry.pointer("/a~1bc", hasPrefix: "/a~1b"))
    }

    @Test func ignoreNeedsEveryGivenPartToMatch() throws {
        let tree = try TemporaryTree()
        let configuration = try configuration(ConfigLoaderTests.specExample, in: tree)
        let pointer = "/PersonalAccessTokenConfiguration/LifetimeInDays"
        #expect(configuration.isIgnored(diagnostic(.patLifetimeIgnored, path: "legacy/old.json", pointer: pointer)))
        #expect(
            configuration.isIgnored(
                diagnostic(.patLifetimeIgnored, path: tree.root + "/legacy/old.json", pointer: pointer)))
        #expect(!configuration.isIgnored(diagnostic(.patLifetimeIgnored, path: "legacy/x/old.json", pointer: pointer)))
        #expect(!configuration.isIgnored(diagnostic(.patLifetimeRange, path: "legacy/old.json", pointer: pointer)))
        #expect(
            !configuration.isIgnored(
                diagnostic(.patLifetimeIgnored, path: "legacy/old.json", pointer: "/PersonalAccessTokenConfigurationX"))
        )
        #expect(!configuration.isIgnored(diagnostic(.patLifetimeIgnored, path: "legacy/old.json", pointer: nil)))
        #expect(!configuration.isIgnored(diagnostic(.patLifetimeIgnored, path: "legacy/old.yaml", pointer: pointer)))
    }

    @Test func ignoreWithoutRulesOrFilesCoversThemAll() throws {
        let tree = try TemporaryTree()
        let configuration = try configuration(
            "ignore:\n  - pointer: /IdentityCenterConfiguration\n  - files: [\"scripts/\"]\n    rules: [unresolved-value]\n",
            in: tree)
        #expect(
            configuration.isIgnored(diagnostic(.enumValue, path: "x.json", pointer: "/IdentityCenterConfiguration")))
        #expect(
            configuration.isIgnored(
                diagnostic(.instanceArnFormat, path: "a/b.sh", pointer: "/IdentityCenterConfiguration/InstanceArn")))
        #expect(!configuration.isIgnored(diagnostic(.enumValue, path: "x.json", pointer: "/AuthenticationMode")))
        #expect(configuration.isIgnored(diagnostic(.unresolvedValue, path: "scripts/deploy/run.sh", pointer: nil)))
        #expect(!configuration.isIgnored(diagnostic(.unresolvedValue, path: "run.sh", pointer: nil)))
        #expect(!configuration.isIgnored(diagnostic(.shellSyntax, path: "scripts/run.sh", pointer: nil)))
    }

    // MARK: - Merging

    @Test func commandLineSettingsWinOverTheFile() throws {
        let tree = try TemporaryTree()
        let file = try configuration(ConfigLoaderTests.specExample, in: tree)
        let merged = file.merging(
            ConfigurationOverrides(
                region: "eu-west-1", accountID: "000000000000",
                rules: [
                    RuleOverride(rule: .clientsLockedOut, setting: .enabled),
                    RuleOverride(rule: .patLifetimeIgnored, setting: .severity(.info)),
                    RuleOverride(rule: .unresolvedValue, setting: .disabled),
                    RuleOverride(rule: .skeletonOnly, setting: .disabled),
                    RuleOverride(rule: .skeletonOnly, setting: .severity(.warning)),
                ]))
        #expect(merged.region == "eu-west-1")
        #expect(merged.accountID == "000000000000")
        #expect(merged.severity(for: .clientsLockedOut) == .warning)
        #expect(merged.severity(for: .patLifetimeIgnored) == .info)
        #expect(merged.severity(for: .unresolvedValue) == nil)
        #expect(merged.severity(for: .skeletonOnly) == .warning)
        // What the command line does not give stays as the file says.
        #expect(merged.patLifetimeDays == file.patLifetimeDays)
        #expect(merged.authenticationModes == file.authenticationModes)
        #expect(merged.ignore == file.ignore)
        #expect(merged.directory == file.directory)
    }

    @Test func emptyOverridesChangeNothing() throws {
        let tree = try TemporaryTree()
        let file = try configuration(ConfigLoaderTests.specExample, in: tree)
        #expect(file.merging(ConfigurationOverrides()) == file)
    }

    @Test func enablingKeepsAChosenSeverity() throws {
        let tree = try TemporaryTree()
        let file = try configuration("rules: {pat-lifetime-ignored: error}\n", in: tree)
        let merged = file.merging(
            ConfigurationOverrides(rules: [RuleOverride(rule: .patLifetimeIgnored, setting: .enabled)]))
        #expect(merged.severity(for: .patLifetimeIgnored) == .error)
    }

    @Test func overridesApplyWithoutAFile() {
        let merged = Configuration(directory: "/").merging(ConfigurationOverrides(region: "us-west-2"))
        #expect(merged.region == "us-west-2")
        #expect(merged.path == nil)
        #expect(merged.directory == "/")
    }
}
