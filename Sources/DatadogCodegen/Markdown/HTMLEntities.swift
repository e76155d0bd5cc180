/// HTML character references in table cells: a page exported from HTML at another date may write
/// `&lt;any-key&gt;`, `&amp;` or `&#124;` (a pipe inside a cell) where today's export writes the
/// character. Recovered tables are read from source lines, not through cmark, so the cells decode them
/// here, as cmark does for text. Only the references below are decoded; anything else stays as written.
enum HTMLEntities {
    static let named: [Substring: Character] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " "]

    /// `text` with its character references decoded (unchanged when it has no `&`).
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            // A reference is short: `&` name or `#`digits, then `;` within 10 characters.
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let character = reference(after[..<semicolon]) {
                result.append(character)
                rest = after[after.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = after
            }
        }
        return result + rest
    }

    static func reference(_ name: Substring) -> Character? {
        if let character = named[name] { return character }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        // No NUL or other control characters from a reference (a cell is one line of text).
        guard let value, value >= 0x20, value != 0x7F, let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }
}
