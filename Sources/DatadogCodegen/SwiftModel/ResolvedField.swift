/// The Swift type chosen for each row of a field tree, mirroring the tree (for the model dump).
public struct ResolvedField: Sendable {
    public var type: TypeRef
    public var children: [ResolvedField]
}
