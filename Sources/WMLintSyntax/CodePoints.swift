#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether two strings hold the same code points — the same UTF-8 bytes — as Python compares `str`s. Swift's `==`
/// also matches canonically equivalent spellings ("é" and "e" + U+0301); keys of a request must not merge so.
public func sameCodePoints(_ a: String, _ b: String) -> Bool {
    let count = a.utf8.count
    guard count == b.utf8.count else { return false }
    let contiguous = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool in
            guard let first = x.baseAddress, let second = y.baseAddress else { return true }
            return memcmp(first, second, count) == 0
        }
    }
    if let contiguous, let equal = contiguous { return equal }
    return a.utf8.elementsEqual(b.utf8)
}

/// Up to this many keys, a collection is deduplicated by comparing its keys pairwise (``sameCodePoints(_:_:)``);
/// beyond, by hashing them (``ScalarKey``).
public let pairwiseKeyLimit = 16
