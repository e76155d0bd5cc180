// swift-tools-version:6.0
import PackageDescription

// Everyday tasks with the generated SDK, run against a stand-in Datadog API on loopback (CI runs it):
// configure the EU site from the environment, create a resource with a nested body, list page by
// page, handle a 429 and a 404, and a connection failure.
// Run from this folder: swift run
let package = Package(
    name: "EverydayTasks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The SDK package two folders up (the repository root).
        .package(name: "DatadogSwiftCodegen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "EverydayTasks",
            dependencies: [
                .product(name: "DatadogAPIClient", package: "DatadogSwiftCodegen"),
                // The stand-in Datadog API the example runs against.
                .product(name: "DatadogTesting", package: "DatadogSwiftCodegen"),
            ]
        ),
    ]
)
