import WMLintModel

/// The service model's patterns (``ServiceFacts``), compiled once; matched on the whole string, ASCII digits only,
/// by Unicode scalars — as `re.fullmatch(p, s, re.ASCII)` matches them.
///
/// A `Regex` is an immutable value whose compiled program is initialised once, atomically, on first use, so
/// sharing these constants between the threads that lint files in parallel is safe.
enum Patterns {
    nonisolated(unsafe) static let organizationId = compile(ServiceFacts.organizationIdPattern)
    nonisolated(unsafe) static let instanceArn = compile(ServiceFacts.instanceArnPattern)
    nonisolated(unsafe) static let applicationArn = compile(ServiceFacts.applicationArnPattern)

    /// Whether `text` matches `pattern` as a whole (a pattern that failed to compile matches nothing).
    static func matches(_ text: String, _ pattern: Regex<AnyRegexOutput>?) -> Bool {
        guard let pattern else { return false }
        return (try? pattern.wholeMatch(in: text)) != nil
    }

    private static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        var body = pattern
        if body.hasPrefix("^") { body.removeFirst() }
        if body.hasSuffix("$") { body.removeLast() }
        return (try? Regex(body))?.asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
            .matchingSemantics(.unicodeScalar)
    }
}

/// Region facts: the partition of a region, and whether WorkMail is offered there.
enum Regions {
    /// The partition a region belongs to, or `nil` for a name no partition claims.
    static func partition(of region: String) -> String? {
        for (prefix, partition) in ServiceFacts.partitionByRegionPrefix where region.hasPrefix(prefix) {
            return partition
        }
        return ServiceFacts.regionPrefixesOfAWS.contains { region.hasPrefix($0) } ? "aws" : nil
    }

    static func isWorkMailRegion(_ region: String) -> Bool {
        ServiceFacts.workmailRegions.contains(region)
    }
}
