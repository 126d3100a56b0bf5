import Testing
import WMLintSource

/// ``ByteScan``'s word-at-a-time and `memchr` searches agree with a byte-by-byte reading, at every length around
/// the 8- and 32-byte blocks and at every position of the byte looked for.
@Suite struct ByteScanTests {
    /// Lengths on both sides of the block sizes.
    static let lengths = [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100]

    @Test(arguments: lengths)
    func lineStartsMatchEveryLineFeed(length: Int) {
        for position in [-1] + Array(0..<length) {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            if position >= 0 { bytes[position] = UInt8(ascii: "\n") }
            // A multi-byte character and a CR, which are not line feeds.
            if length > 4, position != 2, position != 3, position != 4 {
                bytes.replaceSubrange(2..<4, with: Array("é".utf8))
                bytes[4] = UInt8(ascii: "\r")
            }
            var expected = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { expected.append(offset + 1) }
            #expect(ByteScan.lineStarts(bytes) == expected, "length \(length), line feed at \(position)")
        }
    }

    @Test(arguments: lengths)
    func firstNULIsTheFirstZeroByte(length: Int) {
        #expect(ByteScan.firstNUL([UInt8](repeating: 0x80, count: length)) == nil)
        for position in 0..<length {
            var bytes = [UInt8](repeating: 0x01, count: length)
            bytes[position] = 0
            if position + 1 < length { bytes[length - 1] = 0 }
            #expect(ByteScan.firstNUL(bytes) == position, "length \(length), NUL at \(position)")
        }
    }

    @Test func firstIndexSearchesFromAnOffsetAndClampsOutOfRange() {
        let bytes = Array("a#b#日本#".utf8)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 0) == 1)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 2) == 3)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 4) == bytes.count - 1)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: bytes.count) == nil)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: -1) == nil)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "#"), in: [], from: 0) == nil)
        #expect(ByteScan.firstIndex(of: UInt8(ascii: "z"), in: bytes, from: 0) == nil)
    }

    @Test func bytesEqualAWordOnlyWhereAllOfItFits() {
        let bytes = Array("# wmlint-disable-line".utf8)
        #expect(ByteScan.bytes(bytes, at: 2, equal: "wmlint-disable-"))
        #expect(!ByteScan.bytes(bytes, at: 1, equal: "wmlint-disable-"))
        #expect(!ByteScan.bytes(bytes, at: bytes.count - 4, equal: "wmlint-disable-"))
        #expect(!ByteScan.bytes(bytes, at: -1, equal: "#"))
        #expect(ByteScan.bytes(bytes, at: bytes.count, equal: ""))
        #expect(!ByteScan.bytes([], at: 0, equal: "#"))
    }

    @Test func sameUTF8ComparesBytesNotCanonicalEquivalence() {
        #expect(ByteScan.sameUTF8("日本語", "日本語"))
        #expect(!ByteScan.sameUTF8("é", "e\u{301}"))
        #expect(!ByteScan.sameUTF8("ab", "abc"))
        #expect(ByteScan.sameUTF8("", ""))
    }
}
