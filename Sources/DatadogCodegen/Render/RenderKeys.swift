/// The keys a render model provides to a template: each key with, for list- and object-valued
/// keys, the keys of its items. A value without keys (a string, a number, a flag, a list of
/// strings) has an empty `keys`.
///
/// ``TemplateSet`` checks every `{{name}}`, `{{#name}}` and `{{^name}}` of a template against
/// these, because Mustache silently renders a missing key as nothing. They are read from the
/// render model's type (``init(of:)``), so they cannot drift from what the renderer provides.
struct RenderKeys: Sendable, Equatable, CustomStringConvertible {
    var keys: [String: RenderKeys]
    /// Whether the value is an optional. Mustache looks a nil value up in the outer contexts, so
    /// an optional key must not share its name with a key around it (`TemplateTests` checks).
    var optional = false

    init(_ keys: [String: RenderKeys] = [:], optional: Bool = false) {
        self.keys = keys
        self.optional = optional
    }

    /// The stored properties of `type`, as Mustache reads them (``RenderValue``, which holds what
    /// `Mirror` shows): a list or an optional has the keys of its element (a section iterates or enters it).
    ///
    /// Render models are `Decodable` for this only: decoding one from ``KeyReader`` visits every
    /// stored property with its type, and no value is ever decoded from data.
    init<Model: Decodable>(of type: Model.Type) {
        let reader = KeyReader()
        _ = try? Model(from: reader)
        self.init(reader.found.keys)
    }

    var description: String { keys.keys.sorted().joined(separator: ", ") }
}

/// A `Decoder` that answers every request with an empty value and records the keys asked for.
/// A list yields one element, so that the element's keys are recorded too; an optional is present.
private struct KeyReader: Decoder {
    final class Found {
        var keys: [String: RenderKeys] = [:]
    }

    let found = Found()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(found: found))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed(reader: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw unsupported }

    /// A value of `type`: an empty one for a plain type (a generic container call, as in a list
    /// of strings, does not reach the containers' per-type methods), else decoded from this reader.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let plain = (type as? any EmptyValue.Type)?.empty as? T { return plain }
        return try T(from: self)
    }

    var unsupported: DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "render models hold strings, numbers, flags, lists, optionals and structures"))
    }

    /// The properties of a structure.
    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let found: Found
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let reader = KeyReader()
            let value = try reader.decode(type)
            found.keys[key.stringValue] = RenderKeys(reader.found.keys)
            return value
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            let value = try decode(type, forKey: key)
            found.keys[key.stringValue]?.optional = true
            return value
        }
        func plain<T: EmptyValue>(_ key: Key) throws -> T {
            found.keys[key.stringValue] = RenderKeys()
            return T.empty
        }
        func optionalPlain<T: EmptyValue>(_ key: Key) throws -> T? {
            found.keys[key.stringValue] = RenderKeys(optional: true)
            return T.empty
        }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalPlain(key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalPlain(key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalPlain(key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optionalPlain(key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optionalPlain(key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optionalPlain(key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optionalPlain(key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optionalPlain(key) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try plain(key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try plain(key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try plain(key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try plain(key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try plain(key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try plain(key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try plain(key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try plain(key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try plain(key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try plain(key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try plain(key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try plain(key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try plain(key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try plain(key) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw KeyReader().unsupported
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw KeyReader().unsupported }
        func superDecoder() throws -> any Decoder { throw KeyReader().unsupported }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw KeyReader().unsupported }
    }

    /// A list of one element, decoded with the list's reader: a section over the list sees the element's keys.
    struct Unkeyed: UnkeyedDecodingContainer {
        let reader: KeyReader
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex > 0 }
        mutating func decodeNil() -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try reader.decode(type)
        }
        mutating func plain<T: EmptyValue>() throws -> T {
            currentIndex += 1
            return T.empty
        }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try plain() }
        mutating func decode(_ type: String.Type) throws -> String { try plain() }
        mutating func decode(_ type: Double.Type) throws -> Double { try plain() }
        mutating func decode(_ type: Float.Type) throws -> Float { try plain() }
        mutating func decode(_ type: Int.Type) throws -> Int { try plain() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try plain() }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try plain() }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try plain() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try plain() }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try plain() }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try plain() }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try plain() }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try plain() }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try plain() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw reader.unsupported
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw reader.unsupported }
        mutating func superDecoder() throws -> any Decoder { throw reader.unsupported }
    }
}

/// The value a ``KeyReader`` gives a plain property.
private protocol EmptyValue { static var empty: Self { get } }
extension Bool: EmptyValue { static var empty: Bool { false } }
extension String: EmptyValue { static var empty: String { "" } }
extension Double: EmptyValue { static var empty: Double { 0 } }
extension Float: EmptyValue { static var empty: Float { 0 } }
extension Int: EmptyValue { static var empty: Int { 0 } }
extension Int8: EmptyValue { static var empty: Int8 { 0 } }
extension Int16: EmptyValue { static var empty: Int16 { 0 } }
extension Int32: EmptyValue { static var empty: Int32 { 0 } }
extension Int64: EmptyValue { static var empty: Int64 { 0 } }
extension UInt: EmptyValue { static var empty: UInt { 0 } }
extension UInt8: EmptyValue { static var empty: UInt8 { 0 } }
extension UInt16: EmptyValue { static var empty: UInt16 { 0 } }
extension UInt32: EmptyValue { static var empty: UInt32 { 0 } }
extension UInt64: EmptyValue { static var empty: UInt64 { 0 } }
