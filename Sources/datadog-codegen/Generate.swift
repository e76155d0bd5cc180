import ArgumentParser
import DatadogCodegen
import Foundation

struct InputOptions: ParsableArguments {
    @Argument(help: "Folder of reference pages (.md), searched recursively.")
    var input: String = "input"

    @Option(help: "Folder of Mustache templates.")
    var templates: String?

    @Option(name: .customLong("tag"), help: "Generate only operations of this tag (repeatable).")
    var tags: [String] = []

    @Option(name: .customLong("operation"), help: "Generate only this operationId (repeatable).")
    var operations: [String] = []

    func pipelineOptions() -> Pipeline.Options {
        var options = Pipeline.Options(input: URL(fileURLWithPath: input), templates: URL(fileURLWithPath: templates ?? Self.defaultTemplates()))
        options.tags = Set(tags)
        options.operations = Set(operations)
        return options
    }

    /// `./templates` when run from the project, else the templates beside the sources.
    static func defaultTemplates() -> String {
        if FileManager.default.fileExists(atPath: "templates/model.mustache") { return "templates" }
        let source = URL(fileURLWithPath: #filePath)
        return source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }
}

func printDiagnostics(_ result: Pipeline.Result, quiet: Bool) {
    let useColor = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    for diagnostic in result.sdk.diagnostics where !(quiet && diagnostic.severity == .warning) {
        var line = diagnostic.description
        if useColor {
            let tint = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
            line = line.replacingOccurrences(of: ": \(diagnostic.severity.rawValue): ", with: ": \(tint)\(diagnostic.severity.rawValue)\u{1B}[0m: ")
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate the Swift SDK from reference pages.")

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: "Folder the SDK modules are written to.")
    var output: String = "Generated"

    @Flag(help: "Write nothing; exit non-zero when the output folder differs from what the input would produce.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    func run() throws {
        let result: Pipeline.Result
        do {
            result = try Pipeline.run(inputOptions.pipelineOptions())
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        printDiagnostics(result, quiet: quiet)
        let writer = OutputWriter(directory: URL(fileURLWithPath: output))
        let summary = check ? writer.plan(result.files) : try writer.write(result.files)
        let verb = check ? "would change" : "changed"
        print("\(result.pageCount) pages, \(result.operationCount) operations, \(result.files.count) files (\(summary.changed.count) \(verb)), \(result.warningCount) warnings, \(result.errorCount) errors")
        if check, !summary.changed.isEmpty {
            for path in summary.changed.prefix(20) { print("  out of date: \(output)/\(path)") }
            throw ExitCode(1)
        }
        if result.errorCount > 0 { throw ExitCode(1) }
    }
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the generator's model as JSON.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let result = try Pipeline.run(inputOptions.pipelineOptions(), render: false)
        printDiagnostics(result, quiet: true)
        FileHandle.standardOutput.write(try ModelDump.data(result.sdk))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the tags and operations found.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let result = try Pipeline.run(inputOptions.pipelineOptions(), render: false)
        printDiagnostics(result, quiet: true)
        for module in result.sdk.modules {
            let byAPI = Dictionary(grouping: module.operations, by: \.apiName)
            print("\(module.name): \(module.operations.count) operations, \(module.types.filter { $0.aliasOf == nil }.count) types")
            for api in byAPI.keys.sorted() {
                let operations = byAPI[api] ?? []
                print("  \(api) (\(operations.count))")
                for operation in operations { print("    \(operation.methodName)  \(operation.httpMethod) \(operation.path)") }
            }
        }
    }
}
