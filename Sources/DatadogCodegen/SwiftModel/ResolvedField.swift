/// The Swift type chosen for each row of a field tree, mirroring the tree (for the model dump).
public struct ResolvedField: Sendable {
    /// The Swift type of the row.
    public var type: TypeRef
    /// The resolution of each child row, in the same order.
    public var children: [ResolvedField]
    /// Whether the row may be JSON `null` (see ``PropertyDecl/nullable``).
    public var nullable = false
}
