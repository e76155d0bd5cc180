import ArgumentParser
import DatadogCodegen
import Foundation

@main
struct DatadogCodegenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datadog-codegen",
        abstract: "Generates a Swift SDK from Datadog API reference pages (markdown).",
        subcommands: [Generate.self, Dump.self, List.self],
        defaultSubcommand: Generate.self
    )
}
