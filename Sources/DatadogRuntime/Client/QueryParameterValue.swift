import Foundation

/// A value that can be sent as a query parameter.
///
/// Every value becomes at most one query item: scalars give one string, arrays join their
/// elements' strings with `","` into one value (the official Go client's `csv` format), and
/// ``JSONValue/null`` or an empty array give none (the parameter is left out).
public protocol QueryParameterValue {
    /// The text(s) to send; an empty array leaves the parameter out.
    var queryParameterValues: [String] { get }
}

extension String: QueryParameterValue {
    /// The string itself.
    public var queryParameterValues: [String] { [self] }
}

extension Substring: QueryParameterValue {
    /// The text itself.
    public var queryParameterValues: [String] { [String(self)] }
}

extension Bool: QueryParameterValue {
    /// `"true"` or `"false"`.
    public var queryParameterValues: [String] { [self ? "true" : "false"] }
}

extension Int: QueryParameterValue {
    /// The decimal text.
    public var queryParameterValues: [String] { [String(self)] }
}

extension Int32: QueryParameterValue {
    /// The decimal text.
    public var queryParameterValues: [String] { [String(self)] }
}

extension Int64: QueryParameterValue {
    /// The decimal text.
    public var queryParameterValues: [String] { [String(self)] }
}

extension Double: QueryParameterValue {
    /// Integral values without a fraction (`"3"`), others in Swift's shortest form (`"0.5"`).
    public var queryParameterValues: [String] { [NumberText.format(self)] }
}

extension Float: QueryParameterValue {
    /// As for `Double`.
    public var queryParameterValues: [String] { [NumberText.format(Double(self))] }
}

extension DateTime: QueryParameterValue {
    /// The text as kept (``DateTime/rawValue``).
    public var queryParameterValues: [String] { [rawValue] }
}

extension Date: QueryParameterValue {
    /// ISO 8601 UTC with milliseconds, e.g. `"2024-01-02T03:04:05.678Z"`.
    public var queryParameterValues: [String] { [DateTime(self).rawValue] }
}

extension UUID: QueryParameterValue {
    /// The lower-case UUID text.
    public var queryParameterValues: [String] { [uuidString.lowercased()] }
}

extension JSONValue: QueryParameterValue {
    /// Strings as is, numbers and booleans as their JSON text, arrays joined with `","`,
    /// objects as compact JSON text, `null` as nothing.
    public var queryParameterValues: [String] {
        switch self {
        case .null: return []
        case .bool(let value): return value.queryParameterValues
        case .integer(let value): return value.queryParameterValues
        case .double(let value): return value.queryParameterValues
        case .string(let value): return [value]
        case .array(let values):
            let parts = values.flatMap(\.queryParameterValues)
            return parts.isEmpty ? [] : [parts.joined(separator: ",")]
        case .object:
            return jsonText.map { [$0] } ?? []
        }
    }
}

extension Array: QueryParameterValue where Element: QueryParameterValue {
    /// The elements' texts joined with `","` into one value; an empty array gives none.
    public var queryParameterValues: [String] {
        let parts = flatMap(\.queryParameterValues)
        return parts.isEmpty ? [] : [parts.joined(separator: ",")]
    }
}

extension Optional: QueryParameterValue where Wrapped: QueryParameterValue {
    /// The wrapped value's texts, or none.
    public var queryParameterValues: [String] {
        switch self {
        case .some(let value): return value.queryParameterValues
        case .none: return []
        }
    }
}

extension DatadogStringEnum {
    /// The raw value.
    public var queryParameterValues: [String] { [rawValue] }
    /// The raw value.
    public var description: String { rawValue }
}

extension DatadogIntEnum {
    /// The raw value's decimal text.
    public var queryParameterValues: [String] { [String(rawValue)] }
    /// The raw value's decimal text.
    public var description: String { String(rawValue) }
}

/// Percent-encoding used for URLs.
public enum PercentEncoding {
    /// Encodes `text` for one path segment: everything but RFC 3986 unreserved characters
    /// (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` (UTF-8, upper-case hex), so `/`, `@`, `:` and
    /// space become `%2F`, `%40`, `%3A` and `%20`.
    public static func pathSegment(_ text: String) -> String {
        encode(text, spaceAsPlus: false)
    }

    /// Encodes a query name or value as Go's `url.QueryEscape` does: unreserved characters
    /// stay, space becomes `+`, everything else (including `[` `]` `,` `:`) becomes `%XX`.
    public static func queryComponent(_ text: String) -> String {
        encode(text, spaceAsPlus: true)
    }

    /// A query string as Go's `url.Values.Encode` writes it: items sorted by name (stable, so
    /// repeated names keep their order), `name=value` joined with `&`, each side encoded with
    /// ``queryComponent(_:)``.
    public static func queryString(_ items: [(name: String, value: String)]) -> String {
        items.enumerated()
            .sorted { lhs, rhs in
                lhs.element.name == rhs.element.name ? lhs.offset < rhs.offset : lhs.element.name < rhs.element.name
            }
            .map { queryComponent($0.element.name) + "=" + queryComponent($0.element.value) }
            .joined(separator: "&")
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encode(_ text: String, spaceAsPlus: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            case UInt8(ascii: " ") where spaceAsPlus:
                bytes.append(UInt8(ascii: "+"))
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
