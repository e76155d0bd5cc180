/// A name cell of a parameter or field table: `page_id [*required*]`.
///
/// The name is followed by markers: the docs write `[*required*]`; other publication dates (and other
/// exports of the same HTML) spell it `[required]`, `[_required_]`, `*required*`, `**required**` or
/// `(required)`, and may mark deprecated fields the same way (`[*deprecated*]`). A wire name never
/// contains a space, so a marker is a word in one of these wrappings after a space at the end of the
/// cell; a marker word other than `required`, `deprecated` and `optional` is returned in ``unknownMarkers``
/// (never kept as part of the name).
struct FieldName {
    var name: String
    var required: Bool
    var deprecated = false
    /// Marker words that were taken off the name but mean nothing to the generator (`beta`).
    var unknownMarkers: [String] = []

    static func parse(_ cell: String) -> FieldName {
        var text = cell
        var required = false
        for marker in ["[*required*]", "[_required_]", "[required]"] {
            if let range = text.range(ofASCII: marker) {
                required = true
                text.removeSubrange(range)
            }
        }
        var result = FieldName(name: text.trimmingSpaces(), required: required)
        while let (word, rest) = trailingMarker(result.name) {
            switch word.lowercased() {
            case "required": result.required = true
            case "deprecated": result.deprecated = true
            case "optional": break
            default: result.unknownMarkers.insert(word, at: 0)
            }
            result.name = rest
        }
        return result
    }

    /// `(word, name before it)` when `text` ends with a space and a marker: a word of letters and `-`
    /// wrapped in `[…]`, `[*…*]`, `[_…_]`, `*…*`, `**…**`, `_…_` or `(…)`.
    static func trailingMarker(_ text: String) -> (String, String)? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let token = Substring(text[text.index(after: space)...])
        var inner = token
        if inner.hasPrefix("["), inner.hasSuffix("]") { inner = inner.dropFirst().dropLast() }
        else if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
        let wrapped = inner.count < token.count
        var emphasis = 0
        while inner.count >= 2, let first = inner.first, first == "*" || first == "_", inner.last == first {
            inner = inner.dropFirst().dropLast()
            emphasis += 1
        }
        guard wrapped || emphasis > 0, !inner.isEmpty, inner.allSatisfy({ ($0.isLetter && $0.isASCII) || $0 == "-" }) else { return nil }
        let rest = text[..<space].trimmingSpaces()
        return rest.isEmpty ? nil : (String(inner), rest)
    }

    static func dropDeprecatedPrefix(_ text: String) -> String {
        var rest = Substring(text.dropFirst("**DEPRECATED**".count))
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        return rest.trimmingSpaces()
    }
}
