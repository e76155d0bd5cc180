import ArgumentParser
import Conformance
import Foundation

/// Renders the round-trip and replay harness sources from the dump into the scratch package.
struct HarnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harness",
        abstract: "Writes the round-trip and replay harness sources of the scratch package (.ci/harness) from the dump.")

    @Option(help: "The generator's dump (datadog-codegen dump).")
    var dump: String

    @Option(help: "The harness package folder (.ci/harness).")
    var package: String

    @Option(help: "Write what was rendered (examples, replay functions, generated lines' owners) as JSON here.")
    var report: String

    @Option(help: "JSON array of round-trip types to leave out (they do not compile).")
    var excludeTypes: String?

    @Option(help: "JSON array of replay keys (<version>.<OperationId>) to leave out.")
    var excludeOperations: String?

    @Flag(help: "Harnesses without entries (to build the SDK alone).")
    var empty = false

    func run() throws {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
        func strings(_ path: String?) throws -> Set<String> {
            guard let path else { return [] }
            return Set(try JSONDecoder().decode([String].self, from: Data(contentsOf: url(path))))
        }
        let decoded = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: url(dump)))
        let written = try HarnessSources.write(dump: decoded, package: url(package), excludedTypes: try strings(excludeTypes),
                                               excludedOperations: try strings(excludeOperations), empty: empty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(written).write(to: url(report))
    }
}
