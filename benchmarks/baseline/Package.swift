// swift-tools-version:6.1
// The floor for start-up: a hello-world command on swift-argument-parser, built and linked like wmlint.
import PackageDescription

// Built and linked like wmlint (see ../../Package.swift): one static executable in release builds on Linux, unless
// WMLINT_LINKING says `runtime` (only the Swift runtime static) or `dynamic`.
let linking = Context.environment["WMLINT_LINKING"] ?? "static"

let package = Package(
    name: "hello",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .executableTarget(
            name: "hello",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [
                .unsafeFlags(
                    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                    .when(configuration: .release))
            ],
            linkerSettings: linking == "dynamic"
                ? []
                : [
                    .unsafeFlags(
                        [
                            linking == "runtime" ? "-static-stdlib" : "-static-executable",
                            "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims",
                            "-Xlinker", "-lswiftSynchronization",
                        ],
                        .when(platforms: [.linux], configuration: .release))
                ]
        )
    ]
)
