/// Reads the Go example's request body (`body := datadogV2.X{Data: &datadogV2.Y{…}}`) into the form
/// the Python body is read into (``PythonExpression``), so it binds to the field tree alike.
///
/// The Go client builds a model with a composite literal, one key per field, named as the field in
/// UpperCamel (`AccountId:` for `account_id`, compared like the Python keys): a call with keyword
/// arguments; `&` before it changes nothing. A oneOf is a struct with one key per option, named
/// after the option's type, so a literal whose only key names the type of its value
/// (`datadogV2.ActionConnectionIntegration{AWSIntegration: &datadogV2.AWSIntegration{…}}`) is a
/// ``PythonExpression/wrapper(name:option:)``. A typed list (`[]datadogV2.X{{…}, {…}}`) is a list
/// whose elements are `X` literals with the type left out, and names its element even when empty
/// (`[]datadogV2.AppBuilderEvent{}`: `X` around nothing read, which names an object or a oneOf, and
/// chooses no option, since `X` may be the oneOf itself); its enum constants spell their type
/// (`[]datadogV2.Product{datadogV2.PRODUCT_LOGS}` is `Product.LOGS`); elsewhere a constant does not
/// show where its type's name ends, so it has no type (`.attribute(base: "", member: "PRODUCT_LOGS")`,
/// which names no enum but tells oneOf options apart). Anything else (literals, `datadog.PtrString(…)`)
/// is ``PythonExpression/other``.
enum GoBody {
    /// The expression assigned to `body` in a Go example, nil when there is none.
    static func parse(_ code: String) -> PythonExpression? {
        guard let start = code.range(ofASCII: "body := ") else { return nil }
        var parser = GoParser(tokens: ExampleSyntax.go.tokenize(code[start.upperBound...].prefix(200_000)))
        let expression = parser.expression(depth: 0)
        if case .other = expression { return nil }
        return expression
    }
}

private struct GoParser: ExampleTokenReader {
    var tokens: [ExampleToken]
    var position = 0

    /// A value: a composite literal, a typed list, or something not modelled (skipped).
    mutating func expression(depth: Int) -> PythonExpression {
        guard depth < 200 else { skipRest(); return .other }
        if current == .punct("&") { position += 1 }
        if current == .punct("["), position + 1 < tokens.count, tokens[position + 1] == .punct("]") {
            position += 2
            let element = typeName()
            guard current == .punct("{") else { skipRest(); return .other }
            position += 1
            let items = elements(of: element, depth: depth)
            if items.isEmpty, let element { return .list([.wrapper(name: element, option: .other)]) }
            return .list(items)
        }
        if let constant = constant() { return constant }
        if let name = typeName(), current == .punct("{") {
            position += 1
            return literal(of: name, depth: depth)
        }
        skipRest()
        return .other
    }

    /// A model type (`datadogV2.X` → `X`), consumed; nil (and nothing consumed) for anything else.
    mutating func typeName() -> String? {
        guard position + 2 < tokens.count, case .name(let package) = tokens[position], package.hasPrefix("datadogV"),
              tokens[position + 1] == .punct("."), case .name(let name) = tokens[position + 2],
              name.first?.isUppercase == true, name.contains(where: \.isLowercase) else { return nil }
        position += 3
        return name
    }

    /// The keyed fields of a `name{…}` literal up to its closing brace (consumed).
    mutating func literal(of name: String, depth: Int) -> PythonExpression {
        let fields: [(String, PythonExpression)] = items(until: "}") { parser in
            let key = parser.key(before: ":")
            let value = parser.expression(depth: depth + 1)
            return key.map { ($0, value) }
        }
        if fields.count == 1, fields[0].0 == Self.builtType(fields[0].1) {
            return .wrapper(name: name, option: fields[0].1)
        }
        return .call(name: name, arguments: fields)
    }

    /// The type a literal builds (`X{…}`, or the wrapper `X{Y: …}`), nil for anything else.
    static func builtType(_ value: PythonExpression) -> String? {
        switch value {
        case .call(let name, _), .wrapper(let name, _): return name
        default: return nil
        }
    }

    /// The elements of a typed list up to its closing brace (consumed).
    mutating func elements(of element: String?, depth: Int) -> [PythonExpression] {
        items(until: "}") { parser in
            if parser.current == .punct("{"), let element {
                parser.position += 1
                return parser.literal(of: element, depth: depth + 1)
            }
            if let element, let constant = parser.constant(of: element) { return constant }
            return parser.expression(depth: depth + 1)
        }
    }

    /// A constant outside a typed list (`datadogV2.ACTIONCONNECTIONDATATYPE_ACTION_CONNECTION`, `.Ptr()` after it
    /// or not), consumed: its type is not shown (`base` empty); nil (and nothing consumed) for anything else.
    mutating func constant() -> PythonExpression? {
        guard position + 2 < tokens.count, case .name(let package) = tokens[position], package.hasPrefix("datadogV"),
              tokens[position + 1] == .punct("."), case .name(let name) = tokens[position + 2],
              name.first?.isUppercase == true, !name.contains(where: \.isLowercase) else { return nil }
        position += 3
        if position + 3 < tokens.count, tokens[position] == .punct("."), tokens[position + 1] == .name("Ptr"),
           tokens[position + 2] == .punct("("), tokens[position + 3] == .punct(")") {
            position += 4
        }
        return .attribute(base: "", member: name)
    }

    /// `datadogV2.PRODUCT_LOGS` in a list of `Product`: `Product.LOGS`, consumed; nil for anything else.
    mutating func constant(of type: String) -> PythonExpression? {
        guard position + 2 < tokens.count, case .name(let package) = tokens[position], package.hasPrefix("datadogV"),
              tokens[position + 1] == .punct("."), case .name(let name) = tokens[position + 2] else { return nil }
        let prefix = type.uppercased() + "_"
        guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
        position += 3
        return .attribute(base: type, member: String(name.dropFirst(prefix.count)))
    }
}
