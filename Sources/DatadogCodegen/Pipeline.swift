import Foundation

/// The whole run, stage by stage, with the time each stage took.
public struct Pipeline {
    public struct Options: Sendable {
        public var input: URL
        public var templates: URL
        /// Keep only operations of these tags / operationIds (empty: all).
        public var tags: Set<String> = []
        public var operations: Set<String> = []

        public init(input: URL, templates: URL) {
            self.input = input
            self.templates = templates
        }
    }

    public struct Result: Sendable {
        public var sdk: SDKModel
        public var files: [String: String]
        public var pageCount: Int
        public var timings: [(stage: String, seconds: Double)]
        public var errorCount: Int { sdk.diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { sdk.diagnostics.filter { $0.severity == .warning }.count }
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
        if !options.tags.isEmpty || !options.operations.isEmpty {
            pages = pages.map { filter($0, options) }
        }
        let sdk = timed("naming, types, dedup") { Generator.buildModel(pages) }
        var output: [String: String] = [:]
        if let templates {
            output = timed("render") { SDKRenderer.render(sdk, templates: templates) }
        }
        return Result(sdk: sdk, files: output, pageCount: files.count, timings: timings)
    }

    static func filter(_ parsed: ParsedPage, _ options: Options) -> ParsedPage {
        var result = parsed
        if !options.tags.isEmpty, !options.tags.contains(parsed.page.tag) {
            result.page.operations = []
            return result
        }
        if !options.operations.isEmpty {
            result.page.operations = parsed.page.operations.filter { operation in
                options.operations.contains(OperationBuilder.operationID(for: operation, page: parsed.page))
            }
        }
        return result
    }
}
