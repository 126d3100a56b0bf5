// swift-tools-version:6.2
import PackageDescription

// Release builds generate direct calls to each concrete type's metadata accessor instead of looking the type up by
// its mangled name at run time: the look-up demangles the name and searches the runtime's conformance table once per
// generic requirement, most of it at start-up (docs/performance.md has the figures).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(
        ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

// Release builds on Linux are one static executable: the Swift runtime, libstdc++, libyaml and the C library are
// linked in, so nothing is loaded or relocated before `main` (docs/performance.md compares the linkings). The price:
// the executable is not position-independent, so its own code and data load at fixed addresses (the stack, heap and
// other mappings are still randomized). Root-package unsafe flags are accepted by `swift build -c release` (as
// pre-commit runs it). WMLINT_LINKING in the environment selects another linking for comparisons
// (benchmarks/run.sh): `runtime` links only the Swift runtime statically, `dynamic` links nothing statically.
let linking = Context.environment["WMLINT_LINKING"] ?? "static"
let executableLinkerSettings: [LinkerSetting] =
    linking == "dynamic"
    ? []
    : [
        .unsafeFlags(
            // FoundationEssentials (imported by swift-argument-parser) needs the archives it depends on named
            // explicitly when the link is static.
            [
                linking == "runtime" ? "-static-stdlib" : "-static-executable",
                "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims",
                "-Xlinker", "-lswiftSynchronization",
            ],
            .when(platforms: [.linux], configuration: .release))
    ]

let package = Package(
    name: "wmlint",
    products: [
        .executable(name: "wmlint", targets: ["wmlint"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CWMLintYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "WMLintSource", swiftSettings: swiftSettings),
        .target(
            name: "WMLintSyntax",
            dependencies: ["WMLintSource", "CWMLintYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WMLintModel",
            dependencies: ["WMLintSource", "WMLintSyntax"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WMLintRules",
            dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WMLintKit",
            dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel", "WMLintRules"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "wmlint",
            dependencies: [
                "WMLintSource",
                "WMLintModel",
                "WMLintRules",
                "WMLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: executableLinkerSettings
        ),
        .testTarget(
            name: "WMLintSyntaxTests",
            dependencies: ["WMLintSource", "WMLintSyntax"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WMLintModelTests",
            dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WMLintKitTests",
            dependencies: ["WMLintSource", "WMLintSyntax", "WMLintModel", "WMLintRules", "WMLintKit", "wmlint"],
            swiftSettings: swiftSettings
        ),
    ]
)
