public import WMLintSource

/// The rule catalogue, embedded in the binary (generated from `rules/*.yaml` by `scripts/generate-catalogue.py`).
public enum RuleCatalogue {
    /// Every rule, sorted by id.
    public static var all: [RuleDescription] { generatedRules }

    /// The description of `id`.
    public static func description(of id: RuleID) -> RuleDescription? {
        all.first { $0.id == id }
    }
}
