import WMLintSource
/// JMESPath expressions checked as the AWS CLI checks `--query`: with jmespath.py's `compile()`.
///
/// The checker follows jmespath.py 1.x (`lexer.py`, `parser.py`) token for token: the whole text is lexed first
/// (so a lexer error anywhere wins over a parse error), then a Pratt parser with jmespath.py's binding powers
/// reads the tokens. Only the verdict is kept: no tree is built. `compile()` does not look function names up
/// (`unknown_fn(a)` compiles; it fails only when searched), and neither does this checker.
///
/// Where jmespath.py leans on Python:
/// - a `` `…` `` literal is read with `json.loads` (NaN, Infinity, duplicate keys and lone surrogate escapes
///   accepted; a leading U+FEFF or an integer of more than 4,300 digits refused), and when that fails, as the
///   deprecated form `json.loads('"' + text.lstrip() + '"')`;
/// - a `"…"` identifier is read with `json.loads`;
/// - a number token goes through `int()`, which refuses more than 4,300 digits.
///
/// Nesting is bounded: an expression whose sub-expressions nest deeper than ``maxDepth`` (or a literal whose
/// arrays and objects do) is refused with ``JMESPathSyntaxError/Kind/tooDeep(limit:)``. jmespath.py has no limit
/// of its own but runs out of Python's recursion limit: through the AWS CLI, `*.` chains are refused from about
/// 250 levels, `[*]`, `[?…]` and `{a: …}` from about 330, `(…)` and `!` from about 490, and literal arrays from
/// about 980.
public enum JMESPath {
    /// How deep sub-expressions, and arrays and objects inside a literal, may nest.
    public static let maxDepth = 256

    /// Why `expression` does not compile, or `nil` when jmespath.py's `compile()` accepts it.
    public static func syntaxError(in expression: String) -> JMESPathSyntaxError? {
        let scalars = Array(expression.unicodeScalars)
        do throws(JMESPathSyntaxError) {
            let tokens = try JMESPathLexer.tokens(of: scalars)
            var parser = JMESPathParser(tokens: tokens, maxDepth: maxDepth)
            try parser.parse()
            return nil
        } catch {
            return error
        }
    }
}

/// Why a JMESPath expression does not compile, and where.
public struct JMESPathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The expression is empty.
        case empty
        /// A character no token starts with (`=` alone, `-` without digits, `#`, `é`).
        case unknownToken(String)
        /// A `` ` ``, `'` or `"` that is never closed.
        case unclosed(delimiter: Character)
        /// A `` `…` `` literal that is neither JSON nor a valid deprecated string literal.
        case invalidLiteral
        /// A `"…"` identifier that is not a JSON string.
        case invalidQuotedIdentifier(JSONStringFault)
        /// A number token of more than 4,300 digits, which Python's `int()` refuses.
        case numberTooLong(digits: Int)
        /// The expression ends where more is needed (`a.b(`, `Foo[0`, `a ==`).
        case incomplete
        /// A token after a complete expression (`a b`, `*]`).
        case unexpectedToken(String)
        /// A token that cannot start, or cannot continue, an expression here (`.a`, `a*`, `f(,)`).
        case invalidToken(String)
        /// A token other than the one the grammar requires here; `found` is `nil` at the end.
        case expected(JMESPathExpectation, found: String?)
        /// A slice with something other than numbers and at most two `:` (`a[1::2:]`, `a[x:]`).
        case invalidSlice(found: String?)
        /// A token that cannot follow a projection (`**`, `a[*]x`).
        case invalidProjection(found: String)
        /// A `"…"` identifier used as a function name.
        case quotedFunctionName
        /// A `(` after something that is not a plain name (`[0](`).
        case invalidFunctionName(String)
        /// Nesting deeper than the checker goes.
        case tooDeep(limit: Int)
    }

    /// What is wrong.
    public var kind: Kind
    /// Where the expression fails: 0-based, in Unicode scalars of the expression, or `nil` for an empty one.
    ///
    /// This is jmespath.py's position (a Python `str` index): the start of the offending token, the opening
    /// delimiter of a bad literal, identifier or string, or the length of the expression when it is incomplete.
    /// One exception: for ``Kind/quotedFunctionName`` jmespath.py says 0; this is the identifier's start.
    public var offset: Int?

    /// The reason in words, lower-case, in the manner of jmespath.py's messages (`unknown token '='`).
    public var reason: String {
        switch kind {
        case .empty: "cannot be empty"
        case .unknownToken(let text): "unknown token \(quoted(text))"
        case .unclosed(let delimiter): "unclosed \(delimiter) delimiter"
        case .invalidLiteral: "bad literal: the text between backquotes is not JSON"
        case .invalidQuotedIdentifier(let fault): "bad quoted identifier: \(fault.reason)"
        case .numberTooLong(let digits): "number of \(digits) digits; Python converts at most 4300"
        case .incomplete: "incomplete expression"
        case .unexpectedToken(let text): "unexpected token \(quoted(text))"
        case .invalidToken(let text): "invalid token \(quoted(text))"
        case .expected(let expected, let found): "expected \(expected.words), found \(Self.describe(found))"
        case .invalidSlice(let found): "syntax error in a slice at \(Self.describe(found))"
        case .invalidProjection(let found): "syntax error after a projection at \(quoted(found))"
        case .quotedFunctionName: "a quoted identifier cannot name a function"
        case .invalidFunctionName(let text): "invalid function name \(quoted(text))"
        case .tooDeep(let limit): "nested deeper than \(limit) levels"
        }
    }

    /// ``reason`` and, when known, the 1-based column (in Unicode scalars) it applies to.
    public var description: String {
        guard let offset else { return reason }
        return "\(reason) at column \(offset + 1)"
    }

    private static func describe(_ found: String?) -> String {
        found.map { quoted($0, limit: 30) } ?? "the end"
    }
}

/// What the grammar requires where a ``JMESPathSyntaxError/Kind/expected(_:found:)`` error is.
public enum JMESPathExpectation: Sendable, Hashable {
    case closingBracket, closingParenthesis, colon, comma, star
    /// A key of a `{…}` multi-select: a plain or quoted identifier.
    case key
    /// What may follow `.`: an identifier, `*`, `[` or `{`.
    case afterDot

    var words: String {
        switch self {
        case .closingBracket: "']'"
        case .closingParenthesis: "')'"
        case .colon: "':'"
        case .comma: "','"
        case .star: "'*'"
        case .key: "an identifier as the key"
        case .afterDot: "an identifier, '*', '[' or '{' after '.'"
        }
    }
}

/// Why text is not a JSON string body, in the terms of Python's `json` decoder.
public enum JSONStringFault: Sendable, Hashable {
    /// A backslash followed by something other than `"\/bfnrtu` ("Invalid \escape").
    case invalidEscape
    /// `\u` not followed by four hexadecimal digits ("Invalid \uXXXX escape").
    case invalidUnicodeEscape
    /// A character below U+0020 ("Invalid control character").
    case controlCharacter
    /// A `"` inside the text, or a backslash at its end.
    case unescapedQuote

    var reason: String {
        switch self {
        case .invalidEscape: "invalid \\escape"
        case .invalidUnicodeEscape: "invalid \\uXXXX escape"
        case .controlCharacter: "invalid control character"
        case .unescapedQuote: "unescaped '\"'"
        }
    }
}
