/// An API operation as the SDK exposes it (stage 4).
public struct OperationDecl: Sendable {
    /// How the request body is sent, chosen from its `Content-Type`.
    public enum BodyEncoding: String, Sendable { case json, text, multipart, data }
    /// What the method returns: nothing, a decoded JSON type, raw bytes (`Data`: zip, octet-stream,
    /// images …) or text (`String`: `text/plain`, `text/csv`, YAML …), from the response's content type.
    public enum ResponseKind: Sendable { case none, decoded(TypeRef), data, text }

    /// The API version (`v1`, `v2`).
    public var version: String
    /// The operationId in UpperCamel (`CreateBackfilledDegradation`).
    public var operationID: String
    /// Swift method name (`createBackfilledDegradation`).
    public var methodName: String
    /// Swift API type (`StatusPagesAPI`).
    public var apiName: String
    /// The page's API tag (`Status Pages`).
    public var tag: String
    /// HTTP method, upper-case (`POST`).
    public var httpMethod: String
    /// Endpoint path with `{placeholders}`.
    public var path: String
    /// Put before a site's domain to form the host (usually `api.`).
    public var hostPrefix: String
    /// Site domain → full host, for sites whose host does not follow `hostPrefix`.
    public var irregularHosts: [(site: String, host: String)]
    /// Whether the endpoint is in preview (unstable).
    public var unstable: Bool
    /// Whether the endpoint is deprecated.
    public var deprecated: Bool
    /// One-line summary: the page title.
    public var summary: String
    /// The Overview text, plus the required permissions.
    public var doc: String
    /// Path, query and header parameters, with unique Swift names.
    public var parameters: [ParameterDecl]
    /// The request body; nil when there is none.
    public var body: BodyDecl?
    /// What the method returns, from the first 2xx response and the `Accept` header.
    public var response: ResponseKind
    /// Every documented response, in page order.
    public var responses: [ResponseDecl]
    /// Authentication the request sends: `apiKey`, `appKey`.
    public var auth: [String]
    /// The `Accept` header value (default `application/json`).
    public var accept: String
    /// Whether the endpoint takes a `Content-Encoding` header (a compressed body).
    public var acceptsContentEncoding: Bool
    /// Where the operation is defined.
    public var source: SourceLocation
    /// How the operation pages, when it lists items page by page (set once the types are final).
    public var pagination: Pagination?

    /// The method's arguments in signature order: required parameters, the body, then optional
    /// parameters, each group in page order. The method and its `…Paginated` wrapper both take
    /// their parameters from this list, so their orders cannot disagree. A `multipart/form-data`
    /// body is no argument of its own: its parts are parameters (`.form`).
    public var arguments: [MethodArgument] {
        var result: [MethodArgument] = []
        for (index, parameter) in parameters.enumerated() where parameter.required {
            result.append(MethodArgument(role: .parameter(index), name: parameter.name, type: parameter.type, required: true))
        }
        if let body, body.encoding != .multipart {
            result.append(MethodArgument(role: .body, name: "body", type: body.type, required: body.required))
        }
        for (index, parameter) in parameters.enumerated() where !parameter.required {
            result.append(MethodArgument(role: .parameter(index), name: parameter.name, type: parameter.type, required: false))
        }
        return result
    }
}

/// One argument of an operation's method.
public struct MethodArgument: Sendable, Hashable {
    /// What the argument carries.
    public enum Role: Sendable, Hashable {
        /// The parameter at this index of ``OperationDecl/parameters``.
        case parameter(Int)
        /// The request body.
        case body
    }

    /// What the argument carries.
    public var role: Role
    /// The Swift argument label (unescaped).
    public var name: String
    /// The Swift type (without the optional of an optional argument).
    public var type: TypeRef
    /// Whether the argument is required (else it is optional, defaulting to nil).
    public var required: Bool
}

/// A parameter of an operation.
public struct ParameterDecl: Sendable {
    /// The name sent on the wire, as on the page.
    public var wireName: String
    /// The Swift argument name (lowerCamel, unique within the operation).
    public var name: String
    /// Path, query or header.
    public var location: PageParameter.Location
    /// The Swift type.
    public var type: TypeRef
    /// The Type cell as written.
    public var typeCell: String
    /// Whether the parameter is required.
    public var required: Bool
    /// Whether the parameter is deprecated.
    public var deprecated: Bool
    /// The parameter's description.
    public var doc: String
}

