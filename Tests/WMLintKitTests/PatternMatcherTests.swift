import Testing
import WMLintModel

@testable import WMLintRules

/// The byte matchers of the rules agree with the service model's patterns themselves (`rules/facts.yaml`,
/// compiled here as regular expressions with ASCII digits, matched by Unicode scalars on the whole string).
@Suite struct PatternMatcherTests {
    static func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        var body = pattern
        if body.hasPrefix("^") { body.removeFirst() }
        if body.hasSuffix("$") { body.removeLast() }
        return try Regex(body).asciiOnlyDigits().matchingSemantics(.unicodeScalar)
    }

    /// Valid values and a few thousand mutations of them (substitutions, insertions, deletions of characters
    /// that matter: separators, case, digits of other scripts, whitespace).
    static func variants(of seeds: [String], count: Int) -> [String] {
        let alphabet: [String] = [
            ":", "/", "-", ".", "a", "F", "G", "z", "0", "9", "٣", "é", " ", "\n", "_", "ins-", "sso", "apl-", "😀",
        ]
        var generator = SystemRandomNumberGenerator.Seeded(seed: 20_261_129)
        var result = seeds
        for index in 0..<count {
            var scalars = Array(seeds[index % seeds.count].unicodeScalars).map { String($0) }
            for _ in 0..<(1 + Int(generator.next() % 2)) {
                let position = Int(generator.next() % UInt64(scalars.count + 1))
                let piece = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0 where position < scalars.count: scalars[position] = piece
                case 1: scalars.insert(piece, at: position)
                default: if position < scalars.count { scalars.remove(at: position) }
                }
            }
            result.append(scalars.joined())
        }
        return result
    }

    @Test func organizationIdMatcherAgreesWithThePattern() throws {
        let pattern = try Self.regex(ServiceFacts.organizationIdPattern)
        for value in Self.variants(
            of: ["m-0123456789abcdef0123456789abcdef", "m-ffffffffffffffffffffffffffffffff"], count: 3000)
        {
            #expect(
                Patterns.isOrganizationId(value) == ((try? pattern.wholeMatch(in: value)) != nil),
                "\(value.debugDescription)")
        }
    }

    @Test func arnMatchersAgreeWithThePatterns() throws {
        let instance = try Self.regex(ServiceFacts.instanceArnPattern)
        let application = try Self.regex(ServiceFacts.applicationArnPattern)
        let seeds = [
            "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845",
            "arn:aws-cn:sso:::instance/ins-12345678.0abc-ef",
            "arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058",
            "arn:aws-iso-b:sso::000000000000:application/ins-abcdefghijklmnop/apl-ABCDEFGHIJKLMNOP",
        ]
        for value in Self.variants(of: seeds, count: 6000) {
            #expect(
                Patterns.isInstanceArn(value) == ((try? instance.wholeMatch(in: value)) != nil),
                "\(value.debugDescription)")
            #expect(
                Patterns.isApplicationArn(value) == ((try? application.wholeMatch(in: value)) != nil),
                "\(value.debugDescription)")
            // The byte matcher and the dissection that names the fault agree.
            for kind in [ArnFormat.Kind.instance, .application] {
                #expect(
                    ArnFormat.matches(value, kind: kind) == (ArnFormat.patternFault(value, kind: kind) == nil),
                    "\(value.debugDescription)")
            }
        }
    }
}

extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64) for reproducible test inputs.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
