import WMLintSource

/// Whether two strings hold the same code points — the same UTF-8 bytes — as Python compares `str`s. Swift's `==`
/// also matches canonically equivalent spellings ("é" and "e" + U+0301); keys of a request must not merge so.
public func sameCodePoints(_ a: String, _ b: String) -> Bool {
    ByteScan.sameUTF8(a, b)
}

/// Up to this many keys, a collection is deduplicated by comparing its keys pairwise (``sameCodePoints(_:_:)``);
/// beyond, by hashing them (``ScalarKey``).
public let pairwiseKeyLimit = 16
