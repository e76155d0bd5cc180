import Foundation

/// Renders the SDK model into files: `<Module>/Models/<Type>.swift`, `<Module>/APIs/<API>.swift`.
public enum SDKRenderer {
    /// One file to render: its path, its template and how to build its render model.
    struct Job: Sendable {
        var path: String
        var template: String
        /// The page (and line) the file comes from, when one page does.
        var source: SourceLocation? = nil
        var model: @Sendable () -> [String: Any]
    }

    /// The page each file comes from (a type's first declaration, an API's first operation), for
    /// reporting a file that cannot be written against that page.
    public static func sources(_ sdk: SDKModel) -> [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for job in jobs(sdk) { if let source = job.source { result[job.path] = source } }
        return result
    }

    /// Relative path → file contents. Files render independently, on every core.
    public static func render(_ sdk: SDKModel, templates: TemplateSet) -> [String: String] {
        let jobs = self.jobs(sdk)
        let rendered = ParallelResults<String>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            rendered.set(index, templates.render(jobs[index].model(), template: jobs[index].template))
        }
        return Dictionary(zip(jobs.map(\.path), rendered.values()), uniquingKeysWith: { first, _ in first })
    }

    /// Every file of every module.
    static func jobs(_ sdk: SDKModel) -> [Job] {
        // Only the versions the pages have become modules.
        var jobs: [Job] = []
        for module in sdk.modules {
            let declared = module.types.filter { $0.aliasOf == nil }
            jobs.append(Job(path: "\(module.name)/\(module.name).swift", template: "module") {
                ["name": module.name, "version": module.version, "operationCount": module.operations.count,
                 "typeCount": declared.count]
            })
            // Types that share another's structure are aliases, all in one file per module.
            let aliases = module.types.filter { $0.aliasOf != nil }
            if !aliases.isEmpty {
                jobs.append(Job(path: "\(module.name)/Models/TypeAliases.swift", template: "alias") {
                    ["aliases": aliases.map(RenderModels.type)]
                })
            }
            for decl in declared {
                let template: String
                switch decl.kind {
                case .structure: template = "model"
                case .stringEnum, .intEnum: template = "enum"
                case .oneOf: template = "oneof"
                }
                jobs.append(Job(path: "\(module.name)/Models/\(decl.name).swift", template: template, source: decl.source) { RenderModels.type(decl) })
            }
            let byAPI = Dictionary(grouping: module.operations, by: \.apiName)
            for name in byAPI.keys.sorted() {
                let operations = byAPI[name] ?? []
                let tag = operations.first?.tag ?? name
                jobs.append(Job(path: "\(module.name)/APIs/\(name).swift", template: "api", source: operations.first?.source) {
                    RenderModels.api(name: name, tag: tag, version: module.version, operations: operations)
                })
            }
            let unstable = module.operations.filter(\.unstable)
            if !unstable.isEmpty {
                jobs.append(Job(path: "\(module.name)/UnstableOperations.swift", template: "unstable") {
                    ["operations": unstable.map { operation -> [String: Any] in
                        [
                            "key": RenderModels.unstableKey(operation),
                            "operationID": SwiftText.docLines(operation.operationID).joined(),
                            "version": operation.version,
                            "summary": SwiftText.docLines(operation.summary).joined(separator: " "),
                            "rawLiteral": SwiftText.stringLiteral(operation.version + "." + operation.operationID),
                        ]
                    }]
                })
            }
        }
        return jobs
    }
}
