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

/// `Path.directory(of:)` and `Path.basename(_:)` find the last slash by byte when it stands alone; they agree with
/// the search by character (a slash joined to a combining mark or after a prepended mark is not a slash character).
@Suite struct PathSlashTests {
    static let paths = [
        "", "/", "a", "a/b", "/a/b/c.json", "a//b", "a/", "./a", "dir/日本語.yaml", "日本語/x", "a/\u{301}b", "a\u{301}/b",
        "x/y/\u{301}", "\u{600}/a", "a/\u{600}/b", "é/è", "a/b\u{200D}/c", "/\u{301}",
    ]

    @Test(arguments: paths)
    func slashSearchAgreesWithTheCharacterSearch(_ path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let basename = slash.map { String(path[path.index(after: $0)...]) } ?? path
        #expect(Array(Path.directory(of: path).utf8) == Array(directory.utf8))
        #expect(Array(Path.basename(path).utf8) == Array(basename.utf8))
    }
}
