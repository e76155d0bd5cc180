/// A render model as the values Mustache reads fastest: every structure becomes a `[String: Any]`
/// (which Mustache reads as a `MustacheParent`, one hash lookup per name), every list an `[Any]`;
/// strings, numbers and flags stay as they are; a nil optional is left out, which Mustache treats as
/// it treats a nil value (it looks the name up in the outer contexts).
///
/// Mustache reads any other value through `Mirror`, which builds the list of every stored property
/// for each name it looks up (measured: render 2.8–3.2 s of the whole corpus with the typed models,
/// 0.56 s with dictionaries). The tree is derived from the models' synthesized `Encodable`
/// conformance, so there is no key list to keep; its keys are the stored properties Mirror sees
/// (`TemplateTests` checks both against ``RenderKeys``).
enum RenderTree {
    /// The tree of `value`.
    static func of<Value: Encodable>(_ value: Value) -> Any {
        switch value {
        case let string as String: return string
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default:
            let encoder = TreeEncoder()
            // Render models hold strings, numbers, flags, lists, optionals and structures: nothing throws.
            try? value.encode(to: encoder)
            return encoder.value ?? ""
        }
    }
}

/// An `Encoder` that keeps what it is given as a tree of dictionaries, arrays and plain values.
private final class TreeEncoder: Encoder {
    /// A structure's values; a nested container's encoder is kept until the tree is read.
    final class Keyed {
        var values: [String: Any] = [:]
        var nested: [String: TreeEncoder] = [:]
    }

    /// A list's values; a nested container is kept as its encoder until the tree is read.
    final class Unkeyed {
        var values: [Any] = []
    }

    var keyed: Keyed?
    var unkeyed: Unkeyed?
    var single: Any?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The encoded value; nil for a nil optional.
    var value: Any? {
        if let keyed {
            var values = keyed.values
            for (key, encoder) in keyed.nested { values[key] = encoder.value }
            return values
        }
        if let unkeyed { return unkeyed.values.map { ($0 as? TreeEncoder).map { $0.value ?? "" } ?? $0 } }
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
            box.values[key.stringValue] = RenderTree.of(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            superEncoder(forKey: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            superEncoder(forKey: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder()
            box.nested["super"] = encoder
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let encoder = TreeEncoder()
            box.nested[key.stringValue] = encoder
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: Unkeyed
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.values.count }

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            box.values.append(RenderTree.of(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            superEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder()
            box.values.append(encoder)
            return encoder
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            encoder.single = RenderTree.of(value)
        }
    }
}
