// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
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
                "WMLintRules",
                "WMLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
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
