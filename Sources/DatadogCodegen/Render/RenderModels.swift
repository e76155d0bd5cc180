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
            let ordered = decl.properties.filter(\.required) + decl.properties.filter { !$0.required }
            model["properties"] = properties
            model["keepsMembers"] = decl.properties.contains(where: keepsMember)
            model["initParameters"] = ordered.map { property in
                let type = property.nullable && property.required ? property.type.swift + "?" : storedType(property)
                return "\(Identifiers.escapedMember(property.name)): \(type)" + (property.required ? "" : "? = nil")
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
            model["options"] = decl.options.map { option -> [String: Any] in
                ["name": Identifiers.escapedMember(option.caseName), "bare": option.caseName, "type": option.type.swift]
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

    static func numericLiteral(_ text: String) -> String {
        if let value = Int64(text) { return String(value) }
        if let value = Double(text), value.isFinite { return "\(value)" }
        return "0"
    }

    static func unstableKey(_ operation: OperationDecl) -> String {
        operation.version.lowercased() + Identifiers.upperCamel(operation.operationID)
    }

    static func api(name: String, tag: String, version: String, operations: [OperationDecl], types: [String: TypeDecl] = [:]) -> [String: Any] {
        [
            "name": name,
            "tag": SwiftText.docLines(tag).joined(separator: " "),
            "version": version,
            "operations": operations.map { operation($0, types: types) },
        ]
    }

    static func operation(_ operation: OperationDecl, types: [String: TypeDecl] = [:]) -> [String: Any] {
        let required = operation.parameters.filter { $0.required }
        let optional = operation.parameters.filter { !$0.required }
        var signature: [String] = []
        var parameterDocs: [[String: Any]] = []
        func addDoc(_ name: String, _ text: String) {
            parameterDocs.append(["name": name, "lines": SwiftText.docLines(text.isEmpty ? "No description." : text).filter { !$0.isEmpty }])
        }
        for parameter in required {
            signature.append("\(Identifiers.escapedMember(parameter.name)): \(parameter.type.swift)")
            addDoc(parameter.name, parameter.doc)
        }
        // A multipart body is sent from its parts, which are parameters (`.form`).
        let body = operation.body.flatMap { $0.encoding == .multipart ? nil : $0 }
        if let body {
            signature.append("body: \(body.type.swift)" + (body.required ? "" : "? = nil"))
            addDoc("body", body.doc.isEmpty ? "The request body." : body.doc)
        }
        for parameter in optional {
            signature.append("\(Identifiers.escapedMember(parameter.name)): \(parameter.type.swift)? = nil")
            addDoc(parameter.name, parameter.doc)
        }

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
            "paginated": PaginationModel.infer(operation, types: types).map { [$0.render(operation)] } ?? [],
        ]
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
            "summary", "doc", "unstable", "unstableKey", "hasParameters", "returnDoc", "operationID",
            "httpMethod", "path", "source", "deprecated", "methodName", "signature", "returnClause",
            "operationIDLiteral", "httpMethodLiteral", "pathLiteral", "hostPrefixLiteral", "siteHostsLiteral",
            "auth", "unstableLiteral", "statements", "call")
            .merging(["paginated": RenderKeys(RenderKeys.values(
                "paginatedName", "paginatedSignature", "elementType", "initialState", "guardLine",
                "callArguments", "itemsExpression", "nextState"))]) { $1 }
            .merging(["parameterDocs": RenderKeys(RenderKeys.values("name", "lines"))]) { $1 })
        return [
            "alias": RenderKeys(["aliases": type(RenderKeys.values("target"))]),
            "model": type(["properties": property, "initParameters": .value, "keepsMembers": .value]),
            "enum": type(RenderKeys.values("rawType", "protocolName")
                .merging(["cases": RenderKeys(RenderKeys.values("name", "bare", "rawLiteral"))]) { $1 }),
            "oneof": type(["options": RenderKeys(RenderKeys.values("name", "bare", "type"))]),
            "api": RenderKeys(RenderKeys.values("name", "tag", "version").merging(["operations": operation]) { $1 }),
            // Built in SDKRenderer.render.
            "module": RenderKeys(RenderKeys.values("name", "version", "operationCount", "typeCount")),
            "unstable": RenderKeys(["operations": RenderKeys(RenderKeys.values("key", "operationID", "version", "summary", "rawLiteral"))]),
        ]
    }()
}
