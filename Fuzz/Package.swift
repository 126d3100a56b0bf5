// swift-tools-version:6.2
// Fuzz targets for wmlint, built with libFuzzer (`-sanitize=fuzzer`), separate from the main package so that
// its builds never see them. The library sources are shared through symlinks in `Sources/` (the main package
// exports only the `wmlint` executable). Run them with `scripts/fuzz.sh`.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name, dependencies: dependencies, path: "Targets/\(name)",
        swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "wmlint-fuzz",
    targets: [
        .systemLibrary(name: "CWMLintYAML", path: "Sources/CWMLintYAML", pkgConfig: "yaml-0.1"),
        .target(name: "WMLintSource", path: "Sources/WMLintSource", swiftSettings: swiftSettings),
        .target(
            name: "WMLintSyntax", dependencies: ["WMLintSource", "CWMLintYAML"], path: "Sources/WMLintSyntax",
            swiftSettings: swiftSettings),
        .target(
            name: "WMLintModel", dependencies: ["WMLintSource", "WMLintSyntax"], path: "Sources/WMLintModel",
            swiftSettings: swiftSettings),
        .target(
            name: "WMLintRules", dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel"],
            path: "Sources/WMLintRules", swiftSettings: swiftSettings),
        .target(
            name: "WMLintKit", dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel", "WMLintRules"],
            path: "Sources/WMLintKit", swiftSettings: swiftSettings),
        .target(name: "CFuzzDriver", path: "Targets/CFuzzDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzDriver", "WMLintSource", "WMLintSyntax"],
            path: "Targets/FuzzSupport",
            swiftSettings: swiftSettings),
        fuzzTarget("FuzzJSON", ["FuzzSupport", "WMLintSource", "WMLintSyntax"]),
        fuzzTarget("FuzzYAML", ["FuzzSupport", "WMLintSource", "WMLintSyntax"]),
        fuzzTarget("FuzzShorthand", ["FuzzSupport", "WMLintSource", "WMLintSyntax"]),
        fuzzTarget("FuzzShell", ["FuzzSupport", "WMLintSource", "WMLintSyntax"]),
        fuzzTarget("FuzzLint", ["FuzzSupport", "WMLintSource", "WMLintKit"]),
    ]
)
