/// Stage 4, after ``OfficialRenaming`` and paging: a typealias only for a name a user can meet.
///
/// ``TypeFinalizer`` turns every structural duplicate into an alias of the shared declaration; most
/// of those names are the convention's (parent type + field) and nobody would look for them. An
/// alias is kept when its name is
/// 1. official: the examples spell it (``TypeBuilder/officialNames``: learned and spread), or
/// 2. shown by a method's signature: an argument's type, the return type or a paginated method's
///    item type, or the payload of a oneOf case spelled after it (`case fooBar(FooBar)`).
///
/// Every other alias is dropped and each reference to it (properties, oneOf options, parameters,
/// bodies, responses, and the dump's ``RowBindings``) names the shared declaration instead, so the model, the
/// dump and the generated code agree and no dropped name is referenced anywhere.
enum AliasPruning {
    /// Alias name → the declaration it names, for the aliases no rule keeps.
    static func mapping(_ types: [TypeDecl], operations: [OperationDecl], official: Set<String>) -> [String: String] {
        let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = official.union(signatureNames(operations)).union(caseNames(types))
        var mapping: [String: String] = [:]
        for decl in types {
            guard var target = decl.aliasOf, !kept.contains(decl.name) else { continue }
            var steps = 0
            while let next = byName[target]?.aliasOf, steps < 64 { target = next; steps += 1 }
            mapping[decl.name] = target
        }
        return mapping
    }

    /// The types without the dropped aliases, every reference renamed.
    static func apply(_ mapping: [String: String], to types: [TypeDecl]) -> [TypeDecl] {
        OfficialRenaming.apply(mapping, to: types.filter { mapping[$0.name] == nil })
    }

    /// `operation` with every reference renamed, its paging's item type included.
    static func apply(_ mapping: [String: String], to operation: OperationDecl) -> OperationDecl {
        var operation = OfficialRenaming.apply(mapping, to: operation)
        if let element = operation.pagination?.elementType { operation.pagination?.elementType = element.renamed(mapping) }
        return operation
    }

    /// The type names the methods' signatures show: arguments, return types, paginated items.
    static func signatureNames(_ operations: [OperationDecl]) -> Set<String> {
        var names: Set<String> = []
        for operation in operations {
            var shown = operation.arguments.map(\.type)
            if case .decoded(let type) = operation.response { shown.append(type) }
            if let pagination = operation.pagination { shown.append(pagination.elementType) }
            names.formUnion(shown.compactMap(\.namedLeaf))
        }
        return names
    }

    /// The payload type names of the oneOf cases spelled after them (`fooBar`, `fooBarList`, `fooBarMap`).
    static func caseNames(_ types: [TypeDecl]) -> Set<String> {
        var names: Set<String> = []
        for decl in types where decl.kind == .oneOf && decl.aliasOf == nil {
            for option in decl.options {
                guard let leaf = option.type.namedLeaf else { continue }
                let spellings = [leaf, leaf + "List", leaf + "Map"].map(Identifiers.lowerCamel)
                if spellings.contains(option.caseName) { names.insert(leaf) }
            }
        }
        return names
    }
}
