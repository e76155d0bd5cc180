import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sdk [options]`
///
/// Regenerates the SDK in `Generated/` from the reference pages in `input/` by running the
/// package's own `datadog-codegen generate` with the package's `templates/`.
///
/// Options (all optional):
/// - `--input <dir>`: the pages folder, relative to the package (default `input`).
/// - `--output <dir>`: the SDK folder, relative to the package (default `Generated`).
/// - `--templates <dir>`: the Mustache templates, relative to the package (default `templates`).
/// - anything else (`--check`, `--quiet`, `--tag <slug>`, `--operation <id>`, `--module-prefix <prefix>`) is passed on to
///   `datadog-codegen generate`.
@main
struct GenerateSDK: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let input = extractor.extractOption(named: "input").last ?? "input"
        let output = extractor.extractOption(named: "output").last ?? "Generated"
        let templates = extractor.extractOption(named: "templates").last ?? "templates"
        let passThrough = extractor.remainingArguments

        let tool = try context.tool(named: "datadog-codegen")
        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = root
        process.arguments = [
            "generate", Self.resolve(input, in: root),
            "--output", Self.resolve(output, in: root),
            "--templates", Self.resolve(templates, in: root),
        ] + passThrough
        try process.run()
        process.waitUntilExit()

        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("datadog-codegen generate failed (exit status \(process.terminationStatus))")
            throw GenerateSDKError.toolFailed(status: process.terminationStatus)
        }
    }

    /// An absolute path for `path`, taken relative to the package directory unless absolute.
    static func resolve(_ path: String, in root: URL) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }
}

enum GenerateSDKError: Error, CustomStringConvertible {
    case toolFailed(status: Int32)

    var description: String {
        switch self {
        case .toolFailed(let status): "datadog-codegen generate exited with status \(status)"
        }
    }
}
