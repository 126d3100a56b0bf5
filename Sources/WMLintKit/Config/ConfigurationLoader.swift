import WMLintModel
import WMLintSource
import WMLintSyntax

/// Reads and checks `.wmlint.yaml` files.
public enum ConfigurationLoader {
    /// The names a configuration file may have, in order of preference within one directory.
    public static let fileNames = [".wmlint.yaml", ".wmlint.yml"]

    /// The settings a configuration file may hold, in documentation order.
    static let topLevelKeys = [
        "region", "account-id", "pat-lifetime-days", "authentication-modes", "rules", "include", "exclude",
        "ignore",
    ]

    /// The values of a rule's entry in `rules`.
    static let severityNames = ["error", "warning", "info", "off"]

    /// Configuration files larger than this many bytes are rejected.
    static let maxFileSize = 1024 * 1024

    /// Loads and validates the configuration file at `path`.
    ///
    /// Every problem is reported, not only the first: the error's message holds one line per problem,
    /// `path:line:column: message` (1-based line, 1-based column in Unicode scalars), in source order. YAML
    /// syntax errors and duplicate keys are problems too.
    public static func load(path: String) throws(WMLintError) -> Configuration {
        let bytes: [UInt8]
        switch FileSystem.read(path, maxSize: maxFileSize) {
        case .success(let read): bytes = read
        case .failure(.missing): throw .config("\(path): no such configuration file")
        case .failure(.notRegular): throw .config("\(path): the configuration is not a regular file")
        case .failure(.tooLarge(let size)):
            throw .config("\(path): the configuration is \(size) bytes, over the limit of \(maxFileSize)")
        case .failure(.unreadable(let reason)): throw .config("\(path): cannot read the configuration: \(reason)")
        }
        let directory = Path.directory(of: path)
        guard FileSystem.realPath(directory) != nil else {
            throw .config("\(path): cannot resolve the configuration's directory")
        }
        return try parse(bytes, path: path, directory: directory)
    }

    /// Validates configuration text read from `path`, whose globs are relative to `directory`.
    static func parse(_ bytes: [UInt8], path: String, directory: String) throws(WMLintError) -> Configuration {
        let file = SourceFile(path: path, bytes: bytes)
        var validator = ConfigurationValidator(
            file: file, configuration: Configuration(directory: directory, path: path))
        validator.run()
        if !validator.problems.isEmpty {
            // Source order; problems at one offset keep the order they were found in.
            let ordered = validator.problems.enumerated().sorted {
                ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
            }
            let lines = ordered.map(\.element).map { problem in
                let location = file.location(of: problem.offset)
                return "\(path):\(location.line):\(location.column): \(problem.message)"
            }
            throw .config(lines.joined(separator: "\n"))
        }
        return validator.configuration
    }
}

extension ConfigurationLoader {
    /// The problems of configuration text read from `path`, in source order: what ``load(path:)`` reports, as
    /// values (0-based UTF-8 offsets), for an editor to show in the file. Empty when the text is valid.
    static func problems(in bytes: [UInt8], path: String) -> [ConfigurationProblem] {
        var validator = ConfigurationValidator(
            file: SourceFile(path: path, bytes: bytes),
            configuration: Configuration(directory: Path.directory(of: path), path: path))
        validator.run()
        return validator.problems.enumerated().sorted {
            ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
        }.map(\.element)
    }
}

/// Checks of single values shared by the file and the command line.
enum ConfigurationValues {
    /// Why `region` is not an AWS region (`us-east-1`, `us-gov-west-1`, `cn-north-1`: one of
    /// ``ServiceFacts/awsRegions``, botocore's list), or `nil`.
    static func regionProblem(_ region: String) -> String? {
        if isRegionName(region) {
            if ServiceFacts.awsRegions.contains(region) { return nil }
            let near = Spelling.nearest(to: region, in: ServiceFacts.awsRegions)
            return "\(quoted(region)) is not an AWS region"
                + (near.map { "; did you mean \(quoted($0))?" } ?? "; expected one such as 'us-east-1'")
        }
        let lowered = region.lowercased().trimmingASCIIWhitespace()
        let suggestion = isRegionName(lowered) ? "; did you mean \(quoted(lowered))?" : ""
        return "\(quoted(region)) is not a region name; expected lower-case words and a number joined by '-', "
            + "such as 'us-east-1'\(suggestion)"
    }

