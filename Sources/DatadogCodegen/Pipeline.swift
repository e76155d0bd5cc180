import Foundation

/// The whole run, as its list of stages, each a function from one immutable type to the next
/// (the time each takes is recorded):
///
/// | # | stage | function | input → output |
/// | --- | --- | --- | --- |
/// | 1 | read | ``Generator/readPages(_:in:)`` | page files → ``SourcePage`` |
/// | 2 | page sections | ``PageParser/parse(_:log:)`` (markdown: ``MarkdownEvents``) | ``SourcePage`` → ``Page`` |
/// | 3 | field trees, code-example names | ``PageAnalyzer/analyze(_:log:)`` (``FieldTreeBuilder``, ``CodeExampleHints``) | ``Page`` → ``AnalyzedPage`` |
/// | 4 | Swift model | ``Generator/buildModel(_:naming:modulePrefix:diagnostics:)`` | ``AnalyzedPage``s → ``SDKModel`` |
/// | 5 | render | ``SDKRenderer/render(_:templates:)`` | ``SDKModel`` → files (path → text) |
/// | 6 | write | ``GenerateAction/run(progress:)`` (``OutputWriter``, ``UpToDateStamp``) | files → the output folder |
///
/// Inside stage 4: operationIds are decided by ``OperationNaming`` (official from the examples,
/// else from the title); each API version is built twice, ``NameLearning/learn(_:pages:naming:)``
/// first (``LearnedNames``: the names the examples teach), then the kept run that spreads them; a table row becomes a Swift property in ``TypeBuilder`` (`object`, called
/// from ``TypeBuilder/rootType(fields:exampleIsArray:name:doc:line:python:official:isRequest:log:)``);
/// a method's parameters are collected in ``OperationBuilder/build(_:page:operationID:types:log:)``
/// (parameter rows in page order, then multipart parts, then path placeholders the tables miss)
/// and put in signature order by ``OperationDecl/arguments`` (required, body, optional); identical structures are shared
/// and recursion broken in ``TypeFinalizer``; paging is ``Pagination/infer(_:types:)``. The renderer reads
/// ``SDKModel/modules``; what each table row became (``RowBindings``, for `dump`) rides beside the
/// operations in ``SDKModel/pages``, not in the declarations the renderer renders.
/// Diagnostics go to one ``DiagnosticCollector`` passed down the stages.
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

    /// Runs stages 1–5 (everything but writing) on the pages of `options.input`. `render: false`
    /// stops after the model. Throws when the input folder or the templates cannot be used.
    public static func run(_ options: Options, render: Bool = true) throws -> Result {
        var clock = StageClock()
        let templates = try render ? clock.time("templates") { try TemplateSet(directory: options.templates) } : nil
        let files = try clock.time("list") { try Generator.pageFiles(in: options.input) }
        let sources = clock.time("read") { Generator.readPages(files, in: options.input) }
        return run(sources, templates: templates, options: options, clock: clock)
    }

    /// Runs stages 2–5 on pages already read (in the order given); `templates` nil stops after
    /// the model. `options.input` and `options.templates` are not used.
    public static func run(_ sources: [SourcePage], templates: TemplateSet?, options: Options) -> Result {
        run(sources, templates: templates, options: options, clock: StageClock())
    }

    static func run(_ sources: [SourcePage], templates: TemplateSet?, options: Options, clock: StageClock) -> Result {
        var clock = clock
        var diagnostics = DiagnosticCollector()
        var pages = clock.time("parse, field trees") { Generator.analyzePages(sources, diagnostics: &diagnostics) }
        // Names come from the whole input, so that a filtered run names operations the same way.
        let naming = OperationNaming(pages: pages)
        if !options.tags.isEmpty || !options.operations.isEmpty {
            pages = pages.map { filter($0, options, naming: naming) }
        }
        let sdk = clock.time("naming, types, dedup") {
            Generator.buildModel(pages, naming: naming, modulePrefix: options.modulePrefix, diagnostics: &diagnostics)
        }
        let files = templates.map { templates in clock.time("render") { SDKRenderer.render(sdk, templates: templates) } } ?? [:]
        return Result(sdk: sdk, files: files, pageCount: sources.count, timings: clock.timings)
    }

    /// Wall-clock time of each stage, in run order.
    struct StageClock {
        var timings: [(stage: String, seconds: Double)] = []

        mutating func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }
    }

    /// The page with only the operations `options` selects (by tag, by operationId).
    static func filter(_ page: AnalyzedPage, _ options: Options, naming: OperationNaming) -> AnalyzedPage {
        if !options.tags.isEmpty, !options.tags.contains(page.tag) { return page.keeping([]) }
        guard !options.operations.isEmpty else { return page }
        return page.keeping(page.operations.filter { options.operations.contains(naming.operationID(for: $0, page: page)) })
    }
}
