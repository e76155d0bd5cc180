/// Stage 5: the values templates see. Logic lives here; layout in the templates.
enum RenderModels {
    static func doc(_ text: String) -> [[String]] {
        SwiftText.docLines(text).map { $0.isEmpty ? [] : [$0] }
    }

    static func source(_ location: SourceLocation) -> String {
        sanitizedPath(location.file) + ":\(location.line)"
    }

    /// A file path fit for a comment inside backquotes.
    static func sanitizedPath(_ path: String) -> String {
        String(path.unicodeScalars.filter { $0.value >= 0x20 && $0 != "`" && $0.value != 0x7F && !(0x2028...0x2029).contains($0.value) }.map(Character.init))
    }

    static func type(_ decl: TypeDecl) -> [String: Any] {
        var model: [String: Any] = [
            "name": decl.name,
            "doc": doc(decl.doc),
            "source": source(decl.source),
        ]
        if let target = decl.aliasOf {
            model["target"] = target
            return model
        }
        switch decl.kind {
        case .structure:
            let properties = decl.properties.map { property -> [String: Any] in
                var lines = SwiftText.docLines(property.doc)
                if property.deprecated { lines.append(contentsOf: ["", "- Warning: Deprecated."]) }
                let escaped = Identifiers.escapedMember(property.name)
                let optional = !property.required
                let stored = storedType(property)
                return [
                    "name": escaped,
                    "bare": property.name,
                    "type": stored + (optional ? "?" : ""),
                    "doc": lines.map { $0.isEmpty ? [] : [$0] },
                    "indirect": property.indirect,
                    "wireLiteral": SwiftText.stringLiteral(property.wireName),
                    "decodeCall": !optional ? "decodeValue" : property.nullable ? "decodeNullableValue" : "decodeOptionalValue",
                    "keeps": keepsMember(property),
                    "encodeCall": optional ? "encodeOptionalValue" : "encodeValue",
                    "decodeType": stored,
                    // A required nullable member takes a plain optional in the initializer: `nil` is `null`.
                    "initValue": property.nullable && property.required ? "Nullable(\(escaped))" : escaped,
                ]
            }
            let required = decl.properties.filter(\.required)
            let ordered = required + decl.properties.filter { !$0.required }
            // Past the limit the initializer takes the required properties only (the others start
            // as nil), and past it with required ones alone there is none: decode the value instead.
            let parameters = ordered.count <= maxInitializerParameters ? ordered : required.count <= maxInitializerParameters ? required : nil
            let taken = Set((parameters ?? []).map(\.name))
            model["properties"] = zip(properties, decl.properties).map { rendered, property in
                taken.contains(property.name) ? rendered : rendered.merging(["initValue": "nil"]) { $1 }
            }
            model["keepsMembers"] = decl.properties.contains(where: keepsMember)
            model["hasInitializer"] = parameters != nil
            model["initParameters"] = (parameters ?? []).map { property in
                let type = property.nullable && property.required ? property.type.swift + "?" : storedType(property)
                return "\(Identifiers.escapedMember(property.name)): \(type)" + (property.required ? "" : "? = nil")
            }
            if parameters?.count != ordered.count {
                let note = parameters == nil
                    ? "With \(ordered.count) properties, \(required.count) of them required, this type has no memberwise initializer (generated code takes at most \(maxInitializerParameters) parameters: the Swift compiler slows down sharply past that); decode it from JSON instead."
                    : "With \(ordered.count) properties, more than the \(maxInitializerParameters) parameters an initializer of generated code takes (the Swift compiler slows down sharply past that), the initializer takes the required properties only; set the others through their `var`s."
                model["doc"] = doc(decl.doc) + [[]] + doc(note)
            }
        case .stringEnum, .intEnum:
            let (rawType, protocolName): (String, String) = switch decl.kind {
            case .intEnum: ("Int64", "DatadogIntEnum")
            default: ("String", "DatadogStringEnum")
            }
            model["rawType"] = rawType
            model["protocolName"] = protocolName
            model["cases"] = decl.cases.map { item -> [String: Any] in
                [
                    "name": Identifiers.escapedMember(item.name),
                    "bare": item.name,
                    "rawLiteral": decl.kind == .stringEnum ? SwiftText.stringLiteral(item.rawValue) : numericLiteral(item.rawValue),
                ]
            }
        case .oneOf:
            // `Outer(value)` for an option whose type no other option has; `outer.asCase` for each case
            // (unless a case already has that name).
            let caseNames = Set(decl.options.map(\.caseName) + ["unparsed"])
            model["options"] = decl.options.map { option -> [String: Any] in
                let accessor = "as" + option.caseName.prefix(1).uppercased() + option.caseName.dropFirst()
                return ["name": Identifiers.escapedMember(option.caseName), "bare": option.caseName, "type": option.type.swift,
                        "initializer": option.hasInitializer,
                        "accessor": accessor, "hasAccessor": !caseNames.contains(accessor)]
            }
        }
        return model
    }

