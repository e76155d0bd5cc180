import Foundation

/// One API version's module.
public struct ModuleModel: Sendable {
    /// The API version (`v1`, `v2`).
    public var version: String
    /// The Swift module name: the prefix and the version (`DatadogV2`).
    public var name: String
    /// The finalized type declarations, in declaration order.
    public var types: [TypeDecl]
    /// The version's operations, with method names unique per API type.
    public var operations: [OperationDecl]
    /// Names known to be the official clients' (from the code examples).
    public var officialNames: Set<String> = []
}

/// The whole SDK (stage 4), with what each page contributed.
public struct SDKModel: Sendable {
    /// One module per API version, sorted by version: what the renderer renders.
    public var modules: [ModuleModel]
    /// Per page (in input order): its operations as generated, with what their rows became (for the dump).
    public var pages: [BuiltPage]
    /// Every diagnostic of every page, ordered by page and line (``DiagnosticCollector/sorted(pageOrder:)``).
    public var diagnostics: [Diagnostic]
}

/// One page's operations as generated (stage 4): what `dump` prints of a page.
public struct BuiltPage: Sendable {
    /// The page file, relative to the input folder.
    public var file: String
    /// The page's operations, in page order.
    public var operations: [BuiltOperation]
}

/// An operation as generated, with what its table rows became.
public struct BuiltOperation: Sendable {
    /// The operation, as in its module.
    public var decl: OperationDecl
    /// What the rows of its request and response tables became.
    public var rows: RowBindings
}

