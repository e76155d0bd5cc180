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
    /// - Parameter knownKeys: The JSON names of the declared properties.
    /// - Returns: The other members of the object.
    /// - Throws: `DecodingError.dataCorrupted` in strict mode (``isStrictDecoding``) when any
    ///   unknown key is present; `DecodingError.typeMismatch` when the value is not an object.
    public func decodeAdditionalProperties(knownKeys: Set<String>) throws -> [String: JSONValue] {
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
        return result
    }
}

extension Encoder {
    /// Writes `values` as extra members of the object being encoded.
    ///
    /// Generated types call this after encoding their declared properties into a keyed
    /// container of the same encoder, so both land in one JSON object.
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
