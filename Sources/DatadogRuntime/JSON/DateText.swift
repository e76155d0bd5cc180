import Foundation

/// A model property read and written as a `Date` that keeps the text it was decoded from.
///
/// Generated models declare their date-time members as `@DateText public var createdAt: Date?`
/// (or `Date` when required): users read and set plain `Date`s, as the official clients give
/// `time.Time`, `OffsetDateTime` or `Date`. The server's text is kept beside the date, so encoding
/// a decoded value gives back exactly the text received (a `Date` re-formatted would change
/// "2023-07-10T18:58:47Z" into "2023-07-10T18:58:47.000Z", and lose digits past milliseconds); a date
/// set in code is sent as ISO 8601 UTC with milliseconds. `$createdAt` is that text as a ``DateTime``.
///
/// An optional member whose text names no date still decodes: the date is `nil` and the text is
/// kept (and re-encoded). A required member whose text names no date has no value to give: it
/// fails like a `null` where a value is required (`DecodingError.valueNotFound`), which costs only
/// the nearest optional member around it (see the runtime's lenient decoding).
///
/// Equality and hashing look at the date, and at the text when there is no date.
@propertyWrapper
public struct DateText<Value: DateTextValue>: Hashable, Sendable {
    /// The date.
    public var wrappedValue: Value {
        didSet { projectedValue = wrappedValue.formattedDateTime }
    }

    /// The text: as decoded, or the date formatted when it was set in code.
    public private(set) var projectedValue: Value.Text

    /// Wraps a date set in code; its text is the date formatted as ISO 8601 UTC with milliseconds.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
        self.projectedValue = wrappedValue.formattedDateTime
    }

    /// Wraps decoded text, or nil when a required member's text names no date.
    public init?(text: Value.Text) {
        guard let value = Value(dateTimeText: text) else { return nil }
        self.wrappedValue = value
        self.projectedValue = text
    }

    /// Compares the dates, and the texts when neither has a date.
    public static func == (lhs: DateText, rhs: DateText) -> Bool {
        lhs.wrappedValue == rhs.wrappedValue && (!lhs.wrappedValue.isMissing || lhs.projectedValue == rhs.projectedValue)
    }

    /// Hashes the date, or the text when there is no date.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
        if wrappedValue.isMissing { hasher.combine(projectedValue) }
    }
}

extension DateText: CustomStringConvertible {
    /// The text.
    public var description: String { String(describing: projectedValue) }
}

/// `Date` (a required member) or `Date?` (an optional one): what a ``DateText`` holds.
public protocol DateTextValue: Hashable, Sendable {
    /// The text kept beside the value: ``DateTime``, or `DateTime?` for an optional member.
    associatedtype Text: Hashable, Sendable, Codable
    /// The value a decoded text names; nil when there is none to give (a required member's text that names no date).
    init?(dateTimeText: Text)
    /// The text of a value set in code.
    var formattedDateTime: Text { get }
    /// Whether there is no date (an absent member, or text that names no date).
    var isMissing: Bool { get }
    /// Reads the text of `key`: a required member must be there, an optional one may be absent or `null`.
    static func decodeText<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Text
    /// Writes the text of `key`, leaving an absent optional member out.
    static func encodeText<Key: CodingKey>(_ text: Text, _ container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws
}

extension Date: DateTextValue {
    public init?(dateTimeText: DateTime) {
        guard let date = dateTimeText.date else { return nil }
        self = date
    }

    public var formattedDateTime: DateTime { DateTime(self) }

    public var isMissing: Bool { false }

    public static func decodeText<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> DateTime {
        try container.decode(DateTime.self, forKey: key)
    }

    public static func encodeText<Key: CodingKey>(_ text: DateTime, _ container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(text, forKey: key)
    }
}

extension Optional: DateTextValue where Wrapped == Date {
    public init?(dateTimeText: DateTime?) {
        self = dateTimeText?.date
    }

    public var formattedDateTime: DateTime? { map(DateTime.init) }

    public var isMissing: Bool { self == nil }

    public static func decodeText<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> DateTime? {
        try container.decodeIfPresent(DateTime.self, forKey: key)
    }

    public static func encodeText<Key: CodingKey>(_ text: DateTime?, _ container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encodeIfPresent(text, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a date-time member of a generated model (one overload, for generated code): a
    /// required member (`Date.self`) must be there; an optional one (`Date?.self`) may be absent
    /// or `null`. A required member whose text names no date throws `DecodingError.valueNotFound`.
    public func decodeDateText<Value: DateTextValue>(_ type: Value.Type, forKey key: Key) throws -> DateText<Value> {
        let text = try Value.decodeText(self, forKey: key)
        guard let value = DateText<Value>(text: text) else {
            throw DecodingError.valueNotFound(
                Date.self,
                DecodingError.Context(codingPath: codingPath + [key], debugDescription: "\"\(text)\" names no date"))
        }
        return value
    }
}

extension KeyedEncodingContainer {
    /// Encodes a date-time member of a generated model as its text, leaving an absent optional out.
    public mutating func encodeDateText<Value: DateTextValue>(_ value: DateText<Value>, forKey key: Key) throws {
        try Value.encodeText(value.projectedValue, &self, forKey: key)
    }
}
