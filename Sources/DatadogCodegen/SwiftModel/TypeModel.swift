/// Stage 4: the Swift type model — what will be declared, with final names.

/// The Swift type of a property, parameter or response.
public indirect enum TypeRef: Sendable, Hashable {
    case string, int64, int32, double, bool, dateTime, json
    case named(String)
    case array(TypeRef)
    case map(TypeRef)

    /// Swift spelling.
    public var swift: String {
        switch self {
        case .string: return "String"
        case .int64: return "Int64"
        case .int32: return "Int32"
        case .double: return "Double"
        case .bool: return "Bool"
        case .dateTime: return "DateTime"
        case .json: return "JSONValue"
        case .named(let name): return name
        case .array(let element): return "[\(element.swift)]"
        case .map(let value): return "[String: \(value.swift)]"
        }
    }

    /// The named type this refers to through arrays and maps, if any.
    public var namedLeaf: String? {
        switch self {
        case .named(let name): return name
        case .array(let element), .map(let element): return element.namedLeaf
        default: return nil
        }
    }

    /// Whether the value is stored inline (not behind an array or dictionary buffer).
    var isInlineNamed: String? {
        if case .named(let name) = self { return name }
        return nil
    }

    /// How much a merge should prefer this type over another for the same field.
    var informationRank: Int {
        switch self {
        case .json: return 0
        case .map(.json): return 1
        case .array(.json): return 1
        default: return 2
        }
    }

    func renamed(_ mapping: [String: String]) -> TypeRef {
        switch self {
        case .named(let name): return .named(mapping[name] ?? name)
        case .array(let element): return .array(element.renamed(mapping))
        case .map(let value): return .map(value.renamed(mapping))
        default: return self
        }
    }
}

/// Where a declaration comes from, for the provenance line.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
}

public struct PropertyDecl: Sendable, Hashable {
    public var wireName: String
    /// Unescaped Swift name.
    public var name: String
    public var type: TypeRef
    public var required: Bool
    public var deprecated: Bool
    public var doc: String
    /// Stored behind `@Indirect` to break a recursive value type.
    public var indirect = false
}

public struct EnumCaseDecl: Sendable, Hashable {
    public var name: String
    public var rawValue: String
}

public struct OneOfOptionDecl: Sendable, Hashable {
    public var caseName: String
    public var type: TypeRef
}

public struct TypeDecl: Sendable {
    public enum Kind: Sendable, Hashable {
        case structure
        case stringEnum, intEnum, doubleEnum
        case oneOf
    }

    public var name: String
    public var kind: Kind
    public var doc: String
    public var source: SourceLocation
    public var properties: [PropertyDecl] = []
    public var cases: [EnumCaseDecl] = []
    public var options: [OneOfOptionDecl] = []
    /// Set when an identical structure was declared under another name: a typealias is emitted.
    public var aliasOf: String?

    /// Shape without names of referenced types (used to find identical structures).
    func shapeKey(classOf: (String) -> String) -> String {
        switch kind {
        case .structure:
            return "S{" + properties.map { "\($0.wireName):\($0.required ? "!" : "?"):\(shape($0.type, classOf))" }.joined(separator: ",") + "}"
        case .stringEnum, .intEnum, .doubleEnum:
            return "E\(kind){" + cases.map(\.rawValue).joined(separator: ",") + "}"
        case .oneOf:
            return "O{" + options.map { shape($0.type, classOf) }.joined(separator: ",") + "}"
        }
    }

    private func shape(_ type: TypeRef, _ classOf: (String) -> String) -> String {
        switch type {
        case .named(let name): return "#" + classOf(name)
        case .array(let element): return "[" + shape(element, classOf) + "]"
        case .map(let value): return "{" + shape(value, classOf) + "}"
        default: return type.swift
        }
    }
}
