import WMLintModel
import WMLintSource
import WMLintSyntax

/// `region-inconsistent`: the calls of one script run in different regions, as the script sets them. A call
/// whose region the script does not set (the profile's region) is not compared.
enum RegionInconsistentCheck {
    static func diagnostics(_ regions: [CallRegion]) -> [Diagnostic] {
        guard let first = regions.first else { return [] }
        return regions.dropFirst().filter { $0.region != first.region }.map { other in
            Diagnostic(
                rule: .regionInconsistent,
                message: "\(other.call) runs in \(quoted(other.region)) (\(other.setBy)), but \(first.call) runs in "
                    + "\(quoted(first.region)); WorkMail and IAM Identity Center resources of one setup live in "
                    + "one region",
                path: other.path, range: other.range,
                help: ["run every call of the setup in one region"],
                related: [
                    RelatedLocation(
                        message: "\(first.call) runs in \(quoted(first.region)) (\(first.setBy))", path: first.path,
                        range: first.range)
                ])
        }
    }
}
