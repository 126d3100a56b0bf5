import WMLintModel

/// Whole-string, ASCII matchers for the service model's patterns (``ServiceFacts``), as `re.fullmatch(p, s,
/// re.ASCII)` matches them. They are written out over bytes (no regular expression is compiled at start-up); a
/// test checks them against the patterns themselves, compiled from the facts.
enum Patterns {
    /// `^m-[0-9a-f]{32}$`.
    static func isOrganizationId(_ text: String) -> Bool {
        let bytes = text.utf8.span
        guard bytes.count == 34, bytes[0] == UInt8(ascii: "m"), bytes[1] == UInt8(ascii: "-") else { return false }
        for index in 2..<bytes.count
        where !((bytes[index] >= 0x30 && bytes[index] <= 0x39) || (bytes[index] >= 0x61 && bytes[index] <= 0x66)) {
            return false
        }
        return true
    }

    /// The instance ARN pattern.
    static func isInstanceArn(_ text: String) -> Bool {
        ArnFormat.matches(text, kind: .instance)
    }

    /// The application ARN pattern.
    static func isApplicationArn(_ text: String) -> Bool {
        ArnFormat.matches(text, kind: .application)
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
