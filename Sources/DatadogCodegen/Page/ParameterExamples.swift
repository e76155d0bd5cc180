/// What the official clients' code examples pass for an operation's parameters: the evidence of a
/// parameter's type that the Arguments table does not give (its Type cell is only `string`,
/// `integer`, `array` …).
///
/// Contract:
/// - Python calls (`api_instance.list_things(sort=ThingsSort.NAME_DESCENDING, filter_from=datetime.now())`)
///   tell enums (a `Type.CONSTANT`, or a list of them: the official type name) and dates (a value
///   built from `datetime`, unless it is turned into a number with `int(…)`).
/// - TypeScript request objects (`const params: v2.…Request = { sort: "-name", filterFrom: new Date(…) }`)
///   give the values on the wire (string literals, lists of them) and dates (`new Date(`).
/// - Go option builders (`.WithFilterFrom(time.Now())`) tell dates.
/// - A parameter is matched across languages by its name without case and punctuation
///   (`filter[from]`, `filter_from`, `filterFrom`, `_from` → `filterfrom`, `from`).
public struct ParameterExamples: Sendable {
    /// What the examples show of one parameter.
    public struct Evidence: Sendable, Hashable {
        /// The official enum type name (Python `ThingsSort`), when an example passes an enum constant.
        public var enumName: String?
        /// Whether an example passes a list of enum constants.
        public var enumList = false
        /// Whether an example passes a date.
        public var isDate = false
        /// Whether a Python example turns a date into a number (`int(datetime.now().timestamp())`): no date then.
        public var isEpoch = false
        /// The literal texts the TypeScript examples pass, in page order, without repeats.
        public var literals: [String] = []
    }

    /// Evidence by matching key (``key(_:)``).
    public private(set) var byKey: [String: Evidence] = [:]

    /// Reads the examples.
    public init(examples: [CodeExample]) {
        for example in examples {
            switch example.language {
            case "python": readPython(example.code)
            case "typescript": readTypeScript(example.code)
            case "go": readGo(example.code)
            default: break
            }
        }
    }

    /// The evidence for a parameter named `wireName` on the page, if any.
    public func evidence(for wireName: String) -> Evidence? { byKey[Self.key(wireName)] }

    /// A parameter's name without case and punctuation.
    static func key(_ name: some StringProtocol) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private mutating func readPython(_ code: String) {
        var rest = Substring(code)
        var calls = 0
        while calls < Self.callLimit, let call = rest.range(ofASCII: "api_instance.") {
            rest = rest[call.upperBound...]
            calls += 1
            guard let open = rest.prefix(200).firstIndex(of: "("), rest[..<open].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            for argument in Self.arguments(rest[rest.index(after: open)...], close: ")") {
                guard let equals = argument.firstIndex(of: "=") else { continue }
                let name = argument[..<equals].trimmingSpacesAndNewlines()
                let value = argument[argument.index(after: equals)...].trimmingSpacesAndNewlines()
                guard !name.isEmpty, name != "body" else { continue }
                var evidence = byKey[Self.key(name)] ?? Evidence()
                if value.hasPrefix("[") {
                    let items = Self.arguments(value.dropFirst(), close: "]").map { $0.trimmingSpacesAndNewlines() }
                    if let type = items.first.flatMap(Self.pythonEnumType), items.allSatisfy({ Self.pythonEnumType($0) == type }) {
                        evidence.enumName = evidence.enumName ?? type
                        evidence.enumList = true
                    }
                } else if let type = Self.pythonEnumType(value) {
                    evidence.enumName = evidence.enumName ?? type
                } else if value.contains("datetime") {
                    if value.hasPrefix("int(") || value.hasPrefix("str(") { evidence.isEpoch = true } else { evidence.isDate = true }
                }
                byKey[Self.key(name)] = evidence
            }
        }
    }

    private mutating func readTypeScript(_ code: String) {
        // `const params: v2.…Request = {`, the brace possibly on the next line.
        guard let declaration = code.range(ofASCII: "const params"),
              let equals = code[declaration.upperBound...].prefix(500).firstIndex(of: "=") else { return }
        let value = code[code.index(after: equals)...].drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard value.first == "{" else { return }
        for argument in Self.arguments(value.dropFirst(), close: "}") {
            guard let colon = argument.firstIndex(of: ":") else { continue }
            let name = argument[..<colon].trimmingSpacesAndNewlines()
            let value = argument[argument.index(after: colon)...].trimmingSpacesAndNewlines()
            guard !name.isEmpty, name != "body" else { continue }
            var evidence = byKey[Self.key(name)] ?? Evidence()
            let texts = value.hasPrefix("[") ? Self.arguments(value.dropFirst(), close: "]").map { $0.trimmingSpacesAndNewlines() } : [value]
            for text in texts {
                if let literal = Self.stringLiteral(text), !evidence.literals.contains(literal) { evidence.literals.append(literal) }
            }
            if value.hasPrefix("new Date(") { evidence.isDate = true }
            byKey[Self.key(name)] = evidence
        }
    }

    private mutating func readGo(_ code: String) {
        var rest = Substring(code)
        var calls = 0
        while calls < Self.callLimit, let with = rest.range(ofASCII: ".With") {
            rest = rest[with.upperBound...]
            calls += 1
            guard let open = rest.prefix(200).firstIndex(of: "(") else { continue }
            let name = rest[..<open]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { continue }
            if rest[rest.index(after: open)...].hasPrefix("time.") {
                var evidence = byKey[Self.key(name)] ?? Evidence()
                evidence.isDate = true
                byKey[Self.key(name)] = evidence
            }
        }
    }

    /// Calls read per example: real examples make a few, hostile ones must not cost a scan per occurrence.
    static let callLimit = 100

    /// `ThingsSort.NAME_DESCENDING` → `ThingsSort`: an upper-camel type and an upper-case constant.
    static func pythonEnumType(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts[0].first, first.isUppercase,
              parts[0].allSatisfy({ $0.isLetter || $0.isNumber }), parts[0].contains(where: \.isLowercase),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else { return nil }
        return String(parts[0])
    }

    /// The text of a one-line string literal (`"-name"`, `'x'`), without escapes; nil otherwise.
    static func stringLiteral(_ text: String) -> String? {
        guard text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote else { return nil }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains(quote), !inner.contains("\\"), !inner.contains("\n") else { return nil }
        return String(inner)
    }

    /// The comma-separated items up to the bracket `close` that ends the list (nesting and string
    /// literals respected); at most 200 items, from at most 20,000 characters.
    static func arguments(_ text: Substring, close: Character) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in text.prefix(20_000) {
            if let open = quote {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'", "`":
                quote = character
            case "(", "[", "{":
                depth += 1
            case ")", "]", "}":
                if depth == 0 {
                    if character == close, !current.trimmingSpacesAndNewlines().isEmpty { items.append(current) }
                    return character == close ? Array(items.prefix(200)) : []
                }
                depth -= 1
            case "," where depth == 0:
                items.append(current)
                current = ""
                continue
            default:
                break
            }
            current.append(character)
        }
        return []
    }
}