    /// Why `accountID` is not an AWS account id (exactly 12 ASCII digits), or `nil`.
    static func accountIDProblem(_ accountID: String) -> String? {
        let bytes = Array(accountID.utf8)
        let digits = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digits && bytes.count == 12 { return nil }
        if digits {
            return "\(quoted(accountID)) is not an AWS account id; expected exactly 12 digits, found \(bytes.count)"
        }
        return "\(quoted(accountID)) is not an AWS account id; expected exactly 12 digits (0-9)"
    }

    private static func isRegionName(_ text: String) -> Bool {
        // [a-z]{2,} (-[a-z]+)+ -[0-9]+
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let first = parts.first, let last = parts.last else { return false }
        let isLetters = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        let isDigits = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        return first.utf8.count >= 2 && isLetters(first) && parts.dropFirst().dropLast().allSatisfy(isLetters)
            && isDigits(last)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { [" ", "\t", "\n", "\r"].contains($0) }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}

/// One problem found in a configuration file.
struct ConfigurationProblem {
    /// 0-based UTF-8 byte offset where the problem starts.
    var offset: Int
    var message: String
}

/// Walks the loaded YAML and fills a ``Configuration``, collecting every problem.
private struct ConfigurationValidator {
    let file: SourceFile
    var configuration: Configuration
    var problems: [ConfigurationProblem] = []

    static let topLevelKeys = ConfigurationLoader.topLevelKeys
    static let severityNames = ConfigurationLoader.severityNames

    var fileName: String { Path.basename(file.path) }

    mutating func run() {
        let result = YAMLLoader.load(SourceText(file: file))
        for diagnostic in result.diagnostics {
            let isSyntax = diagnostic.rule != .duplicateKey
            problem(diagnostic.range, isSyntax ? "invalid YAML: " + diagnostic.message : diagnostic.message)
        }
        guard let root = result.root, !result.hasErrors else { return }
        switch root.value {
        case .null:
            return
        case .object(let members):
            for member in members { topLevel(member) }
        default:
            problem(
                root.range,
                "expected a mapping of settings (such as 'region: us-east-1') at the top of \(fileName), found "
                    + root.kindDescription)
        }
    }

    mutating func problem(_ range: SourceRange, _ message: String) {
        problems.append(ConfigurationProblem(offset: range.lowerBound.offset, message: message))
    }

    mutating func problem(_ node: SyntaxNode, _ message: String) {
        problem(node.range, message)
    }

    // MARK: - Top level

    mutating func topLevel(_ member: Member) {
        let value = member.value
        switch member.key {
        case "region":
            guard let text = string(value, "region", example: "'us-east-1'") else { return }
            if let message = ConfigurationValues.regionProblem(text) {
                problem(value, "region \(message)")
            } else {
                configuration.region = text
            }
        case "account-id":
            accountID(value)
        case "pat-lifetime-days":
            lifetime(value)
        case "authentication-modes":
            authenticationModes(value)
        case "rules":
            rules(value)
        case "include":
            configuration.include = globs(value, "include", example: "[\"infra/**/*.json\"]") ?? []
        case "exclude":
            configuration.exclude = globs(value, "exclude", example: "[\"vendor/**\"]") ?? []
        case "ignore":
            ignore(value)
        default:
            problem(member.keyRange, unknownKey(member.key, in: fileName, expected: Self.topLevelKeys))
        }
    }

    func unknownKey(_ key: String, in place: String, expected: [String]) -> String {
        if let nearest = Spelling.nearest(to: key, in: expected) {
            return "unknown key \(quoted(key)) in \(place); did you mean \(quoted(nearest))?"
        }
        return "unknown key \(quoted(key)) in \(place); expected \(alternatives(expected))"
    }

    mutating func accountID(_ value: SyntaxNode) {
        switch value.value {
        case .string(let text):
            if let message = ConfigurationValues.accountIDProblem(text) {
                problem(value, "account-id \(message)")
            } else {
                configuration.accountID = text
            }
        case .number(let number):
            let lexeme = file.text(in: value.range.offsets)
            var message = "account-id must be a quoted string: YAML reads \(quoted(lexeme)) as a number"
            if case .integer(let digits) = number.kind {
                message = "account-id must be a quoted string: YAML reads \(quoted(lexeme)) as the integer \(digits)"
                let body = lexeme.drop { $0 == "+" }
                if body.count > 1 && body.hasPrefix("0") && body.allSatisfy(\.isASCIIDigit) {
                    message += ", losing the leading zero"
                }
            }
            problem(value, message + "; write account-id: \"\(lexeme)\"")
        default:
            problem(
                value,
                "account-id must be a quoted string of 12 digits such as \"508193746210\", found "
                    + value.kindDescription)
        }
    }

