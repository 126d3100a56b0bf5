/// wmlint's version, as printed by `--version` and written in reports.
public enum WMLintVersion {
    public static let current = "0.1.0"
}
