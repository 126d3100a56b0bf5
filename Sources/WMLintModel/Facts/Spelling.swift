/// Near-miss detection for "did you mean" suggestions.
public enum Spelling {
    /// The Levenshtein distance between `a` and `b`, compared case-insensitively, capped at `limit + 1`.
    public static func distance(_ a: String, _ b: String, limit: Int = 8) -> Int {
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word`, when it is close enough to be a plausible misspelling: equal ignoring
    /// case, or within an edit distance of about a quarter of its length (at least 2).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 4)
        var best: (String, Int)?
        for candidate in candidates {
            let score = distance(word, candidate, limit: limit)
            if score <= limit, score < (best?.1 ?? Int.max) {
                best = (candidate, score)
            }
        }
        return best?.0
    }
}
