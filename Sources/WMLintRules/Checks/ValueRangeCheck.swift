import WMLintModel
import WMLintSource
import WMLintSyntax

/// `value-range`: a string of a covered operation is shorter or longer than its member allows (in Unicode code
/// points, as Python's `len` counts), or an integer is outside its bounds. Below the minimum the AWS CLI refuses
/// the command (botocore checks minima); above the maximum it sends the value and the service refuses it.
enum ValueRangeCheck {
    static func diagnostic(length: Int, min: Int?, max: Int?, at pointer: String, in request: OperationRequest)
        -> Diagnostic
    {
        let location = request.location(of: pointer)
        let name = OperationRequestCheck.memberName(at: pointer)
        let isShort = min.map { length < $0 } ?? false
        let bound = (isShort ? min : max) ?? 0
        let limit = (isShort ? "at least " : "at most ") + characters(bound)
        return Diagnostic(
            rule: .valueRange,
            message: "\(name) is \(characters(length)) long; it must be \(limit) long",
            at: location, range: location.range, notes: [consequence(isShort)])
    }

    static func diagnostic(value: String, min: Int?, max: Int?, at pointer: String, in request: OperationRequest)
        -> Diagnostic
    {
        let location = request.location(of: pointer)
        let name = OperationRequestCheck.memberName(at: pointer)
        let isSmall = min.map { bound in Int(value).map { $0 < bound } ?? value.hasPrefix("-") } ?? false
        let bounds: String
        switch (min, max) {
        case (let min?, let max?): bounds = "from \(min) to \(max)"
        case (let min?, nil): bounds = "at least \(min)"
        case (nil, let max?): bounds = "at most \(max)"
        case (nil, nil): bounds = "in range"
        }
        return Diagnostic(
            rule: .valueRange, message: "\(value) is out of range for \(name): it must be \(bounds)",
            at: location, range: location.range, notes: [consequence(isSmall)])
    }

    private static func characters(_ count: Int) -> String {
        count == 1 ? "1 character" : "\(count) characters"
    }

    private static func consequence(_ belowMinimum: Bool) -> String {
        belowMinimum
            ? "the AWS CLI checks minima and refuses the command"
            : "the AWS CLI sends the value; the service refuses it"
    }
}
