/// An API type of a module (stage 4): the operations whose ``OperationDecl/apiName`` it is.
public struct APIDecl: Sendable {
    /// The Swift type name (`StatusPagesAPI`).
    public var name: String
    /// The tag its documentation names: its first operation's.
    public var tag: String
    /// Its operations, in module order.
    public var operations: [OperationDecl]
}

extension ModuleModel {
    /// The module's API types, sorted by name: one file each.
    public var apis: [APIDecl] {
        let byName = Dictionary(grouping: operations, by: \.apiName)
        return byName.keys.sorted().map { name in
            let operations = byName[name] ?? []
            return APIDecl(name: name, tag: operations.first?.tag ?? name, operations: operations)
        }
    }
}
