/// Spellings of the figures' printed lines, which read as they always have (the lines are compared
/// across versions of the scorer, and were first printed by a Python script).
enum PythonText {
    static func bool(_ value: Bool?) -> String {
        value.map { $0 ? "True" : "False" } ?? "None"
    }

    static func optional(_ value: String?) -> String {
        value ?? "None"
    }

    /// `repr` of a string: single-quoted unless it holds a single quote and no double quote.
    static func repr(_ value: String?) -> String {
        guard let value else { return "None" }
        let quote: Character = value.contains("'") && !value.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case quote: out += "\\\(quote)"
            default: out.append(ch)
            }
        }
        return out + String(quote)
    }

    /// `repr` of a list of strings, sorted by code point (`['a', 'b']`).
    static func list<S: Sequence>(_ values: S) -> String where S.Element == String {
        "[" + values.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { repr($0) }.joined(separator: ", ") + "]"
    }

    /// `repr` of a list in its order (`['a', 'b']`, `[1, -1]`).
    static func list(ordered values: [String]) -> String {
        "[" + values.joined(separator: ", ") + "]"
    }

    /// `repr` of `bytes`: `b'…'`, printable ASCII as is, the rest as `\xNN`.
    static func bytes<D: Sequence>(_ data: D) -> String where D.Element == UInt8 {
        let values = Array(data)
        let quote: UInt8 = values.contains(0x27) && !values.contains(0x22) ? 0x22 : 0x27
        var out = "b" + String(UnicodeScalar(quote))
        for byte in values {
            switch byte {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case quote: out += "\\" + String(UnicodeScalar(quote))
            case 0x20..<0x7F: out.append(Character(UnicodeScalar(byte)))
            default: out += String(format: "\\x%02x", byte)
            }
        }
        return out + String(UnicodeScalar(quote))
    }
}
