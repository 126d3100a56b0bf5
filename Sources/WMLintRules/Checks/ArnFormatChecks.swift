import WMLintModel
import WMLintSource
import WMLintSyntax

/// `instance-arn-format`: `InstanceArn` does not match its pattern; the range covers the component at fault.
enum InstanceArnFormatCheck: Check {
    static func run(_ state: inout CheckState) {
        ArnFormat.check(kind: .instance, &state)
    }
}

/// `application-arn-format`: `ApplicationArn` does not match its pattern; the range covers the component at fault.
enum ApplicationArnFormatCheck: Check {
    static func run(_ state: inout CheckState) {
        ArnFormat.check(kind: .application, &state)
    }
}

/// Dissects an ARN and names the first component that is wrong.
enum ArnFormat {
    enum Kind {
        case instance, application

        var member: String { self == .instance ? "InstanceArn" : "ApplicationArn" }
        var field: Member { self == .instance ? .instanceArn : .applicationArn }
        var rule: RuleID { self == .instance ? .instanceArnFormat : .applicationArnFormat }
        var example: String {
            self == .instance
                ? "arn:aws:sso:::instance/ssoins-1234567890abcdef"
                : "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef"
        }
        var length: ClosedRange<Int> {
            self == .instance ? ServiceFacts.instanceArnLength : ServiceFacts.applicationArnLength
        }
    }

    static func check(kind: Kind, _ state: inout CheckState) {
        guard let value = state.valid(kind.field), !matches(value, kind: kind),
            let location = state.location(of: kind.field),
            let diagnostic = diagnostic(value, kind: kind, at: location)
        else { return }
        state.report(diagnostic, faulty: kind.field)
    }

    /// The diagnostic of an ARN of `kind` in any covered operation, or `nil` when it is valid; its range covers
    /// the component at fault.
    static func diagnostic(_ value: String, kind: Kind, at location: ValueLocation) -> Diagnostic? {
        guard !matches(value, kind: kind) else { return nil }
        let fault = firstFault(value, kind: kind)
        let range = fault.range.map { location.range(ofContent: $0) }
        return Diagnostic(
            rule: kind.rule, message: "\(quoted(value)) is not a valid \(kind.member): \(fault.reason)",
            at: location, range: range, help: ["\(kind.member) looks like '\(kind.example)'"])
    }

