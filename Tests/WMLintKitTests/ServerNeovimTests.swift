import Foundation
import Testing

/// `wmlint server` under a real editor: headless Neovim's built-in LSP client runs the session in
/// `Tests/editors/neovim-session.lua` (diagnostics, a typed correction, a preferred quick fix, hover). Skips,
/// saying why, when `nvim` is not installed (`.ci/run` installs Debian's `neovim`).
@Suite struct ServerNeovimTests {
    static let neovim: String? = ["/usr/bin/nvim", "/usr/local/bin/nvim", "/opt/homebrew/bin/nvim"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: neovim != nil, "nvim is not installed (apt-get install -y neovim)"))
    func editingSessionInNeovim() throws {
        let nvim = try #require(Self.neovim)
        let binary = try #require(TestSupport.binary, "the wmlint binary is built")
        let directory = try ServerProtocolTests.scratchDirectory()
        let script = directory + "/deploy.sh"
        try ServerProtocolTests.script.write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nvim)
        process.arguments = [
            "--headless", "-u", "NONE", "-i", "NONE", "-c",
            "luafile \(TestSupport.root)/Tests/editors/neovim-session.lua",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["WMLINT_BIN"] = binary
        environment["WMLINT_SCRIPT"] = script
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)\(errors)")
        #expect(output.contains("every check passed"), "\(output)\(errors)")
        // The buffer was never written: the server lints the unsaved text and writes no file.
        #expect(try String(contentsOfFile: script, encoding: .utf8) == ServerProtocolTests.script)
    }
}
