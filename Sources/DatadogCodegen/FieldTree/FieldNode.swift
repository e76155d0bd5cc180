/// One row of a field table, placed in the tree (stage 3: endpoint and field-tree model).
public struct FieldNode: Sendable {
    public enum Role: Sendable, Hashable {
        case property
        /// `Option N` (or `Object N`) under a oneOf.
        case option(Int)
        /// `<any-key>` under `additionalProperties`.
        case additionalProperties
    }

    /// The name as written on the page (`title`, `Option 1`, `<any-key>`).
    public var name: String
    public var role: Role
    /// The Type cell as written.
    public var typeCell: String
    public var type: FieldType
    public var required: Bool
    public var deprecated: Bool
    /// Values of `Allowed enum values: …` (at most 10 on the page), nil when the row has none.
    public var enumValues: [String]?
    public var description: String
    public var line: Int
    public var children: [FieldNode]

    public init(name: String, role: Role, typeCell: String, required: Bool, deprecated: Bool,
                enumValues: [String]?, description: String, line: Int, children: [FieldNode] = []) {
        self.name = name
        self.role = role
        self.typeCell = typeCell
        self.type = FieldType(cell: typeCell)
        self.required = required
        self.deprecated = deprecated
        self.enumValues = enumValues
        self.description = description
        self.line = line
        self.children = children
    }
}

extension FieldNode.Role {
    /// Recognises `Option 3` / `Object 3`.
    static func of(name: String, parentCell: String) -> FieldNode.Role {
        if name == "<any-key>" { return .additionalProperties }
        for prefix in ["Option ", "Object "] where name.hasPrefix(prefix) {
            if let number = Int(name.dropFirst(prefix.count)) { return .option(number) }
        }
        return .property
    }
}
