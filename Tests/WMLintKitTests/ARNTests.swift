import Testing

@testable import WMLintRules

@Suite struct ARNTests {
    @Test func cutsFieldsAndSegmentsAsByteRanges() {
        let arn = ARN("arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058")
        #expect(arn.fieldCount == 6)
        #expect(arn.text(arn.fields[0]) == "arn")
        #expect(arn.partition == 4..<7)
        #expect(arn.account.map(arn.text) == "508193746210")
        #expect(arn.segmentCount == 3)
        #expect(
            (0..<3).map { arn.text(arn.segments[$0]) } == [
                "application", "ssoins-7907b3c6f1a2d845", "apl-4f1c9e2b7a6d3058",
            ])
        #expect(arn.instanceKey(arn.segments[1]).map(arn.text) == "7907b3c6f1a2d845")
    }

    @Test func keepsFurtherColonsInTheResourceAndCountsEverySegment() {
        let arn = ARN("arn:aws:sso:::instance/a:b/c/d/e")
        #expect(arn.fieldCount == 6)
        #expect(arn.text(arn.fields[5]) == "instance/a:b/c/d/e")
        #expect(arn.segmentCount == 5)
        #expect(arn.text(arn.segments[2]) == "c")
    }

    @Test func shortValuesHaveFewerFieldsAndNoSegments() {
        let arn = ARN("arn:aws")
        #expect(arn.fieldCount == 2)
        #expect(arn.partition == nil)
        #expect(arn.segmentCount == 0)
        #expect(ARN("").fieldCount == 1)
    }

    @Test func rangesCountUTF8BytesOfMultiByteText() {
        let arn = ARN("arn:äws:sso:::instance/ins-é")
        #expect(arn.partition == 4..<8)
        #expect(arn.text(arn.fields[1]) == "äws")
        #expect(arn.instanceKey(arn.segments[1]).map(arn.text) == "é")
    }

    @Test func comparesTextAsStringsDo() {
        // "é" precomposed and decomposed: different bytes, equal strings.
        let composed = ARN("arn:\u{E9}:sso:::instance/ins-\u{E9}")
        let decomposed = ARN("arn:e\u{301}:sso:::instance/ins-e\u{301}")
        let (a, b) = (composed.partition ?? 0..<0, decomposed.partition ?? 0..<0)
        #expect(composed.text(a, equals: decomposed, b))
        #expect(composed.text(a, equals: "e\u{301}"))
        #expect(!composed.text(a, equals: "aws"))
        let aws = ARN("arn:aws:sso:::instance/x")
        #expect(aws.text(aws.partition ?? 0..<0, equals: "aws"))
        #expect(!aws.text(aws.partition ?? 0..<0, equals: composed, a))
    }
}
