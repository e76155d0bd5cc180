/// Stage 4, after the types are final: one name per type in the whole model.
///
/// A structure declared under an official name (from the examples) goes by that name everywhere:
/// the name learned from one page's examples applies to the identical structure elsewhere. The
/// references are rewritten in the model itself, so the dump, the renderer and the measurements
/// read the same names.
enum OfficialRenaming {
    /// Alias name → official name, for aliases (not official themselves) of an official declaration.
    static func mapping(_ types: [TypeDecl], official: Set<String>) -> [String: String] {
        var mapping: [String: String] = [:]
        for decl in types {
            if let target = decl.aliasOf, official.contains(target), !official.contains(decl.name) { mapping[decl.name] = target }
        }
        return mapping
    }

    /// `types` with every reference renamed.
    static func apply(_ mapping: [String: String], to types: [TypeDecl]) -> [TypeDecl] {
        guard !mapping.isEmpty else { return types }
        return types.map { decl in
            var decl = decl
            for index in decl.properties.indices { decl.properties[index].type = decl.properties[index].type.renamed(mapping) }
            for index in decl.options.indices { decl.options[index].type = decl.options[index].type.renamed(mapping) }
            return decl
        }
    }

    /// `operation` with every type reference renamed (parameters, body, responses); its
    /// ``RowBindings`` are renamed with ``RowBindings/renamed(_:)``.
    static func apply(_ mapping: [String: String], to operation: OperationDecl) -> OperationDecl {
        guard !mapping.isEmpty else { return operation }
        var operation = operation
        for index in operation.parameters.indices { operation.parameters[index].type = operation.parameters[index].type.renamed(mapping) }
        if var body = operation.body {
            body.type = body.type.renamed(mapping)
            operation.body = body
        }
        if case .decoded(let type) = operation.response { operation.response = .decoded(type.renamed(mapping)) }
        for index in operation.responses.indices {
            operation.responses[index].type = operation.responses[index].type?.renamed(mapping)
        }
        return operation
    }
}