    /// The declared type of a property without the `?` of an optional member: `Nullable<T>` for nullable ones.
    static func storedType(_ property: PropertyDecl) -> String {
        property.nullable ? "Nullable<\(property.type.swift)>" : property.type.swift
    }

    /// Whether an optional member is decoded so that a `null` nested in it, where the page
    /// requires a value, costs only this member (kept as JSON, reported in strict mode) and not
    /// the whole response: members of generated types, arrays and maps of them.
    static func keepsMember(_ property: PropertyDecl) -> Bool {
        !property.required && !property.nullable && property.type.namedLeaf != nil
    }

    /// The most parameters a generated memberwise initializer takes. Measured with Swift 6.3.1
    /// (Linux x86_64, `-Onone`): an initializer of optional parameters with defaults costs the
    /// mandatory SIL passes about 3 s of CPU at 250 parameters, 15 s at 500 and 80 s at 1,000 (it
    /// grows with about the 2.4th power), and SILGen crashes at 5,000. The widest object of the
    /// whole reference has 312 properties.
    static let maxInitializerParameters = 400

    static func numericLiteral(_ text: String) -> String {
        if let value = Int64(text) { return String(value) }
        if let value = Double(text), value.isFinite { return "\(value)" }
        return "0"
    }

    static func unstableKey(_ operation: OperationDecl) -> String {
        operation.version.lowercased() + Identifiers.upperCamel(operation.operationID)
    }

    static func api(name: String, tag: String, version: String, operations: [OperationDecl]) -> [String: Any] {
        [
            "name": name,
            "tag": SwiftText.docLines(tag).joined(separator: " "),
            "version": version,
            "operations": operations.map(operation),
        ]
    }

