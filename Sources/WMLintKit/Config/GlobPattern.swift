/// A path pattern of the configuration (`include`, `exclude`, `ignore.files`), with gitignore semantics relative
/// to the configuration file's directory.
///
/// - `*` matches any run of characters except `/`; `?` one character except `/`; `[abc]`, `[a-z]`, `[!a]` and
///   `[^a]` one character of (or not of) a set; `\` makes the next character literal.
/// - `**` as a whole segment matches any number of directories: `**/x` at any depth, `a/**` everything inside
///   `a`, `a/**/b` zero or more directories between them. Elsewhere (`a**b`) it is a plain `*`.
/// - A leading `/` anchors the pattern to the configuration directory; a pattern with a `/` in the middle is
///   anchored too; a pattern without one (a trailing `/` aside) matches a name at any depth.
/// - A trailing `/` matches only a directory; a pattern that matches a directory matches everything under it.
/// - Matching is case-sensitive. Negation (`!pattern`) is not supported: it is reported as an error.
public struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    /// Why a pattern was rejected.
    public struct SyntaxError: Error, Hashable, Sendable {
        /// Lower-case, without a trailing period.
        public var message: String
    }

    /// The pattern as written.
    public let text: String
    private let segments: [Segment]
    private let matchesOnlyDirectories: Bool

    public var description: String { text }

    /// Parses `text`.
    public init(_ text: String) throws(SyntaxError) {
        self.text = text
        var body = Array(text.unicodeScalars)
        guard !body.isEmpty else { throw SyntaxError(message: "an empty pattern matches nothing") }
        if body.first == "!" {
            throw SyntaxError(
                message: "negation ('!') is not supported; narrow the other patterns instead, or write '\\!' for a "
                    + "name that starts with '!'")
        }
        var onlyDirectories = false
        while body.count > 1 && body.last == "/" && !GlobPattern.isEscaped(body, at: body.count - 1) {
            body.removeLast()
            onlyDirectories = true
        }
        var anchored = false
        if body.first == "/" {
            anchored = true
            while body.first == "/" { body.removeFirst() }
        }
        guard !body.isEmpty else { throw SyntaxError(message: "'/' alone matches nothing; name a file or directory") }
        var parts: [[Unicode.Scalar]] = [[]]
        var index = 0
        while index < body.count {
            let scalar = body[index]
            if scalar == "\\" {
                guard index + 1 < body.count else {
                    throw SyntaxError(message: "a trailing '\\' escapes nothing")
                }
                parts[parts.count - 1].append(scalar)
                parts[parts.count - 1].append(body[index + 1])
                index += 2
                continue
            }
            if scalar == "/" {
                anchored = true
                parts.append([])
            } else {
                parts[parts.count - 1].append(scalar)
            }
            index += 1
        }
        var segments: [Segment] = []
        for part in parts where !part.isEmpty && part != ["."] {
            if part == [".", "."] {
                throw SyntaxError(message: "'..' cannot leave the configuration file's directory")
            }
            if part == ["*", "*"] {
                if segments.last != .anyDirectories { segments.append(.anyDirectories) }
            } else {
                segments.append(.name(try GlobPattern.tokens(part)))
            }
        }
        guard !segments.isEmpty else { throw SyntaxError(message: "the pattern names no file or directory") }
        if !anchored && segments.first != .anyDirectories { segments.insert(.anyDirectories, at: 0) }
        // `a/**` is everything inside `a`, not `a` itself: at least one more segment.
        if segments.last == .anyDirectories && segments.count > 1 { segments.append(.name([.star])) }
        self.segments = segments
        matchesOnlyDirectories = onlyDirectories
    }

    /// Whether the pattern matches `path`, or a directory that contains it.
    ///
    /// - Parameters:
    ///   - path: `/`-separated, relative to the configuration file's directory, without `.` or `..` segments.
    ///   - isDirectory: whether `path` itself is a directory (a trailing-`/` pattern may then match it).
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        let components = path.split(separator: "/").filter { $0 != "." }.map { Array($0.unicodeScalars) }
        return matches(components: components, isDirectory: isDirectory)
    }

    /// Whether the pattern matches the path of `components` or one of its ancestor directories.
    func matches(components: [[Unicode.Scalar]], isDirectory: Bool) -> Bool {
        guard !components.isEmpty else { return false }
        for count in 1...components.count {
            if count == components.count && matchesOnlyDirectories && !isDirectory { continue }
            if GlobPattern.match(segments, components[0..<count]) { return true }
        }
        return false
    }

    // MARK: - Compiled form

    private enum Segment: Hashable {
        /// `**`: zero or more whole segments.
        case anyDirectories
        /// One segment's name pattern.
        case name([Token])
    }

    private enum Token: Hashable {
        case literal(Unicode.Scalar)
        /// `?`
        case one
        /// `*`
        case star
        /// `[…]`: single scalars and inclusive ranges; `negated` for `[!…]` and `[^…]`.
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    }

    private static func isEscaped(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= 0 && scalars[position] == "\\" {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }

    private static func tokens(_ part: [Unicode.Scalar]) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < part.count {
            let scalar = part[index]
            switch scalar {
            case "\\":
                // The parser above guarantees a following scalar.
                if index + 1 < part.count { tokens.append(.literal(part[index + 1])) }
                index += 2
            case "*":
                if tokens.last != .star { tokens.append(.star) }
                index += 1
            case "?":
                tokens.append(.one)
                index += 1
            case "[":
                let (token, next) = try set(part, from: index)
                tokens.append(token)
                index = next
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        return tokens
    }

    /// Parses the set that opens at `start` (`[`); returns it and the index after its `]`.
    private static func set(_ part: [Unicode.Scalar], from start: Int) throws(SyntaxError) -> (Token, Int) {
        var index = start + 1
        var negated = false
        if index < part.count && (part[index] == "!" || part[index] == "^") {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while index < part.count {
            var scalar = part[index]
            if scalar == "]" && !first { return (.set(ranges: ranges, negated: negated), index + 1) }
            first = false
            if scalar == "\\" && index + 1 < part.count {
                index += 1
                scalar = part[index]
            }
            index += 1
            if index + 1 < part.count && part[index] == "-" && part[index + 1] != "]" {
                var upper = part[index + 1]
                index += 2
                if upper == "\\" && index < part.count {
                    upper = part[index]
                    index += 1
                }
                guard scalar.value <= upper.value else {
                    throw SyntaxError(
                        message: "the range '\(scalar)-\(upper)' in '[…]' is reversed; write '\(upper)-\(scalar)'")
                }
                ranges.append(scalar.value...upper.value)
            } else {
                ranges.append(scalar.value...scalar.value)
            }
        }
        throw SyntaxError(
            message: "'[' opens a character set that is never closed; expected ']' (write '\\[' for a "
                + "literal '[')")
    }

    // MARK: - Matching (iterative, with one backtracking point per level: linear-ish, never recursive)

    private static func match(_ pattern: [Segment], _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        var patternIndex = 0
        var pathIndex = path.startIndex
        var starPattern = -1
        var starPath = 0
        while pathIndex < path.endIndex {
            if patternIndex < pattern.count {
                switch pattern[patternIndex] {
                case .anyDirectories:
                    starPattern = patternIndex
                    starPath = pathIndex
                    patternIndex += 1
                    continue
                case .name(let tokens):
                    if match(tokens, path[pathIndex]) {
                        patternIndex += 1
                        pathIndex += 1
                        continue
                    }
                }
            }
            guard starPattern >= 0 else { return false }
            patternIndex = starPattern + 1
            starPath += 1
            pathIndex = starPath
        }
        while patternIndex < pattern.count && pattern[patternIndex] == .anyDirectories { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    private static func match(_ tokens: [Token], _ name: [Unicode.Scalar]) -> Bool {
        var tokenIndex = 0
        var nameIndex = 0
        var starToken = -1
        var starName = 0
        while nameIndex < name.count {
            if tokenIndex < tokens.count {
                let token = tokens[tokenIndex]
                if token == .star {
                    starToken = tokenIndex
                    starName = nameIndex
                    tokenIndex += 1
                    continue
                }
                if matches(token, name[nameIndex]) {
                    tokenIndex += 1
                    nameIndex += 1
                    continue
                }
            }
            guard starToken >= 0 else { return false }
            tokenIndex = starToken + 1
            starName += 1
            nameIndex = starName
        }
        while tokenIndex < tokens.count && tokens[tokenIndex] == .star { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }

    private static func matches(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let literal): literal == scalar
        case .one: true
        case .star: true
        case .set(let ranges, let negated): ranges.contains { $0.contains(scalar.value) } != negated
        }
    }
}
