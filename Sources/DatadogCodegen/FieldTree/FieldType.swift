/// The Type cell of a field row, parsed.
public indirect enum FieldType: Sendable, Hashable {
    /// A scalar as written: `string`, `int64`, `double`, `date-time`, `uuid`, `boolean` …
    case scalar(String)
    /// `enum`: the allowed values are listed in the row's description.
    case enumeration
    /// `object`: the children are its properties.
    case object
    /// `<oneOf>`: the children are `Option N` rows.
    case oneOf
    /// `[element]`; a bare `array` has an ``unknown`` element.
    case array(FieldType)
    /// An empty cell: nothing is known.
    case unknown

    /// Parses a Type cell such as `[string]`, `<oneOf>`, `enum` or `int64` (case-insensitive).
    public init(cell: String) {
        let text = cell.trimmingSpaces()
        if text.isEmpty { self = .unknown; return }
        if text.hasPrefix("["), text.hasSuffix("]") {
            self = .array(FieldType(cell: String(text.dropFirst().dropLast())))
            return
        }
        if text.range(ofASCII: "<oneOf>") != nil { self = .oneOf; return }
        let lower = text.lowercased()
        switch lower {
        case "oneof": self = .oneOf
        case "enum": self = .enumeration
        case "object": self = .object
        case "array": self = .array(.unknown)
        default: self = .scalar(lower)
        }
    }

    /// A oneOf, or an array of oneOf.
    public var isOneOf: Bool {
        switch self {
        case .oneOf: return true
        case .array(let element): return element.isOneOf
        default: return false
        }
    }

    /// Whether rows of this type can have child rows.
    public var canHaveChildren: Bool {
        switch self {
        case .object, .oneOf, .unknown: return true
        case .array(let element): return element.canHaveChildren
        case .scalar, .enumeration: return false
        }
    }
}
