// swift-tools-version:6.1
// The floor for start-up: a hello-world command on swift-argument-parser, built and linked like wmlint.
import PackageDescription

// Linked like wmlint (see ../../Package.swift): the Swift runtime statically in release builds on Linux, unless
// WMLINT_STDLIB=dynamic.
let staticStdlib = Context.environment["WMLINT_STDLIB"] != "dynamic"

let package = Package(
    name: "hello",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .executableTarget(
            name: "hello",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: staticStdlib
                ? [
                    .unsafeFlags(
                        [
                            "-static-stdlib", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims",
                            "-Xlinker", "-lswiftSynchronization",
                        ],
                        .when(platforms: [.linux], configuration: .release))
                ] : []
        )
    ]
)