    static func operation(_ operation: OperationDecl) -> [String: Any] {
        var signature: [String] = []
        var parameterDocs: [[String: Any]] = []
        for argument in operation.arguments {
            signature.append(declaration(argument))
            let text: String = switch argument.role {
            case .parameter(let index): operation.parameters[index].doc
            case .body: operation.body.map { $0.doc.isEmpty ? "The request body." : $0.doc } ?? ""
            }
            parameterDocs.append(["name": argument.name, "lines": SwiftText.docLines(text.isEmpty ? "No description." : text).filter { !$0.isEmpty }])
        }

        // A multipart body is sent from its parts, which are parameters (`.form`).
        let body = operation.body.flatMap { $0.encoding == .multipart ? nil : $0 }
        var statements: [String] = []
        var parts: [String] = []
        for parameter in operation.parameters {
            let name = Identifiers.escapedMember(parameter.name)
            let wire = SwiftText.stringLiteral(parameter.wireName)
            switch parameter.location {
            case .path:
                statements.append(parameter.required
                    ? "request.setPathParameter(\(wire), \(name))"
                    : "if let \(name) { request.setPathParameter(\(wire), \(name)) }")
            case .query:
                statements.append("request.addQuery(\(wire), \(name))")
            case .header:
                statements.append("request.setHeader(\(wire), \(name))")
            case .form:
                let append: String = switch parameter.type {
                case .file: "parts.appendFile(\(wire), \(name))"
                case .string, .int64, .int32, .double, .bool, .dateTime: "parts.appendText(\(wire), \(name))"
                default: "try parts.appendJSON(\(wire), \(name))"
                }
                parts.append(append)
            }
        }
        if operation.body?.encoding == .multipart {
            if parts.isEmpty {
                statements.append("request.setMultipartBody([])")
            } else {
                statements.append("var parts: [MultipartPart] = []")
                statements.append(contentsOf: parts)
                statements.append("request.setMultipartBody(parts)")
            }
        }
        if let body {
            let contentType = SwiftText.stringLiteral(body.contentType)
            let set: String = switch body.encoding {
            case .json: "try request.setJSONBody(body, contentType: \(contentType))"
            // (Multipart bodies are sent from their parts, above.)
            case .text, .data, .multipart: "request.setTextBody(body, contentType: \(contentType))"
            }
            statements.append(body.required ? set : "if let body { \(set) }")
        }
        if operation.accept != "application/json" {
            statements.append("request.accept = \(SwiftText.stringLiteral(operation.accept))")
        }
        if operation.acceptsContentEncoding {
            statements.append("request.acceptsContentEncoding = true")
        }

        let returnClause: String
        let call: String
        let returnDoc: String?
        switch operation.response {
        case .none:
            returnClause = ""
            call = "try await client.send(request)"
            returnDoc = nil
        case .decoded(let type):
            returnClause = " -> \(type.swift)"
            call = "return try await client.send(request, decoding: \(type.swift).self)"
            let success = operation.responses.first { $0.status.hasPrefix("2") }
            returnDoc = SwiftText.docLines(success?.description ?? "The decoded response.").joined(separator: " ")
        case .data:
            returnClause = " -> Data"
            call = "return try await client.sendForData(request)"
            returnDoc = "The response body."
        case .text:
            returnClause = " -> String"
            call = "return try await client.sendForString(request)"
            returnDoc = "The response body as text."
        }

        // Every documented status with the Swift type of its body (errors: `DatadogAPIError.decodedBody(as:)`).
        let statusDocs: [String] = operation.responses.map { response in
            var type = response.type.map { "`\($0.swift)`" } ?? "no documented body"
            if response.status.hasPrefix("2"), case .data = operation.response { type = "`Data`" }
            if response.status.hasPrefix("2"), case .text = operation.response { type = "`String`" }
            let text = SwiftText.docLines(response.description).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return "`\(SwiftText.docLines(response.status).joined())`\(text.isEmpty ? "" : " " + text): \(type)"
        }

        let siteHosts = operation.irregularHosts.isEmpty ? "[:]"
            : "[" + operation.irregularHosts.map { "\(SwiftText.stringLiteral($0.site)): \(SwiftText.stringLiteral($0.host))" }.joined(separator: ", ") + "]"
        return [
            "summary": SwiftText.docLines(operation.summary).joined(separator: " "),
            "doc": doc(operation.doc).isEmpty ? [] : [[String]()] + doc(operation.doc),
            "unstable": operation.unstable,
            "unstableKey": unstableKey(operation),
            "hasParameters": !parameterDocs.isEmpty,
            "parameterDocs": parameterDocs,
            "returnDoc": returnDoc.map { [$0] } ?? [],
            "statusDocs": statusDocs,
            "hasStatusDocs": !statusDocs.isEmpty,
            "operationID": SwiftText.docLines(operation.operationID).joined(),
            "httpMethod": operation.httpMethod,
            "path": RenderModels.sanitizedPath(operation.path),
            "source": source(operation.source),
            "deprecated": operation.deprecated,
            "methodName": Identifiers.escapedMember(operation.methodName),
            "signature": signature.joined(separator: ", "),
            "returnClause": returnClause,
            "operationIDLiteral": SwiftText.stringLiteral(operation.operationID),
            "httpMethodLiteral": SwiftText.stringLiteral(operation.httpMethod),
            "pathLiteral": SwiftText.stringLiteral(operation.path),
            "hostPrefixLiteral": SwiftText.stringLiteral(operation.hostPrefix),
            "siteHostsLiteral": siteHosts,
            "auth": operation.auth.map { "." + $0 }.joined(separator: ", "),
            "unstableLiteral": operation.unstable ? "." + unstableKey(operation) : "nil",
            "statements": statements,
            "call": call,
            "paginated": operation.pagination.map { [paginated(operation, $0)] } ?? [],
        ]
    }

