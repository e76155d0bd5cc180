import Foundation

extension CodingUserInfoKey {
    /// When the decoder's `userInfo` holds `true` under this key, generated types reject
    /// unknown object keys and unknown enum values instead of keeping them.
    ///
    /// ``OneOfDecoder/strict(_:)`` sets it to tell the options of a `oneOf` apart.
    public static let datadogStrictDecoding: CodingUserInfoKey = {
        // `CodingUserInfoKey.init?(rawValue:)` is failable only by signature: it never returns nil.
        guard let key = CodingUserInfoKey(rawValue: "com.datadoghq.api-client.strict-decoding") else {
            preconditionFailure("CodingUserInfoKey(rawValue:) returned nil")
        }
        return key
    }()
}

extension Decoder {
    /// Whether strict decoding is on: `userInfo[.datadogStrictDecoding] as? Bool == true`.
    public var isStrictDecoding: Bool {
        userInfo[.datadogStrictDecoding] as? Bool == true
    }

    /// All keys of the current JSON object that are not in `knownKeys`, decoded as ``JSONValue``.
    ///
    /// Generated types call this after decoding their declared properties from a keyed
    /// container of the same decoder, to keep the rest of the object.
    ///
    /// - Parameters:
    ///   - knownKeys: The JSON names of the declared properties.
    ///   - kept: Declared members whose typed decoding failed on a nested `null`: kept as JSON
    ///     (a round trip writes them back unchanged).
    /// - Returns: The other members of the object.
    /// - Throws: `DecodingError.dataCorrupted` in strict mode (``isStrictDecoding``) when any
    ///   unknown key is present, `DecodingError.valueNotFound` in strict mode when `kept` holds a member (a `null` where the documentation
    ///   requires a value, see ``Swift/KeyedDecodingContainer/decodeOptionalValue(_:forKey:keeping:)``);
    ///   `DecodingError.typeMismatch` when the value is not an object.
    public func decodeAdditionalProperties(knownKeys: Set<String>, kept: KeptMembers = KeptMembers()) throws
        -> [String: JSONValue]
    {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        var result: [String: JSONValue] = [:]
        for key in container.allKeys where !knownKeys.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        if isStrictDecoding, !result.isEmpty {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "Unknown keys in strict mode: \(result.keys.sorted().joined(separator: ", "))"
                ))
        }
        if isStrictDecoding, let failure = kept.failures.first {
            throw DecodingError.valueNotFound(
                Any.self,
                DecodingError.Context(
                    codingPath: codingPath + [AnyCodingKey(failure.key)],
                    debugDescription: "null where a value is required, in strict mode: \(failure.error)",
                    underlyingError: failure.error))
        }
        for (key, value) in kept.values {
            result[key] = value
        }
        return result
    }
}

extension Encoder {
    /// Writes `values` as extra members of the object being encoded.
    ///
    /// Generated types call this before encoding their declared properties into a keyed
    /// container of the same encoder, so both land in one JSON object and a declared property
    /// that is set replaces a member of the same key kept from decoding.
    ///
    /// - Parameter values: The members to add; nothing is written when empty.
    /// - Throws: `EncodingError` when a value cannot be encoded.
    public func encodeAdditionalProperties(_ values: [String: JSONValue]) throws {
        guard !values.isEmpty else { return }
        var container = self.container(keyedBy: AnyCodingKey.self)
        for key in values.keys.sorted() {
            if let value = values[key] {
                try container.encode(value, forKey: AnyCodingKey(key))
            }
        }
    }
}

/// Factory for the JSON coders the SDK uses.
///
/// The encoder uses no key strategy (generated coding keys carry the JSON names), writes
/// keys sorted for deterministic output and leaves `/` unescaped. `Date` values (rare in the
/// generated code, which uses ``DateTime``) are written as ISO 8601 UTC with milliseconds and
/// read with ``DateTime/date``'s lenient parser.
public enum DatadogJSON {
    /// A new encoder configured for the Datadog API.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DateTime(date).rawValue)
        }
        return encoder
    }

    /// A new decoder configured for the Datadog API.
    ///
    /// - Parameter strict: Sets ``Swift/CodingUserInfoKey/datadogStrictDecoding``.
    public static func makeDecoder(strict: Bool = false) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let dateTime = try DateTime(from: decoder)
            guard let date = dateTime.date else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: "Not a date: \(dateTime.rawValue)"))
            }
            return date
        }
        if strict {
            decoder.userInfo[.datadogStrictDecoding] = true
        }
        return decoder
    }
}

/// Members of an object that generated code keeps as JSON because their typed decoding failed
/// on a nested `null` (see ``Swift/KeyedDecodingContainer/decodeOptionalValue(_:forKey:keeping:)``).
public struct KeptMembers {
    /// The kept members' JSON, by key.
    public var values: [String: JSONValue] = [:]
    /// The decoding errors, by key, in decoding order.
    public var failures: [(key: String, error: DecodingError)] = []

    /// No members kept.
    public init() {}
}

// MARK: - Single-candidate coding calls for generated code
//
// `KeyedDecodingContainer.decode(_:forKey:)` and its siblings have an overload per primitive
// type, so every call in generated code makes the type checker weigh ~17 candidates. These
// generic entry points have one candidate each, which keeps large generated models quick to
// compile; the containers still take their type-specific paths at run time.

extension KeyedDecodingContainer {
    /// Decodes a required value (one overload, for generated code).
    @inlinable
    public func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(type, forKey: key)
    }

    /// Decodes an optional value: absent or `null` give `nil` (one overload, for generated code).
    @inlinable
    public func decodeOptionalValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key)
    }

    /// Decodes an optional value like ``decodeOptionalValue(_:forKey:)``, but when the value is
    /// there and fails only because a member nested in it is `null` where the documentation
    /// requires a value (`DecodingError.valueNotFound`), returns `nil` and keeps the member's
    /// JSON in `kept`: the object's `additionalProperties` then hold it, so a round trip keeps
    /// it unchanged, and strict decoding reports it (``Swift/Decoder/decodeAdditionalProperties(knownKeys:kept:)``).
    /// Other errors are thrown.
    public func decodeOptionalValue<T: Decodable>(_ type: T.Type, forKey key: Key, keeping kept: inout KeptMembers)
        throws -> T?
    {
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch let error as DecodingError {
            guard case .valueNotFound = error, let raw = try? decode(JSONValue.self, forKey: key) else { throw error }
            kept.values[key.stringValue] = raw
            kept.failures.append((key.stringValue, error))
            return nil
        }
    }

    /// Decodes a member that may be JSON `null`: absent gives `nil`, `null` gives
    /// ``Nullable/null`` (one overload, for generated code).
    @inlinable
    public func decodeNullableValue<T: Decodable>(_ type: Nullable<T>.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        return try decode(Nullable<T>.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a required value (one overload, for generated code).
    @inlinable
    public mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encode(value, forKey: key)
    }

    /// Encodes an optional value, leaving the key out when it is `nil` (one overload, for generated code).
    @inlinable
    public mutating func encodeOptionalValue<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }
}
