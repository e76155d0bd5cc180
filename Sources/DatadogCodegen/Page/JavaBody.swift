/// Reads the Java example's request body (`X body = new X().data(new Y().type(Z.VALUE)…);`) into
/// the form the Python body is read into (``PythonExpression``), so both bind to the field tree alike.
///
/// The Java client builds a model with `new X()` and one setter per field, named as the field in
/// lowerCamel (`.accountId(…)` for `account_id`): that is a call with keyword arguments. It wraps a
/// oneOf option in its oneOf type (`new ActionConnectionIntegration(new AWSIntegration()…)`), which
/// the Python body leaves implicit: a ``PythonExpression/wrapper(name:option:)``. Lists are
/// `Collections.singletonList(…)`, `Arrays.asList(…)` or `List.of(…)`; enum constants read as in
/// Python (`ActionConnectionDataType.ACTION_CONNECTION`). Anything else (literals, variables, maps,
/// dates, arithmetic) is ``PythonExpression/other``.
enum JavaBody {
    /// The expression assigned to `body` in a Java example, nil when there is none.
    static func parse(_ code: String) -> PythonExpression? {
        guard let start = code.range(ofASCII: " body =") else { return nil }
        var parser = JavaParser(tokens: ExampleSyntax.java.tokenize(code[start.upperBound...].prefix(200_000)))
        let expression = parser.expression(depth: 0)
        if case .other = expression { return nil }
        return expression
    }
}

private struct JavaParser: ExampleTokenReader {
    var tokens: [ExampleToken]
    var position = 0

    /// Classes of the Java library the examples construct (`new Date()`), which name no model.
    static let libraryClasses: Set<String> = ["Date", "HashMap", "ArrayList", "LinkedHashMap", "BigDecimal", "File", "URI",
                                              "UUID", "Object", "String", "Long", "Integer", "Double", "Float", "Boolean"]
    /// The static calls that build a list.
    static let listCalls: Set<String> = ["Collections.singletonList", "Arrays.asList", "List.of"]

    /// An expression: a primary, its setter chain, and (when an operator follows) nothing we model.
    mutating func expression(depth: Int) -> PythonExpression {
        guard depth < 200 else { skipRest(); return .other }
        var value = primary(depth: depth)
        // Setters: `.field(value)` on a model under construction.
        while current == .punct("."), position + 2 < tokens.count, case .name(let setter) = tokens[position + 1],
              tokens[position + 2] == .punct("(") {
            position += 3
            let arguments = arguments(depth: depth)
            if case .call(let name, var fields) = value {
                // `putAdditionalProperty(key, value)` and other calls of two arguments set no field.
                if arguments.count == 1 { fields.append((setter, arguments[0])) }
                value = .call(name: name, arguments: fields)
            } else {
                value = .other
            }
        }
        if let token = current, token != .punct(","), token != .punct(")") {
            // An operator (`"a" + b`, `x ? y : z`): not a value the body binding reads.
            skipRest()
            return .other
        }
        return value
    }

    mutating func primary(depth: Int) -> PythonExpression {
        guard let token = current else { return .other }
        switch token {
        case .name("new"):
            position += 1
            guard case .name(var name) = current else { skipRest(); return .other }
            position += 1
            while current == .punct("."), position + 1 < tokens.count, case .name(let next) = tokens[position + 1] {
                name = next
                position += 2
            }
            if current == .punct("<") { skipGenerics() }
            guard current == .punct("(") else { skipRest(); return .other }
            position += 1
            let arguments = arguments(depth: depth)
            guard !Self.libraryClasses.contains(name), name.first?.isUppercase == true else { return .other }
            switch arguments.count {
            case 0: return .call(name: name, arguments: [])
            case 1: return .wrapper(name: name, option: arguments[0])
            default: return .other
            }
        case .name(let name):
            position += 1
            let dotted = dottedName(from: name)
            if current == .punct("(") {
                position += 1
                let arguments = arguments(depth: depth)
                return Self.listCalls.contains(dotted) ? .list(arguments) : .other
            }
            let parts = dotted.split(separator: ".")
            if parts.count == 2, parts[0].first?.isUppercase == true { return .attribute(base: String(parts[0]), member: String(parts[1])) }
            return .other
        case .literal:
            position += 1
            return .other
        default:
            skipRest()
            return .other
        }
    }

    /// Comma-separated expressions up to the closing parenthesis (consumed).
    mutating func arguments(depth: Int) -> [PythonExpression] {
        items(until: ")") { $0.expression(depth: depth + 1) }
    }

    /// Skips `<…>` type arguments (`new HashMap<String, Object>()`).
    mutating func skipGenerics() {
        var depth = 0
        while let token = current {
            position += 1
            if token == .punct("<") { depth += 1 } else if token == .punct(">") { depth -= 1; if depth == 0 { return } }
        }
    }
}
