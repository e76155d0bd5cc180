import Foundation

/// Renders the SDK model into files: `<Module>/Models/<Type>.swift`, `<Module>/APIs/<API>.swift`.
public enum SDKRenderer {
    /// One file to render: its path, its template and how to build its render model.
    struct Job: Sendable {
        var path: String
        /// The page (and line) the file comes from, when one page does.
        var source: SourceLocation?
        var model: @Sendable () -> any TemplateModel

        init<Model: TemplateModel>(path: String, source: SourceLocation? = nil, model: @escaping @Sendable () -> Model) {
            self.path = path
            self.source = source
            self.model = model
        }
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
            rendered.set(index, templates.render(jobs[index].model()))
        }
        return Dictionary(zip(jobs.map(\.path), rendered.values()), uniquingKeysWith: { first, _ in first })
    }

    /// Every file of every module.
    static func jobs(_ sdk: SDKModel) -> [Job] {
        // Only the versions the pages have become modules.
        var jobs: [Job] = []
        for module in sdk.modules {
            jobs.append(Job(path: "\(module.name)/\(module.name).swift") { ModuleInfoModel(module) })
            // Types that share another's structure are aliases, all in one file per module.
            let aliases = module.types.filter { $0.aliasOf != nil }
            if !aliases.isEmpty {
                jobs.append(Job(path: "\(module.name)/Models/TypeAliases.swift") { AliasFileModel(aliases) })
            }
            for decl in module.types where decl.aliasOf == nil {
                let path = "\(module.name)/Models/\(decl.name).swift"
                switch decl.kind {
                case .structure: jobs.append(Job(path: path, source: decl.source) { StructureModel(decl) })
                case .stringEnum, .intEnum: jobs.append(Job(path: path, source: decl.source) { EnumModel(decl) })
                case .oneOf: jobs.append(Job(path: path, source: decl.source) { OneOfModel(decl) })
                }
            }
            for api in module.apis {
                jobs.append(Job(path: "\(module.name)/APIs/\(api.name).swift", source: api.operations.first?.source) {
                    APIModel(api, version: module.version)
                })
            }
            if module.operations.contains(where: \.unstable) {
                jobs.append(Job(path: "\(module.name)/UnstableOperations.swift") { UnstableFileModel(module.operations) })
            }
        }
        return jobs
    }
}
