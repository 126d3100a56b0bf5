/// A stack in raw memory whose elements are moved in and out, never copied: the children of the open
/// containers, moved into a container's array when it closes.
///
/// The only place the JSON parser manages memory by hand. Owned by one ``JSONParserState`` and freed by
/// ``release()``; a copy of it (a second handle on the same memory) is only read, and only before the owner next
/// changes it. Indices are 0-based and must be below ``count``: they are not checked in release builds.
struct RawStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// The element at `index` (`0..<count`), read and changed in place.
    @inline(__always)
    subscript(index: Int) -> Element {
        _read { yield base[index] }
        _modify { yield &base[index] }
    }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    mutating func removeLast() {
        guard count > 0 else { return }
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// Moves the elements from `start` on into a new array, leaving `start` elements.
    mutating func takeSuffix(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        let result = [Element](unsafeUninitializedCapacity: moved) { target, initialized in
            if let destination = target.baseAddress {
                destination.moveInitialize(from: source, count: moved)
                initialized = moved
            }
        }
        count = start
        return result
    }

    /// Destroys the elements left and frees the memory.
    mutating func release() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
        capacity = 0
    }
}
