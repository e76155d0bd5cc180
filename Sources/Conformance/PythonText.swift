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
}
