import Testing
import WMLintSyntax

@testable import WMLintKit

/// The report builder's string literals are the ones `JSONWriter` writes.
@Suite struct JSONTextTests {
    @Test(arguments: [
        "", "plain", "quote \" and \\ backslash", "line\nfeed\r\n\ttab", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}",
        "日本語 🙂 e\u{301}", "\u{2028}\u{2029}", "/slash", String(repeating: "ab\"", count: 100),
    ])
    func stringLiteralsMatchTheWriter(_ value: String) {
        var json = JSONText()
        json.string(value)
        #expect(json.text == JSONWriter.stringLiteral(value))
    }

    @Test func objectsAndArrays() {
        var json = JSONText()
        json.object([
            ("a", { $0.int(-12) }), ("b", { $0.array(["x", "y"]) { $0.string($1) } }), ("c", { $0.raw("null") }),
        ])
        #expect(json.text == #"{"a": -12, "b": ["x", "y"], "c": null}"#)
    }
}
