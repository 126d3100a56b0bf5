import Foundation
import Testing

@testable import WMLintKit

/// Finding the nearest `.wmlint.yaml`: walking up, `.yml`, stopping at the repository root, caching.
@Suite struct ConfigDiscoveryTests {
    @Test func findsTheNearestConfigurationWalkingUp() throws {
        let tree = try TemporaryTree()
        try tree.directory("repo/.git")
        let top = try tree.write("repo/.wmlint.yaml", "region: us-east-1\n")
        let nested = try tree.write("repo/infra/.wmlint.yaml", "region: eu-west-1\n")
        try tree.directory("repo/infra/deep/er")
        let cache = ConfigurationCache()
        for discover in [ConfigurationLoader.discover(forInput:), cache.discover(forInput:)] {
            #expect(discover(tree.root + "/repo/setup.sh") == top)
            #expect(discover(tree.root + "/repo/docs/x/y.json") == top)
            #expect(discover(tree.root + "/repo/infra/a.json") == nested)
            #expect(discover(tree.root + "/repo/infra/deep/er/b.yaml") == nested)
            #expect(discover(tree.root + "/repo/infra/deep/../c.yaml") == nested)
        }
    }

    @Test func acceptsTheYmlSpellingAndPrefersYaml() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        let yml = try tree.write("a/.wmlint.yml", "")
        let yaml = try tree.write("b/.wmlint.yaml", "")
        try tree.write("b/.wmlint.yml", "")
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/a/x.json") == yml)
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/b/x.json") == yaml)
    }

    @Test func stopsAtTheRepositoryRoot() throws {
        let tree = try TemporaryTree()
        try tree.write(".wmlint.yaml", "region: us-east-1\n")
        try tree.directory("repo/.git")
        try tree.directory("repo/src")
        // A `.git` file (a worktree or submodule) marks a root too.
        try tree.write("worktree/.git", "gitdir: /elsewhere\n")
        let cache = ConfigurationCache()
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/repo/src/a.json") == nil)
        #expect(cache.discover(forInput: tree.root + "/repo/a.json") == nil)
        #expect(cache.discover(forInput: tree.root + "/worktree/a.json") == nil)
        // Outside any repository the walk goes on up to the filesystem root.
        #expect(cache.discover(forInput: tree.root + "/plain/a.json") == tree.root + "/.wmlint.yaml")
    }

    @Test func theRepositoryRootItselfIsSearched() throws {
        let tree = try TemporaryTree()
        try tree.directory("repo/.git")
        let config = try tree.write("repo/.wmlint.yml", "")
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/repo/a/b/c.sh") == config)
    }

    @Test func aNonExistentInputStillFindsItsDirectoryConfiguration() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        let config = try tree.write(".wmlint.yaml", "")
        // `--stdin-filename` may name a file that does not exist.
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/not/there/input.json") == config)
    }

    @Test func cachesResultsPerDirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.directory("a/b")
        let cache = ConfigurationCache()
        #expect(cache.discover(forInput: tree.root + "/a/b/x.json") == nil)
        // A file created after the first search is not seen again in the same run: each directory is searched once.
        try tree.write("a/.wmlint.yaml", "")
        #expect(cache.discover(forInput: tree.root + "/a/b/y.json") == nil)
        #expect(cache.discover(forInput: tree.root + "/a/z.json") == nil)
        #expect(ConfigurationLoader.discover(forInput: tree.root + "/a/b/y.json") == tree.root + "/a/.wmlint.yaml")
        #expect(ConfigurationCache().discover(forInput: tree.root + "/a/b/y.json") == tree.root + "/a/.wmlint.yaml")
    }

    @Test func loadsEachConfigurationOnceAndSharesErrors() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.write(".wmlint.yaml", "region: us-west-2\n")
        try tree.write("bad/.wmlint.yaml", "rule: {}\n")
        let cache = ConfigurationCache()
        let first = try #require(try cache.configuration(forInput: tree.root + "/x.json"))
        #expect(first.region == "us-west-2")
        #expect(first.directory == tree.root)
        // Rewriting the file does not change what this run sees.
        try tree.write(".wmlint.yaml", "region: eu-west-1\n")
        #expect(try cache.configuration(forInput: tree.root + "/sub/y.json")?.region == "us-west-2")
        let expected = WMLintError.config(
            tree.root + "/bad/.wmlint.yaml:1:1: unknown key 'rule' in .wmlint.yaml; did you mean 'rules'?")
        #expect(throws: expected) { try cache.configuration(forInput: tree.root + "/bad/z.json") }
        #expect(throws: expected) { try cache.configuration(forInput: tree.root + "/bad/w.json") }
    }

    @Test func appliesTheModeAndTheCommandLine() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.write(".wmlint.yaml", "region: us-west-2\naccount-id: \"111111111111\"\n")
        let named = try tree.write("ci/lint.yaml", "region: eu-west-1\n")
        let input = tree.root + "/src/a.json"
        let overrides = ConfigurationOverrides(accountID: "222222222222")

        let discovered = try ConfigurationCache(overrides: overrides).configuration(for: input)
        #expect(discovered.region == "us-west-2")
        #expect(discovered.accountID == "222222222222")
        #expect(discovered.directory == tree.root)

        let fromFile = try ConfigurationCache(mode: .file(named), overrides: overrides).configuration(for: input)
        #expect(fromFile.region == "eu-west-1")
        #expect(fromFile.accountID == "222222222222")
        #expect(fromFile.directory == tree.root + "/ci")

        let without = try ConfigurationCache(mode: .none, overrides: overrides).configuration(for: input)
        #expect(without.region == nil)
        #expect(without.accountID == "222222222222")
        #expect(without.path == nil)

        let missing = tree.root + "/absent.yaml"
        #expect(throws: WMLintError.config("\(missing): no such configuration file")) {
            try ConfigurationCache(mode: .file(missing)).configuration(for: input)
        }
    }

    @Test func isSafeToUseFromManyThreads() async throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        let config = try tree.write("d0/.wmlint.yaml", "region: us-east-1\n")
        for index in 0..<20 { try tree.directory("d0/s\(index)/t") }
        let cache = ConfigurationCache()
        let root = tree.root
        let results = await withTaskGroup(of: (String?, String?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let input = root + "/d0/s\(index % 20)/t/f\(index).json"
                    let region = try? cache.configuration(forInput: input)?.region
                    return (cache.discover(forInput: input), region ?? nil)
                }
            }
            var collected: [(String?, String?)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0.0 == config && $0.1 == "us-east-1" })
    }
}

