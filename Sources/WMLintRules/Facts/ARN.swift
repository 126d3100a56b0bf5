import WMLintModel
import WMLintSource

/// An IAM Identity Center ARN cut into its fields: byte ranges into the value, no string per field.
///
/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, the resource being `instance/ID` or
/// `application/INSTANCE-ID/APPLICATION-ID`. Ranges are 0-based UTF-8 byte offsets into ``value``; a field's text
/// is made only when a message needs it (``text(_:)``). The bytes are read through `Span`, bounds-checked.
struct ARN {
    /// The value the ranges index.
    let value: String
    /// The colon-separated fields by position (the sixth keeps any further colons); the first ``fieldCount`` are
    /// set.
    private(set) var fields: InlineArray<6, Range<Int>> = .init(repeating: 0..<0)
    /// How many fields the value has, at most 6.
    private(set) var fieldCount = 0
    /// The `/`-separated segments of the resource field (the sixth) by position; the first
    /// `min(segmentCount, 3)` are set.
    private(set) var segments: InlineArray<3, Range<Int>> = .init(repeating: 0..<0)
    /// How many segments the resource has (0 without a sixth field); may exceed 3.
    private(set) var segmentCount = 0

    init(_ value: String) {
        self.value = value
        let bytes = value.utf8.span
        let colon = UInt8(ascii: ":")
        var start = 0
        for index in bytes.indices where fieldCount < 5 && bytes[index] == colon {
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
        let theirs = text.utf8.span
        return Bytes.compare(value.utf8.span, range, theirs, 0..<theirs.count) ?? (self.text(range) == text)
    }

    /// Whether the text of the bytes `range` of the value equals that of `otherRange` of `other`'s value, as
    /// `String` compares.
    func text(_ range: Range<Int>, equals other: ARN, _ otherRange: Range<Int>) -> Bool {
        Bytes.compare(value.utf8.span, range, other.value.utf8.span, otherRange)
            ?? (text(range) == other.text(otherRange))
    }

    /// The 16 characters after `ins-` in the instance-id segment `segment` (the optional `sso` prefix is a
    /// spelling), as a byte range of the value; `nil` without either prefix.
    func instanceKey(_ segment: Range<Int>) -> Range<Int>? {
        let bytes = value.utf8.span
        if Bytes.starts(bytes, segment, with: "ssoins-") { return segment.lowerBound + 7..<segment.upperBound }
        if Bytes.starts(bytes, segment, with: "ins-") { return segment.lowerBound + 4..<segment.upperBound }
        return nil
    }
}

/// Recognises the service model's two ARN patterns, and names the first component at odds with them.
enum ArnFormat {
    /// Which of the two ARNs: `InstanceArn` or `ApplicationArn`.
    enum Kind {
        case instance, application

        /// The allowed lengths, in Unicode scalars.
        var length: ClosedRange<Int> {
            self == .instance ? ServiceFacts.instanceArnLength : ServiceFacts.applicationArnLength
        }
    }

    /// Why a value is not an ARN of its kind: the first wrong component, with its byte range in the value (0-based
    /// UTF-8 offsets) and its text where a message shows it.
    enum Fault: Equatable {
        /// Whitespace before or after the value; `endsWithNewline` when the value ends with a line break.
        case surroundingWhitespace(endsWithNewline: Bool)
        /// A length outside ``Kind/length``, in Unicode scalars.
        case length(Int)
        /// Whitespace inside the value.
        case innerWhitespace
        /// Fewer than six `:`-separated fields.
        case fieldCount
        /// The first field is not `arn`.
        case prefix(Range<Int>)
        case partition(Range<Int>, found: String)
        case service(Range<Int>, found: String)
        /// A region field that is not empty.
        case region(Range<Int>, found: String)
        /// An account field of the wrong form for the kind: not empty (instance), not 12 digits (application).
        case account(Range<Int>, found: String)
        case resourceType(Range<Int>, found: String)
        /// A resource with the wrong number of `/`-separated segments; the range is the whole resource.
        case resourceSegments(Range<Int>)
        case instanceID(Range<Int>, found: String)
        case applicationID(Range<Int>, found: String)
        /// None of the above, yet the value does not match the pattern.
        case pattern

