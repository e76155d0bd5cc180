import Foundation

/// Helper for decoding `oneOf` schemas.
///
/// Generated `oneOf` enums have one `case option(T)` per alternative plus
/// `case unparsed(JSONValue)`. Their `init(from:)` builds a `OneOfDecoder`, tries
/// ``strict(_:)`` for every option in order, then ``lenient(_:)`` in order, and falls back to
/// `.unparsed(decoder.value)` so an unrecognised shape still survives decode → encode.
public struct OneOfDecoder: Sendable {
    /// The JSON value being decoded.
    public let value: JSONValue

    /// The JSON text of ``value``, encoded once and reused by every attempt.
    private let data: Data?

    /// Whether the surrounding decoder was in strict mode.
    private let outerIsStrict: Bool

    /// Reads the current value of `decoder` as a ``JSONValue``.
    ///
    /// - Throws: `DecodingError` if the value is not JSON (cannot happen with `JSONDecoder`).
    public init(from decoder: any Decoder) throws {
        self.init(value: try JSONValue(from: decoder), strict: decoder.isStrictDecoding)
    }

    /// Wraps an already decoded value.
    ///
    /// - Parameters:
    ///   - value: The JSON value to match against the options.
    ///   - strict: Whether ``lenient(_:)`` should still decode strictly (the outer decoder was strict).
    public init(value: JSONValue, strict: Bool = false) {
        self.value = value
        self.data = try? DatadogJSON.makeEncoder().encode(value)
        self.outerIsStrict = strict
    }

    /// Decodes ``value`` as `type` with strict mode on: unknown object keys and unknown enum
    /// values make it fail.
    ///
    /// - Returns: The decoded value, or `nil` when it does not match.
    public func strict<T: Decodable>(_ type: T.Type) -> T? {
        decode(type, strict: true)
    }

    /// Decodes ``value`` as `type` normally (unknown keys and enum values are kept).
    /// When the outer decoder was strict, this stays strict.
    ///
    /// - Returns: The decoded value, or `nil` when it does not match.
    public func lenient<T: Decodable>(_ type: T.Type) -> T? {
        decode(type, strict: outerIsStrict)
    }

    private func decode<T: Decodable>(_ type: T.Type, strict: Bool) -> T? {
        guard let data else { return nil }
        return try? DatadogJSON.makeDecoder(strict: strict).decode(T.self, from: data)
    }
}