/// The request body of an operation.
public struct BodyDecl: Sendable {
    /// The Swift type of the body (`String` for text and raw bodies).
    public var type: TypeRef
    /// Whether the body is required.
    public var required: Bool
    /// The `Content-Type` (default `application/json`).
    public var contentType: String
    /// How the body is encoded.
    public var encoding: OperationDecl.BodyEncoding
    /// The Request section's description.
    public var doc: String
}

/// One documented response of an operation.
public struct ResponseDecl: Sendable {
    /// The status code as written (`200`).
    public var status: String
    /// The response tab's description.
    public var description: String
    /// The Swift type of the body; nil when the page documents none.
    public var type: TypeRef?
}

/// Builds operations from pages, naming them as the official clients do.
public enum OperationBuilder {
    /// Builds one operation: names from the code examples (else the title), body and response types
    /// registered in `types`; with it, what its tables' rows became (for the dump).
    public static func build(_ operation: AnalyzedOperation, page: AnalyzedPage, operationID: String, types: inout TypeBuilder,
                             log: inout DiagnosticLog) -> (OperationDecl, RowBindings) {
        let hints = operation.hints
        let methodName = lowerFirst(operationID)
        let apiBase = hints.apiClass ?? Identifiers.upperCamel(page.tag)
        let apiName = Identifiers.typeName((apiBase.isEmpty ? "Default" : apiBase) + "API")

        // Request body.
        var body: BodyDecl?
        var bodyRows: TableBinding?
        if let pageBody = operation.requestBody {
            let contentType = operation.curlHeaders["Content-Type"] ?? "application/json"
            let encoding: OperationDecl.BodyEncoding = contentType.contains("json") ? .json
                : contentType.hasPrefix("multipart/") ? .multipart
                : contentType.hasPrefix("text/") ? .text : .data
            let fields = pageBody.fields
            var resolved: ResolvedField?
            var type = TypeRef.json
            switch encoding {
            case .text: type = .string
            case .data: type = .json
            case .multipart:
                // Parts are parameters of the method (files as `DatadogFile`), as in the official clients.
                resolved = ResolvedField(type: .json, children: fields.map { ResolvedField(type: formType($0), children: []) })
            case .json:
                if !fields.isEmpty {
                    let isArray = hints.requestIsArray || exampleIsArray(pageBody.schema.example)
                    let name = Identifiers.typeName(hints.requestType ?? operationID + "Request")
                    let root = types.rootType(fields: fields, exampleIsArray: isArray, name: name,
                                              doc: pageBody.schema.description.isEmpty ? pageBody.description : pageBody.schema.description,
                                              line: pageBody.schema.table?.line ?? pageBody.line, python: hints.bodies.first,
                                              alternatives: Array(hints.bodies.dropFirst()),
                                              official: hints.requestType != nil, isRequest: true, log: &log)
                    resolved = root
                    type = root.type
                }
            }
            if encoding == .data { type = .string }
            body = BodyDecl(type: type, required: pageBody.required, contentType: contentType, encoding: encoding, doc: pageBody.description)
            bodyRows = TableBinding(fields: fields, resolved: resolved, example: pageBody.schema.example, exampleLine: pageBody.schema.exampleLine)
        }

        // Responses.
        var responses: [ResponseDecl] = []
        var responseRows: [TableBinding] = []
        let successStatuses = operation.responses.map(\.status).filter { $0.hasPrefix("2") }.sorted()
        let firstSuccess = successStatuses.first
        for pageResponse in operation.responses {
            let fields = pageResponse.fields
            var type: TypeRef?
            var resolved: ResolvedField?
            let isSuccess = pageResponse.status.hasPrefix("2")
            if !fields.isEmpty {
                let name: String
                let primary = isSuccess && pageResponse.status == firstSuccess
                let official = primary && hints.responseType != nil
                if isSuccess {
                    let base = pageResponse.status == firstSuccess ? (hints.responseType ?? operationID + "Response") : operationID + "Response" + pageResponse.status
                    name = Identifiers.typeName(base)
                } else {
                    name = Identifiers.typeName(errorTypeName(fields))
                }
                let isArray = exampleIsArray(pageResponse.schema.example) || primary && hints.responseIsArray
                let root = types.rootType(fields: fields, exampleIsArray: isArray, name: name,
                                          doc: pageResponse.schema.description, line: pageResponse.schema.table?.line ?? pageResponse.line,
                                          python: nil, official: official, log: &log)
                resolved = root
                type = root.type
            } else if pageResponse.schema.example != nil {
                type = .json
            }
            responses.append(ResponseDecl(status: pageResponse.status, description: pageResponse.description, type: type))
            responseRows.append(TableBinding(fields: fields, resolved: resolved, example: pageResponse.schema.example,
                                             exampleLine: pageResponse.schema.exampleLine))
        }

        let accept = operation.curlHeaders["Accept"] ?? "application/json"
        var response = OperationDecl.ResponseKind.none
        if let success = responses.first(where: { $0.status == firstSuccess }) {
            response = responseKind(accept: accept, type: success.type)
        }

        // Parameters.
        var used: Set<String> = ["body"]
        var parameters: [ParameterDecl] = []
        var seen: Set<String> = []
        let examples = ParameterExamples(examples: operation.codeExamples)
        let fieldEnums = BodyEnumField.all(in: (bodyRows.map { [$0.fields] } ?? []) + responseRows.map(\.fields))
        for parameter in operation.parameters {
            guard seen.insert(parameter.location.rawValue + ":" + parameter.name).inserted else {
                log.warning(parameter.line, "parameter `\(parameter.name)` is listed twice; the second is ignored")
                continue
            }
            var name = Identifiers.lowerCamel(parameter.name)
            if name.isEmpty { name = "parameter" }
            if Identifiers.unusableMemberNames.contains(name) { name += "_" }
            name = Identifiers.unique(name, in: &used)
            parameters.append(ParameterDecl(wireName: parameter.name, name: name, location: parameter.location,
                                            type: parameterType(parameter, evidence: examples.evidence(for: parameter.name),
                                                                fieldEnums: fieldEnums, operationID: operationID, file: page.file,
                                                                types: &types),
                                            typeCell: parameter.type,
                                            required: parameter.required, deprecated: parameter.deprecated, doc: parameter.description))
        }
        if let body, let bodyRows, body.encoding == .multipart {
            for (field, resolved) in zip(bodyRows.fields, bodyRows.resolved?.children ?? []) where field.role == .property && !field.name.isEmpty {
                guard seen.insert("form:" + field.name).inserted else { continue }
                var name = Identifiers.lowerCamel(field.name)
                if name.isEmpty { name = "part" }
                if Identifiers.unusableMemberNames.contains(name) { name += "_" }
                name = Identifiers.unique(name, in: &used)
                parameters.append(ParameterDecl(wireName: field.name, name: name, location: .form, type: resolved.type,
                                                typeCell: field.typeCell, required: field.required, deprecated: field.deprecated,
                                                doc: field.description))
            }
        }
        for placeholder in pathPlaceholders(operation.path) where !parameters.contains(where: { $0.location == .path && $0.wireName == placeholder }) {
            log.warning(operation.line, "path parameter `{\(placeholder)}` is not in the Path Parameters table; added as a required string")
            let name = Identifiers.unique(Identifiers.lowerCamel(placeholder).isEmpty ? "pathParameter" : Identifiers.lowerCamel(placeholder), in: &used)
            parameters.append(ParameterDecl(wireName: placeholder, name: name, location: .path, type: .string, typeCell: "string",
                                            required: true, deprecated: false, doc: ""))
        }

        let (hostPrefix, irregular) = hosts(operation.siteHosts)
        var auth: [String] = []
        if operation.curlHeaders.isEmpty || operation.curlHeaders["DD-API-KEY"] != nil { auth.append("apiKey") }
        if operation.curlHeaders.isEmpty || operation.curlHeaders["DD-APPLICATION-KEY"] != nil { auth.append("appKey") }
        let acceptsEncoding = operation.parameters.contains { $0.location == .header && $0.name.lowercased() == "content-encoding" }

        var doc = operation.description
        if !operation.permissions.isEmpty, !doc.contains("permission") {
            doc += "\n\nRequires the permissions: " + operation.permissions.joined(separator: ", ") + "."
        }
        let decl = OperationDecl(
            version: operation.version, operationID: operationID, methodName: methodName, apiName: apiName, tag: page.tag,
            httpMethod: operation.method, path: operation.path, hostPrefix: hostPrefix, irregularHosts: irregular,
            unstable: isUnstable(operation.section, hints: hints, operationID: operationID, log: &log),
            deprecated: operation.deprecated, summary: page.title, doc: doc,
            parameters: parameters, body: body, response: response, responses: responses, auth: auth, accept: accept,
            acceptsContentEncoding: acceptsEncoding, source: SourceLocation(file: page.file, line: operation.line),
            pagination: nil)
        return (decl, RowBindings(body: bodyRows, responses: responseRows))
    }

