/// A value that the API may send as JSON `null`: JSON:API to-one relationship linkage
/// (`relationships.<name>.data`), which is `null` for an empty relationship.
///
/// Generated models declare such a member as `Nullable<T>` when it is required and as
/// `Nullable<T>?` when it is optional, so that a round trip keeps what was received:
/// an absent key stays absent (`nil`), `null` stays `null` (``null``), a value stays a value.
public enum Nullable<Wrapped> {
    /// JSON `null`.
    case null
    /// A value.
    case value(Wrapped)

    /// `.value(wrapped)`, or ``null`` for `nil`.
    public init(_ wrapped: Wrapped?) {
        if let wrapped { self = .value(wrapped) } else { self = .null }
    }

    /// The value, `nil` for ``null``.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }
}

extension Nullable: ExpressibleByNilLiteral {
    /// `nil` is ``null``.
    public init(nilLiteral: ()) { self = .null }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Decodes `null` as ``null``, anything else as a `Wrapped` value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes ``null`` as `null`, a value as itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}
