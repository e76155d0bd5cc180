// swift-tools-version:6.0
import PackageDescription

// A small consumer of the generated SDK: lists the organization's status pages.
// Run from this folder: DD_API_KEY=… DD_APP_KEY=… [DD_SITE=datadoghq.eu] swift run
let package = Package(
    name: "ListStatusPages",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The SDK package two folders up (the repository root).
        .package(name: "DatadogSwiftCodegen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ListStatusPages",
            dependencies: [.product(name: "DatadogAPIClient", package: "DatadogSwiftCodegen")]
        ),
    ]
)
