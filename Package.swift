// swift-tools-version:6.0
import PackageDescription

/// The generated SDK: one module per API version that `input/` has pages for, written by
/// `datadog-codegen generate` into `Generated/` (Status Pages is v2 only).
///
/// A literal list, not a listing of `Generated/` through `FileManager`: SwiftPM caches a manifest's
/// evaluation by the manifest's text, so a listing goes stale when a regeneration adds or removes a
/// version (measured: a new module folder stays invisible to `swift build` until Package.swift changes).
/// `GoldenTests.testPackageListsTheGeneratedModules` fails, naming the list to write, when this list
/// and `Generated/` disagree.
let generatedModules = ["DatadogV2"]

/// Test-only: the hand-written edge-case pages of `Tests/Fixtures/EdgeCases/input`, generated with
/// `--module-prefix DatadogEdgeCases` into `Tests/Fixtures/EdgeCases/Generated` (their golden output).
/// Compiled for `GeneratedSDKTests` only, never part of a product.
let edgeCaseModules = ["DatadogEdgeCasesV1"]

let package = Package(
    name: "DatadogSwiftCodegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "datadog-codegen", targets: ["datadog-codegen"]),
        .library(name: "DatadogCodegen", targets: ["DatadogCodegen"]),
        .library(name: "DatadogAPIClient", targets: ["DatadogRuntime"] + generatedModules),
        // The runtime alone, for packages that compile their own generated SDK against it (.ci/harness).
        .library(name: "DatadogRuntime", targets: ["DatadogRuntime"]),
        // The runtime's transport over AsyncHTTPClient (SwiftNIO), for server-side Swift; a separate
        // product so that `DatadogAPIClient` alone pulls in no NIO.
        .library(name: "DatadogAsyncHTTPClient", targets: ["DatadogAsyncHTTPClient"]),
        // A stand-in Datadog API on loopback (FlyingFox), for testing code that uses the SDK.
        .library(name: "DatadogTesting", targets: ["DatadogTesting"]),
        .plugin(name: "GenerateSDK", targets: ["GenerateSDK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        // `swift package generate-documentation --target DatadogRuntime` (the DocC catalog in Sources/DatadogRuntime).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // The conformance measurement (CONFORMANCE.md): the generator's dump scored against the official
        // truth files, the round trip and the replay of recorded traffic, the ratchet; `.ci/conformance` runs it.
        .target(name: "Conformance", dependencies: ["DatadogRuntime"]),
        .executableTarget(
            name: "datadog-codegen-conformance",
            dependencies: ["Conformance", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The portability check (no Linux-only spelling outside a platform #if); `.ci/portability` runs it.
        // Not a product: a CI tool.
        .target(name: "Portability"),
        .executableTarget(name: "datadog-codegen-portability", dependencies: ["Portability"]),
        // Generation benchmark: cmark floor, full and no-change runs, stage times, memory.
        .executableTarget(name: "datadog-codegen-bench", dependencies: ["DatadogCodegen", "CCmark"]),
        // zlib, for gzip/deflate request bodies: part of the macOS SDK, Debian's zlib1g-dev on Linux.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Hand-written runtime the generated SDK builds on.
        .target(
            name: "DatadogRuntime",
            dependencies: ["CZlib", .product(name: "Logging", package: "swift-log")]
        ),
        // A stand-in Datadog API on loopback: routes, canned or closure answers, recorded requests.
        .target(
            name: "DatadogTesting",
            dependencies: ["DatadogRuntime", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // The runtime's HTTPTransport over AsyncHTTPClient.
        .target(
            name: "DatadogAsyncHTTPClient",
            dependencies: [
                "DatadogRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
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
        .testTarget(name: "ConformanceTests", dependencies: ["Conformance"]),
        .testTarget(name: "PortabilityTests", dependencies: ["Portability"]),
        .testTarget(
            name: "DatadogRuntimeTests",
            dependencies: ["DatadogRuntime", "DatadogTesting"]
        ),
        // The loopback fault suite (redirects, deadlines, retries, hostile bodies, pagination), run
        // against both transports.
        .testTarget(
            name: "DatadogTransportTests",
            dependencies: ["DatadogRuntime", "DatadogAsyncHTTPClient", "DatadogTesting", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "DatadogTestingTests", dependencies: ["DatadogTesting", "DatadogRuntime"]),
        .testTarget(
            name: "GeneratedSDKTests",
            dependencies: [.target(name: "DatadogRuntime"), "GoldenPagingSDK", "DatadogTesting"]
                + (generatedModules + edgeCaseModules).map { .target(name: $0) }
        ),
        // The golden output of the `pagination` case, compiled so that the loopback tests can call it.
        .target(
            name: "GoldenPagingSDK",
            dependencies: ["DatadogRuntime"],
            path: "Tests/DatadogCodegenTests/Golden/pagination/expected"
        ),
    ]
        // The generated SDK (golden output of input/), one module per API version.
        + generatedModules.map { .target(name: $0, dependencies: ["DatadogRuntime"], path: "Generated/" + $0) }
        + edgeCaseModules.map { .target(name: $0, dependencies: ["DatadogRuntime"], path: "Tests/Fixtures/EdgeCases/Generated/" + $0) }
)
