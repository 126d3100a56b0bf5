import Foundation
import Testing
import WMLintSource

@testable import WMLintKit

/// Loading `.wmlint.yaml`: the full example, and every kind of invalid file with its exact location.
@Suite struct ConfigLoaderTests {
    static let specExample = """
        region: us-east-1
        account-id: "508193746210"
        pat-lifetime-days: {min: 1, max: 365}          # pat-lifetime-policy
        authentication-modes: [IDENTITY_PROVIDER_ONLY] # authentication-mode-policy
        rules: {clients-locked-out: off, pat-lifetime-ignored: error}
        include: ["infra/**/*.json"]
        exclude: ["vendor/**"]
        ignore:                                        # JSON cannot hold comments
          - {files: ["legacy/*.json"], rules: [pat-lifetime-ignored], pointer: /PersonalAccessTokenConfiguration}

        """

    @Test func loadsTheSpecExample() throws {
        let (path, result, tree) = try loadConfiguration(Self.specExample)
        let configuration = try result.get()
        #expect(configuration.region == "us-east-1")
        #expect(configuration.accountID == "508193746210")
        #expect(configuration.patLifetimeDays == LifetimeBounds(min: 1, max: 365))
        #expect(configuration.authenticationModes == ["IDENTITY_PROVIDER_ONLY"])
        let expectedSeverities: [RuleID: Severity?] = [.clientsLockedOut: nil, .patLifetimeIgnored: .error]
        #expect(configuration.ruleSeverities == expectedSeverities)
        #expect(configuration.severity(for: .clientsLockedOut) == nil)
        #expect(configuration.severity(for: .patLifetimeIgnored) == .error)
        #expect(configuration.severity(for: .enumValue) == .error)
        #expect(configuration.severity(for: .unresolvedValue) == .info)
        #expect(configuration.include.map(\.text) == ["infra/**/*.json"])
        #expect(configuration.exclude.map(\.text) == ["vendor/**"])
        #expect(configuration.ignore.count == 1)
        let entry = try #require(configuration.ignore.first)
        #expect(entry.files?.map(\.text) == ["legacy/*.json"])
        #expect(entry.rules == [.patLifetimeIgnored])
        #expect(entry.pointer == "/PersonalAccessTokenConfiguration")
        #expect(configuration.directory == tree.root)
        #expect(configuration.path == path)
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "\u{FEFF}# BOM and comment\n"])
    func emptyFilesAreEmptyConfigurations(text: String) throws {
        let (_, result, _) = try loadConfiguration(text)
        let configuration = try result.get()
        #expect(configuration.region == nil)
        #expect(configuration.accountID == nil)
        #expect(configuration.patLifetimeDays.isEmpty)
        #expect(configuration.authenticationModes == nil)
        #expect(configuration.ruleSeverities.isEmpty)
        #expect(configuration.include.isEmpty && configuration.exclude.isEmpty && configuration.ignore.isEmpty)
    }

    @Test func acceptsBlockStyleAndOtherSpellings() throws {
        let text = """
            region: us-gov-west-1
            account-id: !!str 012345678901
            pat-lifetime-days:
              max: 90
            authentication-modes:
              - IDENTITY_PROVIDER_AND_DIRECTORY
              - IDENTITY_PROVIDER_ONLY
            rules:
              unresolved-value: warning
              duplicate-key: info
            ignore:
              - rules: [unknown-key]
              - pointer: /IdentityCenterConfiguration

            """
        let configuration = try loadConfiguration(text).result.get()
        #expect(configuration.region == "us-gov-west-1")
        #expect(configuration.accountID == "012345678901")
        #expect(configuration.patLifetimeDays == LifetimeBounds(min: nil, max: 90))
        #expect(configuration.authenticationModes == ["IDENTITY_PROVIDER_AND_DIRECTORY", "IDENTITY_PROVIDER_ONLY"])
        #expect(configuration.ruleSeverities == [.unresolvedValue: .warning, .duplicateKey: .info])
        #expect(
            configuration.ignore == [
                IgnoreEntry(rules: [.unknownKey]), IgnoreEntry(pointer: "/IdentityCenterConfiguration"),
            ])
    }

    /// One invalid file each: the text, then the expected `line:column: message` (the path is prefixed).
    static let invalid: [(String, String)] = [
        ("rule: {}\n", "1:1: unknown key 'rule' in .wmlint.yaml; did you mean 'rules'?"),
        ("accountId: \"508193746210\"\n", "1:1: unknown key 'accountId' in .wmlint.yaml; did you mean 'account-id'?"),
        (
            "colour: red\n",
            "1:1: unknown key 'colour' in .wmlint.yaml; expected 'region', 'account-id', 'pat-lifetime-days', "
                + "'authentication-modes', 'rules', 'include', 'exclude' or 'ignore'"
        ),
        (
            "account-id: 012345678901\n",
            "1:13: account-id must be a quoted string: YAML reads '012345678901' as the integer 12345678901, losing "
                + "the leading zero; write account-id: \"012345678901\""
        ),
        (
            "account-id: 508193746210\n",
            "1:13: account-id must be a quoted string: YAML reads '508193746210' as the integer 508193746210; write "
                + "account-id: \"508193746210\""
        ),
        (
            "account-id: \"12345\"\n",
            "1:13: account-id '12345' is not an AWS account id; expected exactly 12 digits, found 5"
        ),
        (
            "account-id: \"12345678901a\"\n",
            "1:13: account-id '12345678901a' is not an AWS account id; expected exactly 12 digits (0-9)"
        ),
        (
            "account-id: [1]\n",
            "1:13: account-id must be a quoted string of 12 digits such as \"508193746210\", found a list"
        ),
        (
            "region: US-East-1\n",
            "1:9: region 'US-East-1' is not a region name; expected lower-case words and a number joined by '-', "
                + "such as 'us-east-1'; did you mean 'us-east-1'?"
        ),
        (
            "region: useast1\n",
            "1:9: region 'useast1' is not a region name; expected lower-case words and a number joined by '-', "
                + "such as 'us-east-1'"
        ),
        ("region: us-easst-1\n", "1:9: region 'us-easst-1' is not an AWS region; did you mean 'us-east-1'?"),
        (
            "region: xx-nowhere-9\n",
            "1:9: region 'xx-nowhere-9' is not an AWS region; expected one such as 'us-east-1'"
        ),
        ("region: 12\n", "1:9: region must be a string such as 'us-east-1', found an integer"),
        (
            "pat-lifetime-days: {min: 400, max: 365}\n",
            "1:26: pat-lifetime-days min 400 is greater than max 365; no lifetime could pass"
        ),
        (
            "pat-lifetime-days: {min: 0}\n",
            "1:26: pat-lifetime-days min 0 is out of range; expected 1 to 3653, the limits of LifetimeInDays"
        ),
        (
            "pat-lifetime-days:\n  max: 3654\n",
            "2:8: pat-lifetime-days max 3654 is out of range; expected 1 to 3653, the limits of LifetimeInDays"
        ),
        (
            "pat-lifetime-days: {max: 99999999999999999999999}\n",
            "1:26: pat-lifetime-days max 99999999999999999999999 is out of range; expected 1 to 3653, the limits of "
                + "LifetimeInDays"
        ),
        (
            "pat-lifetime-days: {maximum: 3}\n",
            "1:21: unknown key 'maximum' in pat-lifetime-days; expected 'min' or 'max'"
        ),
        ("pat-lifetime-days: {mx: 3}\n", "1:21: unknown key 'mx' in pat-lifetime-days; did you mean 'max'?"),
        (
            "pat-lifetime-days: {max: 30.5}\n",
            "1:26: pat-lifetime-days max must be a whole number of days, found a floating-point number"
        ),
        (
            "pat-lifetime-days: {max: \"30\"}\n",
            "1:26: pat-lifetime-days max must be a whole number of days, found a string"
        ),
        (
            "pat-lifetime-days: 365\n",
            "1:20: pat-lifetime-days must be a mapping such as {min: 1, max: 365}, found an integer"
        ),
        (
            "authentication-modes: [IDENTITY_PROVIDER_ONY]\n",
            "1:24: 'IDENTITY_PROVIDER_ONY' is not an authentication mode; expected 'IDENTITY_PROVIDER_ONLY' or "
                + "'IDENTITY_PROVIDER_AND_DIRECTORY'; did you mean 'IDENTITY_PROVIDER_ONLY'?"
        ),
        (
            "authentication-modes: []\n",
            "1:23: authentication-modes is empty, which allows no mode; list at least one or remove the key"
        ),
        (
            "authentication-modes: IDENTITY_PROVIDER_ONLY\n",
            "1:23: authentication-modes must be a list such as [IDENTITY_PROVIDER_ONLY], found a string"
        ),
        (
            "rules: {clients-locked-ot: off}\n",
            "1:9: unknown rule 'clients-locked-ot' in rules; did you mean 'clients-locked-out'?"
        ),
        (
            "rules: {no-such-thing-at-all: off}\n",
            "1:9: unknown rule 'no-such-thing-at-all' in rules; 'wmlint rules' lists the rule ids"
        ),
        (
            "rules: {clients-locked-out: warn}\n",
            "1:29: 'warn' is not a severity; expected 'error', 'warning', 'info' or 'off'; did you mean 'warning'?"
        ),
        (
            "rules: {clients-locked-out: Error}\n",
            "1:29: 'Error' is not a severity; expected 'error', 'warning', 'info' or 'off'; did you mean 'error'?"
        ),
        (
            "rules: {clients-locked-out: false}\n",
            "1:29: the severity of 'clients-locked-out' must be 'error', 'warning', 'info' or 'off', found a boolean; "
                + "write 'off' to turn the rule off"
        ),
        (
            "%YAML 1.1\n---\nrules: {clients-locked-out: on}\n",
            "3:29: the severity of 'clients-locked-out' must be 'error', 'warning', 'info' or 'off', found a boolean"
        ),
        (
            "rules: [clients-locked-out]\n",
            "1:8: rules must be a mapping of rule ids to severities such as {clients-locked-out: off}, found a list"
        ),
        (
            "include: \"infra/**\"\n",
            "1:10: include must be a list of globs such as [\"infra/**/*.json\"], found a string"
        ),
        (
            "include: []\n",
            "1:10: include is an empty list, which matches nothing; list at least one glob or remove the key"
        ),
        (
            "exclude: [\"[abc\"]\n",
            "1:11: invalid glob '[abc' in exclude: '[' opens a character set that is never closed; expected ']' "
                + "(write '\\[' for a literal '[')"
        ),
        (
            "exclude: [\"!vendor\"]\n",
            "1:11: invalid glob '!vendor' in exclude: negation ('!') is not supported; narrow the other patterns "
                + "instead, or write '\\!' for a name that starts with '!'"
        ),
        ("exclude: [1]\n", "1:11: a glob in exclude must be a string, found an integer"),
        ("ignore: [{}]\n", "1:10: an empty ignore entry would drop every diagnostic; give files, rules or pointer"),
        (
            "ignore: [{pointer: PersonalAccessTokenConfiguration}]\n",
            "1:20: pointer 'PersonalAccessTokenConfiguration' must start with '/'; did you mean "
                + "'/PersonalAccessTokenConfiguration'?"
        ),
        (
            "ignore: [{pointer: /a~2b}]\n",
            "1:20: pointer '/a~2b' has a '~' not followed by '0' or '1'; write '~0' for '~' and '~1' for '/' inside a key"
        ),
        (
            "ignore: [{pointer: \"\"}]\n",
            "1:20: an empty pointer covers the whole request; remove pointer to match every diagnostic"
        ),
        ("ignore: [{rules: [nope]}]\n", "1:19: unknown rule 'nope' in ignore rules; 'wmlint rules' lists the rule ids"),
        ("ignore: [{file: [a]}]\n", "1:11: unknown key 'file' in an ignore entry; did you mean 'files'?"),
        (
            "ignore: {files: [a]}\n",
            "1:9: ignore must be a list of entries such as [{files: [\"legacy/*.json\"], rules: [pat-lifetime-ignored]}], "
                + "found an object"
        ),
        (
            "- region\n",
            "1:1: expected a mapping of settings (such as 'region: us-east-1') at the top of .wmlint.yaml, found a list"
        ),
        (
            "region: us-east-1\nregion: eu-west-1\n",
            "2:1: duplicate key 'region' in a mapping"
        ),
        // Columns count Unicode scalars, not bytes; CRLF ends a line.
        (
            "{日本語: 1}\n",
            "1:2: unknown key '日本語' in .wmlint.yaml; expected 'region', 'account-id', "
                + "'pat-lifetime-days', 'authentication-modes', 'rules', 'include', 'exclude' or 'ignore'"
        ),
        ("region: us-east-1\r\n# 🙂\r\nrule: {}\r\n", "3:1: unknown key 'rule' in .wmlint.yaml; did you mean 'rules'?"),
        (
            "region: \"🙂\"\n",
            "1:9: region '🙂' is not a region name; expected lower-case words and a number joined by "
                + "'-', such as 'us-east-1'"
        ),
    ]

    @Test(arguments: invalid)
    func reportsInvalidConfiguration(text: String, expected: String) throws {
        let (path, result, _) = try loadConfiguration(text)
        guard case .failure(let error) = result else {
            Issue.record("loaded without an error: \(text)")
            return
        }
        #expect(error == .config("\(path):\(expected)"))
    }

    @Test func reportsEveryProblemInSourceOrder() throws {
        let text = "rules: {clients-locked-out: warn}\nrule: x\naccount-id: 012345678901\n"
        let (path, result, _) = try loadConfiguration(text)
        guard case .failure(let error) = result else {
            Issue.record("loaded without an error")
            return
        }
        let lines = error.message.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.map { $0.hasPrefix(path + ":") } == [true, true, true])
        #expect(lines.map { $0.dropFirst(path.count + 1).prefix(4) } == ["1:29", "2:1:", "3:13"])
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirLocation() throws {
        let (path, result, _) = try loadConfiguration("region: us-east-1\nrules: {a: b\n")
        guard case .failure(let error) = result else {
            Issue.record("loaded without an error")
            return
        }
        #expect(
            error.message
                == "\(path):3:1: invalid YAML: did not find expected ',' or '}' while parsing a flow mapping")
    }

    @Test func reportsTabIndentationAsASyntaxError() throws {
        let (path, result, _) = try loadConfiguration("rules:\n\tclients-locked-out: off\n")
        guard case .failure(let error) = result else {
            Issue.record("loaded without an error")
            return
        }
        #expect(
            error.message
                == "\(path):2:1: invalid YAML: found character that cannot start any token while scanning for the "
                + "next token")
    }

    @Test func reportsAMissingFile() throws {
        let tree = try TemporaryTree()
        let path = tree.root + "/absent.yaml"
        #expect(throws: WMLintError.config("\(path): no such configuration file")) {
            try ConfigurationLoader.load(path: path)
        }
    }

    @Test func reportsADirectory() throws {
        let tree = try TemporaryTree()
        let path = try tree.directory(".wmlint.yaml")
        #expect(throws: WMLintError.config("\(path): the configuration is not a regular file")) {
            try ConfigurationLoader.load(path: path)
        }
    }

    @Test func reportsMoreThanOneDocumentAndUndefinedAliases() throws {
        let (path, result, _) = try loadConfiguration("region: us-east-1\n---\nregion: eu-west-1\n")
        #expect(throws: WMLintError.config("\(path):2:1: invalid YAML: expected one document, found a second one")) {
            try result.get()
        }
        let (aliasPath, aliasResult, _) = try loadConfiguration("rules: {clients-locked-out: *sev}\n")
        #expect(
            throws: WMLintError.config(
                "\(aliasPath):1:29: invalid YAML: undefined alias '*sev'; expected an anchor defined before it")
        ) { try aliasResult.get() }
    }

    @Test func reportsInvalidUTF8() throws {
        let tree = try TemporaryTree()
        let path = tree.root + "/.wmlint.yaml"
        try Data([0x72, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: WMLintError.self) { try ConfigurationLoader.load(path: path) }
        #expect(error?.message.hasPrefix("\(path):1:") == true)
    }

    @Test func commandLineValuesAreCheckedLikeTheFile() throws {
        #expect(throws: Never.self) {
            try ConfigurationOverrides(region: "eu-west-1", accountID: "000000000001").validate()
        }
        #expect(
            throws: WMLintError.usage(
                "--account-id: '1234' is not an AWS account id; expected exactly 12 digits, found 4")
        ) { try ConfigurationOverrides(accountID: "1234").validate() }
        #expect(
            throws: WMLintError.usage(
                "--region: 'EU-WEST-1' is not a region name; expected lower-case words and a number joined by '-', "
                    + "such as 'us-east-1'; did you mean 'eu-west-1'?")
        ) { try ConfigurationOverrides(region: "EU-WEST-1").validate() }
    }
}
