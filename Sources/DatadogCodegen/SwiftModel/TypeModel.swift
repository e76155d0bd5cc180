/// Stage 4: the Swift type model — what will be declared, with final names.

/// The Swift type of a property, parameter or response.
public indirect enum TypeRef: Sendable, Hashable {
    /// Scalars: `String`, `Int64`, `Int32`, `Double`, `Bool`, `DateTime` and free-form `JSONValue`.
    case string, int64, int32, double, bool, dateTime, json
    /// A moment as Foundation's `Date`: query parameters the examples pass a date for (sent as the
    /// official clients send them, ISO 8601 UTC with milliseconds).
    case date
    /// A file part of a `multipart/form-data` body: the runtime's `DatadogFile` (bytes, file name, content type).
    case file
    /// A generated type, by name.
    case named(String)
    /// An array of the element type.
    case array(TypeRef)
    /// A dictionary from `String` keys to the value type.
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
        case .date: return "Date"
        case .json: return "JSONValue"
        case .file: return "DatadogFile"
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
    /// Path of the page, relative to the input folder.
    public var file: String
    /// 1-based line on that page.
    public var line: Int
}

/// A stored property of a generated structure.
public struct PropertyDecl: Sendable, Hashable {
    /// The JSON key.
    public var wireName: String
    /// Unescaped Swift name.
    public var name: String
    /// The Swift type.
    public var type: TypeRef
    /// Whether the property is required (non-optional).
    public var required: Bool
    /// Whether the property is deprecated.
    public var deprecated: Bool
    /// The field's description.
    public var doc: String
    /// Stored behind `@Indirect` to break a recursive value type.
    public var indirect = false
    /// Whether the value may be JSON `null` (JSON:API to-one relationship linkage): declared as
    /// the runtime's `Nullable<T>` so that a round trip keeps `null` apart from an absent key.
    public var nullable = false
    /// Whether every request table with this type marks the property required; nil when the type
    /// is in no request table. Merging occurrences never makes a property optional that every
    /// request requires (``TypeBuilder/merge(_:_:)``).
    public var requiredInRequests: Bool? = nil

    /// Whether the property is a date-time read as a `Date` that keeps its decoded text (the
    /// runtime's `@DateText`): a date-time member itself, not one inside an array or dictionary
    /// (those stay ``TypeRef/dateTime``, the text with a `.date`) nor a nullable one.
    public var isDateText: Bool { type == .dateTime && !nullable && !indirect }
}

/// One case of a generated enum.
public struct EnumCaseDecl: Sendable, Hashable {
    /// The Swift case name, unique within the enum.
    public var name: String
    /// The value on the wire, as text.
    public var rawValue: String
}

/// One alternative of a generated oneOf enum.
public struct OneOfOptionDecl: Sendable, Hashable {
    /// The Swift case name.
    public var caseName: String
    /// The alternative's type.
    public var type: TypeRef
    /// Whether the oneOf gets an unlabeled `init(_:)` for this option: no other option has the same
    /// type once typealiases are resolved (set by ``TypeFinalizer``).
    public var hasInitializer: Bool = false
    /// The optional accessor for this case, `as` + the case name (`asTimeseriesWidgetDefinition`);
    /// nil when another case already has that name (set by ``TypeFinalizer``).
    public var accessorName: String?
}

/// A generated Swift type: a structure, an enum or a oneOf.
public struct TypeDecl: Sendable {
    /// Which kind of declaration is emitted.
    public enum Kind: Sendable, Hashable {
        /// A `struct` with ``TypeDecl/properties``.
        case structure
        /// An enum of ``TypeDecl/cases`` with `String` or integer raw values.
        case stringEnum, intEnum
        /// An enum with one case per alternative in ``TypeDecl/options``.
        case oneOf
    }

    /// The final Swift type name.
    public var name: String
    /// Structure, enum or oneOf.
    public var kind: Kind
    /// Documentation text from the page.
    public var doc: String
    /// Where the type was first declared.
    public var source: SourceLocation
    /// Stored properties, for ``Kind/structure``.
    public var properties: [PropertyDecl] = []
    /// Cases, for the enum kinds.
    public var cases: [EnumCaseDecl] = []
    /// Alternatives, for ``Kind/oneOf``.
    public var options: [OneOfOptionDecl] = []
    /// Set when an identical structure was declared under another name: a typealias is emitted.
    public var aliasOf: String?

    /// The shape of the declaration without the names of the types it refers to: a template
    /// with `#` where a named type goes, and those names in order (to find identical structures).
    func shapeTemplate() -> (template: String, references: [String]) {
        var references: [String] = []
        func shape(_ type: TypeRef) -> String {
            switch type {
            case .named(let name): references.append(name); return "#"
            case .array(let element): return "[" + shape(element) + "]"
            case .map(let value): return "{" + shape(value) + "}"
            default: return type.swift
            }
        }
        let template: String
        switch kind {
        case .structure:
            // Nullability is left out: identical structures share one type, nullable where any of them is.
            template = "S{" + properties.map { "\($0.wireName):\($0.required ? "!" : "?"):\(shape($0.type))" }.joined(separator: ",") + "}"
        case .stringEnum, .intEnum:
            template = "E\(kind){" + cases.map(\.rawValue).joined(separator: ",") + "}"
        case .oneOf:
            template = "O{" + options.map { shape($0.type) }.joined(separator: ",") + "}"
        }
        return (template, references)
    }
}
