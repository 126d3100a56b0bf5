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
        var fields: [Field] = []
        var start = 0
        var offset = 0
        var current = ""
        for scalar in value.unicodeScalars {
            let length = String(scalar).utf8.count
            if scalar == ":" && fields.count < 5 {
                fields.append(Field(text: current, range: start..<offset))
                current = ""
                start = offset + length
            } else {
                current.unicodeScalars.append(scalar)
            }
            offset += length
        }
        fields.append(Field(text: current, range: start..<offset))
        self.fields = fields
        var segments: [Field] = []
        if fields.count == 6 {
            let base = fields[5].range.lowerBound
            var segmentStart = base
            var position = base
            var text = ""
            for scalar in fields[5].text.unicodeScalars {
                let length = String(scalar).utf8.count
                if scalar == "/" {
                    segments.append(Field(text: text, range: segmentStart..<position))
                    text = ""
                    segmentStart = position + length
                } else {
                    text.unicodeScalars.append(scalar)
                }
                position += length
            }
            segments.append(Field(text: text, range: segmentStart..<position))
        }
        resource = segments
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
