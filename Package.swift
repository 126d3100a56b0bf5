// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Release builds on Linux link the Swift runtime statically into the executable: no shared Swift libraries to
// find and relocate before `main`, so start-up stays close to a bare swift-argument-parser command (see
// docs/performance.md). Root-package unsafe flags are accepted by `swift build -c release` (as pre-commit runs
// it); WMLINT_STDLIB=dynamic in the environment keeps the shared runtime (benchmarks/run.sh compares the two).
let staticStdlib = Context.environment["WMLINT_STDLIB"] != "dynamic"
let executableLinkerSettings: [LinkerSetting] =
    staticStdlib
    ? [
        .unsafeFlags(
            // FoundationEssentials (imported by swift-argument-parser) needs the archives it depends on named
            // explicitly when only the link step is static.
            [
                "-static-stdlib", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims",
                "-Xlinker", "-lswiftSynchronization",
            ],
            .when(platforms: [.linux], configuration: .release))
    ] : []

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
