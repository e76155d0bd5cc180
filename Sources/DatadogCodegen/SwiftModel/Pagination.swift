import Foundation

/// How a list operation pages (stage 4): decided from its parameters, request body and response
/// type once the types are final, stored on the ``OperationDecl``, shown by `dump` and printed by
/// the API template as a `…Paginated` method.
public struct Pagination: Sendable, Hashable {
    /// What moves from one page to the next.
    public enum Style: String, Sendable, Hashable {
        /// A query offset (`page[offset]`, `offset`, `start`) advanced by the items received.
        case offset
        /// A query page number (`page[number]`, `page`, `page_number`), from ``Pagination/firstPage``.
        case pageNumber = "page_number"
        /// A query cursor (`page[cursor]`, `cursor`) taken from the previous response.
        case cursor
        /// A cursor inside the request body (`page.cursor`) taken from the previous response.
        case bodyCursor = "body_cursor"
    }

    /// The paging style.
    public var style: Style
    /// Wire name of the query parameter that moves through the list; nil for ``Style/bodyCursor``.
    public var position: String?
    /// Wire name of the query parameter for the page size, if any.
    public var size: String?
    /// For ``Style/bodyCursor``: the JSON keys of the cursor in the request body, outermost first.
    public var bodyCursor: [String]?
    /// From the response to its primary list (no steps: the response is the list).
    public var items: MemberPath
    /// The type of one item.
    public var elementType: TypeRef
    /// For the cursor styles: from the response to the next page's cursor.
    public var nextCursor: MemberPath?
    /// For ``Style/pageNumber``: the number of the first page (0 unless the parameter's description
    /// says otherwise: ``firstPage(_:)``).
    public var firstPage: Int64?
}

/// A chain of properties from a value, with the Swift names and whether each step is optional.
public struct MemberPath: Sendable, Hashable {
    /// One property access.
    public struct Step: Sendable, Hashable {
        /// The JSON key.
        public var wireName: String
        /// The Swift property name (unescaped).
        public var name: String
        /// Whether the property is optional in Swift.
        public var optional: Bool
    }

    /// The accesses, outermost first.
    public var steps: [Step]

    /// The JSON keys joined with `.` (`meta.page.after`); empty for the value itself.
    public var wire: String { steps.map(\.wireName).joined(separator: ".") }
}

extension Pagination {
    /// Query parameters for the page size, by preference.
    static let sizeNames = ["page[size]", "page[limit]", "limit", "count", "page_size"]
    /// Query parameters for an offset.
    static let offsetNames = ["page[offset]", "offset", "start"]
    /// Query parameters for a page number.
    static let pageNumberNames = ["page[number]", "page", "page_number"]
    /// Query parameters for a cursor.
    static let cursorNames = ["page[cursor]", "cursor", "page[token]"]
    /// Response fields that carry the next cursor, by preference: beside `next_cursor`, `cursor` is the current page's.
    static let nextCursorNames = ["after", "next_cursor", "next_token", "cursor"]
    /// Objects that hold the next cursor (at the top of the response).
    static let cursorContainers: Set<String> = ["meta", "page", "pagination"]
    /// Top-level arrays that are never the listed items: JSON:API side-loaded resources, error and warning lists.
    static let secondaryLists: Set<String> = ["included", "errors", "warnings"]

    /// The paging of `operation`, or nil when it does not page (or its response cannot be followed).
    /// `types` are the version's final declarations by name.
    public static func infer(_ operation: OperationDecl, types: [String: TypeDecl]) -> Pagination? {
        guard case .decoded(let responseType) = operation.response else { return nil }
        let query = operation.parameters.filter { $0.location == .query }
        func find(_ names: [String], _ type: TypeRef) -> ParameterDecl? {
            for name in names {
                if let found = query.first(where: { $0.wireName == name && $0.type == type }) { return found }
            }
            return nil
        }
        let size = find(sizeNames, .int64)
        var style: Style
        var position: ParameterDecl?
        var bodyCursor: [String]?
        if let offset = find(offsetNames, .int64), size != nil {
            (style, position) = (.offset, offset)
        } else if let number = find(pageNumberNames, .int64), size != nil {
            (style, position) = (.pageNumber, number)
        } else if let cursor = find(cursorNames, .string), !cursor.required {
            (style, position) = (.cursor, cursor)
        } else if let body = operation.body, body.encoding == .json, let path = bodyCursorPath(body.type, types) {
            (style, bodyCursor) = (.bodyCursor, path)
        } else {
            return nil
        }

        guard let (items, element) = primaryList(responseType, operation: operation, types: types) else { return nil }
        var nextCursor: MemberPath?
        if style == .cursor || style == .bodyCursor {
            guard let root = resolve(responseType, types), let path = cursorPath(root, types) else { return nil }
            nextCursor = path
        }
        return Pagination(style: style, position: position?.wireName, size: size?.wireName, bodyCursor: bodyCursor,
                          items: items, elementType: element, nextCursor: nextCursor,
                          firstPage: style == .pageNumber ? position.map(firstPage) : nil)
    }