    /// Without code examples, the operationId is guessed from the title the way Datadog names
    /// operations: verb + noun, without articles and filler (`Get a list of all incident
    /// services` → `ListIncidentServices`, `Create a new incident service` → `CreateIncidentService`,
    /// `Mute or unmute a batch of findings` → `MuteFindings`). The verb is the operationIds' word for
    /// the title's (`Add`, `Post`, `Send` → `Create`, `Edit` → `Update`; `Get all …` of a collection →
    /// `List`); at the title's first preposition, `for`/`of`/`in`/`on` name the owner first (`Get links
    /// for a team` → `GetTeamLinks`), `to`/`from`/`by` keep the title's order (`AddUserToRole`), and a
    /// qualifier after `with`/`across` is dropped. ``OperationNaming`` refines the noun.
    ///
    /// `keepingQualifiers` keeps every word but the articles, in title order (`Validate an existing
    /// monitor` → `ValidateExistingMonitor`): for guesses that would collide.
    static func operationID(fromTitle title: String, method: String, path: String, keepingQualifiers: Bool = false) -> String {
        // The title's words; a preposition counts only as a word of its own (not the `On` of `On-Call`).
        var words: [(text: String, alone: Bool)] = []
        for token in title.replacingOccurrences(of: "'s", with: "").split(whereSeparator: \.isWhitespace) {
            let parts = token.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            words += parts.map { ($0, parts.count == 1) }
        }
        guard !words.isEmpty else {
            // No title (the parser warns): the method's verb and the path's resource (`DELETE /x/{id}` → `DeleteX`).
            let verb = ["POST": "create", "PUT": "update", "PATCH": "update"][method] ?? method.lowercased()
            let resource = path.split(separator: "/").last(where: { !$0.hasPrefix("{") }).map(String.init) ?? ""
            return Identifiers.typeName(verb + " " + resource)
        }
        if keepingQualifiers {
            let kept = words.enumerated().filter { $0.offset == 0 || !["a", "an", "the"].contains($0.element.text.lowercased()) }
            return Identifiers.typeName(kept.map(\.element.text).joined(separator: " "))
        }
        // `Mute or unmute …`: the first verb names the operation; `Create or update …` is an upsert.
        if words.count >= 4, words[1].text.lowercased() == "or" {
            let pair: Set<String> = [words[0].text.lowercased(), words[2].text.lowercased()]
            words = [(pair == ["create", "update"] ? "Upsert" : words[0].text, true)] + words[3...]
        }
        var verb = words[0].text.lowercased()
        var rest = Array(words.dropFirst())
        if thirdPerson.contains(verb) { verb.removeLast() }
        let lowered = rest.map { $0.text.lowercased() }
        let isItem = path.split(separator: "/").last?.hasPrefix("{") ?? false
        if verb == "get" {
            for lead in [["a", "list", "of"], ["the", "list", "of"], ["list", "of"], ["list"]] where lowered.starts(with: lead) {
                verb = "list"
                rest.removeFirst(lead.count)
                break
            }
            if verb == "get", !isItem, method == "GET", lowered.first == "all" { verb = "list" }
        }
        var noun = rest.map(\.text)
        var titleVerb = false
        if let index = rest.firstIndex(where: { $0.alone && prepositions.contains($0.text.lowercased()) }) {
            let preposition = rest[index].text.lowercased()
            let head = rest[..<index].map(\.text)
            let tail = rest[(index + 1)...].map(\.text)
            switch preposition {
            case "to", "from", "by":
                // `Add a user to a role` → `AddUserToRole` (the title's verb), `List tags by metric name` → `ListTagsByMetricName`.
                noun = head + [preposition] + tail
                titleVerb = preposition != "by"
            case "with", "across":
                noun = head   // `Query scalar data across multiple products` → `QueryScalarData`
            default:
                // `Get links for a team` → `GetTeamLinks`; `an SLO correction for an SLO` → `SLOCorrection`.
                let known = Set(head.map { $0.lowercased() })
                noun = tail.filter { !known.contains($0.lowercased()) } + head
            }
        }
        if !titleVerb { verb = verbSynonyms[verb] ?? verb }
        noun = noun.filter { !titleFiller.contains($0.lowercased()) }
        if noun.isEmpty, let segment = path.split(separator: "/").last(where: { !$0.hasPrefix("{") }) {
            noun = [String(segment)]   // a title without a noun (`Get details of batch`): the path's resource
        }
        return Identifiers.typeName(([verb] + abbreviated(noun, path: path)).joined(separator: " "))
    }

