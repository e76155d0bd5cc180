import Foundation

/// Renders the SDK model into files: `<Module>/Models/<Type>.swift`, `<Module>/APIs/<API>.swift`.
public enum SDKRenderer {
    /// Relative path → file contents.
    public static func render(_ sdk: SDKModel, templates: TemplateSet) -> [String: String] {
        var files: [String: String] = [:]
        var modules = sdk.modules
        // Both API versions always exist as modules, so that the package layout never changes.
        for version in ["v1", "v2"] where !modules.contains(where: { $0.version == version }) {
            modules.append(ModuleModel(version: version, name: "Datadog" + version.uppercased(), types: [], operations: []))
        }
        for module in modules {
            files["\(module.name)/\(module.name).swift"] = templates.render(
                ["name": module.name, "version": module.version, "operationCount": module.operations.count,
                 "typeCount": module.types.filter { $0.aliasOf == nil }.count], template: "module")
            // Types that share another's structure are aliases, all in one file per module.
            let aliases = module.types.filter { $0.aliasOf != nil }
            if !aliases.isEmpty {
                files["\(module.name)/Models/TypeAliases.swift"] = templates.render(
                    ["aliases": aliases.map(RenderModels.type)], template: "alias")
            }
            // Declarations render independently: use every core.
            let declared = module.types.filter { $0.aliasOf == nil }
            let rendered = ParallelResults<String>(count: declared.count)
            DispatchQueue.concurrentPerform(iterations: declared.count) { index in
                let decl = declared[index]
                let template: String
                switch decl.kind {
                case .structure: template = "model"
                case .stringEnum, .intEnum: template = "enum"
                case .oneOf: template = "oneof"
                }
                rendered.set(index, templates.render(RenderModels.type(decl), template: template))
            }
            for (decl, text) in zip(declared, rendered.values()) {
                files["\(module.name)/Models/\(decl.name).swift"] = text
            }
            let typesByName = Dictionary(module.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let byAPI = Dictionary(grouping: module.operations, by: \.apiName)
            for (name, operations) in byAPI {
                let tag = operations.first?.tag ?? name
                files["\(module.name)/APIs/\(name).swift"] = templates.render(
                    RenderModels.api(name: name, tag: tag, version: module.version, operations: operations, types: typesByName), template: "api")
            }
            let unstable = module.operations.filter(\.unstable)
            if !unstable.isEmpty {
                let model: [String: Any] = ["operations": unstable.map { operation -> [String: Any] in
                    [
                        "key": RenderModels.unstableKey(operation),
                        "operationID": SwiftText.docLines(operation.operationID).joined(),
                        "version": operation.version,
                        "summary": SwiftText.docLines(operation.summary).joined(separator: " "),
                        "rawLiteral": SwiftText.stringLiteral(operation.version + "." + operation.operationID),
                    ]
                }]
                files["\(module.name)/UnstableOperations.swift"] = templates.render(model, template: "unstable")
            }
        }
        return files
    }
}