    /// Where a description says pages are counted from, as `1-indexed`, `starts at zero`,
    /// `starting from 1`, `defaults to 0` or `[default=0]` (the number is the first capture group;
    /// `zero`/`one` are read as 0/1).
    static let firstPagePatterns = [
        #"\b([01])-indexed"#, #"\bstart(?:s|ing)? (?:at|from) (zero|one|[01])\b"#,
        #"\bdefaults? (?:to|is|=|:) ?`?([01])\b"#, #"\[default=([01])\]"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// The first page of a page-number list: what the position parameter's description says
    /// (``firstPagePatterns``; the reference shows no schema default, so the text is the evidence),
    /// else 0, as the official clients count when the page says nothing.
    static func firstPage(_ parameter: ParameterDecl) -> Int64 {
        let text = parameter.doc as NSString
        for pattern in firstPagePatterns {
            guard let match = pattern.firstMatch(in: parameter.doc, range: NSRange(location: 0, length: text.length)) else { continue }
            switch text.substring(with: match.range(at: 1)).lowercased() {
            case "1", "one": return 1
            default: return 0
            }
        }
        return 0
    }

    /// The declaration a type refers to, through aliases.
    static func resolve(_ type: TypeRef, _ types: [String: TypeDecl]) -> TypeDecl? {
        guard case .named(var name) = type else { return nil }
        var steps = 0
        while let alias = types[name]?.aliasOf, steps < 32 { name = alias; steps += 1 }
        return types[name]
    }

    /// The list a page holds: the response itself when it is an array; else its `data` array,
    /// else its only other top-level array, else the array named after the path's last literal
    /// segment (`/api/v1/dashboard` → `dashboards`). Side-loaded `included` is never the list.
    static func primaryList(_ response: TypeRef, operation: OperationDecl, types: [String: TypeDecl]) -> (MemberPath, TypeRef)? {
        if case .array(let element) = response { return (MemberPath(steps: []), element) }
        guard let root = resolve(response, types), root.kind == .structure else { return nil }
        let lists = root.properties.filter { property in
            if case .array = property.type { return !secondaryLists.contains(property.wireName) }
            return false
        }
        let segment = operation.path.split(separator: "/").last { !$0.hasPrefix("{") }.map { $0.lowercased() } ?? ""
        let chosen = lists.first { $0.wireName == "data" }
            ?? (lists.count == 1 ? lists[0] : nil)
            ?? lists.first { $0.wireName.lowercased() == segment || $0.wireName.lowercased() == segment + "s" }
        guard let chosen, case .array(let element) = chosen.type else { return nil }
        return (MemberPath(steps: [.init(wireName: chosen.wireName, name: chosen.name, optional: !chosen.required)]), element)
    }

    /// The request body's cursor: `page.cursor` (a string in an object `page`) or a top-level `page[cursor]`.
    static func bodyCursorPath(_ body: TypeRef, _ types: [String: TypeDecl]) -> [String]? {
        guard let root = resolve(body, types), root.kind == .structure else { return nil }
        if root.properties.contains(where: { $0.wireName == "page[cursor]" && $0.type == .string }) { return ["page[cursor]"] }
        guard let page = root.properties.first(where: { $0.wireName == "page" }),
              let pageDecl = resolve(page.type, types), pageDecl.kind == .structure,
              pageDecl.properties.contains(where: { $0.wireName == "cursor" && $0.type == .string }) else { return nil }
        return ["page", "cursor"]
    }

    /// The next cursor in a response: a string `after`, `next_cursor`, `next_token` or `cursor` (in
    /// that preference within one object) at the top or under a top-level `meta`, `page` or
    /// `pagination` object, at most three levels deep (`meta.page.after`), breadth first.
    static func cursorPath(_ root: TypeDecl, _ types: [String: TypeDecl]) -> MemberPath? {
        var queue: [(TypeDecl, [MemberPath.Step])] = [(root, [])]
        while !queue.isEmpty {
            let (decl, path) = queue.removeFirst()
            func step(_ property: PropertyDecl) -> [MemberPath.Step] {
                path + [MemberPath.Step(wireName: property.wireName, name: property.name, optional: !property.required)]
            }
            for name in nextCursorNames {
                if let property = decl.properties.first(where: { $0.wireName == name && $0.type == .string }) {
                    return MemberPath(steps: step(property))
                }
            }
            for property in decl.properties {
                let steps = step(property)
                let container = !path.isEmpty || cursorContainers.contains(property.wireName)
                if path.count < 3, container, let nested = resolve(property.type, types), nested.kind == .structure {
                    queue.append((nested, steps))
                }
            }
        }
        return nil
    }
}
