import Foundation
import Testing
import WMLintSource
import WMLintSyntax

/// Loads every yaml-test-suite input (`../shared/conformance/yaml-test-suite/`) with the loader and with
/// ruamel.yaml 0.19.1 in safe, pure mode, the AWS CLI v2's YAML loader (`Tests/oracle/yaml_suite_oracle.py`),
/// and compares the verdicts: accepted or refused, and for an accepted input the JSON it converts to.
///
/// A value the CLI loads but cannot send (a set from `!!set`, bytes from `!!binary`) must be refused by the
/// loader. The remaining differences are listed in ``libyamlOnly``, each with its reason: the loader reads YAML
/// with libyaml, which cannot parse some documents ruamel.yaml accepts.
@Suite struct YAMLRuamelSuiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let oracle = repository.appendingPathComponent("Tests/oracle/yaml_suite_oracle.py")
    static let suiteRoot = repository.deletingLastPathComponent().appendingPathComponent(
        "shared/conformance/yaml-test-suite")

    /// Why the test cannot run here, or nil.
    static let unavailable: String? = {
        guard FileManager.default.fileExists(atPath: suiteRoot.path) else {
            return "yaml-test-suite not found at ../shared/conformance/yaml-test-suite"
        }
        let probe = run(["-c", "import ruamel.yaml; assert ruamel.yaml.__version__ == '0.19.1'"])
        guard probe?.status == 0 else { return "python3 with ruamel.yaml 0.19.1 is not installed" }
        return nil
    }()

    /// Inputs where the loader and ruamel.yaml disagree, each with the reason: libyaml (the loader's parser)
    /// refuses or misreads a document ruamel.yaml loads.
    static let libyamlOnly: [String: String] = [
        // libyaml refuses these; ruamel.yaml loads them.
        "2LFX": "libyaml refuses a reserved directive (%FOO)",
        "6LVF": "libyaml refuses a reserved directive",
        "MUS6/05": "libyaml refuses a reserved directive",
        "MUS6/06": "libyaml refuses a reserved directive",
        "2SXE": "libyaml refuses an anchor name ending in ':' before a key",
        "W5VH": "libyaml refuses the anchor characters in '&:@*!$\"<foo>:'",
        "8XYN": "libyaml refuses non-ASCII anchor names ('&😁')",
        "4ABK": "libyaml refuses 'omitted value:,' (a plain key ending in ':') in a flow mapping",
        "58MP": "libyaml refuses ':x' as a flow mapping value",
        "5T43": "libyaml refuses '\"key\":value' adjacent in a flow mapping",
        "DBG4": "libyaml refuses ':' starting a plain scalar in a flow sequence",
        "HM87/00": "libyaml refuses ':x' in a flow sequence",
        "FRK4": "libyaml refuses an empty key after an explicit key in a flow mapping",
        "6M2F": "libyaml refuses an empty implicit key (':' at the start of a line) after an explicit entry",
        "NHX8": "libyaml refuses an empty implicit key (':' at the start of a line)",
        "S3PD": "libyaml refuses an empty implicit key (':' at the start of a line)",
        "SM9W/01": "libyaml refuses an empty implicit key (':' alone)",
        "UKK6/00": "libyaml refuses an empty implicit key ('- :')",
        "96NN/00": "libyaml refuses a tab in block scalar content after the indentation",
        "96NN/01": "libyaml refuses a tab in block scalar content after the indentation",
        "Y79Y/001": "libyaml refuses a tab in block scalar content",
        "DK3J": "libyaml refuses a '---' after '...' inside a plain multi-line scalar",
        "FP8R": "libyaml refuses a '--- >' block scalar at column 0",
        // libyaml misreads this one.
        "Y2GN": "libyaml ends an anchor name at ':' ('&an:chor value' reads as ':chor value')",
    ]

    static func run(_ arguments: [String]) -> (status: Int32, output: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    struct Verdict: Decodable {
        var id: String
        var ok: Bool
        var json: String?
        var unsendable: String?
        var error: String?
    }

    /// The loader's verdict: nil when it refuses the input, else the JSON text it converts to.
    static func ours(_ bytes: [UInt8]) -> String? {
        let result = YAMLLoader.load(SourceText(bytes: bytes, path: "in.yaml"))
        if result.diagnostics.contains(where: { $0.rule == .yamlSyntax || $0.rule == .duplicateKey }) {
            return nil
        }
        return result.root.map { JSONWriter.write($0) }
    }

    @Test(.enabled(if: unavailable == nil, "\(unavailable ?? "")"))
    func agreesWithRuamelOnTheSuite() throws {
        let output = try #require(Self.run([Self.oracle.path, Self.suiteRoot.path]))
        #expect(output.status == 0)
        let decoder = JSONDecoder()
        let verdicts = try String(decoding: output.output, as: UTF8.self).split(separator: "\n").map {
            try decoder.decode(Verdict.self, from: Data($0.utf8))
        }
        #expect(verdicts.count == 402)
        var agreed = 0
        var mismatches: [String] = []
        var fixed: [String] = []
        for verdict in verdicts {
            let path = Self.suiteRoot.appendingPathComponent(verdict.id).appendingPathComponent("in.yaml")
            let bytes = try #require(FileManager.default.contents(atPath: path.path))
            let actual = Self.ours(Array(bytes))
            let expected = verdict.ok && verdict.unsendable == nil ? verdict.json : nil
            let same = actual == expected
            if same { agreed += 1 }
            if Self.libyamlOnly[verdict.id] != nil {
                if same { fixed.append(verdict.id) }
                continue
            }
            if !same {
                let theirs =
                    verdict.ok
                    ? verdict.json ?? "loaded, cannot be sent: \(verdict.unsendable ?? "")"
                    : "refused (\(verdict.error ?? ""))"
                mismatches.append("\(verdict.id): ruamel \(theirs); wmlint \(actual ?? "refused")")
            }
        }
        print(
            "yaml-test-suite against ruamel.yaml: \(agreed)/\(verdicts.count) agree, \(Self.libyamlOnly.count) listed")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        #expect(fixed.isEmpty, "listed differences that now agree (remove them from the list): \(fixed)")
    }
}