    mutating func lifetime(_ value: SyntaxNode) {
        guard case .object(let members) = value.value else {
            problem(
                value, "pat-lifetime-days must be a mapping such as {min: 1, max: 365}, found " + value.kindDescription)
            return
        }
        var bounds = LifetimeBounds()
        var minimumNode: SyntaxNode?
        for member in members {
            switch member.key {
            case "min":
                bounds.min = days(member.value, "min")
                minimumNode = member.value
            case "max":
                bounds.max = days(member.value, "max")
            default:
                problem(member.keyRange, unknownKey(member.key, in: "pat-lifetime-days", expected: ["min", "max"]))
            }
        }
        if let minimum = bounds.min, let maximum = bounds.max, minimum > maximum, let minimumNode {
            problem(
                minimumNode, "pat-lifetime-days min \(minimum) is greater than max \(maximum); no lifetime could pass")
            return
        }
        configuration.patLifetimeDays = bounds
    }

    mutating func days(_ value: SyntaxNode, _ name: String) -> Int? {
        let range = ServiceFacts.lifetimeInDays
        guard case .number(let number) = value.value, case .integer(let digits) = number.kind else {
            problem(value, "pat-lifetime-days \(name) must be a whole number of days, found " + value.kindDescription)
            return nil
        }
        guard let days = Int(digits), range.contains(days) else {
            problem(
                value,
                "pat-lifetime-days \(name) \(digits) is out of range; expected \(range.lowerBound) to "
                    + "\(range.upperBound), the limits of LifetimeInDays")
            return nil
        }
        return days
    }

    mutating func authenticationModes(_ value: SyntaxNode) {
        guard case .array(let items) = value.value else {
            problem(
                value,
                "authentication-modes must be a list such as [IDENTITY_PROVIDER_ONLY], found " + value.kindDescription)
            return
        }
        guard !items.isEmpty else {
            problem(value, "authentication-modes is empty, which allows no mode; list at least one or remove the key")
            return
        }
        let modes = ServiceFacts.authenticationModes
        var accepted: [String] = []
        for item in items {
            guard case .string(let mode) = item.value else {
                problem(item, "an authentication mode must be a string, found " + item.kindDescription)
                continue
            }
            guard modes.contains(mode) else {
                var message = "\(quoted(mode)) is not an authentication mode; expected \(alternatives(modes))"
                if let nearest = Spelling.nearest(to: mode, in: modes) {
                    message += "; did you mean \(quoted(nearest))?"
                }
                problem(item, message)
                continue
            }
            if !accepted.contains(mode) { accepted.append(mode) }
        }
        configuration.authenticationModes = accepted
    }

    mutating func rules(_ value: SyntaxNode) {
        guard case .object(let members) = value.value else {
            problem(
                value,
                "rules must be a mapping of rule ids to severities such as {clients-locked-out: off}, found "
                    + value.kindDescription)
            return
        }
        for member in members {
            let rule = ruleID(member.key, range: member.keyRange, place: "rules")
            let choice = severity(member.value, rule: member.key)
            switch (rule, choice) {
            case (let rule?, .off?): configuration.ruleSeverities[rule] = .some(nil)
            case (let rule?, .severity(let severity)?): configuration.ruleSeverities[rule] = .some(severity)
            default: break
            }
        }
    }

    mutating func ruleID(_ name: String, range: SourceRange, place: String) -> RuleID? {
        if let rule = RuleID(rawValue: name) { return rule }
        let names = RuleID.allCases.map(\.rawValue)
        if let nearest = Spelling.nearest(to: name, in: names) {
            problem(range, "unknown rule \(quoted(name)) in \(place); did you mean \(quoted(nearest))?")
        } else {
            problem(range, "unknown rule \(quoted(name)) in \(place); 'wmlint rules' lists the rule ids")
        }
        return nil
    }

    /// What a rule's entry in `rules` says.
    enum SeverityChoice {
        case off
        case severity(Severity)
    }

    /// A severity name (`error`, `warning`, `info`, `off`), or `nil` after reporting a problem.
    mutating func severity(_ value: SyntaxNode, rule: String) -> SeverityChoice? {
        let expected = alternatives(Self.severityNames)
        guard case .string(let name) = value.value else {
            var message = "the severity of \(quoted(rule)) must be \(expected), found " + value.kindDescription
            if case .bool(false) = value.value { message += "; write 'off' to turn the rule off" }
            problem(value, message)
            return nil
        }
        if name == "off" { return .off }
        if let severity = Severity(rawValue: name) { return .severity(severity) }
        var message = "\(quoted(name)) is not a severity; expected \(expected)"
        let lowered = name.lowercased()
        if let nearest = Self.severityNames.first(where: {
            $0 == lowered || (lowered.count >= 3 && $0.hasPrefix(lowered))
        })
            ?? Spelling.nearest(to: name, in: Self.severityNames)
        {
            message += "; did you mean \(quoted(nearest))?"
        }
        problem(value, message)
        return nil
    }

