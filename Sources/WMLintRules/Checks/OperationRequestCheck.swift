public import WMLintModel
public import WMLintSource
import WMLintSyntax

/// The rules over the request of a covered operation other than `put-identity-provider-configuration`: each
/// finding of the request becomes its rule's diagnostic; the ids and ARNs also get the rules that check them
/// most precisely (`organization-id-format`, `instance-arn-format`, `application-arn-format`,
/// `placeholder-value`) in place of the generic `value-pattern`.
public enum OperationRequestCheck {
    public static func diagnostics(for request: OperationRequest) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = request.unresolved.compactMap { key in
            request.locations[key].map { UnresolvedValueCheck.diagnostic(member: memberName(at: "/" + key), at: $0) }
        }
        var precise: Set<String> = []
        for (key, location) in request.locations.sorted(by: { $0.value.range.lowerBound < $1.value.range.lowerBound }) {
            guard let shape = request.operation.member(key), let value = stringValue(of: key, in: request) else {
                continue
            }
            let specific: Diagnostic?
            switch shape.name {
            case "OrganizationId":
                specific = OrganizationIdFormatCheck.diagnostic(value, at: location)
                if specific == nil, let placeholder = PlaceholderValueCheck.organizationId(value, at: location) {
                    diagnostics.append(placeholder)
                }
            case "InstanceArn": specific = InstanceArnFormatCheck.diagnostic(value, at: location)
            case "ApplicationArn": specific = ApplicationArnFormatCheck.diagnostic(value, at: location)
            default: continue
            }
            precise.insert(location.pointer)
            if let specific { diagnostics.append(specific) }
        }
        // A value of the wrong length is reported once, for its length, not also for its pattern.
        var wrongLength: Set<String> = []
        for case .shape(.length(let path, _, _, _)) in request.findings { wrongLength.insert(path) }
        for finding in request.findings {
            switch finding {
            case .shape(let shape):
                switch shape {
                case .missingRequired(_, let member):
                    diagnostics.append(MissingRequiredCheck.diagnostic(member: member, in: request))
                case .unknownMember(_, let name, let known):
                    diagnostics.append(UnknownKeyCheck.diagnostic(key: name, known: known, in: request))
                case .typeMismatch(let path, let expected):
                    diagnostics.append(TypeMismatchCheck.diagnostic(at: path, expected: expected, in: request))
                case .enumValue(let path, let value, let allowed):
                    diagnostics.append(EnumValueCheck.diagnostic(value, allowed: allowed, at: path, in: request))
                case .pattern(let path, let value, let pattern):
                    guard !precise.contains(path), !wrongLength.contains(path) else { continue }
                    diagnostics.append(ValuePatternCheck.diagnostic(value, pattern: pattern, at: path, in: request))
                case .length(let path, let count, let min, let max):
                    guard !precise.contains(path) else { continue }
                    diagnostics.append(
                        ValueRangeCheck.diagnostic(length: count, min: min, max: max, at: path, in: request))
                case .range(let path, let value, let min, let max):
                    diagnostics.append(
                        ValueRangeCheck.diagnostic(value: value, min: min, max: max, at: path, in: request))
                }
            case .notAnInteger(let pointer, let text):
                diagnostics.append(TypeMismatchCheck.diagnostic(notAnInteger: text, at: pointer, in: request))
            case .pagingOff(let option, let range, let disabledBy, let disabledAt):
                diagnostics.append(
                    OptionValueCheck.pagingOff(
                        option: option, at: range, disabledBy: disabledBy, disabledAt: disabledAt,
                        path: request.anchorPath))
            }
        }
        return diagnostics
    }

    /// The last string value given for top-level member `key`.
    static func stringValue(of key: String, in request: OperationRequest) -> String? {
        guard case .object(let members) = request.value.value,
            case .string(let text) = members.last(where: { $0.key == key })?.value.value
        else { return nil }
        return text
    }

    /// The name of the member at `pointer` as messages say it: `Name (--name)`.
    static func memberName(at pointer: String) -> String {
        let key = String(pointer.dropFirst())
        return "\(key) (\(OperationShape.optionName(of: key)))"
    }

    /// The value as a message shows it: quoted, or not at all when the model marks it sensitive.
    static func shown(_ value: String, at pointer: String, in request: OperationRequest) -> String {
        let key = String(pointer.dropFirst())
        if case .string(let constraints) = request.operation.member(key)?.kind, constraints.sensitive {
            return "the value"
        }
        return quoted(value)
    }
}
