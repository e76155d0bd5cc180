import DatadogRuntime
import Foundation

/// JSON documents compared as the round trip and the replay compare them: absent equals null,
/// numbers by value, booleans apart from numbers; the first difference (keys in code-point order)
/// as a short reason (`$.a.b: "x" became "y"`).
enum JSONComparison {
    /// nil when equal, else where and how they differ.
    static func difference(_ a: JSONValue?, _ b: JSONValue?, path: String = "$") -> String? {
        switch (a ?? .null, b ?? .null) {
        case (.bool(let x), .bool(let y)):
            return x == y ? nil : "\(path): \(short(a)) became \(short(b))"
        case (.bool, _), (_, .bool):
            return "\(path): \(short(a)) became \(short(b))"
        case (.integer(let x), .integer(let y)):
            return x == y ? nil : "\(path): number \(text(a)) became \(text(b))"
        case (.integer, .double), (.double, .integer), (.double, .double):
            return (a?.doubleValue ?? .nan) == (b?.doubleValue ?? .nan) ? nil : "\(path): number \(text(a)) became \(text(b))"
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
                let vx = present(x[key]), vy = present(y[key])
                if vx == nil && vy == nil { continue }
                guard let vx else { return "\(path).\(key): added \(short(vy))" }
                guard let vy else { return "\(path).\(key): dropped (was \(short(vx)))" }
                if let reason = difference(vx, vy, path: "\(path).\(key)") { return reason }
            }
            return nil
        case (.array(let x), .array(let y)):
            if x.count != y.count { return "\(path): array of \(x.count) became \(y.count)" }
            for (index, (vx, vy)) in zip(x, y).enumerated() {
                if let reason = difference(vx, vy, path: "\(path)[\(index)]") { return reason }
            }
            return nil
        case (.null, .null):
            return nil
        case (.string(let x), .string(let y)) where x == y:
            return nil
        default:
            return "\(path): \(short(a)) became \(short(b))"
        }
    }

    /// nil for an absent member and for null.
    static func present(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }

    /// The value as JSON text, cut at 60 characters (`…...`).
    static func short(_ value: JSONValue?) -> String {
        let s = text(value)
        return s.count <= 60 ? s : String(s.prefix(57)) + "..."
    }

    /// Python's `json.dumps` spelling (`, ` and `: ` separators, non-ASCII escaped; object keys sorted).
    static func text(_ value: JSONValue?) -> String {
        switch value ?? .null {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return "\(d)"
        case .string(let s): return quoted(s)
        case .array(let items): return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
        case .object(let members):
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            return "{" + keys.map { quoted($0) + ": " + text(members[$0]) }.joined(separator: ", ") + "}"
        }
    }

    /// A JSON string literal with everything past ASCII escaped (Python's `json.dumps` default).
    static func quoted(_ s: String) -> String {
        OrderedJSON.quoted(s, asciiOnly: true)
    }

    static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
