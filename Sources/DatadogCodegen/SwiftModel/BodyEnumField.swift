/// An enum field of an operation's request body or responses, by its key path: what a parameter
/// that filters on that field (`filter[cvss.base.severity]`, `filter[tool]`) may take.
///
/// The examples often pass one value of a parameter enum (`filter[tool]=Infra`), so the parameter's
/// enum would have one case while the response's field of the same meaning lists them all. The
/// parameter's open enum then takes the field's values, in the field's order: they are the values the
/// API documents for what the parameter filters (an open enum still sends any other). Its cases being
/// the field's, the two enums are one type (identical structures are shared), named as the examples
/// name the parameter's, as the official clients share one schema between them.
struct BodyEnumField: Sendable {
    /// JSON keys from the root, outermost first (options and item rows are not keys).
    var path: [String]
    /// The values the table lists.
    var values: [String]

    /// Every enum field of `trees` (depth first, in table order).
    static func all(in trees: [[FieldNode]]) -> [BodyEnumField] {
        var found: [BodyEnumField] = []
        var stack: [(FieldNode, [String])] = trees.reversed().flatMap { $0.reversed().map { ($0, [String]()) } }
        while let (node, parent) = stack.popLast() {
            let path = node.role == .property ? parent + [node.name] : parent
            if let values = node.enumValues, !values.isEmpty, node.role == .property { found.append(BodyEnumField(path: path, values: values)) }
            stack.append(contentsOf: node.children.reversed().map { ($0, path) })
        }
        return found
    }

    /// The key path a parameter filters on: the inside of its last `[…]` (`filter[cvss.base.severity]`
    /// → `cvss`, `base`, `severity`), else its name, split at dots.
    static func filteredPath(_ wireName: String) -> [String] {
        var key = Substring(wireName)
        if key.hasSuffix("]"), let open = key.lastIndex(of: "[") { key = key[key.index(after: open)..<key.index(before: key.endIndex)] }
        return key.split(separator: ".").map(String.init)
    }

    /// The values of the first field whose key path ends with the parameter's filtered path and that
    /// lists every value the parameter has and more; empty when there is none.
    static func widening(_ fields: [BodyEnumField], values: [String], wireName: String) -> [String] {
        let key = filteredPath(wireName)
        guard !key.isEmpty, !values.isEmpty else { return [] }
        let match = fields.first { field in
            field.path.count >= key.count && Array(field.path.suffix(key.count)) == key
                && field.values.count > values.count && values.allSatisfy(field.values.contains)
        }
        return match?.values ?? []
    }
}
