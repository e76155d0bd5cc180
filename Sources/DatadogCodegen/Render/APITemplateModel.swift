/// `api.mustache`: one API type and its operations' methods.
struct APIModel: TemplateModel {
    static let template = "api"

    var name: String
    /// The tag, on one line.
    var tag: String
    var version: String
    var operations: [OperationModel]

    init(_ api: APIDecl, version: String) {
        name = api.name
        tag = SwiftText.docLines(api.tag).joined(separator: " ")
        self.version = version
        operations = api.operations.map(OperationModel.init)
    }
}

/// One operation's method (and its `…Paginated` wrapper) in `api.mustache`.
struct OperationModel: Sendable, Codable {
    /// A parameter's doc comment entry.
    struct ParameterDoc: Sendable, Codable {
        var name: String
        var lines: [String]
    }

    /// A path, query or header parameter the request is given.
    struct RequestParameter: Sendable, Codable {
        var name: String
        var wireLiteral: String
        var required: Bool
        /// Where it goes: exactly one of these is set.
        var path: Bool
        var query: Bool
        var header: Bool
    }

    /// A part of a `multipart/form-data` body.
    struct FormPart: Sendable, Codable {
        var name: String
        var wireLiteral: String
        /// How it is sent: exactly one of these is set.
        var file: Bool
        var text: Bool
        var json: Bool
    }

    /// A `multipart/form-data` body, sent from its parts.
    struct Multipart: Sendable, Codable {
        var parts: [FormPart]
    }

    /// A body the method takes as its `body` argument.
    struct Body: Sendable, Codable {
        var required: Bool
        /// Encoded as JSON (else sent as text).
        var json: Bool
        var contentTypeLiteral: String
    }

    /// What the method returns: exactly one of the flags is set.
    struct Returns: Sendable, Codable {
        var nothing: Bool
        /// A JSON body decoded into ``type``.
        var decoded: Bool
        /// `Data`.
        var data: Bool
        /// `String`.
        var text: Bool
        /// The return type (empty for nothing).
        var type: String
        /// The `- Returns:` line.
        var docLine: String?
    }

    /// A site whose host does not follow the host prefix.
    struct SiteHost: Sendable, Codable {
        var siteLiteral: String
        var hostLiteral: String
    }

    /// A documented response: its status, description and the Swift type of its body.
    struct StatusDoc: Sendable, Codable {
        var status: String
        var hasDescription: Bool
        var description: String
        var hasBody: Bool
        var bodyType: String
    }

    var summary: String
    /// The doc comment's text after the summary.
    var doc: [[String]]
    var unstable: Bool
    /// The operation's `UnstableOperation` member.
    var unstableKey: String
    var parameterDocs: [ParameterDoc]
    var returns: Returns
    /// Every documented status, in page order (error bodies: `DatadogAPIError.decodedBody(as:)`).
    var statusDocs: [StatusDoc]
    /// The operationId on one line, for the doc comment.
    var operationID: String
    var httpMethod: String
    /// The path, for the doc comment.
    var path: String
    var source: String
    var deprecated: Bool
    var methodName: String
    /// The method's parameters, in ``OperationDecl/arguments`` order.
    var parameters: [ParameterModel]
    var operationIDLiteral: String
    var httpMethodLiteral: String
    var pathLiteral: String
    var hostPrefixLiteral: String
    var siteHosts: [SiteHost]
    /// The runtime's authentication cases (`apiKey`, `appKey`).
    var auth: [String]
    /// Path, query and header parameters, in page order.
    var requestParameters: [RequestParameter]
    var multipart: Multipart?
    var body: Body?
    /// The `Accept` header as a literal, when it is not JSON.
    var acceptLiteral: String?
    var acceptsContentEncoding: Bool
    var paginated: PaginatedModel?

