import ArgumentParser
import DatadogCodegen
import Foundation

struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Folder of reference pages (.md), searched recursively.", valueName: "input"))
    var input: String = "input"

    @Option(help: ArgumentHelp(
        "Folder of Mustache templates to use instead of the built-in ones (the same file names; checked before use).",
        valueName: "folder"))
    var templates: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp(
        "Keep only operations of this tag, as the page's breadcrumb names it, e.g. \"Status Pages\" (repeatable).",
        valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("operation"), help: ArgumentHelp(
        "Keep only this operationId, e.g. CreateBackfilledDegradation (repeatable).",
        valueName: "operationId"))
    var operations: [String] = []

    @Option(help: ArgumentHelp(
        "Module names are this prefix and the API version, e.g. DatadogV2 (test fixtures use another prefix to stay apart).",
        valueName: "prefix"))
    var modulePrefix: String = Pipeline.defaultModulePrefix

    func validate() throws {
        // The prefix becomes a module name: a Swift identifier of ASCII letters, digits and `_`.
        let allowed = modulePrefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
        guard !modulePrefix.isEmpty, allowed, !(modulePrefix.first?.isNumber ?? true) else {
            throw ValidationError("--module-prefix must be a Swift identifier (letters, digits, _; not starting with a digit): \(modulePrefix)")
        }
    }

    func pipelineOptions() -> Pipeline.Options {
        var options = Pipeline.Options(input: URL(fileURLWithPath: input), templates: URL(fileURLWithPath: templates ?? Self.defaultTemplates()))
        options.tags = Set(tags)
        options.operations = Set(operations)
        options.modulePrefix = modulePrefix
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

func printDiagnostics(_ diagnostics: [Diagnostic], quiet: Bool) {
    let useColor = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
        var line = diagnostic.description
        if useColor {
            let tint = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
            line = line.replacingOccurrences(of: ": \(diagnostic.severity.rawValue): ", with: ": \(tint)\(diagnostic.severity.rawValue)\u{1B}[0m: ")
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the Swift SDK from reference pages (the default command).",
        discussion: """
            Writes one module per API version the pages have, <output>/DatadogV1 and/or \
            <output>/DatadogV2 (--module-prefix changes "Datadog"). Only files whose text changed are \
            rewritten, and files that are no longer generated are removed. A page with an error is \
            skipped; every other page is still generated. Exit status: 0 on success, 1 when a page \
            has an error (or, with --check, when the output is out of date), 2 when the input or \
            templates cannot be used.
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder the SDK modules are written to.", valueName: "folder"))
    var output: String = "Generated"

    @Flag(help: "Write nothing; exit with status 1 when the output folder differs from what the input produces.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    func run() throws {
        let action = GenerateAction(options: inputOptions.pipelineOptions(), output: URL(fileURLWithPath: output), check: check)
        let progress = ProgressLine(label: "generating")
        progress.start()
        let report: GenerateAction.Report
        do {
            report = try action.run(progress: progress.update)
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        progress.finish()
        if !quiet { for line in report.recordedDiagnostics { FileHandle.standardError.write(Data((line + "\n").utf8)) } }
        printDiagnostics(report.diagnostics, quiet: quiet)
        if let failure = report.writeFailure {
            // Every diagnostic of the run comes out before the write stage's failure.
            FileHandle.standardError.write(Data("\(failure)\n".utf8))
            throw ExitCode(1)
        }
        print(report.summary)
        if check, !report.changed.isEmpty {
            for path in report.changed.prefix(20) { print("  out of date: \(output)/\(path)") }
            throw ExitCode(1)
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the generator's model (operations, types, diagnostics per page) as JSON.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let result = try Pipeline.run(inputOptions.pipelineOptions(), render: false)
        printDiagnostics(result.sdk.diagnostics, quiet: true)
        FileHandle.standardOutput.write(try ModelDump.data(result.sdk))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the API types and operations the pages define, per module.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let result = try Pipeline.run(inputOptions.pipelineOptions(), render: false)
        printDiagnostics(result.sdk.diagnostics, quiet: true)
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