    /// `name: Type`, or `name: Type? = nil` for an optional argument.
    static func declaration(_ argument: MethodArgument) -> String {
        "\(Identifiers.escapedMember(argument.name)): \(argument.type.swift)" + (argument.required ? "" : "? = nil")
    }

    /// The `…Paginated` wrapper: its parameters and the call's arguments both follow
    /// ``OperationDecl/arguments`` (the method's own order), minus the position the wrapper moves.
    static func paginated(_ operation: OperationDecl, _ pagination: Pagination) -> [String: Any] {
        // The closure's locals, named apart from the wrapper's parameters.
        var used = Set(operation.arguments.map { Identifiers.escapedMember($0.name) })
        let state = Identifiers.unique("state", in: &used)
        let position = Identifiers.unique(pagination.style == .offset || pagination.style == .pageNumber ? "position" : "cursor", in: &used)
        let response = Identifiers.unique("response", in: &used)
        let items = Identifiers.unique("items", in: &used)

        var parameters: [String] = []
        var arguments: [String] = []
        var sizeName = "10"
        for argument in operation.arguments {
            let name = Identifiers.escapedMember(argument.name)
            var wireName: String?
            if case .parameter(let index) = argument.role, operation.parameters[index].location == .query {
                wireName = operation.parameters[index].wireName
            }
            if wireName != nil, wireName == pagination.position {
                // As the official clients do, the first page of an offset list is asked without an offset.
                let omitted = pagination.style == .offset && !argument.required
                arguments.append("\(name): " + (omitted ? "\(position) == 0 ? nil : \(position)" : position))
            } else if wireName != nil, wireName == pagination.size {
                parameters.append("\(name): Int64" + (argument.required ? "" : " = 10"))
                arguments.append("\(name): \(name)")
                sizeName = name
            } else if argument.role == .body, let path = pagination.bodyCursor {
                parameters.append(declaration(argument))
                let keys = path.map(SwiftText.stringLiteral).joined(separator: ", ")
                arguments.append("\(name): BodyCursor.setting(\(position), at: [\(keys)], in: \(name))")
            } else {
                parameters.append(declaration(argument))
                arguments.append("\(name): \(name)")
            }
        }
        let initialState: String
        let pattern: String
        let nextState: String
        switch pagination.style {
        case .offset:
            (initialState, pattern) = (".offset(0, limit: \(sizeName))", ".offset(let \(position), _)")
            nextState = "\(state).advanced(byReceiving: \(items).count)"
        case .pageNumber:
            (initialState, pattern) = (".page(0, size: \(sizeName))", ".page(let \(position), _)")
            nextState = "\(state).advanced(byReceiving: \(items).count)"
        case .cursor, .bodyCursor:
            (initialState, pattern) = (".cursor(nil)", ".cursor(let \(position))")
            let (cursor, optional) = access(response, pagination.nextCursor ?? MemberPath(steps: []))
            nextState = (optional ? "(\(cursor))" : "Optional(\(cursor))") + ".flatMap { $0.isEmpty ? nil : PageState.cursor($0) }"
        }
        let (list, optional) = access(response, pagination.items)
        return [
            "paginatedName": Identifiers.escapedMember(operation.methodName + "Paginated"),
            "paginatedSignature": parameters.joined(separator: ", "),
            "elementType": pagination.elementType.swift,
            "initialState": initialState,
            "state": state,
            "statePattern": pattern,
            "response": response,
            "callArguments": arguments.joined(separator: ", "),
            "items": items,
            "itemsExpression": list + (optional ? " ?? []" : ""),
            "nextState": nextState,
        ]
    }

