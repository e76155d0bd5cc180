/// How a list operation pages, inferred from its query parameters and response: the values the
/// `…Paginated` method of the API template needs.
struct PaginationModel {
    enum Style { case offset, pageNumber, cursor }

    var style: Style
    /// The parameter that moves through the list (offset, page number or cursor).
    var position: ParameterDecl
    /// The page size parameter, if any.
    var size: ParameterDecl?
    /// Swift expression of the items of a response `response` (`response.data ?? []`).
    var items: String
    var elementType: String
    /// Swift expression of the next cursor (cursor style).
    var nextCursor: String?

    /// Finds the paging pattern, or nil when the operation does not page (or the response shape
    /// cannot be followed).
    static func infer(_ operation: OperationDecl, types: [String: TypeDecl]) -> PaginationModel? {
        guard case .decoded(let responseType) = operation.response else { return nil }
        let query = operation.parameters.filter { $0.location == .query }
        func find(_ names: [String], integer: Bool) -> ParameterDecl? {
            for name in names {
                if let found = query.first(where: { $0.wireName == name && (!integer || $0.type == .int64) }) { return found }
            }
            return nil
        }
        let sizeParameter = find(["page[size]", "page[limit]", "limit", "count", "page_size"], integer: true)
        let style: Style
        let position: ParameterDecl
        if let offset = find(["page[offset]", "offset", "start"], integer: true), sizeParameter != nil {
            (style, position) = (.offset, offset)
        } else if let number = find(["page[number]", "page"], integer: true), sizeParameter != nil {
            (style, position) = (.pageNumber, number)
        } else if let cursor = find(["page[cursor]", "cursor", "page[token]"], integer: false), cursor.type == .string {
            (style, position) = (.cursor, cursor)
        } else {
            return nil
        }

        // The results: the first top-level array property of the response.
        guard let root = resolve(responseType, types), root.kind == .structure,
              let list = root.properties.first(where: { if case .array = $0.type { return true }; return false }),
              case .array(let element) = list.type else { return nil }
        let items = "response.\(Identifiers.escapedMember(list.name))" + (list.required ? "" : " ?? []")

        var nextCursor: String?
        if style == .cursor {
            guard let path = cursorPath(root, types) else { return nil }
            nextCursor = path
        }
        return PaginationModel(style: style, position: position, size: sizeParameter, items: items,
                               elementType: element.swift, nextCursor: nextCursor)
    }

    static func resolve(_ type: TypeRef, _ types: [String: TypeDecl]) -> TypeDecl? {
        guard case .named(var name) = type else { return nil }
        var steps = 0
        while let alias = types[name]?.aliasOf, steps < 32 { name = alias; steps += 1 }
        return types[name]
    }

    /// `response.meta?.page?.after`: the string the API returns for the next page, found under
    /// `meta` (at most three levels deep) as `after`, `next_cursor` or `cursor`.
    static func cursorPath(_ root: TypeDecl, _ types: [String: TypeDecl]) -> String? {
        // (declaration, Swift access so far, whether that access is optional, depth)
        var queue: [(TypeDecl, String, Bool, Int)] = [(root, "response", false, 0)]
        while !queue.isEmpty {
            let (decl, path, optional, depth) = queue.removeFirst()
            for property in decl.properties {
                let access = path + (optional ? "?." : ".") + Identifiers.escapedMember(property.name)
                let nowOptional = optional || !property.required
                if ["after", "next_cursor", "cursor", "next_token"].contains(property.wireName), property.type == .string {
                    return nowOptional ? "(\(access))" : "Optional(\(access))"
                }
                let container = ["meta", "page", "pagination"].contains(property.wireName) || depth > 0
                if depth < 3, container, let nested = resolve(property.type, types), nested.kind == .structure {
                    queue.append((nested, access, nowOptional, depth + 1))
                }
            }
        }
        return nil
    }

    /// Render values for the API template.
    func render(_ operation: OperationDecl) -> [String: Any] {
        let positionName = Identifiers.escapedMember(position.name)
        var signature: [String] = []
        var arguments: [String] = []
        for parameter in operation.parameters where parameter.required && parameter.wireName != position.wireName && parameter.wireName != size?.wireName {
            signature.append("\(Identifiers.escapedMember(parameter.name)): \(parameter.type.swift)")
        }
        if let body = operation.body { signature.append("body: \(body.type.swift)" + (body.required ? "" : "? = nil")) }
        if let size { signature.append("\(Identifiers.escapedMember(size.name)): Int64 = 10") }
        for parameter in operation.parameters where !parameter.required && parameter.wireName != position.wireName && parameter.wireName != size?.wireName {
            signature.append("\(Identifiers.escapedMember(parameter.name)): \(parameter.type.swift)? = nil")
        }
        for parameter in operation.parameters {
            let name = Identifiers.escapedMember(parameter.name)
            if parameter.wireName == position.wireName {
                arguments.append("\(parameter.name): " + (style == .cursor ? "cursor" : "position"))
            } else if parameter.wireName == size?.wireName {
                arguments.append("\(parameter.name): limit")
            } else {
                arguments.append("\(parameter.name): \(name)")
            }
        }
        if operation.body != nil { arguments.insert("body: body", at: operation.parameters.filter(\.required).count) }
        let sizeName = size.map { Identifiers.escapedMember($0.name) } ?? "10"
        let initial: String
        let guardLine: String
        let next: String
        switch style {
        case .offset:
            initial = ".offset(0, limit: \(sizeName))"
            guardLine = "guard case .offset(let position, let limit) = state else { return ([], nil) }"
            next = "state.advanced(byReceiving: items.count)"
        case .pageNumber:
            initial = ".page(0, size: \(sizeName))"
            guardLine = "guard case .page(let position, let limit) = state else { return ([], nil) }"
            next = "state.advanced(byReceiving: items.count)"
        case .cursor:
            initial = ".cursor(nil)"
            guardLine = "guard case .cursor(let cursor) = state else { return ([], nil) }" + (size == nil ? "" : "\n            let limit = \(sizeName)")
            next = "\(nextCursor ?? "Optional<String>.none").flatMap { $0.isEmpty ? nil : PageState.cursor($0) }"
        }
        _ = positionName
        return [
            "paginatedName": Identifiers.escapedMember(operation.methodName + "Paginated"),
            "paginatedSignature": signature.joined(separator: ", "),
            "elementType": elementType,
            "initialState": initial,
            "guardLine": guardLine,
            "callArguments": arguments.joined(separator: ", "),
            "itemsExpression": items,
            "nextState": next,
        ]
    }
}
