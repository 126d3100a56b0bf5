/// An IAM Identity Center ARN cut into its fields: byte ranges into the value, no string per field.
///
/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, the resource being `instance/ID` or
/// `application/INSTANCE-ID/APPLICATION-ID`. Ranges are 0-based UTF-8 byte offsets into ``value``; a field's text
/// is made only when a message needs it (``text(_:)``).
struct ARN {
    /// The value the ranges index.
    let value: String
    /// The colon-separated fields (the sixth keeps any further colons); the first ``fieldCount`` are set.
    private(set) var fields: InlineArray<6, Range<Int>> = .init(repeating: 0..<0)
    /// How many fields the value has, at most 6.
    private(set) var fieldCount = 0
    /// The `/`-separated segments of the resource field (the sixth); the first `min(segmentCount, 3)` are set.
    private(set) var segments: InlineArray<3, Range<Int>> = .init(repeating: 0..<0)
    /// How many segments the resource has (0 without a sixth field); may exceed 3.
    private(set) var segmentCount = 0

    init(_ value: String) {
        self.value = value
        var copy = value
        copy.withUTF8 { bytes in
            let colon = UInt8(ascii: ":")
            var start = 0
            for index in 0..<bytes.count where bytes[index] == colon && fieldCount < 5 {
                fields[fieldCount] = start..<index
                fieldCount += 1
                start = index + 1
            }
            fields[fieldCount] = start..<bytes.count
            fieldCount += 1
            guard fieldCount == 6 else { return }
            let resource = fields[5]
            let slash = UInt8(ascii: "/")
            start = resource.lowerBound
            for index in resource where bytes[index] == slash {
                if segmentCount < 3 { segments[segmentCount] = start..<index }
                segmentCount += 1
                start = index + 1
            }
            if segmentCount < 3 { segments[segmentCount] = start..<resource.upperBound }
            segmentCount += 1
        }
    }

    var partition: Range<Int>? { fieldCount == 6 ? fields[1] : nil }
    var account: Range<Int>? { fieldCount == 6 ? fields[4] : nil }

    /// The text of the bytes `range` of the value.
    func text(_ range: Range<Int>) -> String {
        let utf8 = value.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Whether the text of the bytes `range` of the value equals `text`, as `String` compares (canonical
    /// equivalence): bytes first, strings only when the bytes differ and are not all ASCII.
    func text(_ range: Range<Int>, equals text: String) -> Bool {
        var value = value
        var text = text
        let outcome: Bool? = value.withUTF8 { mine in
            text.withUTF8 { theirs in Self.compare(mine[range], theirs[...]) }
        }
        return outcome ?? (self.text(range) == text)
    }

    /// Whether the text of the bytes `range` of the value equals that of `otherRange` of `other`'s value, as
    /// `String` compares.
    func text(_ range: Range<Int>, equals other: ARN, _ otherRange: Range<Int>) -> Bool {
        var value = value
        var otherValue = other.value
        let outcome: Bool? = value.withUTF8 { mine in
            otherValue.withUTF8 { theirs in Self.compare(mine[range], theirs[otherRange]) }
        }
        return outcome ?? (text(range) == other.text(otherRange))
    }

    /// `true` for equal bytes, `false` for different ASCII bytes, `nil` when only a string comparison can say.
    private static func compare(
        _ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>
    ) -> Bool? {
        if a.elementsEqual(b) { return true }
        return a.allSatisfy { $0 < 0x80 } && b.allSatisfy { $0 < 0x80 } ? false : nil
    }

    /// The 16 characters after `ins-` in the instance-id segment `segment` (the optional `sso` prefix is a
    /// spelling), as a byte range of the value; `nil` without either prefix.
    func instanceKey(_ segment: Range<Int>) -> Range<Int>? {
        var value = value
        return value.withUTF8 { bytes in
            let piece = UnsafeBufferPointer(rebasing: bytes[segment])
            if piece.starts(with: "ssoins-".utf8) { return segment.lowerBound + 7..<segment.upperBound }
            if piece.starts(with: "ins-".utf8) { return segment.lowerBound + 4..<segment.upperBound }
            return nil
        }
    }
}
