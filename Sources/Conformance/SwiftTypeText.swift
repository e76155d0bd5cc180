import Foundation

/// The dump's Swift type spellings, reduced to the name a figure compares with an official name.
enum SwiftTypeText {
    /// `Foo?` → `Foo`.
    static func strippingOptional(_ type: String?) -> String? {
        guard var t = type?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        while t.hasSuffix("?") {
            t = String(t.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return t
    }

    /// `[Foo]?` → `Foo`, `Foo?` → `Foo`, `[String: Foo]` → `Foo`, `Indirect<Foo>` → `Foo` (the element type).
    static func element(_ type: String?) -> String? {
        guard var t = type?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        while true {
            let old = t
            if t.hasSuffix("?") || t.hasSuffix("!") {
                t = String(t.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if t.hasPrefix("[") && t.hasSuffix("]") && t.count >= 2 {
                let inner = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
                t = valueOfDictionary(inner) ?? inner
            }
            if t.hasPrefix("Indirect<") && t.hasSuffix(">") {
                t = String(t.dropFirst("Indirect<".count).dropLast())
            }
            if t == old { return t }
        }
    }

    /// `String: Foo` → `Foo` (the first top-level colon), nil when `inner` is no dictionary.
    static func valueOfDictionary(_ inner: String) -> String? {
        var depth = 0
        for index in inner.indices {
            switch inner[index] {
            case "[", "<", "(": depth += 1
            case "]", ">", ")": depth -= 1
            case ":" where depth == 0:
                return String(inner[inner.index(after: index)...]).trimmingCharacters(in: .whitespacesAndNewlines)
            default: break
            }
        }
        return nil
    }
}