    init(_ operation: OperationDecl) {
        summary = SwiftText.docLines(operation.summary).joined(separator: " ")
        doc = TypeTemplateModels.doc(operation.doc)
        unstable = operation.unstable
        unstableKey = operation.unstableKey
        parameterDocs = operation.arguments.map { argument in
            let text: String = switch argument.role {
            case .parameter(let index): operation.parameters[index].doc
            case .body: operation.body.map { $0.doc.isEmpty ? "The request body." : $0.doc } ?? ""
            }
            return ParameterDoc(name: argument.name, lines: SwiftText.docLines(text.isEmpty ? "No description." : text).filter { !$0.isEmpty })
        }
        switch operation.response {
        case .none:
            returns = Returns(nothing: true, decoded: false, data: false, text: false, type: "", docLine: nil)
        case .decoded(let type):
            let success = operation.responses.first { $0.status.hasPrefix("2") }
            returns = Returns(nothing: false, decoded: true, data: false, text: false, type: type.swift,
                              docLine: SwiftText.docLines(success?.description ?? "The decoded response.").joined(separator: " "))
        case .data:
            returns = Returns(nothing: false, decoded: false, data: true, text: false, type: "Data", docLine: "The response body.")
        case .text:
            returns = Returns(nothing: false, decoded: false, data: false, text: true, type: "String", docLine: "The response body as text.")
        }
        statusDocs = operation.responses.map { response in
            var type = response.type?.swift
            if response.status.hasPrefix("2"), case .data = operation.response { type = "Data" }
            if response.status.hasPrefix("2"), case .text = operation.response { type = "String" }
            let text = SwiftText.docLines(response.description).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return StatusDoc(status: SwiftText.docLines(response.status).joined(), hasDescription: !text.isEmpty, description: text,
                             hasBody: type != nil, bodyType: type ?? "")
        }
        operationID = SwiftText.docLines(operation.operationID).joined()
        httpMethod = operation.httpMethod
        path = TypeTemplateModels.sanitizedPath(operation.path)
        source = TypeTemplateModels.source(operation.source)
        deprecated = operation.deprecated
        methodName = Identifiers.escapedMember(operation.methodName)
        parameters = operation.arguments.map(Self.parameter)
        operationIDLiteral = SwiftText.stringLiteral(operation.operationID)
        httpMethodLiteral = SwiftText.stringLiteral(operation.httpMethod)
        pathLiteral = SwiftText.stringLiteral(operation.path)
        hostPrefixLiteral = SwiftText.stringLiteral(operation.hostPrefix)
        siteHosts = operation.irregularHosts.map { SiteHost(siteLiteral: SwiftText.stringLiteral($0.site), hostLiteral: SwiftText.stringLiteral($0.host)) }
        auth = operation.auth

        requestParameters = []
        var parts: [FormPart] = []
        for parameter in operation.parameters {
            let name = Identifiers.escapedMember(parameter.name)
            let wire = SwiftText.stringLiteral(parameter.wireName)
            switch parameter.location {
            case .path, .query, .header:
                requestParameters.append(RequestParameter(name: name, wireLiteral: wire, required: parameter.required,
                                                          path: parameter.location == .path, query: parameter.location == .query,
                                                          header: parameter.location == .header))
            case .form:
                let kind: (file: Bool, text: Bool) = switch parameter.type {
                case .file: (true, false)
                case .string, .int64, .int32, .double, .bool, .dateTime: (false, true)
                default: (false, false)
                }
                parts.append(FormPart(name: name, wireLiteral: wire, file: kind.file, text: kind.text, json: !kind.file && !kind.text))
            }
        }
        // A multipart body is sent from its parts, which are parameters (`.form`).
        multipart = operation.body?.encoding == .multipart ? Multipart(parts: parts) : nil
        body = operation.body.flatMap { body in
            body.encoding == .multipart ? nil
                : Body(required: body.required, json: body.encoding == .json, contentTypeLiteral: SwiftText.stringLiteral(body.contentType))
        }
        acceptLiteral = operation.accept == "application/json" ? nil : SwiftText.stringLiteral(operation.accept)
        acceptsContentEncoding = operation.acceptsContentEncoding
        paginated = operation.pagination.flatMap { pagination in operation.paginatedMethodName.map { PaginatedModel(operation, pagination, name: $0) } }
    }

    /// `name: Type`, or `name: Type? = nil` for an optional argument.
    static func parameter(_ argument: MethodArgument) -> ParameterModel {
        ParameterModel(label: Identifiers.escapedMember(argument.name), type: argument.type.swift + (argument.required ? "" : "?"),
                       defaultValue: argument.required ? nil : "nil")
    }
}