    /// Whether `value` matches the kind's pattern of the service model (lengths apart).
    ///
    /// The same test as ``patternFault(_:kind:)`` returning `nil`, over the bytes without cutting the value into
    /// strings: every component it checks is ASCII, so byte comparison and `String` comparison agree.
    static func matches(_ value: String, kind: Kind) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in matches(bytes, kind: kind) }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, kind: Kind) -> Bool {
        if bytes.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return false }
        // `arn:PARTITION:sso::ACCOUNT:` then the resource, which keeps any further colons.
        var start = 0
        func field(endingAt separator: UInt8, before end: Int) -> Slice<UnsafeBufferPointer<UInt8>>? {
            guard let index = bytes[start..<end].firstIndex(of: separator) else { return nil }
            defer { start = index + 1 }
            return bytes[start..<index]
        }
        let colon = UInt8(ascii: ":")
        guard let arn = field(endingAt: colon, before: bytes.count), equals(arn, "arn"),
            let partition = field(endingAt: colon, before: bytes.count),
            partitionBytes.contains(where: { partition.elementsEqual($0) }),
            let service = field(endingAt: colon, before: bytes.count), equals(service, "sso"),
            let region = field(endingAt: colon, before: bytes.count), region.isEmpty,
            let account = field(endingAt: colon, before: bytes.count)
        else { return false }
        switch kind {
        case .instance:
            guard account.isEmpty else { return false }
        case .application:
            guard account.count == 12, account.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        }
        // The resource: `instance/ID` or `application/INSTANCE-ID/APPLICATION-ID`, nothing more.
        let slash = UInt8(ascii: "/")
        guard let type = field(endingAt: slash, before: bytes.count),
            equals(type, kind == .instance ? "instance" : "application")
        else { return false }
        let instance: Slice<UnsafeBufferPointer<UInt8>>
        var application: Slice<UnsafeBufferPointer<UInt8>>?
        if kind == .instance {
            instance = bytes[start...]
        } else {
            guard let segment = field(endingAt: slash, before: bytes.count) else { return false }
            instance = segment
            application = bytes[start...]
        }
        guard !instance.contains(slash), !(application?.contains(slash) ?? false) else { return false }
        let body =
            startsWith(instance, "ssoins-")
            ? instance.dropFirst(7) : startsWith(instance, "ins-") ? instance.dropFirst(4) : nil
        guard let body, body.count == 16, body.allSatisfy({ isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E }) else {
            return false
        }
        guard let application else { return true }
        return application.count == 20 && startsWith(application, "apl-")
            && application.dropFirst(4).allSatisfy(isAlphanumeric)
    }

    /// The first wrong component: its byte range in the value (`nil` for the whole value) and why.
    static func firstFault(_ value: String, kind: Kind) -> (range: Range<Int>?, reason: String) {
        if value.trimmingWhitespace != value {
            return (
                nil,
                value.hasSuffix("\n")
                    ? "it ends with a newline (a file read with file:// keeps its trailing newline)"
                    : "it has leading or trailing whitespace"
            )
        }
        let length = value.unicodeScalars.count
        if !kind.length.contains(length) {
            return (
                nil, "it is \(length) characters long; expected \(kind.length.lowerBound) to \(kind.length.upperBound)"
            )
        }
        return patternFault(value, kind: kind) ?? (nil, "it does not match the pattern of the service model")
    }

    /// The first component at odds with the pattern, or `nil` when the value matches it.
    static func patternFault(_ value: String, kind: Kind) -> (range: Range<Int>?, reason: String)? {
        if value.utf8.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            return (nil, "it holds whitespace")
        }
        let arn = ARN(value)
        guard arn.fieldCount == 6 else {
            return (nil, "expected six ':'-separated fields, 'arn:PARTITION:sso:REGION:ACCOUNT:RESOURCE'")
        }
        let fields = (0..<6).map { (text: arn.text(arn.fields[$0]), range: arn.fields[$0]) }
        if fields[0].text != "arn" { return (fields[0].range, "it must start with 'arn:'") }
        if !ServiceFacts.partitions.contains(fields[1].text) {
            let near = Spelling.nearest(to: fields[1].text, in: ServiceFacts.partitions)
            return (
                fields[1].range,
                "unknown partition \(quoted(fields[1].text)); expected \(listed(ServiceFacts.partitions))"
                    + (near.map { " — did you mean '\($0)'?" } ?? "")
            )
        }
        if fields[2].text != "sso" {
            return (fields[2].range, "the service must be 'sso' (IAM Identity Center), found \(quoted(fields[2].text))")
        }
        if !fields[3].text.isEmpty {
            return (
                fields[3].range, "IAM Identity Center ARNs have an empty region field, found \(quoted(fields[3].text))"
            )
        }
        switch kind {
        case .instance:
            if !fields[4].text.isEmpty {
                return (fields[4].range, "an instance ARN has an empty account field, found \(quoted(fields[4].text))")
            }
        case .application:
            if !(fields[4].text.utf8.count == 12 && fields[4].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) {
                return (fields[4].range, "the account must be 12 digits, found \(quoted(fields[4].text))")
            }
        }
        let segments = (0..<min(arn.segmentCount, 3)).map {
            (text: arn.text(arn.segments[$0]), range: arn.segments[$0])
        }
        let type = kind == .instance ? "instance" : "application"
        if segments[0].text != type {
            return (segments[0].range, "the resource type must be '\(type)', found \(quoted(segments[0].text))")
        }
        let expectedSegments = kind == .instance ? 2 : 3
        if arn.segmentCount != expectedSegments {
            return (
                fields[5].range,
                kind == .instance
                    ? "the resource must be 'instance/ssoins-…' (16 characters after 'ins-')"
                    : "the resource must be 'application/ssoins-…/apl-…'"
            )
        }
        if !isInstanceID(segments[1].text) {
            return (
                segments[1].range,
                "the instance id must be 'ssoins-' or 'ins-' and 16 letters, digits, '-' or '.', found \(quoted(segments[1].text))"
            )
        }
        if kind == .application && !isApplicationID(segments[2].text) {
            return (
                segments[2].range,
                "the application id must be 'apl-' and 16 letters or digits, found \(quoted(segments[2].text))"
            )
        }
        return nil
    }

    /// The partitions' names as bytes, for ``matches(_:kind:)``.
    private static let partitionBytes = ServiceFacts.partitions.map { Array($0.utf8) }

    /// Whether `bytes` are exactly `text`'s.
    private static func equals(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && startsWith(bytes, text)
    }

    /// Whether `bytes` start with `text`'s.
    private static func startsWith(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ text: StaticString) -> Bool {
        let prefix = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return bytes.count >= prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix)
    }

    /// `(sso)?ins-[a-zA-Z0-9-.]{16}`.
    static func isInstanceID(_ text: String) -> Bool {
        let body =
            text.hasPrefix("ssoins-") ? text.utf8.dropFirst(7) : text.hasPrefix("ins-") ? text.utf8.dropFirst(4) : nil
        guard let body else { return false }
        return body.count == 16 && body.allSatisfy { isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E }
    }

    /// `apl-[a-zA-Z0-9]{16}`.
    static func isApplicationID(_ text: String) -> Bool {
        guard text.hasPrefix("apl-") else { return false }
        let body = text.utf8.dropFirst(4)
        return body.count == 16 && body.allSatisfy(isAlphanumeric)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
