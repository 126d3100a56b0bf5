/// An IAM Identity Center ARN cut into its fields, with each field's place in the value.
///
/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, the resource being `instance/ID` or
/// `application/INSTANCE-ID/APPLICATION-ID`. Offsets are 0-based UTF-8 byte offsets into the value.
struct ARN {
    struct Field {
        var text: String
        /// Byte offsets of the field in the value.
        var range: Range<Int>
    }

    /// The six colon-separated fields (the last one keeps any further colons), or fewer when the value has fewer.
    let fields: [Field]
    /// The `/`-separated segments of the resource field.
    let resource: [Field]

    init(_ value: String) {
        var value = value
        (fields, resource) = value.withUTF8 { bytes in
            let fields = Self.split(bytes, 0..<bytes.count, at: UInt8(ascii: ":"), maxSplits: 5)
            let resource = fields.count == 6 ? Self.split(bytes, fields[5].range, at: UInt8(ascii: "/")) : []
            return (fields, resource)
        }
    }

    /// The bytes in `range` cut at the ASCII `separator` (at most `maxSplits` times); each piece's range is in
    /// `bytes`.
    private static func split(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at separator: UInt8, maxSplits: Int = .max
    ) -> [Field] {
        func field(_ piece: Range<Int>) -> Field {
            Field(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[piece]), as: UTF8.self), range: piece)
        }
        var pieces: [Field] = []
        // An ARN has six fields and its resource two or three segments: one allocation, no regrowth.
        pieces.reserveCapacity(Swift.min(maxSplits, 7) + 1)
        var start = range.lowerBound
        for index in range where bytes[index] == separator && pieces.count < maxSplits {
            pieces.append(field(start..<index))
            start = index + 1
        }
        pieces.append(field(start..<range.upperBound))
        return pieces
    }

    var partition: Field? { fields.count == 6 ? fields[1] : nil }
    var account: Field? { fields.count == 6 ? fields[4] : nil }

    /// The 16 characters after `ins-` in an instance-id segment (the optional `sso` prefix is a spelling).
    static func instanceKey(_ segment: String) -> String? {
        let body =
            segment.hasPrefix("ssoins-") ? segment.dropFirst(7) : segment.hasPrefix("ins-") ? segment.dropFirst(4) : nil
        return body.map(String.init)
    }
}
