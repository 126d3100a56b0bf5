/// A token of a JMESPath expression, as jmespath.py's lexer yields it.
struct JMESPathToken {
    /// jmespath.py's token types.
    enum Kind: UInt8 {
        case dot, star, rbracket, comma, colon, current, lparen, rparen, lbrace, rbrace
        case unquotedIdentifier, quotedIdentifier, literal, number
        case flatten, filter, lbracket
        case pipe, or, and, expref
        case lt, lte, gt, gte, eq, ne, not
        case eof

        /// jmespath.py's `BINDING_POWER`.
        var bindingPower: Int {
            switch self {
            case .eof, .unquotedIdentifier, .quotedIdentifier, .literal, .rbracket, .rparen, .comma, .rbrace,
                .number, .current, .expref, .colon:
                0
            case .pipe: 1
            case .or: 2
            case .and: 3
            case .eq, .gt, .lt, .gte, .lte, .ne: 5
            case .flatten: 9
            case .star: 20
            case .filter: 21
            case .dot: 40
            case .not: 45
            case .lbrace: 50
            case .lbracket: 55
            case .lparen: 60
            }
        }
    }

    var kind: Kind
    /// The token's first scalar: 0-based, in Unicode scalars of the expression.
    var start: Int
    /// Past the token's last scalar: 0-based, in Unicode scalars of the expression.
    var end: Int
    /// The token's text, for messages (`nil` for the end).
    var text: String?
}

/// jmespath.py's lexer (`lexer.py`), over Unicode scalars (Python `str` characters).
enum JMESPathLexer {
    /// The most digits Python's `int()` converts (`sys.int_info.default_max_str_digits`).
    static let maxDigits = 4300