/// The `…Paginated` wrapper of an operation: its parameters and the call's arguments both follow
/// ``OperationDecl/arguments`` (the method's own order), minus the position the wrapper moves.
struct PaginatedModel: Sendable, Codable {
    /// An argument of the call for one page.
    struct CallArgument: Sendable, Codable {
        var label: String
        /// The wrapper's parameter of the same name is passed on.
        var passesThrough: Bool
        /// The page's position (offset, page number or cursor) is passed.
        var isPosition: Bool
        /// The position is passed as nil for the first page (an optional offset, as the official clients do).
        var omittedOnFirstPage: Bool
        /// The body is passed with the cursor set at these keys (string literals, outermost first).
        var bodyCursor: BodyCursor?
    }

    /// Where the cursor goes in the request body.
    struct BodyCursor: Sendable, Codable {
        var keys: [String]
    }

    /// A chain of property accesses from the response.
    struct Access: Sendable, Codable {
        struct Step: Sendable, Codable {
            /// The escaped Swift property name.
            var name: String
            /// Whether an optional comes before it (`?.`).
            var chained: Bool
        }

        var steps: [Step]
        /// Whether the result is optional.
        var optional: Bool

        init(_ path: MemberPath) {
            var optional = false
            steps = path.steps.map { step in
                defer { optional = optional || step.optional }
                return Step(name: Identifiers.escapedMember(step.name), chained: optional)
            }
            self.optional = path.steps.contains(where: \.optional)
        }
    }

    var paginatedName: String
    var parameters: [ParameterModel]
    var elementType: String
    /// The paging style: exactly one of these is set (``cursor`` for a query or a body cursor).
    var offset: Bool
    var pageNumber: Bool
    var cursor: Bool
    /// The number of the first page (page-number style), as a literal.
    var firstPage: String
    /// The page size: the size parameter's name, or the default `10`.
    var size: String
    /// The closure's locals, named apart from the wrapper's parameters.
    var state: String
    var position: String
    var response: String
    var items: String
    var callArguments: [CallArgument]
    /// From the response to its list of items.
    var itemsAccess: Access
    /// From the response to the next cursor (cursor styles; empty otherwise).
    var nextCursorAccess: Access

    init(_ operation: OperationDecl, _ pagination: Pagination, name: String) {
        var used = Set(operation.arguments.map { Identifiers.escapedMember($0.name) })
        state = Identifiers.unique("state", in: &used)
        position = Identifiers.unique(pagination.style == .offset || pagination.style == .pageNumber ? "position" : "cursor", in: &used)
        response = Identifiers.unique("response", in: &used)
        items = Identifiers.unique("items", in: &used)
        paginatedName = Identifiers.escapedMember(name)
        elementType = pagination.elementType.swift
        offset = pagination.style == .offset
        pageNumber = pagination.style == .pageNumber
        firstPage = String(pagination.firstPage ?? 0)
        cursor = pagination.style == .cursor || pagination.style == .bodyCursor
        itemsAccess = Access(pagination.items)
        nextCursorAccess = Access(pagination.nextCursor ?? MemberPath(steps: []))

        parameters = []
        callArguments = []
        size = PagedArgument.defaultSize
        for paged in operation.paginatedArguments {
            let argument = paged.argument
            let name = Identifiers.escapedMember(argument.name)
            var call = CallArgument(label: name, passesThrough: true, isPosition: false, omittedOnFirstPage: false, bodyCursor: nil)
            switch paged.role {
            case .position:
                // As the official clients do, the first page of an offset list is asked without an offset.
                call.passesThrough = false
                call.isPosition = true
                call.omittedOnFirstPage = pagination.style == .offset && !argument.required
            case .size:
                parameters.append(ParameterModel(label: name, type: PagedArgument.sizeType,
                                                 defaultValue: argument.required ? nil : PagedArgument.defaultSize))
                size = name
            case .bodyCursor(let path):
                parameters.append(OperationModel.parameter(argument))
                call.passesThrough = false
                call.bodyCursor = BodyCursor(keys: path.map(SwiftText.stringLiteral))
            case .passed:
                parameters.append(OperationModel.parameter(argument))
            }
            callArguments.append(call)
        }
    }
}
