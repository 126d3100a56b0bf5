import Testing
import WMLintSource

@Suite struct LineTableTests {
    @Test func columnsCountScalarsAndUTF16Units() {
        let bytes = Array("a日本\n😀x\r\nz".utf8)
        let table = LineTable(bytes)
        let afterEmoji = Array("a日本\n".utf8).count + 4
        let location = table.location(of: afterEmoji, in: bytes)
        #expect(location.line == 2)
        #expect(location.column == 2)
        #expect(location.utf16Column == 3)
        #expect(table.location(of: 1000, in: bytes).offset == bytes.count)
    }
}

/// The per-byte arrays an ``OffsetMap`` stands for, checked against its runs.
private func expectMap(
    _ map: OffsetMap, starts: [Int], ends: [Int], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(map.count == ends.count, sourceLocation: sourceLocation)
    #expect(map.starts == starts, sourceLocation: sourceLocation)
    #expect(map.ends == ends, sourceLocation: sourceLocation)
    #expect(map.endOffset == starts.last, sourceLocation: sourceLocation)
    var mismatches: [Range<Int>] = []
    for lower in 0...ends.count {
        for upper in lower...ends.count {
            let expected: SourceRange =
                upper == lower ? .bytes(starts[lower], starts[lower]) : .bytes(starts[lower], ends[upper - 1])
            if map.fileRange(lower..<upper) != expected { mismatches.append(lower..<upper) }
        }
    }
    #expect(mismatches.isEmpty, sourceLocation: sourceLocation)
}

@Suite struct OffsetMapTests {
    @Test func aContiguousTextIsOneRun() {
        let map = OffsetMap.contiguous(base: 100, count: 4)
        expectMap(map, starts: [100, 101, 102, 103, 104], ends: [101, 102, 103, 104])
        #expect(map.fileRange(-3..<99) == .bytes(100, 104))
        #expect(map == OffsetMap(starts: [100, 101, 102, 103, 104], ends: [101, 102, 103, 104]))
        #expect(OffsetMap.contiguous(base: 7, count: 0).fileRange(0..<5) == .bytes(7, 7))
    }

    /// `'ab'\"c"$'\u00E9'` at offset 10: quoted segments, an escaped quote, the two UTF-8 bytes of one escape.
    @Test func segmentsEscapesAndMultiByteEscapes() {
        let starts = [11, 12, 15, 17, 19, 19, 29]
        let ends = [12, 13, 17, 18, 29, 29]
        var builder = OffsetMap.Builder()
        builder.appendStep(start: 11, count: 2)
        builder.append(start: 15, end: 17)
        builder.appendStep(start: 17, count: 1)
        builder.appendConstant(start: 19, end: 29, count: 2)
        let map = builder.map(endOffset: 29)
        expectMap(map, starts: starts, ends: ends)
        #expect(map == OffsetMap(starts: starts, ends: ends))
        #expect(map.hashValue == OffsetMap(starts: starts, ends: ends).hashValue)
        for from in 0...ends.count {
            expectMap(map.suffix(from: from), starts: Array(starts[from...]), ends: Array(ends[from...]))
            #expect(map.suffix(from: from) == OffsetMap(starts: Array(starts[from...]), ends: Array(ends[from...])))
        }
        #expect(map.firstIndex(startingAtLeast: 15) == 2)
        #expect(map.firstIndex(endingAtLeast: 29) == 4)
    }

    /// Random maps, built byte by byte and run by run, stand for the same arrays and compare equal.
    @Test func runsAgreeWithPerByteArrays() {
        var state: UInt64 = 0x0FF5_E7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            var starts: [Int] = []
            var ends: [Int] = []
            var builder = OffsetMap.Builder()
            var offset = next(20)
            for _ in 0..<next(12) {
                switch next(4) {
                case 0:
                    let count = 1 + next(4)
                    builder.appendStep(start: offset, count: count)
                    starts += Array(offset..<(offset + count))
                    ends += Array((offset + 1)..<(offset + count + 1))
                    offset += count
                case 1:
                    let count = 1 + next(3)
                    let width = 1 + next(3)
                    builder.appendConstant(start: offset, end: offset + width, count: count)
                    starts += Array(repeating: offset, count: count)
                    ends += Array(repeating: offset + width, count: count)
                    offset += next(2) == 0 ? width : 0
                case 2:
                    let width = next(3)
                    builder.append(start: offset, end: offset + width)
                    starts.append(offset)
                    ends.append(offset + width)
                    offset += width
                default:
                    offset += next(3)
                }
            }
            starts.append(offset)
            let map = builder.map(endOffset: offset)
            expectMap(map, starts: starts, ends: ends)
            #expect(map == OffsetMap(starts: starts, ends: ends))
            let from = next(ends.count + 1)
            #expect(map.suffix(from: from) == OffsetMap(starts: Array(starts[from...]), ends: Array(ends[from...])))
            let upper = from + next(ends.count - from + 1)
            let sliceEnd = upper > from ? ends[upper - 1] : starts[from]
            let sliced = map.slice(from..<upper)
            expectMap(sliced, starts: Array(starts[from..<upper]) + [sliceEnd], ends: Array(ends[from..<upper]))
            #expect(
                sliced == OffsetMap(starts: Array(starts[from..<upper]) + [sliceEnd], ends: Array(ends[from..<upper])))
        }
    }
}
