import Mustache

/// A render model as typed values Mustache reads without reflection: text, a flag, a number, a
/// list, or an object of named values. A nil optional is left out of its object, which Mustache
/// treats as it treats a nil value (it looks the name up in the outer contexts).
///
/// Mustache reads any value that is not a ``MustacheParent`` through `Mirror`, which builds the
/// list of every stored property for each name it looks up (measured: render 2.8–3.2 s of the
/// whole corpus with the typed models read through `Mirror`, 0.56 s with dictionaries). The value is
/// derived once per file from the model's synthesized `Encodable` conformance, so there is no key
/// list to keep: its keys are the stored properties `Mirror` shows (`TemplateTests` checks both
/// against ``RenderKeys`` and renders every file both ways).
enum RenderValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case integer(Int)
    case real(Double)
    case list([RenderValue])
    case object(RenderObject)

    /// The value of `value`; nil for a nil optional.
    static func of<Value: Encodable>(_ value: Value) -> RenderValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .integer(number)
        case let number as Double: return .real(number)
        case let number as any BinaryInteger: return .integer(Int(clamping: number))
        case let number as any BinaryFloatingPoint: return .real(Double(number))
        default:
            let encoder = RenderValueEncoder()
            // Render models hold strings, numbers, flags, lists, optionals and structures: nothing throws.
            try? value.encode(to: encoder)
            return encoder.value
        }
    }

    /// The value as Mustache takes it: a string, a `Bool` (a section shown when true), a number, a
    /// sequence (a section repeated per item) or a ``MustacheParent``.
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .integer(let number): number
        case .real(let number): number
        case .list(let items): RenderList(items: items)
        case .object(let object): object
        }
    }
}

/// Named values: what a structure of a render model holds. Mustache looks names up in it with
/// ``child(named:)``, one hash lookup each.
struct RenderObject: MustacheParent, Sendable, Equatable {
    var values: [String: RenderValue]

    func child(named name: String) -> Any? { values[name]?.mustache }
}

/// A list as Mustache iterates it: each item handed over as ``RenderValue/mustache``. Inside an
/// inverted section over an empty list Mustache puts the list itself on the context stack; it has
/// no names, as an array has none.
struct RenderList: MustacheSequence, MustacheParent {
    var items: [RenderValue]

    func makeIterator() -> LazyMapSequence<[RenderValue], Any>.Iterator {
        items.lazy.map(\.mustache).makeIterator()
    }

    func child(named name: String) -> Any? { nil }
}

/// An `Encoder` that builds a ``RenderValue`` from what it is given.
private final class RenderValueEncoder: Encoder {
    /// A structure's values; a nested container's encoder is kept until the value is read.
    final class Keyed {
        var values: [String: RenderValue] = [:]
        var nested: [String: RenderValueEncoder] = [:]
    }

    /// A list's items, in order; a nested container is kept as its encoder until the value is read.
    enum Item {
        case value(RenderValue)
        case nested(RenderValueEncoder)
    }

    final class Unkeyed {
        var items: [Item] = []
    }

    var keyed: Keyed?
    var unkeyed: Unkeyed?
    var single: RenderValue?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The encoded value; nil for a nil optional.
    var value: RenderValue? {
        if let keyed {
            var values = keyed.values
            for (key, encoder) in keyed.nested { values[key] = encoder.value }
            return .object(RenderObject(values: values))
        }
        if let unkeyed {
            return .list(unkeyed.items.compactMap { item in
                switch item {
                case .value(let value): value
                case .nested(let encoder): encoder.value
                }
            })
        }
        return single
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = keyed ?? Keyed()
        keyed = box
        return KeyedEncodingContainer(KeyedContainer(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = unkeyed ?? Unkeyed()
        unkeyed = box
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Keyed
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            box.values[key.stringValue] = RenderValue.of(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            superEncoder(forKey: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            superEncoder(forKey: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = RenderValueEncoder()
            box.nested["super"] = encoder
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let encoder = RenderValueEncoder()
            box.nested[key.stringValue] = encoder
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: Unkeyed
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            if let value = RenderValue.of(value) { box.items.append(.value(value)) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            superEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder {
            let encoder = RenderValueEncoder()
            box.items.append(.nested(encoder))
            return encoder
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: RenderValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            encoder.single = RenderValue.of(value)
        }
    }
}
