import Testing

@testable import WMLintSyntax

@Suite struct YAMLMarkConverterTests {
    /// The byte offset of every Unicode scalar of `text` after `prefix` bytes, and the end.
    static func offsets(_ text: String, prefix: Int) -> [Int] {
        var result: [Int] = []
        var offset = prefix
        for scalar in text.unicodeScalars {
            result.append(offset)
            offset += String(scalar).utf8.count
        }
        result.append(offset)
        return result
    }

    /// Marks asked in any order (forward, backward, repeated, past the end) convert to the right offsets, with
    /// and without a byte order mark, across long ASCII runs and runs of 2-, 3- and 4-byte characters.
    @Test(arguments: [false, true])
    func convertsMarksInAnyOrder(bom: Bool) {
        let pieces = ["a", "bcdefghijklmnopq", "é", "日本語", "😀", " ", "ÿÿ", "x😀y", String(repeating: "z", count: 40)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
            let expected = Self.offsets(text, prefix: bom ? 3 : 0)
            BorrowedBytes.over(bytes) { buffer in
                var converter = MarkConverter(bytes: buffer)
                var index = 0
                for step in 0..<300 {
                    switch step % 5 {
                    case 0, 1: index += Int.random(in: 0...6, using: &generator)
                    case 2: index += Int.random(in: 0...40, using: &generator)
                    case 3: index -= Int.random(in: 0...12, using: &generator)
                    default: index = Int.random(in: 0...(expected.count + 2), using: &generator)
                    }
                    index = max(0, min(index, expected.count + 2))
                    let want = index < expected.count ? expected[index] : buffer.count
                    #expect(converter.offset(index) == want, "mark \(index) in \(text.debugDescription)")
                }
            }
        }
    }
}
