import Foundation

/// A JSON document as written: members in their order, numbers as their text. The recordings are
/// served and compared as recorded (a `Decodable` value would reorder members and round large
/// integers), and the replay's messages print values as the recording has them.
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text as written.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    public static func == (a: OrderedJSON, b: OrderedJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The member named `key` of an object (the last one when repeated, as JSON readers take it).
    public subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var items: [OrderedJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A number that is an integer (no fraction or exponent in its text).
    public var isInteger: Bool {
        if case .number(let text) = self { return !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
        return false
    }

    // MARK: reading

    public struct SyntaxError: Error, CustomStringConvertible {
        public var offset: Int
        public var description: String { "invalid JSON at byte \(offset)" }
    }

    public static func parse(_ data: Data) throws -> OrderedJSON {
        var reader = Reader(bytes: Array(data))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.at == reader.bytes.count else { throw SyntaxError(offset: reader.at) }
        return value
    }

    public static func parse(_ text: String) throws -> OrderedJSON { try parse(Data(text.utf8)) }

    struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count {
                let byte = bytes[at]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                at += 1
            }
        }

        func fail() -> SyntaxError { SyntaxError(offset: at) }

        static func isNumberByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
        }

        mutating func expect(_ word: String) throws {
            for byte in word.utf8 {
                guard at < bytes.count, bytes[at] == byte else { throw fail() }
                at += 1
            }
        }

        /// Recursion is bounded: recordings are machine-written, but a file is still input.
        mutating func value(depth: Int) throws -> OrderedJSON {
            guard depth < 512, at < bytes.count else { throw fail() }
            switch bytes[at] {
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                at += 1
                var items: [OrderedJSON] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard at < bytes.count else { throw fail() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                    throw fail()
                }
            case UInt8(ascii: "{"):
                at += 1
                var members: [(key: String, value: OrderedJSON)] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail() }
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard at < bytes.count else { throw fail() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                    throw fail()
                }
            default:
                let start = at
                while at < bytes.count, Self.isNumberByte(bytes[at]) { at += 1 }
                let text = String(decoding: bytes[start..<at], as: UTF8.self)
                guard at > start, Double(text) != nil, text.first != "+" else { at = start; throw fail() }
                return .number(text)
            }
        }

        mutating func string() throws -> String {
            at += 1
            var units: [UInt16] = []
            var plain: [UInt8] = []
            func flush() { units += String(decoding: plain, as: UTF8.self).utf16; plain = [] }
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                if byte == UInt8(ascii: "\"") {
                    flush()
                    return String(decoding: units, as: UTF16.self)
                }
                guard byte == UInt8(ascii: "\\") else { plain.append(byte); continue }
                flush()
                guard at < bytes.count else { throw fail() }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "n"): units.append(0x0A)
                case UInt8(ascii: "t"): units.append(0x09)
                case UInt8(ascii: "r"): units.append(0x0D)
                case UInt8(ascii: "b"): units.append(0x08)
                case UInt8(ascii: "f"): units.append(0x0C)
                case UInt8(ascii: "u"):
                    guard at + 4 <= bytes.count, let unit = UInt16(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
                    else { throw fail() }
                    at += 4
                    units.append(unit)
                default: units.append(UInt16(escape))
                }
            }
            throw fail()
        }
    }

    // MARK: writing

    /// Compact JSON (numbers as written, members in order), for the harness's input.
    public var compact: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let text): return text
        case .string(let s): return Self.quoted(s, asciiOnly: false)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { Self.quoted($0.key, asciiOnly: false) + ":" + $0.value.compact }.joined(separator: ",") + "}"
        }
    }

    /// Python's `json.dumps` spelling, which the replay's messages have always used: `, ` and `: `
    /// separators, members in order, non-ASCII escaped, numbers as Python prints the parsed value.
    public var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number: return numberText
        case .string(let s): return Self.quoted(s, asciiOnly: true)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { Self.quoted($0.key, asciiOnly: true) + ": " + $0.value.text }.joined(separator: ", ") + "}"
        }
    }

    /// A number as Python prints it once read: integers digit for digit, others as the shortest
    /// double (Swift's `description` of a `Double` is Python's `repr`: `1e-05`, `1e+16`, `0.5`).
    var numberText: String {
        guard case .number(let raw) = self else { return text }
        if isInteger { return raw == "-0" ? "0" : raw }
        guard let value = Double(raw) else { return raw }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }

    /// A JSON string literal; `asciiOnly` escapes everything past ASCII as UTF-16 `\\uXXXX` (Python's default).
    static func quoted(_ s: String, asciiOnly: Bool) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0..<0x20: out += String(format: "\\u%04x", scalar.value)
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            default:
                if asciiOnly {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
