import Foundation

/// An arbitrary JSON value, used for free-form payloads, additional properties and
/// values that could not be matched to a generated type.
///
/// Decoding tries, in order: `null`, `Bool`, `Int64`, `UInt64` (stored as ``double(_:)``
/// because it does not fit an `Int64`), `Double`, `String`, array, object. Integers that
/// fit an `Int64` (including those beyond 2^53) therefore survive a decode → encode
/// round trip exactly.
public enum JSONValue: Codable, Hashable, Sendable,
    ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// JSON `null`.
    case null
    /// A JSON boolean.
    case bool(Bool)
    /// A JSON number without fraction or exponent that fits a signed 64-bit integer.
    case integer(Int64)
    /// Any other JSON number.
    case double(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object.
    case object([String: JSONValue])

    // MARK: Codable

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .double(Double(value))
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Value is not a JSON value")
        }
    }

    /// Encodes the value as the JSON it represents.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    // MARK: Literals

    /// Creates ``null``.
    public init(nilLiteral: ()) { self = .null }
    /// Creates ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// Creates ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates ``array(_:)``.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Creates ``object(_:)``; a later duplicate key wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Accessors and conversions

extension JSONValue {
    /// Whether the value is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload, if the value is a ``string(_:)``.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean payload, if the value is a ``bool(_:)``.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer payload, if the value is an ``integer(_:)`` or an integral ``double(_:)`` that fits an `Int64`.
    public var int64Value: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// The numeric payload as a `Double`, if the value is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The elements, if the value is an ``array(_:)``.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if the value is an ``object(_:)``.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member named `key`, if the value is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index`, if the value is an array that long.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// Creates a JSON value from any encodable value, by encoding it with ``DatadogJSON/makeEncoder()``.
    ///
    /// - Throws: `EncodingError` if the value cannot be encoded.
    public init(encoding value: some Encodable) throws {
        let data = try DatadogJSON.makeEncoder().encode(value)
        self = try DatadogJSON.makeDecoder().decode(JSONValue.self, from: data)
    }

    /// Decodes this value as `type`.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - strict: Decode with ``Swift/CodingUserInfoKey/datadogStrictDecoding`` on, so unknown keys
    ///     and unknown enum values fail.
    ///   - userInfo: Extra user info handed to the decoder.
    /// - Throws: `DecodingError` (or `EncodingError` for non-finite numbers).
    public func decode<T: Decodable>(
        _ type: T.Type, strict: Bool = false, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        let data = try DatadogJSON.makeEncoder().encode(self)
        let decoder = DatadogJSON.makeDecoder(strict: strict)
        for (key, value) in userInfo where key != .datadogStrictDecoding {
            decoder.userInfo[key] = value
        }
        return try decoder.decode(T.self, from: data)
    }

    /// The compact JSON text of this value, keys sorted; `nil` only for non-finite doubles.
    public var jsonText: String? {
        guard let data = try? DatadogJSON.makeEncoder().encode(self) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A coding key made from any string (or integer), used to reach keys that are not known
/// at compile time, such as additional properties.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key text.
    public var stringValue: String
    /// The integer value, for array positions.
    public var intValue: Int?

    /// Creates a key from its text.
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    /// Creates a key from its text.
    public init(stringValue: String) {
        self.init(stringValue)
    }

    /// Creates a key for an integer position.
    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
