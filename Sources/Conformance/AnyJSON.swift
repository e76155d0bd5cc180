/// Any JSON value, for the parts of the truth files that are walked rather than read field by field
/// (schema trees: every `schema_ref_name` in them counts as an official name).
public indirect enum AnyJSON: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([AnyJSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: AnyJSON].self))
        }
    }

    public subscript(key: String) -> AnyJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Every non-empty `schema_ref_name` string in the tree.
    public func schemaRefNames(into names: inout Set<String>) {
        switch self {
        case .object(let o):
            if let n = o["schema_ref_name"]?.string, !n.isEmpty { names.insert(n) }
            for v in o.values { v.schemaRefNames(into: &names) }
        case .array(let a):
            for v in a { v.schemaRefNames(into: &names) }
        default:
            break
        }
    }
}