    /// `value.a?.b` for a member path, and whether the result is optional.
    static func access(_ value: String, _ path: MemberPath) -> (String, Bool) {
        var expression = value
        var optional = false
        for step in path.steps {
            expression += (optional ? "?." : ".") + Identifiers.escapedMember(step.name)
            optional = optional || step.optional
        }
        return (expression, optional)
    }
}

/// The keys a render model provides to a template: each key with, for list- and object-valued
/// keys, the keys of its items. A value without keys (a string, a number, a flag, a list of
/// strings) has an empty `keys`.
///
/// ``TemplateSet`` checks every `{{name}}`, `{{#name}}` and `{{^name}}` of a template against
/// these, because Mustache silently renders a missing key as nothing.
struct RenderKeys: Sendable, Equatable, CustomStringConvertible {
    var keys: [String: RenderKeys]

    init(_ keys: [String: RenderKeys] = [:]) {
        self.keys = keys
    }

    /// A key whose value has no keys of its own.
    static let value = RenderKeys()

    /// Keys that are plain values.
    static func values(_ names: String...) -> [String: RenderKeys] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, RenderKeys.value) })
    }

    var description: String { keys.keys.sorted().joined(separator: ", ") }
}

extension RenderModels {
    /// The keys of every template the renderer renders directly, by template name: what
    /// ``type(_:)``, ``api(name:tag:version:operations:)`` and `SDKRenderer` put in the
    /// dictionaries. Keep in step with them (`TemplateTests` checks that they agree).
    static let templateKeys: [String: RenderKeys] = {
        let common = RenderKeys.values("name", "doc", "source")
        func type(_ extra: [String: RenderKeys]) -> RenderKeys {
            RenderKeys(common.merging(extra) { $1 })
        }
        let property = RenderKeys(RenderKeys.values(
            "name", "bare", "type", "doc", "indirect", "wireLiteral", "decodeCall", "keeps", "encodeCall", "decodeType",
            "initValue"))
        let operation = RenderKeys(RenderKeys.values(
            "summary", "doc", "unstable", "unstableKey", "hasParameters", "returnDoc", "statusDocs", "hasStatusDocs", "operationID",
            "httpMethod", "path", "source", "deprecated", "methodName", "signature", "returnClause",
            "operationIDLiteral", "httpMethodLiteral", "pathLiteral", "hostPrefixLiteral", "siteHostsLiteral",
            "auth", "unstableLiteral", "statements", "call")
            .merging(["paginated": RenderKeys(RenderKeys.values(
                "paginatedName", "paginatedSignature", "elementType", "initialState", "state", "statePattern",
                "response", "callArguments", "items", "itemsExpression", "nextState"))]) { $1 }
            .merging(["parameterDocs": RenderKeys(RenderKeys.values("name", "lines"))]) { $1 })
        return [
            "alias": RenderKeys(["aliases": type(RenderKeys.values("target"))]),
            "model": type(["properties": property, "initParameters": .value, "keepsMembers": .value, "hasInitializer": .value]),
            "enum": type(RenderKeys.values("rawType", "protocolName")
                .merging(["cases": RenderKeys(RenderKeys.values("name", "bare", "rawLiteral"))]) { $1 }),
            "oneof": type(["options": RenderKeys(RenderKeys.values("name", "bare", "type", "initializer", "accessor", "hasAccessor"))]),
            "api": RenderKeys(RenderKeys.values("name", "tag", "version").merging(["operations": operation]) { $1 }),
            // Built in SDKRenderer.render.
            "module": RenderKeys(RenderKeys.values("name", "version", "operationCount", "typeCount")),
            "unstable": RenderKeys(["operations": RenderKeys(RenderKeys.values("key", "operationID", "version", "summary", "rawLiteral"))]),
        ]
    }()
}
