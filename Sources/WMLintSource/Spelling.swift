/// Near-miss detection for "did you mean" suggestions.
public enum Spelling {
    /// The Levenshtein distance between `a` and `b`, compared case-insensitively, capped at `limit + 1`.
    public static func distance(_ a: String, _ b: String, limit: Int = 8) -> Int {
        var rows = Rows()
        return distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars), limit, &rows)
    }

    /// The candidate closest to `word`, when it is close enough to be a plausible misspelling: equal ignoring
    /// case, or within an edit distance of about a quarter of its length (at least 2).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 4)
        // The word is lowered once and the rows reused across candidates (an unknown key per member of a large
        // document asks once per member).
        let x = Array(word.lowercased().unicodeScalars)
        var rows = Rows()
        var best: (String, Int)?
        for candidate in candidates {
            let score = distance(x, Array(candidate.lowercased().unicodeScalars), limit, &rows)
            if score <= limit, score < (best?.1 ?? Int.max) {
                best = (candidate, score)
            }
        }
        return best?.0
    }

    /// Two rows of the distance table, kept between comparisons.
    private struct Rows {
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// ``distance(_:_:limit:)`` of two lowered strings' scalars.
    private static func distance(
        _ x: [Unicode.Scalar], _ y: [Unicode.Scalar], _ limit: Int, _ rows: inout Rows
    ) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        rows.previous.removeAll(keepingCapacity: true)
        // Half-open ranges throughout: a closed range's iteration is not specialized here, and costs a generic copy
        // of its index per step.
        rows.previous.append(contentsOf: 0..<y.count + 1)
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(0, count: y.count + 1))
        for i in 1..<x.count + 1 {
            rows.current[0] = i
            var rowMinimum = rows.current[0]
            for j in 1..<y.count + 1 {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                rows.current[j] = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, rows.current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[y.count]
    }
}