    mutating func globs(_ value: SyntaxNode, _ place: String, example: String) -> [GlobPattern]? {
        guard case .array(let items) = value.value else {
            problem(value, "\(place) must be a list of globs such as \(example), found " + value.kindDescription)
            return nil
        }
        guard !items.isEmpty else {
            problem(value, "\(place) is an empty list, which matches nothing; list at least one glob or remove the key")
            return nil
        }
        var patterns: [GlobPattern] = []
        for item in items {
            guard case .string(let text) = item.value else {
                problem(item, "a glob in \(place) must be a string, found " + item.kindDescription)
                continue
            }
            do {
                patterns.append(try GlobPattern(text))
            } catch {
                problem(item, "invalid glob \(quoted(text)) in \(place): \(error.message)")
            }
        }
        return patterns
    }

    mutating func ignore(_ value: SyntaxNode) {
        guard case .array(let items) = value.value else {
            problem(
                value,
                "ignore must be a list of entries such as [{files: [\"legacy/*.json\"], rules: [pat-lifetime-ignored]}], "
                    + "found " + value.kindDescription)
            return
        }
        for item in items {
            guard case .object(let members) = item.value else {
                problem(
                    item,
                    "an ignore entry must be a mapping with files, rules or pointer, found " + item.kindDescription)
                continue
            }
            guard !members.isEmpty else {
                problem(item, "an empty ignore entry would drop every diagnostic; give files, rules or pointer")
                continue
            }
            var entry = IgnoreEntry()
            var valid = true
            for member in members {
                switch member.key {
                case "files":
                    if let files = globs(member.value, "ignore files", example: "[\"legacy/*.json\"]") {
                        entry.files = files
                    } else {
                        valid = false
                    }
                case "rules":
                    if let rules = ignoredRules(member.value) { entry.rules = rules } else { valid = false }
                case "pointer":
                    if let pointer = pointer(member.value) { entry.pointer = pointer } else { valid = false }
                default:
                    problem(
                        member.keyRange,
                        unknownKey(member.key, in: "an ignore entry", expected: ["files", "rules", "pointer"]))
                    valid = false
                }
            }
            if valid { configuration.ignore.append(entry) }
        }
    }

    mutating func ignoredRules(_ value: SyntaxNode) -> [RuleID]? {
        guard case .array(let items) = value.value else {
            problem(
                value,
                "ignore rules must be a list of rule ids such as [pat-lifetime-ignored], found "
                    + value.kindDescription)
            return nil
        }
        guard !items.isEmpty else {
            problem(value, "ignore rules is an empty list, which matches nothing; list rule ids or remove the key")
            return nil
        }
        var rules: [RuleID] = []
        var valid = true
        for item in items {
            guard case .string(let name) = item.value else {
                problem(item, "a rule id must be a string, found " + item.kindDescription)
                valid = false
                continue
            }
            if let rule = ruleID(name, range: item.range, place: "ignore rules") {
                rules.append(rule)
            } else {
                valid = false
            }
        }
        return valid ? rules : nil
    }

    mutating func pointer(_ value: SyntaxNode) -> String? {
        guard case .string(let text) = value.value else {
            problem(
                value,
                "pointer must be a JSON pointer string such as '/PersonalAccessTokenConfiguration', found "
                    + value.kindDescription)
            return nil
        }
        guard !text.isEmpty else {
            problem(value, "an empty pointer covers the whole request; remove pointer to match every diagnostic")
            return nil
        }
        guard text.hasPrefix("/") else {
            let fixed = "/" + text
            problem(value, "pointer \(quoted(text)) must start with '/'; did you mean \(quoted(fixed))?")
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "~" {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if next != "0" && next != "1" {
                problem(
                    value,
                    "pointer \(quoted(text)) has a '~' not followed by '0' or '1'; write '~0' for '~' and "
                        + "'~1' for '/' inside a key")
                return nil
            }
        }
        return text
    }

    mutating func string(_ value: SyntaxNode, _ name: String, example: String) -> String? {
        if case .string(let text) = value.value { return text }
        problem(value, "\(name) must be a string such as \(example), found " + value.kindDescription)
        return nil
    }

    func alternatives(_ names: [String]) -> String {
        let quotedNames = names.map { quoted($0) }
        guard quotedNames.count > 1, let last = quotedNames.last else { return quotedNames.first ?? "" }
        return quotedNames.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
