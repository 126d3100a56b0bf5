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
        fields = Self.split(value, at: UInt8(ascii: ":"), base: 0, maxSplits: 5)
        resource =
            fields.count == 6 ? Self.split(fields[5].text, at: UInt8(ascii: "/"), base: fields[5].range.lowerBound) : []
    }

    /// `text` cut at the ASCII `separator` (at most `maxSplits` times), each piece with its byte range shifted by
    /// `base`.
    private static func split(_ text: String, at separator: UInt8, base: Int, maxSplits: Int = .max) -> [Field] {
        let bytes = Array(text.utf8)
        var pieces: [Field] = []
        var start = 0
        for index in bytes.indices where bytes[index] == separator && pieces.count < maxSplits {
            pieces.append(
                Field(
                    text: String(decoding: bytes[start..<index], as: UTF8.self), range: (base + start)..<(base + index))
            )
            start = index + 1
        }
        pieces.append(
            Field(text: String(decoding: bytes[start...], as: UTF8.self), range: (base + start)..<(base + bytes.count)))
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
