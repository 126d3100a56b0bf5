import Foundation
import Testing
import WMLintKit
import WMLintSource
import WMLintSyntax

/// Checks the YAML comment scanner against libyaml on every document of the yaml-test-suite
/// (`../shared/conformance/yaml-test-suite/` beside the repository): rewriting the text of every comment the
/// scanner finds (each byte after the `#` becomes `z`) must leave the loaded value unchanged, so nothing it takes
/// for a comment is content. (Blanking comments would not do: a line of spaces after a block scalar is content.)
@Suite struct SuppressionYAMLSuiteTests {
    static let suiteRoot: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let suite = root.appendingPathComponent("shared/conformance/yaml-test-suite")
        return FileManager.default.fileExists(atPath: suite.path) ? suite : nil
    }()

    /// The `in.yaml` files of the suite, with their case ids.
    static func inputs(in root: URL) -> [(String, URL)] {
        let manager = FileManager.default
        var result: [(String, URL)] = []
        for id in ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let directory = root.appendingPathComponent(id)
            let direct = directory.appendingPathComponent("in.yaml")
            if manager.fileExists(atPath: direct.path) {
                result.append((id, direct))
                continue
            }
            for sub in ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted() {
                let nested = directory.appendingPathComponent(sub).appendingPathComponent("in.yaml")
                if manager.fileExists(atPath: nested.path) { result.append((id + "/" + sub, nested)) }
            }
        }
        return result
    }

    @Test(.enabled(if: suiteRoot != nil, "yaml-test-suite not found at ../shared/conformance/yaml-test-suite"))
    func rewritingTheCommentsFoundNeverChangesALoadedDocument() throws {
        let root = try #require(Self.suiteRoot, "the yaml-test-suite is missing beside the repository")
        var checked = 0
        var withComments = 0
        for (id, url) in Self.inputs(in: root) {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let bytes = [UInt8](data)
            let original = YAMLLoader.load(SourceText(bytes: bytes, path: "in.yaml"))
            guard original.isComplete, !original.hasErrors else { continue }
            let comments = YAMLComments.scan(bytes)
            var rewritten = bytes
            for comment in comments {
                #expect(bytes[comment.lowerBound.offset] == UInt8(ascii: "#"), "\(id): a comment starts with '#'")
                for offset in comment.offsets.dropFirst() { rewritten[offset] = UInt8(ascii: "z") }
            }
            let reloaded = YAMLLoader.load(SourceText(bytes: rewritten, path: "in.yaml"))
            #expect(reloaded.root == original.root, "\(id): a comment found inside content")
            checked += 1
            if !comments.isEmpty { withComments += 1 }
        }
        #expect(checked > 200)
        #expect(withComments > 25)
    }
}
