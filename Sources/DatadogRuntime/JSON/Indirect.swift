import Foundation

/// Stores a value out of line so that a struct can contain itself (recursive schemas).
///
/// The value lives in an immutable class box; setting it allocates a new box, so copies
/// keep value semantics. `Codable` (when the value is) is transparent: it encodes and decodes
/// the wrapped value itself.
@propertyWrapper
public struct Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value) {
        self.box = Box(wrappedValue)
    }

    /// The stored value.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    /// Compares the wrapped values.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Hashes the wrapped value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }
}

extension Indirect: Encodable where Value: Encodable {
    /// Encodes the wrapped value.
    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

extension Indirect: Decodable where Value: Decodable {
    /// Decodes the wrapped value.
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try Value(from: decoder))
    }
}

extension Indirect: CustomStringConvertible {
    /// The wrapped value's description.
    public var description: String { String(describing: wrappedValue) }
}
