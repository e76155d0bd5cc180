import Foundation

/// One page after parsing (stages 1–3).
public struct ParsedPage: Sendable {
    /// The page's sections, with field trees built.
    public var page: Page
    /// What parsing the page reported.
    public var diagnostics: [Diagnostic]
}

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
    /// One module per API version, sorted by version.
    public var modules: [ModuleModel]
    /// Per page (sorted by file): its operations as built, for the dump.
    public var pages: [(file: String, operations: [OperationDecl])]
    /// Every diagnostic of every page, in page order.
    public var diagnostics: [Diagnostic]
}

/// The pipeline: markdown → page sections → endpoint and field-tree model → Swift type model.
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

    /// Stages 1–3 for one page. Never throws: unreadable input becomes a diagnostic.
    public static func parsePage(file: String, data: Data) -> ParsedPage {
        let source = SourceText(data: data)
        let events = MarkdownEvents.events(of: source)
        var (page, diagnostics) = PageParser.parse(file: file, source: source, events: events)
        // Stage 3 per page (pages are independent until naming): the field trees.
        var log = DiagnosticLog(file: file)
        for index in page.operations.indices {
            page.operations[index].hints = CodeExampleHints(examples: page.operations[index].codeExamples)
            if var schema = page.operations[index].requestBody?.schema {
                schema.fields = schema.table.map { FieldTreeBuilder.build(table: $0, example: schema.example, log: &log) } ?? []
                page.operations[index].requestBody?.schema = schema
            }
            for response in page.operations[index].responses.indices {
                var schema = page.operations[index].responses[response].schema
                schema.fields = schema.table.map { FieldTreeBuilder.build(table: $0, example: schema.example, log: &log) } ?? []
                page.operations[index].responses[response].schema = schema
            }
        }
        diagnostics += log.diagnostics
        return ParsedPage(page: page, diagnostics: diagnostics)
    }

    /// Reads and parses pages on all cores, in input order.
    public static func parsePages(_ files: [String], in directory: URL) -> [ParsedPage] {
        let results = ParallelResults<ParsedPage>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let url = directory.appendingPathComponent(file)
            let parsed: ParsedPage
            if let data = try? Data(contentsOf: url) {
                parsed = parsePage(file: file, data: data)
            } else {
                parsed = ParsedPage(page: Page(file: file, title: "", tag: "", operations: []),
                                    diagnostics: [Diagnostic(.error, file: file, line: 1, "cannot read the file")])
            }
            results.set(index, parsed)
        }
        return results.values()
    }

    /// Stage 4: names, types and operations for all pages. Naming is global within an API
    /// version (sequential), and the versions are independent modules (built on separate cores).
    /// Module names are `modulePrefix` + the upper-cased version (`DatadogV2`).
    public static func buildModel(_ pages: [ParsedPage], naming: OperationNaming? = nil, modulePrefix: String = Pipeline.defaultModulePrefix) -> SDKModel {
        let naming = naming ?? OperationNaming(pages: pages)
        let usable = pages.map { !$0.diagnostics.contains(where: { $0.severity == .error }) }
        var versionSet: Set<String> = []
        for (parsed, ok) in zip(pages, usable) where ok { for operation in parsed.page.operations { versionSet.insert(operation.version) } }
        let versions = versionSet.sorted()

        let results = ParallelResults<VersionBuild>(count: versions.count)
        DispatchQueue.concurrentPerform(iterations: versions.count) { index in
            results.set(index, buildVersion(versions[index], pages: pages, usable: usable, naming: naming, modulePrefix: modulePrefix))
        }
        let builds = results.values()

        // Per page, in page order: its own diagnostics, then what each version reported about it.
        var diagnostics: [Diagnostic] = []
        var pageOperations: [(file: String, operations: [OperationDecl])] = []
        for (index, parsed) in pages.enumerated() {
            diagnostics.append(contentsOf: parsed.diagnostics)
            var built: [(Int, OperationDecl)] = []
            for build in builds {
                diagnostics.append(contentsOf: build.diagnostics[index])
                built += build.operations[index]
            }
            pageOperations.append((parsed.page.file, built.sorted { $0.0 < $1.0 }.map(\.1)))
        }
        return SDKModel(modules: builds.map(\.module), pages: pageOperations, diagnostics: diagnostics)
    }

    /// One API version's module, with what each page contributed to it.
    struct VersionBuild {
        var module: ModuleModel
        /// Per page: the operations built, with their index in the page.
        var operations: [[(Int, OperationDecl)]]
        /// Per page: what building its operations reported.
        var diagnostics: [[Diagnostic]]
    }

    /// Builds the operations and types of one version from every usable page, then finalizes its types.
    /// Two runs over the pages: the first learns the names the examples give (see ``NameSpreading``),
    /// the second spreads them to the copies of the same schemas and is the one kept.
    static func buildVersion(_ version: String, pages: [ParsedPage], usable: [Bool], naming: OperationNaming, modulePrefix: String) -> VersionBuild {
        var learning = TypeBuilder()
        _ = buildOperations(version, pages: pages, usable: usable, naming: naming, builder: &learning)
        var builder = TypeBuilder(spreading: NameSpreading(learning.learned), knownOfficial: learning.officialNames)
        var (operations, perPageOperations, perPageDiagnostics) = buildOperations(version, pages: pages, usable: usable, naming: naming, builder: &builder)
        let finalized = TypeFinalizer.finalize(builder.decls, order: builder.order, official: builder.officialNames)
        // One name per type: references to an alias of an official declaration use the official name.
        let renaming = OfficialRenaming.mapping(finalized, official: builder.officialNames)
        let types = OfficialRenaming.apply(renaming, to: finalized)
        operations = operations.map { OfficialRenaming.apply(renaming, to: $0) }
        // Paging is read from the final types (merging can make a required list optional).
        let typesByName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for index in operations.indices {
            operations[index].pagination = Pagination.infer(operations[index], types: typesByName)
        }
        uniqueMethodNames(&operations)
        let module = ModuleModel(version: version, name: modulePrefix + version.uppercased(), types: types, operations: operations,
                                 officialNames: builder.officialNames)
        // The dump shows the operations as generated (method names made unique).
        let pageOperations = perPageOperations.map { $0.map { ($0.0, operations[$0.1]) } }
        return VersionBuild(module: module, operations: pageOperations, diagnostics: perPageDiagnostics)
    }

    /// The operations of `version` on every usable page, in page order, with their types added to `builder`:
    /// the operations, per page (index in the page, index in the operations) and per page its diagnostics.
    static func buildOperations(_ version: String, pages: [ParsedPage], usable: [Bool], naming: OperationNaming,
                                builder: inout TypeBuilder) -> ([OperationDecl], [[(Int, Int)]], [[Diagnostic]]) {
        var operations: [OperationDecl] = []
        var seenOperations: [String: String] = [:]
        var perPageOperations = Array(repeating: [(Int, Int)](), count: pages.count)  // (index in page, index in operations)
        var perPageDiagnostics = Array(repeating: [Diagnostic](), count: pages.count)
        for (pageIndex, parsed) in pages.enumerated() where usable[pageIndex] {
            let page = parsed.page
            var log = DiagnosticLog(file: page.file)
            for (operationIndex, operation) in page.operations.enumerated() where operation.version == version {
                let operationID = naming.operationID(for: operation, page: page)
                let key = version + "." + operationID
                if let first = seenOperations[key] {
                    log.warning(operation.line, "operation `\(key)` is already defined by \(first); this copy is not generated",
                                hint: "remove one of the two pages")
                    continue
                }
                _ = builder.beginPage(page.file)
                let decl = OperationBuilder.build(operation, page: page, operationID: operationID, types: &builder, log: &log)
                perPageDiagnostics[pageIndex] += builder.takeDiagnostics()
                seenOperations[key] = "\(page.file):\(operation.line)"
                perPageOperations[pageIndex].append((operationIndex, operations.count))
                operations.append(decl)
            }
            perPageDiagnostics[pageIndex] += log.diagnostics
        }
        return (operations, perPageOperations, perPageDiagnostics)
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
