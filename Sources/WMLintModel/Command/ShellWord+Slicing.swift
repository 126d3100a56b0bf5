public import WMLintSource
public import WMLintSyntax

extension ShellWord {
    /// The part of the word from decoded byte `start` (0-based UTF-8 offset into ``text``) to its end, as a word
    /// of its own, still mapped into the file (for the value of `--option=value`).
    public func suffix(fromByte start: Int) -> ShellWord {
        let bytes = Array(text.utf8)
        let start = min(max(start, 0), bytes.count)
        let sliced = map.suffix(from: start)
        let range = sliced.fileRange(0..<(bytes.count - start))
        let lower = range.lowerBound
        return ShellWord(
            text: String(decoding: bytes[start...], as: UTF8.self),
            map: sliced,
            range: lower..<max(lower, self.range.upperBound),
            expansions: expansions.filter { $0.upperBound > lower })
    }

    /// The file range of decoded bytes `local` of ``text``.
    public func fileRange(_ local: Range<Int>) -> SourceRange {
        map.fileRange(local)
    }
}
