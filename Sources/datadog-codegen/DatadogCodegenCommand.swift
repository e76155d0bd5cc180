import ArgumentParser
import DatadogCodegen
import Foundation

@main
struct DatadogCodegenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datadog-codegen",
        abstract: "Generate a Swift SDK from Datadog API reference pages (markdown).",
        discussion: """
            Reads the markdown export of Datadog's API reference (one page per endpoint, e.g. \
            https://docs.datadoghq.com/api/latest/status-pages/create-backfilled-degradation.md) and \
            writes one Swift module per API version the pages have (DatadogV1, DatadogV2): Codable \
            models, open enums and one async API type per tag. Problems in a page are reported as path:line:column: warning|error.

            Typical use, from the package folder:
              datadog-codegen fetch --tag status-pages      # pages into input/
              datadog-codegen generate input --output Generated
              datadog-codegen generate --check              # exit 1 if out of date
            """,
        subcommands: [Generate.self, Fetch.self, Dump.self, List.self],
        defaultSubcommand: Generate.self
    )
}
