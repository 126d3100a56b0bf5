import Foundation
import Testing

@testable import WMLintKit

/// A temporary directory tree for configuration tests, removed when the value is released.
final class TemporaryTree {
    /// The canonical absolute path of the tree's root.
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wmlint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = try #require(FileSystem.realPath(base.path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes `text` at `relative` (creating directories) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let path = root + "/" + relative
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Creates the directory at `relative` and returns its absolute path.
    @discardableResult
    func directory(_ relative: String) throws -> String {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Loads configuration text written to a temporary `.wmlint.yaml`; returns the configuration or the error.
func loadConfiguration(_ text: String, name: String = ".wmlint.yaml") throws -> (
    path: String, result: Result<Configuration, WMLintError>, tree: TemporaryTree
) {
    let tree = try TemporaryTree()
    let path = try tree.write(name, text)
    let result: Result<Configuration, WMLintError>
    do {
        result = .success(try ConfigurationLoader.load(path: path))
    } catch {
        result = .failure(error)
    }
    return (path, result, tree)
}
