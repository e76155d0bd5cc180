/// One row of a field table, placed in the tree (stage 3: endpoint and field-tree model).
public struct FieldNode: Sendable {
    /// What a row stands for under its parent.
    public enum Role: Sendable, Hashable {
        /// An ordinary named field.
        case property
        /// `Option N` (or `Object N`) under a oneOf.
        case option(Int)
        /// `<any-key>` under `additionalProperties`.
        case additionalProperties
    }

    /// The name as written on the page (`title`, `Option 1`, `<any-key>`).
    public var name: String
    /// Whether the row is a field, a oneOf option or the values of a map.
    public var role: Role
    /// The Type cell as written.
    public var typeCell: String
    /// The Type cell, parsed.
    public var type: FieldType
    /// Whether the row is marked required.
    public var required: Bool
    /// Whether the description starts with `**DEPRECATED**`.
    public var deprecated: Bool
    /// Values of `Allowed enum values: …` (at most 10 on the page), nil when the row has none.
    public var enumValues: [String]?
    /// The Description cell, without the deprecation marker and the enum-values list.
    public var description: String
    /// 1-based source line of the row.
    public var line: Int
    /// Child rows, in page order.
    public var children: [FieldNode]
    /// Whether the table's JSON example shows only integers here: what makes an enum whose
    /// values the page does not list an integer enum.
    public var exampleShowsInteger = false

    /// Creates a node, parsing `typeCell` into ``type``.
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
