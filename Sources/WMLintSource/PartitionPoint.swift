/// The first index of `range` for which `isBefore` is false, where `isBefore` holds for a prefix of the range
/// and for nothing after it; `range.upperBound` when it holds throughout. Halves the range: O(log n) calls.
@inlinable
public func partitionPoint(in range: Range<Int>, _ isBefore: (Int) -> Bool) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
        let middle = low + (high - low) / 2
        if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low
}
