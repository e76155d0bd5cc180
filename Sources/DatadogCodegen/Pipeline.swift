import Foundation

/// The whole run, stage by stage, with the time each stage took.
public struct Pipeline {
    /// The module name prefix of the SDK: modules are `DatadogV1`, `DatadogV2`.
    public static let defaultModulePrefix = "Datadog"

    /// What to generate, from where.
    public struct Options: Sendable {
        /// The folder of input `.md` pages.
        public var input: URL
        /// The folder of templates the SDK is rendered with.
        public var templates: URL
        /// Keep only operations of these tags / operationIds (empty: all).
        public var tags: Set<String> = []
        /// Keep only operations with these operationIds (empty: all).
        public var operations: Set<String> = []
        /// Module names are this prefix and the upper-cased API version (`DatadogV2`); another
        /// prefix keeps a second SDK (e.g. test fixtures) apart from the shipped modules.
        public var modulePrefix: String = Pipeline.defaultModulePrefix

        /// Options for every page under `input`, rendered with the templates in `templates`.
        public init(input: URL, templates: URL) {
            self.input = input
            self.templates = templates
        }
    }

    /// What a run produced.
    public struct Result: Sendable {
        /// The SDK model, with all diagnostics.
        public var sdk: SDKModel
        /// Rendered files: path relative to the output folder → content (empty when not rendering).
        public var files: [String: String]
        /// Number of input pages found.
        public var pageCount: Int
        /// Wall-clock duration of each stage in seconds, in run order.
        public var timings: [(stage: String, seconds: Double)]
        /// Number of error diagnostics.
        public var errorCount: Int { sdk.diagnostics.filter { $0.severity == .error }.count }
        /// Number of warning diagnostics.
        public var warningCount: Int { sdk.diagnostics.filter { $0.severity == .warning }.count }
        /// Number of operations across all modules.
        public var operationCount: Int { sdk.modules.reduce(0) { $0 + $1.operations.count } }
    }

    /// Runs stages 1–5 (everything but writing). `render: false` stops after the model.
    public static func run(_ options: Options, render: Bool = true) throws -> Result {
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }
        let templates = try render ? timed("templates") { try TemplateSet(directory: options.templates) } : nil
        let files = try timed("list") { try Generator.pageFiles(in: options.input) }
        var pages = timed("read, parse, field trees") { Generator.parsePages(files, in: options.input) }
        // Names come from the whole input, so that a filtered run names operations the same way.
        let naming = OperationNaming(pages: pages)
        if !options.tags.isEmpty || !options.operations.isEmpty {
            pages = pages.map { filter($0, options, naming: naming) }
        }
        let sdk = timed("naming, types, dedup") { Generator.buildModel(pages, naming: naming, modulePrefix: options.modulePrefix) }
        var output: [String: String] = [:]
        if let templates {
            output = timed("render") { SDKRenderer.render(sdk, templates: templates) }
        }
        return Result(sdk: sdk, files: output, pageCount: files.count, timings: timings)
    }

    static func filter(_ parsed: ParsedPage, _ options: Options, naming: OperationNaming) -> ParsedPage {
        var result = parsed
        if !options.tags.isEmpty, !options.tags.contains(parsed.page.tag) {
            result.page.operations = []
            return result
        }
        if !options.operations.isEmpty {
            result.page.operations = parsed.page.operations.filter { operation in
                options.operations.contains(naming.operationID(for: operation, page: parsed.page))
            }
        }
        return result
    }
}
