/// Names the official clients use, read from a page's code examples: the operationId, the
/// API class, the request and response types, and the Python constructor tree of the body
/// (which names nested request types and enums).
public struct CodeExampleHints: Sendable {
    /// The operationId in UpperCamel (`CreateStatusPage`), from the Go or Python call.
    public var operationID: String?
    /// The API class without its `Api`/`API` suffix (`StatusPages`).
    public var apiClass: String?
    /// The request body's type name (`CreateStatusPageRequest`), from Go or Java.
    public var requestType: String?
    /// Whether the body is a list of `requestType` (Go `body := []datadogV2.X{…}`).
    public var requestIsArray = false
    /// The response's type name, from Java or TypeScript (the element's, for a list).
    public var responseType: String?
    /// Whether the response is a list (Java `List<X> result`, TypeScript `(data: v1.X[])`).
    public var responseIsArray = false
    /// Every Python example's `body = …` expression, parsed, in page order (pages with several
    /// examples name more of the body's types).
    public var pythonBodies: [PythonExpression] = []
    /// Every Java example's `X body = …` expression, read as a Python one (``JavaBody``), in page order.
    public var javaBodies: [PythonExpression] = []
    /// Every Go example's `body := …` expression, read as a Python one (``GoBody``), in page order.
    public var goBodies: [PythonExpression] = []
    /// The bodies the examples build, bound to the body's table in this order: the Java ones first
    /// (they also name the oneOf types), then the Python ones, then the Go ones (typed lists name
    /// their elements even when empty).
    public var bodies: [PythonExpression] { javaBodies + pythonBodies + goBodies }
    /// Whether there is an example in a language of the official clients (Go, Java, Python, Ruby, Rust, TypeScript),
    /// all of which enable an unstable operation before calling it.
    public var hasClientExample = false
    /// The operations the examples enable as unstable, as written (`v2.ListThings`, `list_things`, `v2.listThings`):
    /// Go `configuration.SetUnstableOperationEnabled("v2.ListThings", true)`, Python
    /// `configuration.unstable_operations["list_things"] = True`, Ruby `config.unstable_operations["v2.list_things".to_sym] = true`,
    /// Java `setUnstableOperationEnabled`, Rust `set_unstable_operation_enabled`, TypeScript `unstableOperations[…] = true`.
    public var unstableOptIns: [String] = []

    /// Reads the hints from an operation's code examples (Go, Java, TypeScript, Ruby, Python).
    public init(examples: [CodeExample]) {
        for example in examples {
            let code = example.code
            if Self.clientLanguages.contains(example.language) {
                hasClientExample = true
                unstableOptIns += Self.unstableOptIns(in: code)
            }
            switch example.language {
            case "go":
                if operationID == nil, var name = Self.capture(code, after: "api.", until: "(ctx") {
                    if name.hasSuffix("WithPagination") { name.removeLast("WithPagination".count) }
                    operationID = name
                }
                if apiClass == nil, let base = Self.capture(code, after: ".New", until: "Api(apiClient)") { apiClass = base }
                if let body = GoBody.parse(code) { goBodies.append(body) }
                if requestType == nil, let line = Self.firstLine(code, containing: "body := ") {
                    let isArray = line.contains("[]datadog")
                    if let name = Self.capture(line, after: ".", until: "{") ?? Self.capture(line, after: ".", until: "(") {
                        requestType = name
                        requestIsArray = isArray
                    }
                }
            case "java":
                if responseType == nil, !responseIsArray, let range = code.range(ofASCII: " result =") {
                    let head = code[..<range.lowerBound]
                    if head.hasSuffix(">"), let open = head.range(of: "List<", options: .backwards) {
                        // `List<Downtime> result =` → a list of `Downtime`
                        let element = String(head[open.upperBound...].dropLast())
                        responseIsArray = true
                        if !Self.javaScalars.contains(element) { responseType = element }
                    } else if let name = Self.word(before: " result =", in: code), name.first?.isUppercase == true {
                        responseType = name
                    }
                }
                if requestType == nil, let name = Self.word(before: " body =", in: code), name.first?.isUppercase == true {
                    requestType = name
                }
                if let body = JavaBody.parse(code) { javaBodies.append(body) }
            case "typescript":
                if responseType == nil, !responseIsArray, var name = Self.capture(code, after: "(data: ", until: ")") {
                    // `v1.Dashboard` → `Dashboard`, `v1.Downtime[]` → a list of `Downtime`, `string[]` → a list
                    if name.hasSuffix("[]") { name.removeLast(2); responseIsArray = true }
                    if name.hasPrefix("v"), let dot = name.firstIndex(of: ".") { responseType = String(name[name.index(after: dot)...]) }
                }
                if apiClass == nil, let name = Self.capture(code, after: "new v", until: "Api(configuration)"), let dot = name.firstIndex(of: ".") {
                    apiClass = String(name[name.index(after: dot)...])
                }
            case "ruby":
                if let name = Self.capture(code, after: "::", until: "API.new") {
                    // `DatadogAPIClient::V2::StatusPagesAPI.new` → `StatusPages`
                    apiClass = String(name.split(separator: ":").last ?? Substring(name))
                }
            case "python":
                let start = code.hasPrefix("body = ") ? code.range(ofASCII: "body = ") : code.range(ofASCII: "\nbody = ")
                if let start, let body = PythonExpression.parse(code[start.upperBound...]) { pythonBodies.append(body) }
                if apiClass == nil, let name = Self.capture(code, after: "api_instance = ", until: "Api(api_client)") { apiClass = name }
                if operationID == nil, let snake = Self.capture(code, after: "api_instance.", until: "(") {
                    operationID = snake.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                }
            default:
                break
            }
        }
        if let name = responseType, !Self.isIdentifier(name) { responseType = nil }
        if let name = requestType, !Self.isIdentifier(name) { requestType = nil }
        if let name = operationID, !Self.isIdentifier(name) { operationID = nil }
        if let name = apiClass, !Self.isIdentifier(name) { apiClass = nil }
    }