        /// The bytes of the component at fault; `nil` for the whole value.
        var range: Range<Int>? {
            switch self {
            case .surroundingWhitespace, .length, .innerWhitespace, .fieldCount, .pattern: nil
            case .prefix(let range), .resourceSegments(let range): range
            case .partition(let range, _), .service(let range, _), .region(let range, _), .account(let range, _),
                .resourceType(let range, _), .instanceID(let range, _), .applicationID(let range, _):
                range
            }
        }
    }

    /// Whether `value` matches the kind's pattern of the service model (lengths apart).
    ///
    /// The same test as ``patternFault(_:kind:)`` returning `nil`, over the bytes without cutting the value into
    /// strings: every component it checks is ASCII, so byte comparison and `String` comparison agree.
    static func matches(_ value: String, kind: Kind) -> Bool {
        let bytes = value.utf8.span
        for index in bytes.indices where Bytes.isWhitespace(bytes[index]) { return false }
        // `arn:PARTITION:sso::ACCOUNT:` then the resource, which keeps any further colons.
        var start = 0
        let colon = UInt8(ascii: ":")
        guard let arn = Bytes.field(bytes, from: &start, endingAt: colon), Bytes.equals(bytes, arn, "arn"),
            let partition = Bytes.field(bytes, from: &start, endingAt: colon),
            ServiceFacts.partitions.contains(where: { Bytes.equals(bytes, partition, $0) }),
            let service = Bytes.field(bytes, from: &start, endingAt: colon), Bytes.equals(bytes, service, "sso"),
            let region = Bytes.field(bytes, from: &start, endingAt: colon), region.isEmpty,
            let account = Bytes.field(bytes, from: &start, endingAt: colon)
        else { return false }
        switch kind {
        case .instance:
            guard account.isEmpty else { return false }
        case .application:
            guard account.count == 12, Bytes.all(bytes, account, Bytes.isDigit) else { return false }
        }
        // The resource: `instance/ID` or `application/INSTANCE-ID/APPLICATION-ID`, nothing more.
        let slash = UInt8(ascii: "/")
        guard let type = Bytes.field(bytes, from: &start, endingAt: slash),
            Bytes.equals(bytes, type, kind == .instance ? "instance" : "application")
        else { return false }
        let instance: Range<Int>
        var application: Range<Int>?
        if kind == .instance {
            instance = start..<bytes.count
        } else {
            guard let segment = Bytes.field(bytes, from: &start, endingAt: slash) else { return false }
            instance = segment
            application = start..<bytes.count
        }
        guard Bytes.all(bytes, instance, { $0 != slash }),
            Bytes.all(bytes, application ?? 0..<0, { $0 != slash })
        else { return false }
        guard let body = instanceBody(bytes, instance), body.count == 16, Bytes.all(bytes, body, isInstanceIDByte)
        else { return false }
        guard let application else { return true }
        return application.count == 20 && Bytes.starts(bytes, application, with: "apl-")
            && Bytes.all(bytes, application.lowerBound + 4..<application.upperBound, Bytes.isAlphanumeric)
    }

    /// The first wrong component of `value`, which does not match the kind's pattern.
    static func firstFault(_ value: String, kind: Kind) -> Fault {
        if value.trimmingWhitespace != value {
            return .surroundingWhitespace(endsWithNewline: value.hasSuffix("\n"))
        }
        let length = value.unicodeScalars.count
        if !kind.length.contains(length) { return .length(length) }
        return patternFault(value, kind: kind) ?? .pattern
    }

    /// The first component at odds with the pattern, or `nil` when the value matches it.
    static func patternFault(_ value: String, kind: Kind) -> Fault? {
        if value.utf8.contains(where: Bytes.isWhitespace) { return .innerWhitespace }
        let arn = ARN(value)
        guard arn.fieldCount == 6 else { return .fieldCount }
        let fields = (0..<6).map { (text: arn.text(arn.fields[$0]), range: arn.fields[$0]) }
        if fields[0].text != "arn" { return .prefix(fields[0].range) }
        if !ServiceFacts.partitions.contains(fields[1].text) {
            return .partition(fields[1].range, found: fields[1].text)
        }
        if fields[2].text != "sso" { return .service(fields[2].range, found: fields[2].text) }
        if !fields[3].text.isEmpty { return .region(fields[3].range, found: fields[3].text) }
        let account = fields[4].text
        let accountIsRight =
            kind == .instance ? account.isEmpty : account.utf8.count == 12 && account.utf8.allSatisfy(Bytes.isDigit)
        if !accountIsRight { return .account(fields[4].range, found: account) }
        let segments = (0..<min(arn.segmentCount, 3)).map {
            (text: arn.text(arn.segments[$0]), range: arn.segments[$0])
        }
        if segments[0].text != (kind == .instance ? "instance" : "application") {
            return .resourceType(segments[0].range, found: segments[0].text)
        }
        if arn.segmentCount != (kind == .instance ? 2 : 3) { return .resourceSegments(fields[5].range) }
        if !isInstanceID(segments[1].text) { return .instanceID(segments[1].range, found: segments[1].text) }
        if kind == .application && !isApplicationID(segments[2].text) {
            return .applicationID(segments[2].range, found: segments[2].text)
        }
        return nil
    }