/// The stages' functions from reading pages to the Swift model (``Pipeline`` runs them in order).
public enum Generator {
    /// Every `.md` file below `directory`, as paths relative to it, sorted.
    public static func pageFiles(in directory: URL) throws -> [String] {
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw GeneratorError(description: "\(root): error: cannot read the input folder")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".md"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(relative)
                }
            }
        }
        return files.sorted()
    }

    /// Stage 1: reads the pages (relative paths below `directory`) on all cores, in input order.
    public static func readPages(_ files: [String], in directory: URL) -> [SourcePage] {
        let results = ParallelResults<SourcePage>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results.set(index, SourcePage(file: file, data: try? Data(contentsOf: directory.appendingPathComponent(file))))
        }
        return results.values()
    }

    /// Stages 2–3 for one page (``PageParser/parse(_:log:)``, then ``PageAnalyzer/analyze(_:log:)``),
    /// reporting to `log`. Never throws: unreadable input becomes a diagnostic.
    public static func analyzePage(_ source: SourcePage, log: inout DiagnosticLog) -> AnalyzedPage {
        let page = PageParser.parse(source, log: &log)
        return PageAnalyzer.analyze(page, log: &log)
    }

    /// Stages 2–3 for every page, on all cores; results and diagnostics in input order.
    public static func analyzePages(_ sources: [SourcePage], diagnostics: inout DiagnosticCollector) -> [AnalyzedPage] {
        let results = ParallelResults<(AnalyzedPage, DiagnosticLog)>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            var log = DiagnosticLog(file: sources[index].file)
            let page = analyzePage(sources[index], log: &log)
            results.set(index, (page, log))
        }
        return results.values().map { page, log in
            diagnostics.report(log)
            return page
        }
    }

    /// Stage 4: names, types and operations for all pages. Naming is global within an API
    /// version (sequential), and the versions are independent modules (built on separate cores).
    /// Module names are `modulePrefix` + the upper-cased version (`DatadogV2`). The model's
    /// diagnostics are everything in `diagnostics` (earlier stages' included), by page and line.
    public static func buildModel(_ pages: [AnalyzedPage], naming: OperationNaming? = nil, modulePrefix: String = Pipeline.defaultModulePrefix,
                                  diagnostics: inout DiagnosticCollector) -> SDKModel {
        let naming = naming ?? OperationNaming(pages: pages)
        let versions = Set(pages.flatMap { $0.operations.map(\.version) }).sorted()

        let results = ParallelResults<(ModuleModel, [RowBindings], DiagnosticCollector)>(count: versions.count)
        DispatchQueue.concurrentPerform(iterations: versions.count) { index in
            results.set(index, buildVersion(versions[index], pages: pages, naming: naming, modulePrefix: modulePrefix))
        }
        let builds = results.values()
        for (_, _, reported) in builds { diagnostics.report(reported) }
        let modules = builds.map(\.0)

        // Per page, in page order: its operations as generated (method names made unique), in page order.
        let built = builds.flatMap { module, rows, _ in zip(module.operations, rows).map { BuiltOperation(decl: $0, rows: $1) } }.enumerated()
        let byFile = Dictionary(grouping: built, by: { $0.element.decl.source.file })
        let pageOperations = pages.map { page in
            BuiltPage(file: page.file, operations: (byFile[page.file] ?? []).sorted {
                ($0.element.decl.source.line, $0.offset) < ($1.element.decl.source.line, $1.offset)
            }.map(\.element))
        }
        return SDKModel(modules: modules, pages: pageOperations, diagnostics: diagnostics.sorted(pageOrder: pages.map(\.file)))
    }

    /// Builds the operations and types of one version from every page, then finalizes its types.
    /// Two runs over the pages: ``NameLearning/learn(_:pages:naming:)`` learns the names the examples
    /// give (``LearnedNames``); the second run spreads them to the copies of the same schemas
    /// (``NameSpreading``) and is the one kept (with its diagnostics).
    /// With the module, what each of its operations' rows became (``RowBindings``, one per operation,
    /// renamed as the module is).
    /// Where a table row becomes a Swift property: ``TypeBuilder/rootType(fields:exampleIsArray:name:doc:line:python:official:isRequest:alternatives:log:)``;
    /// where a method's parameters and their order are decided: ``OperationBuilder/build(_:page:operationID:types:log:)``.
    static func buildVersion(_ version: String, pages: [AnalyzedPage], naming: OperationNaming, modulePrefix: String) -> (ModuleModel, [RowBindings], DiagnosticCollector) {
        // Two runs (why: ``NameLearning``): the names the examples teach, then the kept run, which spreads them.
        let learned = NameLearning.learn(version, pages: pages, naming: naming)
        var builder = TypeBuilder(learned: learned)
        var (operations, rows, diagnostics) = buildOperations(version, pages: pages, naming: naming, builder: &builder)
        let finalized = TypeFinalizer.finalize(builder.decls, order: builder.order, official: builder.officialNames)
        // One name per type: references to an alias of an official declaration use the official name.
        let renaming = OfficialRenaming.mapping(finalized, official: builder.officialNames)
        var types = OfficialRenaming.apply(renaming, to: finalized)
        operations = operations.map { OfficialRenaming.apply(renaming, to: $0) }
        rows = rows.map { $0.renamed(renaming) }
        // Paging is read from the final types (merging can make a required list optional).
        let typesByName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for index in operations.indices {
            operations[index].pagination = Pagination.infer(operations[index], types: typesByName)
        }
        // A typealias only for a name a user can meet; other references name the shared declaration.
        let pruning = AliasPruning.mapping(types, operations: operations, official: builder.officialNames)
        types = AliasPruning.apply(pruning, to: types)
        operations = operations.map { AliasPruning.apply(pruning, to: $0) }
        rows = rows.map { $0.renamed(pruning) }
        uniqueMethodNames(&operations)
        let module = ModuleModel(version: version, name: modulePrefix + version.uppercased(), types: types, operations: operations,
                                 officialNames: builder.officialNames)
        return (module, rows, diagnostics)
    }

    /// The operations of `version` on every page, in page order, with their types added to `builder`;
    /// what their rows became (one per operation); and what building them reported.
    static func buildOperations(_ version: String, pages: [AnalyzedPage], naming: OperationNaming,
                                builder: inout TypeBuilder) -> ([OperationDecl], [RowBindings], DiagnosticCollector) {
        var operations: [OperationDecl] = []
        var rows: [RowBindings] = []
        var seenOperations: [String: String] = [:]
        var diagnostics = DiagnosticCollector()
        for page in pages {
            var log = DiagnosticLog(file: page.file)
            for operation in page.operations where operation.version == version {
                let operationID = naming.operationID(for: operation, page: page)
                for diagnostic in naming.diagnostics(for: operation, page: page) { diagnostics.report(diagnostic) }
                let key = version + "." + operationID
                if let first = seenOperations[key] {
                    log.warning(operation.line, "operation `\(key)` is already defined by \(first); this copy is not generated",
                                hint: "remove one of the two pages")
                    continue
                }
                let (decl, bindings) = OperationBuilder.build(operation, page: page, operationID: operationID, types: &builder, log: &log)
                operations.append(decl)
                rows.append(bindings)
                seenOperations[key] = "\(page.file):\(operation.line)"
            }
            diagnostics.report(log)
        }
        return (operations, rows, diagnostics)
    }

    /// Two operations of one API type must not share a method name.
    static func uniqueMethodNames(_ operations: inout [OperationDecl]) {
        var used: [String: Set<String>] = [:]
        for index in operations.indices {
            var names = used[operations[index].apiName] ?? ["client"]
            operations[index].methodName = Identifiers.unique(operations[index].methodName, in: &names)
            used[operations[index].apiName] = names
        }
    }
}

/// A failure that stops the run (unreadable input folder, unwritable output), worded as a diagnostic line.
public struct GeneratorError: Error, CustomStringConvertible {
    /// The message, in `path: error: …` form.
    public var description: String
    /// Creates an error with the given message.
    public init(description: String) { self.description = description }
}

/// Slots written once each from concurrent iterations.
final class ParallelResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [Value] { storage.compactMap { $0 } }
}