    /// The languages of the official clients' examples.
    static let clientLanguages: Set<String> = ["go", "java", "python", "ruby", "rust", "typescript"]

    /// The operation names a code example enables as unstable: the first string literal after an
    /// `unstable operation` identifier (any spelling), when the statement sets it to true.
    static func unstableOptIns(in code: String) -> [String] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            let squeezed = line.lowercased().replacingOccurrences(of: "_", with: "")
            guard squeezed.contains("unstableoperation"),
                  let open = line.firstIndex(of: "\""),
                  let close = line[line.index(after: open)...].firstIndex(of: "\"") else { continue }
            let name = String(line[line.index(after: open)..<close])
            // The value may wrap onto the next line (TypeScript: `unstableOperations["v2.x"] =\n  true;`).
            var value = line[line.index(after: close)...].lowercased()
            if index + 1 < lines.count, !value.contains("true"), !value.contains("false") { value += lines[index + 1].lowercased() }
            if !name.isEmpty, value.contains("true"), !value.contains("false") { result.append(name) }
        }
        return result
    }

    /// Whether the examples enable `operationID` (`ListThings`) as unstable: names compare without
    /// their version prefix, case and underscores (`v2.list_things`, `v2.listThings`).
    public func enablesUnstable(_ operationID: String, version: String) -> Bool {
        func key(_ name: String) -> String { name.replacingOccurrences(of: "_", with: "").lowercased() }
        let own = key(operationID)
        return unstableOptIns.contains { name in
            let parts = name.split(separator: ".", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() != version.lowercased() { return false }
            return key(String(parts.last ?? "")) == own
        }
    }

    /// Java types of scalar list elements (`List<String>`), which name no model.
    static let javaScalars: Set<String> = ["String", "Long", "Integer", "Double", "Float", "Boolean", "Object", "UUID", "OffsetDateTime"]

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" } && text.count < 200
    }

    static func capture(_ text: some StringProtocol, after prefix: String, until suffix: String) -> String? {
        var rest = Substring(text)
        while let start = rest.range(ofASCII: prefix) {
            let after = rest[start.upperBound...]
            if let end = after.range(ofASCII: suffix) {
                let candidate = after[..<end.lowerBound]
                if !candidate.isEmpty, candidate.count < 200, !candidate.contains(where: { $0 == " " || $0 == "\n" || $0 == "(" }) {
                    return String(candidate)
                }
            }
            rest = after
        }
        return nil
    }

    static func firstLine(_ text: String, containing marker: String) -> Substring? {
        text.split(separator: "\n").first { $0.contains(marker) }
    }

    /// The identifier right before `marker` (`Degradation result =` → `Degradation`).
    static func word(before marker: String, in text: String) -> String? {
        guard let range = text.range(ofASCII: marker) else { return nil }
        let head = text[..<range.lowerBound]
        let word = head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return word.isEmpty ? nil : String(word.reversed())
    }
}

/// The subset of Python expressions the examples build bodies with; Java builder bodies are read
/// into the same form (``JavaBody``).
public indirect enum PythonExpression: Sendable {
    /// A call (a constructor), with its keyword arguments in order.
    case call(name: String, arguments: [(String, PythonExpression)])
    /// A oneOf type wrapping the option it holds (Java `new WidgetTime(new WidgetLegacyLiveSpan())`);
    /// around ``other``, a type the example names without building what we read (Go `[]datadogV2.X{}`).
    case wrapper(name: String, option: PythonExpression)
    /// A list literal.
    case list([PythonExpression])
    /// `EnumName.VALUE`
    case attribute(base: String, member: String)
    /// Anything else (literals, plain names, what could not be parsed).
    case other

    /// For a list literal, its first element that was understood (what names the element type).
    var firstListElement: PythonExpression? {
        guard case .list(let items) = self else { return nil }
        return items.first { if case .other = $0 { return false }; return true }
    }

    static func parse(_ text: Substring) -> PythonExpression? {
        var parser = PythonParser(tokens: ExampleSyntax.python.tokenize(text.prefix(200_000)))
        return parser.expression(depth: 0)
    }
}

private struct PythonParser: ExampleTokenReader {
    var tokens: [ExampleToken]
    var position = 0

    mutating func expression(depth: Int) -> PythonExpression? {
        guard depth < 200, let token = current else { return nil }
        switch token {
        case .name(let name):
            position += 1
            let dotted = dottedName(from: name)
            if current == .punct("(") {
                position += 1
                return .call(name: dotted, arguments: arguments(depth: depth))
            }
            let parts = dotted.split(separator: ".")
            if parts.count == 2 { return .attribute(base: String(parts[0]), member: String(parts[1])) }
            skipRest()
            return .other
        case .punct("["):
            position += 1
            return .list(items(until: "]") { $0.expression(depth: depth + 1) ?? .other })
        default:
            skipRest()
            return .other
        }
    }

    /// Keyword arguments up to the closing parenthesis.
    mutating func arguments(depth: Int) -> [(String, PythonExpression)] {
        items(until: ")") { parser in
            let key = parser.key(before: "=")
            let value = parser.expression(depth: depth + 1) ?? .other
            return key.map { ($0, value) }
        }
    }
}
