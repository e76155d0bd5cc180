/// The Swift type chosen for each row of a field tree, mirroring the tree (for the model dump).
public struct ResolvedField: Sendable {
    /// The Swift type of the row.
    public var type: TypeRef
    /// The resolution of each child row, in the same order.
    public var children: [ResolvedField]
    /// Whether the row may be JSON `null` (see ``PropertyDecl/nullable``).
    public var nullable = false

    /// The tree with every type reference renamed (recursion is bounded: ``TypeBuilder`` stops
    /// resolving at depth 64).
    func renamed(_ mapping: [String: String]) -> ResolvedField {
        var copy = self
        copy.type = type.renamed(mapping)
        copy.children = children.map { $0.renamed(mapping) }
        return copy
    }
}
