public import WMLintSource

/// The AWS CLI's shorthand syntax (`Status=ACTIVE,LifetimeInDays=30`), parsed exactly as
/// `awscli/shorthand.py` parses it.
public enum ShorthandParser {
    /// Parses `text` as shorthand; the root is an object. Values are strings, lists and objects.
    ///
    /// Reports `shorthand-syntax` for everything the CLI rejects and `duplicate-key` for a key repeated inside
    /// `{…}` (the later value wins, as in the CLI). Nesting deeper than `maxDepth` is a `shorthand-syntax` error.
    public static func parse(_ text: SourceText, maxDepth: Int = 256) -> ParseResult {
        ParseResult(root: nil, diagnostics: [])
    }

    /// Converts a shorthand scalar to an integer as Python's `int()` does; `nil` when Python would raise.
    ///
    /// Returns canonical decimal text (optional `-`, no leading zeros).
    public static func pythonInt(_ text: String) -> String? {
        nil
    }
}
