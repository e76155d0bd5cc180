/// Swift identifiers from wire names: casing, sanitising and escaping.
public enum Identifiers {
    /// Words of a wire name: split on anything that is not an ASCII letter or digit, so every
    /// identifier made of them is valid Swift whatever the input.
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let utf8 = text.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if isWordByte {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(text[wordStart..<index])
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let wordStart = start { words.append(text[wordStart...]) }
        return words
    }

    /// Words of an UpperCamel identifier: `ListAWSLogsServices` → `List`, `AWS`, `Logs`, `Services`.
    static func camelWords(_ text: String) -> [String] {
        let characters = Array(text)
        var words: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, !current.isEmpty {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if !previous.isUppercase || nextIsLower {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `components_affected` → `ComponentsAffected`, as Datadog's clients name nested types.
    public static func upperCamel(_ text: String) -> String {
        var result = ""
        for word in words(text) {
            result += word.prefix(1).uppercased() + word.dropFirst()
        }
        return result
    }

    /// A valid Swift type name (no escaping: reserved names get a suffix), at most ``maxNameBytes`` long.
    public static func typeName(_ text: String) -> String {
        var name = upperCamel(text)
        if name.isEmpty { name = "Model" }
        if let first = name.first, first.isNumber { name = "_" + name }
        if reservedTypeNames.contains(name) { name += "Model" }
        return capped(name)
    }

    /// The longest name (type, file, member, case, method) the generator gives, in UTF-8 bytes. A file
    /// name may have 255 bytes on common file systems; `.swift` and a disambiguating number
    /// (``unique(_:in:)``) still fit after this.
    public static let maxNameBytes = 200

    /// `name` when it fits in ``maxNameBytes``; else its first bytes and `_` plus 12 letters of a
    /// stable hash of the whole name (FNV-1a: the same on every run and platform), so two long
    /// names that share their start stay apart. Applying it again changes nothing.
    public static func capped(_ name: String) -> String {
        guard name.utf8.count > maxNameBytes else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        // Letters only: a trailing digit would read as the numbered suffix of a clashing name.
        var suffix = "_"
        for _ in 0..<12 {
            suffix.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "a") + UInt8(hash % 26)))
            hash /= 26
        }
        // Identifiers here are ASCII; a prefix of whole characters keeps any other text valid.
        var prefix = ""
        for character in name {
            guard prefix.utf8.count + character.utf8.count <= maxNameBytes - suffix.utf8.count else { break }
            prefix.append(character)
        }
        return prefix + suffix
    }

    /// `components_affected` → `componentsAffected`; `ID` → `id`; `2fa` → `_2fa`; at most ``maxNameBytes`` long.
    public static func lowerCamel(_ text: String) -> String {
        let parts = words(text)
        guard let head = parts.first else { return "" }
        var result: String
        if head.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            result = head.lowercased()
        } else {
            // `URLPath` → `urlPath`: lower the leading run of capitals but one.
            let leading = head.prefix { $0.isUppercase }
            if leading.count > 1 {
                result = leading.dropLast().lowercased() + head.dropFirst(leading.count - 1)
            } else {
                result = head.prefix(1).lowercased() + head.dropFirst()
            }
        }
        for word in parts.dropFirst() { result += word.prefix(1).uppercased() + word.dropFirst() }
        if let first = result.first, first.isNumber { result = "_" + result }
        return capped(result)
    }

    /// A member name safe to declare: keywords are back-quoted, names that cannot be
    /// declared even back-quoted get a trailing underscore.
    public static func escapedMember(_ name: String) -> String {
        if unusableMemberNames.contains(name) { return name + "_" }
        if keywords.contains(name) { return "`\(name)`" }
        return name
    }

    /// Makes `name` unique in `used` by appending 2, 3, …
    static func unique(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(name)\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "async", "some", "any", "consume", "copy", "discard", "each",
        "borrowing", "consuming", "nonisolated", "isolated", "actor", "package", "macro",
    ]

    /// Names that clash with what every generated type declares, or that Swift refuses as members.
    static let unusableMemberNames: Set<String> = [
        "self", "Self", "super", "init", "deinit", "subscript", "Type", "Protocol", "_",
        "hashValue", "additionalProperties", "encode", "hash", "rawValue", "isUnknown", "unknown", "unparsed",
        "knownKeys", "CodingKeys", "allCases", "client",
    ]

    /// Type names the generated code itself relies on, or that would shadow common Swift types.
    static let reservedTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Data", "Date", "URL", "UUID", "Error",
        "Result", "Type", "Optional", "Array", "Dictionary", "Set", "Any", "AnyObject", "Codable", "Decodable",
        "Encodable", "Hashable", "Equatable", "Sendable", "Never", "Void", "Character", "Decoder", "Encoder",
        "CodingKey", "CodingKeys", "Protocol", "Self", "JSONValue", "DateTime", "AnyCodingKey", "Indirect",
        "APIRequest", "DatadogClient", "DatadogErrorResponse", "DatadogAPIError", "DatadogClientError", "DatadogConfiguration", "DatadogSite", "HTTPRequest", "HTTPResponse", "HTTPTransport", "MultipartPart", "RetryPolicy", "OneOfDecoder", "Foundation", "Swift", "DatadogRuntime", "DatadogV1",
        "DatadogV2", "UnstableOperation", "DatadogStringEnum", "DatadogIntEnum", "DatadogFile", "Nullable", "KeptMembers",
        "PaginatedSequence", "Task", "Duration", "Substring", "Collection", "Sequence", "Identifiable",
    ]
}

/// Escapes text for Swift source.
public enum SwiftText {
    /// The contents of a `"…"` literal: backslash, quote, and every control or line-breaking
    /// character escaped, so no input can end the literal or inject code.
    public static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.properties.generalCategory == .format {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Lines for a `///` comment: one per source line, with line breaks of every kind split and
    /// control characters dropped, so the text cannot leave the comment.
    public static func docLines(_ text: String, limit: Int = 4000) -> [String] {
        // Fast path: short printable ASCII (the common case) needs no per-scalar work.
        let utf8 = text.utf8
        if utf8.count <= limit, utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            var result: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var end = line.utf8.endIndex
                while end > line.utf8.startIndex, line.utf8[line.utf8.index(before: end)] == 0x20 { end = line.utf8.index(before: end) }
                let trimmed = String(line[line.startIndex..<end])
                if trimmed.isEmpty, result.last?.isEmpty ?? true { continue }
                result.append(trimmed)
            }
            while result.last?.isEmpty == true { result.removeLast() }
            return result
        }
        var lines: [String] = []
        var current = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit { current += " …"; break }
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}":
                lines.append(current)
                current = ""
            case "\t":
                current += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format { continue }
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        // Trim trailing spaces and collapse runs of blank lines.
        var result: [String] = []
        for line in lines {
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(trimmed)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }
}