    /// Every token of `scalars`, ending with `.eof`, or the first lexer error.
    static func tokens(of scalars: [Unicode.Scalar]) throws(JMESPathSyntaxError) -> [JMESPathToken] {
        guard !scalars.isEmpty else { throw JMESPathSyntaxError(kind: .empty, offset: nil) }
        var tokens: [JMESPathToken] = []
        var i = 0
        func text(_ start: Int, _ end: Int) -> String {
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars[start..<min(end, scalars.count)])
            return string
        }
        func add(_ kind: JMESPathToken.Kind, _ start: Int, _ end: Int) {
            tokens.append(JMESPathToken(kind: kind, start: start, end: end, text: text(start, end)))
        }
        func next(is scalar: Unicode.Scalar) -> Bool {
            i + 1 < scalars.count && scalars[i + 1] == scalar
        }
        // One token, or two characters when `second` follows.
        func oneOrTwo(_ second: Unicode.Scalar, _ single: JMESPathToken.Kind, _ double: JMESPathToken.Kind) {
            if next(is: second) {
                add(double, i, i + 2)
                i += 2
            } else {
                add(single, i, i + 1)
                i += 1
            }
        }
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar {
            case ".": add(.dot, i, i + 1)
            case "*": add(.star, i, i + 1)
            case "]": add(.rbracket, i, i + 1)
            case ",": add(.comma, i, i + 1)
            case ":": add(.colon, i, i + 1)
            case "@": add(.current, i, i + 1)
            case "(": add(.lparen, i, i + 1)
            case ")": add(.rparen, i, i + 1)
            case "{": add(.lbrace, i, i + 1)
            case "}": add(.rbrace, i, i + 1)
            case "a"..."z", "A"..."Z", "_":
                let start = i
                i += 1
                while i < scalars.count, isIdentifierScalar(scalars[i]) { i += 1 }
                add(.unquotedIdentifier, start, i)
                continue
            case " ", "\t", "\n", "\r":
                break
            case "[":
                if next(is: "]") {
                    add(.flatten, i, i + 2)
                    i += 2
                } else if next(is: "?") {
                    add(.filter, i, i + 2)
                    i += 2
                } else {
                    add(.lbracket, i, i + 1)
                    i += 1
                }
                continue
            case "'":
                let start = i
                _ = try delimited(scalars, &i, by: "'")
                add(.literal, start, i)
                continue
            case "|":
                oneOrTwo("|", .pipe, .or)
                continue
            case "&":
                oneOrTwo("&", .expref, .and)
                continue
            case "`":
                let start = i
                let lexeme = try delimited(scalars, &i, by: "`")
                try checkLiteral(lexeme, at: start)
                add(.literal, start, i)
                continue
            case "0"..."9", "-":
                let start = i
                i += 1
                while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
                let digits = scalar == "-" ? i - start - 1 : i - start
                if digits == 0 {
                    throw JMESPathSyntaxError(kind: .unknownToken("-"), offset: start)
                }
                if digits > maxDigits {
                    throw JMESPathSyntaxError(kind: .numberTooLong(digits: digits), offset: start)
                }
                add(.number, start, i)
                continue
            case "\"":
                let start = i
                let lexeme = try delimited(scalars, &i, by: "\"")
                if let fault = PythonJSON.stringBodyFault(lexeme[...]) {
                    throw JMESPathSyntaxError(kind: .invalidQuotedIdentifier(fault), offset: start)
                }
                add(.quotedIdentifier, start, i)
                continue
            case "<":
                oneOrTwo("=", .lt, .lte)
                continue
            case ">":
                oneOrTwo("=", .gt, .gte)
                continue
            case "!":
                oneOrTwo("=", .not, .ne)
                continue
            case "=":
                guard next(is: "=") else { throw JMESPathSyntaxError(kind: .unknownToken("="), offset: i) }
                add(.eq, i, i + 2)
                i += 2
                continue
            default:
                throw JMESPathSyntaxError(kind: .unknownToken(text(i, i + 1)), offset: i)
            }
            i += 1
        }
        tokens.append(JMESPathToken(kind: .eof, start: scalars.count, end: scalars.count, text: nil))
        return tokens
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": true
        default: false
        }
    }

    /// jmespath.py's `_consume_until`: the text from `i` (an opening `delimiter`) to the closing one, moving `i`
    /// past it. A backslash keeps itself and the character after it, so an escaped delimiter does not close.
    private static func delimited(
        _ scalars: [Unicode.Scalar], _ i: inout Int, by delimiter: Unicode.Scalar
    ) throws(JMESPathSyntaxError) -> [Unicode.Scalar] {
        let start = i
        var lexeme: [Unicode.Scalar] = []
        i += 1
        while i < scalars.count, scalars[i] != delimiter {
            if scalars[i] == "\\" {
                lexeme.append("\\")
                i += 1
                guard i < scalars.count else { break }
            }
            lexeme.append(scalars[i])
            i += 1
        }
        guard i < scalars.count else {
            throw JMESPathSyntaxError(kind: .unclosed(delimiter: Character(delimiter)), offset: start)
        }
        i += 1
        if delimiter == "'" || delimiter == "`" {
            // `lexeme.replace("\\'", "'")` / `replace("\\`", "`")`: an escaped delimiter stands for itself.
            var unescaped: [Unicode.Scalar] = []
            unescaped.reserveCapacity(lexeme.count)
            var j = 0
            while j < lexeme.count {
                if lexeme[j] == "\\", j + 1 < lexeme.count, lexeme[j + 1] == delimiter {
                    unescaped.append(delimiter)
                    j += 2
                } else {
                    unescaped.append(lexeme[j])
                    j += 1
                }
            }
            return unescaped
        }
        return lexeme
    }

    /// jmespath.py's `_consume_literal`: `json.loads(lexeme)`, or failing that the deprecated string form
    /// `json.loads('"%s"' % lexeme.lstrip())`.
    private static func checkLiteral(_ lexeme: [Unicode.Scalar], at start: Int) throws(JMESPathSyntaxError) {
        switch PythonJSON.loads(lexeme, maxDepth: JMESPath.maxDepth) {
        case .valid: return
        case .tooDeep:
            // Python's decoder runs out of recursion before it reports anything else: no fallback.
            throw JMESPathSyntaxError(kind: .tooDeep(limit: JMESPath.maxDepth), offset: start)
        case .invalid:
            var body = lexeme[...]
            while let first = body.first, PythonJSON.isSpace(first) { body = body.dropFirst() }
            if PythonJSON.stringBodyFault(body) != nil {
                throw JMESPathSyntaxError(kind: .invalidLiteral, offset: start)
            }
        }
    }
}
