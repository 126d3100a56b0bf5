public import WMLintSource

/// Checks that a file is text wmlint can read: UTF-8, no NUL byte, no byte order mark.
public enum EncodingCheck {
    /// The result of checking a file's bytes.
    public struct Result: Sendable {
        /// `encoding` diagnostics, at most one per kind of fault (BOM, NUL, invalid UTF-8).
        public var diagnostics: [Diagnostic]
        /// Whether the bytes start with a UTF-8 byte order mark (`EF BB BF`).
        public var hasBOM: Bool
        /// Whether the text is unusable (invalid UTF-8 or a NUL byte): parsing it would only add noise.
        public var isUnreadable: Bool
    }

    /// What a file is read as, which decides what a byte order mark breaks.
    public enum Form: Sendable {
        /// A JSON or YAML document (`--cli-input-json`/`--cli-input-yaml`, a `file://` target).
        case document
        /// A shell script, a Markdown file or a workflow.
        case script
    }

    /// Checks `bytes`, the whole of the file at `path`, read as `form`.
    public static func check(_ bytes: [UInt8], path: String, form: Form) -> Result {
        var diagnostics: [Diagnostic] = []
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if hasBOM {
            diagnostics.append(
                Diagnostic(
                    rule: .encoding,
                    message: form == .document
                        ? "file starts with a UTF-8 byte order mark; the AWS CLI rejects a JSON input that starts with one "
                            + "(its YAML loader skips it, other YAML and JSON tools may not)"
                        : "file starts with a UTF-8 byte order mark; the shell reads it as part of the first word, "
                            + "so a shebang line no longer works",
                    path: path,
                    range: .bytes(0, 3),
                    fixes: [
                        Fix(
                            message: "remove the byte order mark",
                            edits: [TextEdit(path: path, range: .bytes(0, 3), replacement: "")])
                    ]))
        }
        var unreadable = false
        if let nul = firstNUL(bytes) {
            unreadable = true
            diagnostics.append(
                Diagnostic(
                    rule: .encoding, message: "file contains a NUL byte; expected UTF-8 text", path: path,
                    range: .bytes(nul, nul + 1)))
        }
        if let bad = firstInvalidUTF8(bytes) {
            unreadable = true
            diagnostics.append(
                Diagnostic(
                    rule: .encoding,
                    message:
                        "invalid UTF-8 at byte \(bad.lowerBound) (0x\(hex(bytes[bad.lowerBound]))); expected UTF-8 text",
                    path: path, range: .bytes(bad.lowerBound, bad.upperBound)))
        }
        return Result(diagnostics: diagnostics, hasBOM: hasBOM, isUnreadable: unreadable)
    }

    /// The 0-based byte range of the first ill-formed UTF-8 sequence (overlong forms, surrogates and code points
    /// above U+10FFFF included), or `nil` when the bytes are valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Range<Int>? {
        UTF8Validation.firstInvalid(in: bytes)
    }

    /// The 0-based offset of the first NUL byte, if any.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        ByteScan.firstNUL(bytes)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
