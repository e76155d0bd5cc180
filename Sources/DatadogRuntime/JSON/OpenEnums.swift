import Foundation

/// An open string enumeration: the known values are cases, anything else is kept in an
/// `unknown(String)` case so that new server-side values never break decoding.
///
/// Generated enums provide the cases, `init(rawValue:)`, `rawValue` and ``isUnknown``; this
/// protocol supplies `Codable`:
/// - decoding reads a JSON string (a number or a boolean is accepted too, keeping its text);
///   in strict mode (``Swift/Decoder/isStrictDecoding``) an unknown value throws;
/// - encoding writes `rawValue`.
///
/// It also supplies ``QueryParameterValue``, ``DatadogParameterValue`` and `CustomStringConvertible`
/// (all give `rawValue`), so enum values can be query, path and header parameters directly, and
/// `ExpressibleByStringLiteral` (`sort: "-name"` is the case of that raw value, known or not).
public protocol DatadogStringEnum: RawRepresentable, Codable, Hashable, Sendable, DatadogParameterValue,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String {
    /// Creates the case for `rawValue`; unknown values become the `unknown` case. Never fails.
    init(rawValue: String)
    /// Whether this is the `unknown` case (a value the SDK does not know).
    var isUnknown: Bool { get }
}

extension DatadogStringEnum {
    /// The case of that raw value (`.unknown` for a value the SDK does not know).
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes a JSON string (or number/boolean, keeping its text); see ``DatadogStringEnum``.
    ///
    /// - Throws: `DecodingError.typeMismatch` for other JSON values; `DecodingError.dataCorrupted`
    ///   for an unknown value in strict mode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let value = try? container.decode(String.self) {
            text = value
        } else if let value = try? container.decode(Bool.self) {
            text = value ? "true" : "false"
        } else if let value = try? container.decode(Int64.self) {
            text = String(value)
        } else if let value = try? container.decode(Double.self) {
            text = NumberText.format(value)
        } else {
            throw DecodingError.typeMismatch(
                Self.self,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "Expected a string enum value"))
        }
        self.init(rawValue: text)
        try decoder.rejectUnknownInStrictMode(isUnknown, "\"\(text)\"", of: Self.self)
    }

    /// Encodes `rawValue` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An open integer enumeration, like ``DatadogStringEnum`` with `Int64` raw values.
///
/// Decoding accepts a JSON integer, an integral number, or a string holding an integer;
/// encoding writes the integer.
public protocol DatadogIntEnum: RawRepresentable, Codable, Hashable, Sendable, DatadogParameterValue,
    CustomStringConvertible where RawValue == Int64 {
    /// Creates the case for `rawValue`; unknown values become the `unknown` case. Never fails.
    init(rawValue: Int64)
    /// Whether this is the `unknown` case.
    var isUnknown: Bool { get }
}

extension DatadogIntEnum {
    /// Decodes an integer; see ``DatadogIntEnum``.
    ///
    /// - Throws: `DecodingError.typeMismatch` for non-integers; `DecodingError.dataCorrupted`
    ///   for an unknown value in strict mode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number: Int64
        if let value = try? container.decode(Int64.self) {
            number = value
        } else if let value = try? container.decode(Double.self), let exact = Int64(exactly: value) {
            number = exact
        } else if let text = try? container.decode(String.self),
            let value = Int64(text.trimmingCharacters(in: .whitespaces))
        {
            number = value
        } else {
            throw DecodingError.typeMismatch(
                Self.self,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "Expected an integer enum value"))
        }
        self.init(rawValue: number)
        try decoder.rejectUnknownInStrictMode(isUnknown, String(number), of: Self.self)
    }

    /// Encodes `rawValue` as a JSON integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Decoder {
    /// In strict mode (``Swift/Decoder/isStrictDecoding``), an enum value the SDK does not know is an error.
    func rejectUnknownInStrictMode(_ isUnknown: Bool, _ value: String, of type: Any.Type) throws {
        guard isStrictDecoding, isUnknown else { return }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: codingPath, debugDescription: "Unknown value \(value) for \(type) in strict mode"))
    }
}

/// Text forms of numbers shared by enums and query parameters.
enum NumberText {
    /// Integral values within ±2^53 print without a fraction ("3", not "3.0"); others use
    /// Swift's shortest round-tripping form.
    static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 9_007_199_254_740_992, let integer = Int64(exactly: value) {
            return String(integer)
        }
        return "\(value)"
    }
}
