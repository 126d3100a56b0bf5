import Testing
import WMLintSource
import WMLintSyntax

/// The word-at-a-time scans every JSON document goes through (the encoding check, the line table), checked
/// against plain byte loops with the interesting byte at every offset of the first words and in the tail.
@Suite struct JSONInputScanTests {
    /// Byte-loop references.
    private static func naiveNUL(_ bytes: [UInt8]) -> Int? { bytes.firstIndex(of: 0) }

    private static func naiveLineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// ASCII filler of `count` bytes with no NUL and no line feed.
    private static func filler(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    }

    @Test func nulIsFoundAtEveryOffset() {
        for length in [1, 7, 8, 9, 31, 32, 33, 64, 100] {
            for position in 0..<length {
                var bytes = Self.filler(length)
                bytes[position] = 0
                let result = EncodingCheck.check(bytes, path: "in.json", form: .document)
                #expect(result.isUnreadable)
                #expect(result.diagnostics.map(\.range) == [.bytes(position, position + 1)], "\(length) \(position)")
            }
            #expect(EncodingCheck.check(Self.filler(length), path: "in.json", form: .document).diagnostics.isEmpty)
        }
    }

    @Test func invalidUTF8IsFoundAtEveryOffset() {
        // A lone continuation byte, a truncated sequence, an overlong form, a surrogate, a code point over U+10FFFF.
        let faults: [([UInt8], Int)] = [
            ([0x80], 1), ([0xE6, 0x97], 2), ([0xC0, 0xAF], 1), ([0xED, 0xA0, 0x80], 1),
            ([0xF4, 0x90, 0x80, 0x80], 1),
        ]
        for length in [8, 16, 32, 33, 70] {
            for position in 0..<length {
                for (fault, faultLength) in faults {
                    var bytes = Self.filler(length)
                    bytes.replaceSubrange(position..<position, with: fault)
                    // A truncated sequence at the very end of the text ends where the text does.
                    let expected = position..<(position + faultLength)
                    #expect(EncodingCheck.firstInvalidUTF8(bytes) == expected, "\(fault) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func multiByteTextIsValidWherever() {
        let text = Array("日本語 é 😀 \u{10FFFF} \u{FEFF}".utf8)
        for padding in 0..<40 {
            let bytes = Self.filler(padding) + text + Self.filler(40 - padding) + text
            #expect(EncodingCheck.firstInvalidUTF8(bytes) == nil)
            #expect(EncodingCheck.check(bytes, path: "in.json", form: .document).diagnostics.isEmpty)
        }
    }

    @Test func lineStartsMatchAByteLoop() {
        for length in [0, 1, 7, 8, 9, 17, 64] {
            for position in 0..<max(length, 1) {
                for gap in [1, 2, 7, 8, 9] {
                    var bytes = Self.filler(length)
                    var index = position
                    while index < length {
                        bytes[index] = UInt8(ascii: "\n")
                        index += gap
                    }
                    if position < length && position + 1 < length { bytes[position + 1] = UInt8(ascii: "\r") }
                    #expect(LineTable(bytes).lineStarts == Self.naiveLineStarts(bytes), "\(length) \(position) \(gap)")
                }
            }
        }
        let text = Array("日本語\r\n\t\"a\": 1,\n\n😀\n".utf8)
        #expect(LineTable(text).lineStarts == Self.naiveLineStarts(text))
    }

    @Test func aNULAndInvalidUTF8AreBothReported() {
        let bytes = Self.filler(40) + [0] + Self.filler(3) + [0xFF] + Self.filler(30)
        let result = EncodingCheck.check(bytes, path: "in.json", form: .document)
        #expect(result.diagnostics.map(\.range) == [.bytes(40, 41), .bytes(44, 45)])
        #expect(Self.naiveNUL(bytes) == 40)
    }
}