    /// The bytes after `ssoins-` or `ins-` in `segment`, or `nil` without either prefix.
    private static func instanceBody(_ bytes: Span<UInt8>, _ segment: Range<Int>) -> Range<Int>? {
        if Bytes.starts(bytes, segment, with: "ssoins-") { return segment.lowerBound + 7..<segment.upperBound }
        if Bytes.starts(bytes, segment, with: "ins-") { return segment.lowerBound + 4..<segment.upperBound }
        return nil
    }

    /// `[a-zA-Z0-9-.]`.
    private static func isInstanceIDByte(_ byte: UInt8) -> Bool {
        Bytes.isAlphanumeric(byte) || byte == 0x2D || byte == 0x2E
    }

    /// `(sso)?ins-[a-zA-Z0-9-.]{16}`.
    static func isInstanceID(_ text: String) -> Bool {
        let body =
            text.hasPrefix("ssoins-") ? text.utf8.dropFirst(7) : text.hasPrefix("ins-") ? text.utf8.dropFirst(4) : nil
        guard let body else { return false }
        return body.count == 16 && body.allSatisfy(isInstanceIDByte)
    }

    /// `apl-[a-zA-Z0-9]{16}`.
    static func isApplicationID(_ text: String) -> Bool {
        guard text.hasPrefix("apl-") else { return false }
        let body = text.utf8.dropFirst(4)
        return body.count == 16 && body.allSatisfy(Bytes.isAlphanumeric)
    }
}

/// Byte-level tests over a `Span` of UTF-8 code units; ranges are 0-based offsets into the span.
private enum Bytes {
    /// ASCII space, tab, line feed, vertical tab, form feed, carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `[a-zA-Z0-9]`.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The bytes from `start` to the next `separator` (excluded), moving `start` past the separator; `nil` when no
    /// separator follows.
    static func field(_ bytes: Span<UInt8>, from start: inout Int, endingAt separator: UInt8) -> Range<Int>? {
        var index = start
        while index < bytes.count {
            if bytes[index] == separator {
                defer { start = index + 1 }
                return start..<index
            }
            index += 1
        }
        return nil
    }

    static func all(_ bytes: Span<UInt8>, _ range: Range<Int>, _ test: (UInt8) -> Bool) -> Bool {
        for index in range where !test(bytes[index]) { return false }
        return true
    }

    /// Whether the bytes `range` are exactly `text`'s.
    static func equals(_ bytes: Span<UInt8>, _ range: Range<Int>, _ text: String) -> Bool {
        var index = range.lowerBound
        for byte in text.utf8 {
            guard index < range.upperBound, bytes[index] == byte else { return false }
            index += 1
        }
        return index == range.upperBound
    }

    /// Whether the bytes `range` start with `text`'s.
    static func starts(_ bytes: Span<UInt8>, _ range: Range<Int>, with text: String) -> Bool {
        var index = range.lowerBound
        for byte in text.utf8 {
            guard index < range.upperBound, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// `true` for equal bytes, `false` for different ASCII bytes, `nil` when only a string comparison can say.
    static func compare(_ a: Span<UInt8>, _ aRange: Range<Int>, _ b: Span<UInt8>, _ bRange: Range<Int>) -> Bool? {
        if aRange.count == bRange.count {
            var equal = true
            for offset in 0..<aRange.count where a[aRange.lowerBound + offset] != b[bRange.lowerBound + offset] {
                equal = false
                break
            }
            if equal { return true }
        }
        return all(a, aRange, { $0 < 0x80 }) && all(b, bRange, { $0 < 0x80 }) ? false : nil
    }
}