/// A run takes each input's configuration from its own directory, even when inputs of several directories
/// alternate (consecutive inputs of one directory share one lookup).
@Suite struct RunConfigurationTests {
    static let request = """
        {"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
         "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
          "ApplicationArn": "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058"},
         "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 30}}
        """

    @Test func eachInputHasItsDirectorysConfiguration() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.write(".wmlint.yaml", "region: ap-south-1\n")
        try tree.write("sü/.wmlint.yaml", "region: us-east-1\n")
        let a = try tree.write("a.json", Self.request)
        let b = try tree.write("sü/b.json", Self.request)
        let c = try tree.write("c.json", Self.request)
        let d = try tree.write("sü/d.json", Self.request)
        let report = try Linter.run(LintOptions(paths: [a, c, b, d, tree.root + "/sü/../a.json"]))
        let flagged = Set(report.diagnostics.filter { $0.rule == .regionUnsupported }.map(\.path))
        #expect(flagged == [a, c, tree.root + "/sü/../a.json"])
        #expect(report.fileCount == 5)
    }

    @Test func joinAndCleanCompareCharacters() {
        #expect(Path.join("a", "b") == "a/b")
        #expect(Path.join("a/", "b") == "a/b")
        #expect(Path.join("", "b") == "b")
        #expect(Path.join(".", "b") == "b")
        #expect(Path.join("a", "/b") == "/b")
        #expect(Path.join("dé", "日本.json") == "dé/日本.json")
        // A slash with a combining mark is not a slash character.
        #expect(Path.join("a", "/\u{301}b") == "a//\u{301}b")
        #expect(Path.join("a/\u{301}", "b") == "a/\u{301}/b")
        #expect(Path.clean("./a") == "a")
        #expect(Path.clean("././a//") == "a")
        #expect(Path.clean("./") == ".")
        #expect(Path.clean("/") == "/")
        #expect(Path.clean("./\u{301}x") == "./\u{301}x")
        #expect(Path.clean("a/\u{301}") == "a/\u{301}")
    }

    @Test func plainNamesInOneDirectory() {
        #expect(Path.arePlainNamesInOneDirectory("d/a.json", "d/b.yaml"))
        #expect(Path.arePlainNamesInOneDirectory("a.json", "b.json"))
        #expect(Path.arePlainNamesInOneDirectory("/a.json", "/b.json"))
        #expect(Path.arePlainNamesInOneDirectory("dé-x/n日本.json", "dé-x/b.json"))
        #expect(!Path.arePlainNamesInOneDirectory("dé-x/n.json", "dé-y/n.json"))
        // A slash next to a non-ASCII byte may be part of a character: such a path is looked up on its own.
        #expect(!Path.arePlainNamesInOneDirectory("dé/b.json", "dé/c.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/\u{301}b.json", "d/c.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/a.json", "e/a.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/a.json", "a.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/sub/a.json", "d/a.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/..", "d/a.json"))
        #expect(!Path.arePlainNamesInOneDirectory("d/a.json", "d/."))
        #expect(!Path.arePlainNamesInOneDirectory("d/", "d/a.json"))
        #expect(!Path.arePlainNamesInOneDirectory("..", "a.json"))
        #expect(Path.arePlainNamesInOneDirectory("d/.a", "d/..b"))
    }
}