    /// The path's spelling of words the title spells out: operationIds abbreviate the way the path does
    /// (`LLM Observability project` at `/api/v2/llm-obs/v1/projects` → `LLM Obs project`; `cloud workload
    /// security` at `/usage/cws` → `CWS`). A path word abbreviates a title word when it is a prefix of it
    /// shorter by three letters or more (not a plural or other ending: `copying` stays), or the initials
    /// of consecutive title words.
    static func abbreviated(_ words: [String], path: String) -> [String] {
        let tokens = path.split(separator: "/").filter { !$0.hasPrefix("{") }
            .flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }) }
            .map { $0.lowercased() }.filter { $0.count >= 3 && $0 != "api" && $0.allSatisfy(\.isLetter) }
        var result: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index].lowercased()
            if let token = tokens.first(where: { token in
                word.count - token.count >= 3 && word.hasPrefix(token) && !["ing", "ers"].contains(String(word.dropFirst(token.count)))
            }) {
                result.append(token.prefix(1).uppercased() + token.dropFirst())
                index += 1
            } else if let token = tokens.first(where: { token in
                index + token.count <= words.count
                    && zip(words[index..<(index + token.count)], token).allSatisfy { $0.count > 1 && $0.first?.lowercased() == String($1) }
            }) {
                result.append(token.uppercased())
                index += token.count
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    /// Title verbs and the operationIds' word for them.
    static let verbSynonyms = ["add": "create", "post": "create", "send": "create", "push": "create", "append": "create",
                               "configure": "create", "edit": "update", "show": "get", "retrieve": "get"]
    /// Title verbs in the third person (`Gets a list of …`).
    static let thirdPerson: Set<String> = ["gets", "creates", "cancels", "updates", "deletes", "lists", "returns", "retrieves"]
    /// Prepositions that split a title's noun phrase (the first one in the title does).
    static let prepositions: Set<String> = ["for", "from", "to", "in", "on", "by", "with", "across", "of"]
    /// Words of a title that operationIds leave out.
    static let titleFiller: Set<String> = ["a", "an", "the", "new", "existing", "all", "details", "of", "batch", "single",
                                           "multiple", "your", "specific", "given"]

    static func lowerFirst(_ text: String) -> String {
        let name = Identifiers.lowerCamel(text).isEmpty ? "operation" : text.prefix(1).lowercased() + text.dropFirst()
        return Identifiers.lowerCamel(name) == name ? name : Identifiers.lowerCamel(name)
    }

    /// Error bodies have no name on the page; shared shapes share a name, the official clients'
    /// for the two common ones: `{"errors": [string]}` is `APIErrorResponse`, the JSON:API error
    /// document `{"errors": [object]}` is `JSONAPIErrorResponse`.
    static func errorTypeName(_ fields: [FieldNode]) -> String {
        if fields.count == 1, fields[0].name == "errors" {
            if case .array(.object) = fields[0].type, !fields[0].children.isEmpty { return "JSONAPIErrorResponse" }
            return "APIErrorResponse"
        }
        return "APIErrorResponse" + fields.map { Identifiers.upperCamel($0.name) }.joined()
    }

    /// What a method returns, from the media types of the page's `Accept` header (the success
    /// response's content type): JSON (`application/json`, `text/json`, `…+json`, `*/*`) is
    /// decoded into `type` (nothing when the page documents no body); text (`text/…`, YAML, XML,
    /// CSV) is a `String`; anything else (zip, octet-stream, `multipart/form-data`, images) is `Data`.
    static func responseKind(accept: String, type: TypeRef?) -> OperationDecl.ResponseKind {
        let media = accept.split(separator: ",").map { $0.split(separator: ";").first.map(String.init)?.trimmingSpaces().lowercased() ?? "" }
            .first { !$0.isEmpty } ?? "application/json"
        let subtype = media.split(separator: "/").last.map(String.init) ?? media
        if media == "*/*" || subtype == "json" || subtype.hasSuffix("+json") || subtype.hasPrefix("json") {
            return type.map { .decoded($0) } ?? .none
        }
        if media.hasPrefix("text/") || ["yaml", "x-yaml", "xml", "csv"].contains(subtype) || subtype.hasSuffix("+xml") || subtype.hasSuffix("+yaml") {
            return .text
        }
        return .data
    }

    /// The Swift type of one part of a `multipart/form-data` body: `binary` rows are files,
    /// scalars (`byte`, base64 text, included) are sent as text, anything else as JSON.
    static func formType(_ field: FieldNode) -> TypeRef {
        switch field.type {
        case .scalar(let scalar):
            switch scalar.lowercased() {
            case "binary": return .file
            case "int64", "integer", "int32", "int": return .int64
            case "double", "number", "float": return .double
            case "boolean", "bool": return .bool
            case "object", "any": return .json
            default: return .string
            }
        case .enumeration: return .string
        default: return .json
        }
    }

    static func exampleIsArray(_ example: String?) -> Bool {
        guard let example else { return false }
        return example.first(where: { !$0.isWhitespace }) == "["
    }

    /// A parameter's type: the Type cell's (`integer` → `Int64`, `number` → `Double`, `boolean` →
    /// `Bool`, `array` → `[String]`), refined for `string` and `array` cells by what the code
    /// examples pass (``ParameterExamples``) and the description's `Allowed enum values:`:
    /// - an enum constant (or a list of them), or allowed values: an open enum (of a list), named
    ///   as the examples spell it (Python `ThingsSort`), else `<OperationID><Parameter>`; its cases
    ///   are the values the TypeScript examples and the description give, or those of the enum field
    ///   of the operation's body or responses that the parameter filters on, when it lists them all
    ///   and more (``BodyEnumField/widening(_:values:wireName:)``: the two are then one type);
    /// - a date (Python `datetime`, TypeScript `new Date(`, Go `time.…`) for a `string` query
    ///   parameter, unless a Python example turns it into a number: `Date`.
    static func parameterType(_ parameter: PageParameter, evidence: ParameterExamples.Evidence?, fieldEnums: [BodyEnumField] = [],
                              operationID: String, file: String, types: inout TypeBuilder) -> TypeRef {
        let cell = parameter.type.lowercased().trimmingSpaces()
        let base = parameterType(cell)
        guard cell == "string" || cell == "array" else { return base }
        let allowed = allowedValues(parameter.description)
        let isList = cell == "array"
        let enumName = evidence.flatMap { $0.enumList == isList ? $0.enumName : nil }
        if enumName != nil || !allowed.isEmpty {
            let official = enumName.map { Identifiers.typeName($0) }
            let name = official ?? Identifiers.typeName(operationID + " " + Identifiers.upperCamel(parameter.name))
            var values = evidence?.literals ?? []
            for value in allowed where !values.contains(value) { values.append(value) }
            // The field's values in its order: the same enum as the field's, so the two are one type.
            let widened = BodyEnumField.widening(fieldEnums, values: values, wireName: parameter.name)
            if !widened.isEmpty { values = widened }
            let type = types.parameterEnum(name: name, values: values, official: official != nil, doc: parameter.description,
                                           file: file, line: parameter.line)
            return isList ? .array(type) : type
        }
        if !isList, parameter.location == .query, let evidence, evidence.isDate, !evidence.isEpoch { return .date }
        return base
    }

    /// The values of a description's `Allowed enum values: `a, b`` (the export's only list of them).
    static func allowedValues(_ description: String) -> [String] {
        guard let marker = description.range(ofASCII: "Allowed enum values: `") else { return [] }
        let rest = description[marker.upperBound...]
        guard let end = rest.firstIndex(of: "`") else { return [] }
        return rest[..<end].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    static func parameterType(_ cell: String) -> TypeRef {
        switch cell.lowercased().trimmingSpaces() {
        case "integer", "int64", "int32": return .int64
        case "number", "double", "float": return .double
        case "boolean": return .bool
        case "array": return .array(.string)
        case "object": return .json
        default: return .string
        }
    }

    static func pathPlaceholders(_ path: String) -> [String] {
        var result: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The common host prefix (`api.`) and the sites whose host does not follow it.
    static func hosts(_ siteHosts: [SiteHost]) -> (String, [(site: String, host: String)]) {
        func domain(_ site: String) -> String { site.hasPrefix("app.") ? String(site.dropFirst(4)) : site }
        var prefixes: [String: Int] = [:]
        for entry in siteHosts {
            let siteDomain = domain(entry.site)
            if entry.host.hasSuffix(siteDomain) { prefixes[String(entry.host.dropLast(siteDomain.count)), default: 0] += 1 }
        }
        let prefix = prefixes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key ?? "api."
        let irregular = siteHosts.filter { $0.host != prefix + domain($0.site) }.map { (site: domain($0.site), host: $0.host) }
        return (prefix, irregular)
    }
}
