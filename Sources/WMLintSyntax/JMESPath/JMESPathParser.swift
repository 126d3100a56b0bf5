/// jmespath.py's top-down operator precedence parser (`parser.py`), reduced to the verdict.
///
/// Each method mirrors the Python method of the same role (`_expression`, `_token_nud_*`, `_token_led_*`,
/// `_parse_*`), in the same order of checks, so that the same texts are accepted. Of the tree only the kind of
/// the left node matters to later decisions (a function call needs a plain field on its left; an index
/// expression absorbs a following slice), so that is all that is kept.
struct JMESPathParser {
    typealias Kind = JMESPathToken.Kind

    /// The kinds of node later decisions look at.
    enum Node {
        case field, subexpression, indexExpression, other
    }

    /// Below this binding power a token ends a projection (`_PROJECTION_STOP`).
    static let projectionStop = 10

    let tokens: [JMESPathToken]
    let maxDepth: Int
    private var index = 0
    private var depth = 0

    /// `tokens` ends with `.eof` (``JMESPathLexer/tokens(of:)``).
    init(tokens: [JMESPathToken], maxDepth: Int) {
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    /// Parses the whole expression.
    mutating func parse() throws(JMESPathSyntaxError) {
        _ = try expression(0)
        let token = peek()
        if token.kind != .eof { throw failure(.unexpectedToken(token.text ?? ""), token) }
    }

    // MARK: Tokens

    /// The token `offset` places after the current one (before it, when negative), clamped to the list.
    private func peek(_ offset: Int = 0) -> JMESPathToken {
        let position = index + offset
        if position < 0 { return tokens[0] }
        return position < tokens.count ? tokens[position] : tokens[tokens.count - 1]
    }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func failure(_ kind: JMESPathSyntaxError.Kind, _ token: JMESPathToken) -> JMESPathSyntaxError {
        JMESPathSyntaxError(kind: kind, offset: token.start)
    }

    /// `_match`: consumes a token of `kind`, or fails (as incomplete at the end).
    private mutating func match(_ kind: Kind, _ expected: JMESPathExpectation) throws(JMESPathSyntaxError) {
        let token = peek()
        guard token.kind == kind else { throw expectationFailure(expected, token) }
        advance()
    }

    private func expectationFailure(_ expected: JMESPathExpectation, _ token: JMESPathToken) -> JMESPathSyntaxError {
        token.kind == .eof ? failure(.incomplete, token) : failure(.expected(expected, found: token.text), token)
    }

    // MARK: Expressions

    /// `_expression`: a null denotation, then left denotations while they bind tighter than `bindingPower`.
    private mutating func expression(_ bindingPower: Int) throws(JMESPathSyntaxError) -> Node {
        depth += 1
        defer { depth -= 1 }
        let token = peek()
        if depth > maxDepth { throw failure(.tooDeep(limit: maxDepth), token) }
        advance()
        var left = try nud(token)
        var current = peek()
        while bindingPower < current.kind.bindingPower {
            advance()
            left = try led(current, left)
            current = peek()
        }
        return left
    }

    /// The `_token_nud_*` methods: what a token means at the start of an expression.
    private mutating func nud(_ token: JMESPathToken) throws(JMESPathSyntaxError) -> Node {
        switch token.kind {
        case .literal, .current:
            return .other
        case .unquotedIdentifier:
            return .field
        case .quotedIdentifier:
            if peek().kind == .lparen { throw failure(.quotedFunctionName, token) }
            return .field
        case .star:
            if peek().kind != .rbracket { try projectionRightSide(Kind.star.bindingPower) }
            return .other
        case .filter:
            return try filter()
        case .lbrace:
            try multiSelectHash()
            return .other
        case .lparen:
            let inner = try expression(0)
            try match(.rparen, .closingParenthesis)
            return inner
        case .flatten:
            try projectionRightSide(Kind.flatten.bindingPower)
            return .other
        case .not:
            _ = try expression(Kind.not.bindingPower)
            return .other
        case .lbracket:
            let next = peek().kind
            if next == .number || next == .colon {
                return try projectIfSlice(try indexExpression())
            }
            if next == .star && peek(1).kind == .rbracket {
                advance()
                advance()
                try projectionRightSide(Kind.star.bindingPower)
                return .other
            }
            try multiSelectList()
            return .other
        case .expref:
            _ = try expression(Kind.expref.bindingPower)
            return .other
        case .eof:
            throw failure(.incomplete, token)
        default:
            throw failure(.invalidToken(token.text ?? ""), token)
        }
    }

    /// The `_token_led_*` methods: what `token` (already consumed) means after the expression `left`.
    private mutating func led(_ token: JMESPathToken, _ left: Node) throws(JMESPathSyntaxError) -> Node {
        switch token.kind {
        case .dot:
            if peek().kind != .star {
                _ = try dotRightSide(Kind.dot.bindingPower)
                return .subexpression
            }
            advance()
            try projectionRightSide(Kind.dot.bindingPower)
            return .other
        case .pipe, .or, .and, .eq, .ne, .gt, .gte, .lt, .lte:
            _ = try expression(token.kind.bindingPower)
            return .other
        case .lparen:
            guard left == .field else {
                let name = peek(-2)
                throw failure(.invalidFunctionName(name.text ?? ""), name)
            }
            while peek().kind != .rparen {
                _ = try expression(0)
                if peek().kind == .comma { advance() }
            }
            advance()
            return .other
        case .filter:
            return try filter()
        case .flatten:
            try projectionRightSide(Kind.flatten.bindingPower)
            return .other
        case .lbracket:
            let next = peek().kind
            if next == .number || next == .colon {
                let isSlice = try indexExpression()
                if left == .indexExpression { return .indexExpression }
                return try projectIfSlice(isSlice)
            }
            try match(.star, .star)
            try match(.rbracket, .closingBracket)
            try projectionRightSide(Kind.star.bindingPower)
            return .other
        default:
            // A token that binds (`*`, `!`, `{`) but has no meaning after an expression.
            throw failure(.invalidToken(token.text ?? ""), token)
        }
    }

    /// `_token_led_filter`, after `[?`.
    private mutating func filter() throws(JMESPathSyntaxError) -> Node {
        _ = try expression(0)
        try match(.rbracket, .closingBracket)
        if peek().kind != .flatten { try projectionRightSide(Kind.filter.bindingPower) }
        return .other
    }

    /// `_parse_index_expression`, after `[` with a number or `:` next; whether it is a slice.
    private mutating func indexExpression() throws(JMESPathSyntaxError) -> Bool {
        if peek().kind == .colon || peek(1).kind == .colon {
            try slice()
            return true
        }
        advance()
        try match(.rbracket, .closingBracket)
        return false
    }

    /// `_parse_slice_expression`: numbers and at most two `:` up to `]`. A number may follow a number (the
    /// later one wins in jmespath.py), so `[1:2 3]` is a slice.
    private mutating func slice() throws(JMESPathSyntaxError) {
        var colons = 0
        var token = peek()
        while token.kind != .rbracket {
            switch token.kind {
            case .colon:
                colons += 1
                if colons == 3 { throw failure(.invalidSlice(found: token.text), token) }
                advance()
            case .number:
                advance()
            default:
                throw failure(.invalidSlice(found: token.text), token)
            }
            token = peek()
        }
        advance()
    }

    /// `_project_if_slice`: a slice starts a projection.
    private mutating func projectIfSlice(_ isSlice: Bool) throws(JMESPathSyntaxError) -> Node {
        guard isSlice else { return .indexExpression }
        try projectionRightSide(Kind.star.bindingPower)
        return .other
    }

    /// `_parse_multi_select_list`, after `[`: expressions separated by `,` up to `]`.
    private mutating func multiSelectList() throws(JMESPathSyntaxError) {
        while true {
            _ = try expression(0)
            if peek().kind == .rbracket { break }
            try match(.comma, .comma)
        }
        advance()
    }

    /// `_parse_multi_select_hash`, after `{`: `key: expression` pairs up to `}`. jmespath.py needs no `,`
    /// between pairs (`{a: b c: d}` compiles).
    private mutating func multiSelectHash() throws(JMESPathSyntaxError) {
        while true {
            let key = peek()
            guard key.kind == .quotedIdentifier || key.kind == .unquotedIdentifier else {
                throw expectationFailure(.key, key)
            }
            advance()
            try match(.colon, .colon)
            _ = try expression(0)
            let next = peek().kind
            if next == .comma {
                advance()
            } else if next == .rbrace {
                advance()
                return
            }
        }
    }

    /// `_parse_projection_rhs`: what may follow a projection.
    private mutating func projectionRightSide(_ bindingPower: Int) throws(JMESPathSyntaxError) {
        let token = peek()
        if token.kind.bindingPower < Self.projectionStop { return }
        switch token.kind {
        case .lbracket, .filter:
            _ = try expression(bindingPower)
        case .dot:
            advance()
            _ = try dotRightSide(bindingPower)
        default:
            throw failure(.invalidProjection(found: token.text ?? ""), token)
        }
    }

    /// `_parse_dot_rhs`: what may follow `.`. At the end this is a plain parse error, not "incomplete", as in
    /// jmespath.py.
    private mutating func dotRightSide(_ bindingPower: Int) throws(JMESPathSyntaxError) -> Node {
        let token = peek()
        switch token.kind {
        case .quotedIdentifier, .unquotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            try multiSelectList()
            return .other
        case .lbrace:
            advance()
            try multiSelectHash()
            return .other
        default:
            throw failure(.expected(.afterDot, found: token.text), token)
        }
    }
}
