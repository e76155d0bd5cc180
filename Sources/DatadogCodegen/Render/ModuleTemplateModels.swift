/// `module.mustache`: the module's own file.
struct ModuleInfoModel: TemplateModel {
    static let template = "module"

    /// The module name.
    var name: String
    var version: String
    var operationCount: Int
    /// Declared types (aliases not counted).
    var typeCount: Int

    init(_ module: ModuleModel) {
        name = module.name
        version = module.version
        operationCount = module.operations.count
        typeCount = module.types.filter { $0.aliasOf == nil }.count
    }
}

/// `unstable.mustache`: the module's unstable operations, as `UnstableOperation` members.
struct UnstableFileModel: TemplateModel {
    static let template = "unstable"

    struct Operation: Sendable, Codable {
        /// The member name.
        var key: String
        /// The operationId on one line.
        var operationID: String
        var version: String
        /// The summary on one line.
        var summary: String
        /// The raw value (`version.operationId`) as a literal.
        var rawLiteral: String
    }

    var operations: [Operation]

    init(_ operations: [OperationDecl]) {
        self.operations = operations.filter(\.unstable).map { operation in
            Operation(key: operation.unstableKey, operationID: SwiftText.docLines(operation.operationID).joined(),
                      version: operation.version, summary: SwiftText.docLines(operation.summary).joined(separator: " "),
                      rawLiteral: SwiftText.stringLiteral(operation.version + "." + operation.operationID))
        }
    }
}
