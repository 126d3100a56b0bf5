import Foundation
import Testing
import WMLintSource
import WMLintSyntax

/// Compares the loader with ruamel.yaml 0.19.1 in safe, pure mode (the AWS CLI v2's YAML loader), when a
/// `python3` with that version is installed (`pip install 'ruamel.yaml==0.19.1'`).
@Suite struct YAMLDifferentialTests {
    static let script = """
        import sys, json, warnings
        warnings.simplefilter('ignore')
        from ruamel.yaml import YAML
        from ruamel.yaml.constructor import SafeConstructor
        def timestamp(self, node):
            SafeConstructor.construct_yaml_timestamp(self, node)
            return node.value
        SafeConstructor.add_constructor('tag:yaml.org,2002:timestamp', timestamp)
        out = []
        for document in json.load(sys.stdin):
            try:
                out.append(json.dumps(YAML(typ='safe', pure=True).load(document), ensure_ascii=False))
            except Exception:
                out.append('ERROR')
        print(json.dumps(out))
        """

    static let python: String? = {
        let probe = run(["-c", "import ruamel.yaml; assert ruamel.yaml.__version__ == '0.19.1'"], input: Data())
        return probe?.status == 0 ? "python3" : nil
    }()

    static func run(_ arguments: [String], input: Data) -> (status: Int32, output: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Documents to load with both. A duplicate key fails in ruamel.yaml and counts as a failure here when the
    /// loader reports `duplicate-key`. Left out on purpose: a sequence or mapping used as a key (ruamel.yaml makes
    /// a tuple key that JSON cannot hold; the loader keys it by its JSON text).
    static let documents: [String] = {
        let scalars = [
            "030", "0o30", "0x1E", "+30", "1_000", "0b101", "-0b11", "09", "-0", "0x_FF", "0o_7", "0b1_0",
            "123456789012345678901234567890", "-0x8000000000000000", "00", "0_0", "+0",
            "30.0", "3e1", "1.", "-1.5e-3", ".5", "+.5", ".5e+1", ".5e1", "1e400", "-0.0", "0.1", "1e16", "12e-5",
            "1_0.0_1", "1.5E+3", "6.02e23", "._", "1e", "1.e5",
            ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan",
            "true", "True", "TRUE", "tRUE", "false", "FALSE", "on", "off", "yes", "no", "y", "n", "On",
            "~", "null", "Null", "NULL", "nULL", "",
            "2024-01-01", "2024-1-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
            "2001-12-15T02:59:43.1Z", "2002-12-14", "2024-13-01", "20240-01-01",
            "1:30", "1:30.5", "_1", "_", "0o", "0x", "0b", "0b_", "0b102", "+", "-", ".", "+-1",
            "'030'", "\"true\"", "!!str 30", "! 12", "! '12'", "!!int '0x10'", "!!int \"30\"", "!!bool yes",
            "!!bool Off", "!!float 1", "!!float '-inf'", "!!null abc", "!!int abc", "!custom x", "=", "<<",
            "!!int ١٢٣", "!!int ０１", "١٢٣", "０１", "!!int 0x١٢", "!!int -١", "!!int ١_٢", "!!int ０x1", "!!int ½",
            "!!int ²", "!!int 𝟏", "!!int ١:٢", "!!int 0b١",
            "日本語", "😀", "a b", "\"\\u00e9\\x41\\t\"", "'it''s'", "-1:30", "0x1e", "0X1E", "1__0",
        ]
        var documents = scalars.map { "v: " + $0 }
        documents += scalars.map { "%YAML 1.1\n---\nv: " + $0 }
        documents += [
            "", "# comment only\n", "---\n", "--- ~\n", "a: 1\n---\nb: 2\n", "a: b: c", "[1, 2", "=: a",
            "<<: {a: 1}\nb: 2", "<<: [{a: 1, b: 1}, {a: 2, c: 2}]\nd: 3",
            "base: &b {a: 1, b: 2}\nm:\n  b: 3\n  <<: *b\n",
            "'<<': {a: 1}", "<<: 1", "<<: [{a: 1}, x]", "<<: {a: 1}\n<<: {b: 1}", "a: &x {k: [1, 2]}\nb: *x",
            "a: *nope", "lit: |\n  one\n  two\nfold: >-\n  one\n  two\nkeep: |+\n  x\n\nend: 1\n",
            "a: {b: [1, 2], c: {d: e}}\nlist:\n  - x\n  - - y\n", "\u{FEFF}a: 1\r\nb:\t\"日\"\r\nc: |\r\n  x\r\n",
            "plain: multi\n  line\n  text\n", "b:\tx", "[1,\t2]", "a: 1 # x\ty", "a: \"x\ty\"", "a: b\tc", "[b\tc]",
            "a: |\n  x\ty", "a:\n  - [1,\n\t2]", "a: 1\t# c", "'a':\t1", "? a\n:\tb", "-\tx", "q: \"fold\n\n  ed\"\n",
            "1: a\nfalse: b\nnull: c\n1.5: d\n",
            "seq: !!omap [a: 1, b: 2]", "{a, b}", "[a: b, c]", "- ? a\n  : b", "a:\n  - b\n  -\n", "&k a: *k",
            "a: &v 1\n*v : 2", "a: !!str\nb: !!null\n", "a: ''\nb: \"\"\nc:\n", "\"a\\tb\": \"\\u263A\"",
            "a: >\n  folded\n   more\n  back\n", "a: |2\n   indented\n", "--- |\n  text\n...\n",
            "- !!int 0x1F\n- !!float 2",
            "a: [1, [2, [3, {b: [4]}]]]", "a: 'multi\n  line'", "k: v # comment\n# c\nj: w", "a: 1\n...\n",
            "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1", "a: !!timestamp 2024-01-01T00:00:00Z",
            "k: !!binary aGVsbG8=", "%YAML 1.2\n---\na: on", "a: 1\na: 2",
            "OrganizationId: m-1234567890abcdef0123456789abcdef\nAuthenticationMode: IDENTITY_PROVIDER_ONLY\n"
                + "PersonalAccessTokenConfiguration:\n  Status: ACTIVE\n  LifetimeInDays: 030\n",
        ]
        return documents
    }()

    static func ours(_ document: String) -> String {
        let result = YAMLLoader.load(SourceText(bytes: Array(document.utf8), path: "in.yaml"))
        if result.diagnostics.contains(where: { $0.rule == .yamlSyntax || $0.rule == .duplicateKey }) {
            return "ERROR"
        }
        return result.root.map { JSONWriter.write($0) } ?? "ERROR"
    }

    @Test(.enabled(if: python != nil, "python3 with ruamel.yaml 0.19.1 is not installed"))
    func matchesRuamelSafeLoader() throws {
        let input = try JSONSerialization.data(withJSONObject: Self.documents)
        let output = try #require(Self.run(["-c", Self.script], input: input))
        #expect(output.status == 0)
        let theirs = try #require(try JSONSerialization.jsonObject(with: output.output) as? [String])
        #expect(theirs.count == Self.documents.count)
        var mismatches: [String] = []
        for (document, expected) in zip(Self.documents, theirs) {
            let actual = Self.ours(document)
            if actual != expected {
                mismatches.append("\(quoted(document)): ruamel \(expected), wmlint \(actual)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
    }
}
