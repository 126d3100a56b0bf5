import Testing

@testable import WMLintKit

/// `InputKind.guess(fromName:)` reads ASCII names over bytes; it must agree with reading the name as a lower-cased
/// `String`, as it did before (and still does for other names).
@Suite struct InputKindGuessTests {
    /// The name-based guess over `String`s: lower-case the base name, then its extension.
    static func reference(_ path: String) -> InputKind? {
        let name = Path.basename(path).lowercased()
        if path.contains(".github/workflows/") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml")) {
            return .workflow
        }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "json": return .json
        case "yaml", "yml": return .yaml
        case "sh", "bash", "zsh", "ksh": return .shell
        case "md", "markdown": return .markdown
        default: return nil
        }
    }

    static let paths: [String] = {
        let directories = ["", "a/", "/abs/dir/", ".github/workflows/", "x/.github/workflows/", ".github/", "d.json/"]
        let names = [
            "req.json", "REQ.JSON", "a.Yaml", "b.yml", "c.YML", "s.sh", "s.BASH", "z.zsh", "k.ksh", "r.md",
            "r.Markdown", "noext", ".json", "a.", "a.b.c", "archive.tar.gz", "x.jsonx", "x.sh~", "x.", "x..sh",
            "répertoire.json", "日本語.yaml", "x.\u{212A}SH", "x.ǰson", "ÉTÉ.SH", "x.json\u{301}",
        ]
        return directories.flatMap { directory in names.map { directory + $0 } }
    }()

    @Test(arguments: paths)
    func guessAgreesWithTheStringReading(_ path: String) {
        #expect(InputKind.guess(fromName: path) == Self.reference(path))
    }

    @Test func kelvinSignLowerCasesToAnExtension() {
        // U+212A KELVIN SIGN lower-cases to ASCII 'k': only the Unicode reading sees "ksh".
        #expect(InputKind.guess(fromName: "x.\u{212A}SH") == .shell)
    }
}
