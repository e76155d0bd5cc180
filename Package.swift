// swift-tools-version:6.0
import PackageDescription

/// The generated SDK: one module per API version, written by `datadog-codegen generate` into `Generated/`.
let generatedModules = ["DatadogV1", "DatadogV2"]

let package = Package(
    name: "DatadogSwiftCodegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "datadog-codegen", targets: ["datadog-codegen"]),
        .library(name: "DatadogCodegen", targets: ["DatadogCodegen"]),
        .library(name: "DatadogAPIClient", targets: ["DatadogRuntime"] + generatedModules),
        .plugin(name: "GenerateSDK", targets: ["GenerateSDK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        // The C markdown parser, Debian's libcmark-dev. Only the generator links it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The generator: markdown → page sections → endpoint/field-tree model → Swift type model → templates → files.
        .target(
            name: "DatadogCodegen",
            dependencies: [
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "datadog-codegen",
            dependencies: [
                "DatadogCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mutation fuzzing of the generator (issue: hostile pages never crash it); samples are
        // type-checked against the runtime built with it.
        .executableTarget(name: "datadog-codegen-fuzz", dependencies: ["DatadogCodegen", "DocsChanges", "DatadogRuntime"]),
        // Docs changes (reordered parameters, new fields and enum values, deep and wide objects, removed
        // examples, renamed and merged tags) applied to pages, and the SDK type-check they must pass.
        .target(name: "DocsChanges", dependencies: ["DatadogCodegen"]),
        .executableTarget(name: "datadog-codegen-docs-changes", dependencies: ["DocsChanges", "DatadogRuntime"]),
        // Generation benchmark: cmark floor, full and no-change runs, stage times, memory.
        .executableTarget(name: "datadog-codegen-bench", dependencies: ["DatadogCodegen", "CCmark"]),
        // Hand-written runtime the generated SDK builds on.
        .target(
            name: "DatadogRuntime",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),

        // `swift package --allow-writing-to-package-directory generate-sdk`: regenerates Generated/ from input/.
        .plugin(
            name: "GenerateSDK",
            capability: .command(
                intent: .custom(verb: "generate-sdk", description: "Regenerate Generated/ from the reference pages in input/."),
                permissions: [.writeToPackageDirectory(reason: "The plugin rewrites the generated SDK in Generated/ from the pages in input/.")]
            ),
            dependencies: ["datadog-codegen"]
        ),

        .testTarget(
            name: "DatadogCodegenTests",
            // The runtime is built for the docs-change tests, which type-check generated SDKs against it.
            dependencies: ["DatadogCodegen", "DocsChanges", "DatadogRuntime", .product(name: "FlyingFox", package: "FlyingFox")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DatadogRuntimeTests",
            dependencies: ["DatadogRuntime", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(
            name: "GeneratedSDKTests",
            dependencies: [.target(name: "DatadogRuntime"), .product(name: "FlyingFox", package: "FlyingFox")]
                + generatedModules.map { .target(name: $0) }
        ),
    ]
        // The generated SDK (golden output of input/), one module per API version.
        + generatedModules.map { .target(name: $0, dependencies: ["DatadogRuntime"], path: "Generated/" + $0) }
)
