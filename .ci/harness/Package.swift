// swift-tools-version:6.0
import Foundation
import PackageDescription

// The conformance harness (figures 5 and 6 of `.ci/conformance`): the generated SDK, the example
// round trip and the replay of recorded traffic, built against the repository's runtime.
// `.ci/conformance` writes the gitignored folders: `SDK/<Module>` (the generator's output for the
// pages measured), `RoundTrip/Generated` and `Replay/Generated` (rendered from the generator's dump
// by `datadog-codegen-conformance harness`); the build goes to the conformance work folder
// (`--scratch-path`).
//
// The SDK's modules: the folders of `SDK/` (one per API version the pages have), as the driver names
// them in `CONFORMANCE_SDK_MODULES` (comma-separated). SwiftPM caches a manifest's evaluation by its
// text and environment, so the list must come through the environment: a listing of `SDK/` here would
// go stale when a run measures other versions. Without the variable (opening the package by hand), the
// folders are listed.
let sdkFolder = Context.packageDirectory + "/SDK"
let sdkModules: [String] = {
    if let names = ProcessInfo.processInfo.environment["CONFORMANCE_SDK_MODULES"] {
        return names.split(separator: ",").map(String.init)
    }
    return ((try? FileManager.default.contentsOfDirectory(atPath: sdkFolder)) ?? []).filter { name in
        var isDirectory: ObjCBool = false
        return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: sdkFolder + "/" + name, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }.sorted()
}()

let runtime: Target.Dependency = .product(name: "DatadogRuntime", package: "DatadogSwiftCodegen")

let package = Package(
    name: "ConformanceHarness",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The repository (two folders up): its runtime and its stand-in API server.
        .package(name: "DatadogSwiftCodegen", path: "../.."),
    ],
    targets: [
        // What the round trip and the replay both use (decoding errors as one line).
        .target(name: "HarnessSupport", path: "Support"),
    ] + sdkModules.map { module in
        .target(name: module, dependencies: [runtime], path: "SDK/\(module)")
    } + [
        .executableTarget(
            name: "RoundTrip",
            dependencies: [runtime, "HarnessSupport"] + sdkModules.map { .target(name: $0) },
            path: "RoundTrip"
        ),
        .executableTarget(
            name: "Replay",
            dependencies: [runtime, "HarnessSupport"] + sdkModules.map { .target(name: $0) } + [
                // The replay's loopback server: the stand-in API the tests use.
                .product(name: "DatadogTesting", package: "DatadogSwiftCodegen"),
            ],
            path: "Replay",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
