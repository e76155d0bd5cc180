import Foundation

/// The generator's model as JSON (`dump`): what each page's rows became.
public enum ModelDump {
    /// The dump as JSON-serializable values: per page, each operation with its parameters, method
    /// signature, request, responses and field trees (``RowBindings``); per module, the names of its types and which of them are typealiases of which.
    public static func json(_ sdk: SDKModel) -> Any {
        let moduleNames = Dictionary(sdk.modules.map { ($0.version, $0.name) }, uniquingKeysWith: { first, _ in first })
        return [
            "modules": sdk.modules.map { module -> [String: Any] in
                [
                    "name": module.name, "version": module.version, "types": module.types.map(\.name).sorted(),
                    // the typealiases of identical types: alias name → the type it names
                    "aliases": Dictionary(
                        module.types.compactMap { type in type.aliasOf.map { (type.name, $0) } }, uniquingKeysWith: { first, _ in first }),
                ]
            },
            "pages": sdk.pages.map { page -> [String: Any] in
                ["file": page.file, "operations": page.operations.map {
                    operation($0.decl, rows: $0.rows, module: moduleNames[$0.decl.version] ?? "")
                }]
            },
        ]
    }

    /// The dump as UTF-8 JSON with sorted keys.
    public static func data(_ sdk: SDKModel) throws -> Data {
        try JSONSerialization.data(withJSONObject: json(sdk), options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func operation(_ operation: OperationDecl, rows: RowBindings, module: String) -> [String: Any] {
        var result: [String: Any] = [
            "version": operation.version,
            "operation_id": operation.operationID,
            "method": operation.httpMethod,
            "path": operation.path,
            "swift_api": operation.apiName,
            "swift_method": operation.methodName,
            "swift_module": module,
            "line": operation.source.line,
            "response_kind": responseKind(operation.response),
            "unstable": operation.unstable,
            "swift_unstable_key": operation.unstable ? operation.unstableKey : NSNull(),
            "parameters": operation.parameters.map { parameter -> [String: Any] in
                ["name": parameter.wireName, "in": parameter.location.rawValue, "required": parameter.required,
                 "type": parameter.typeCell, "swift_name": parameter.name, "swift_type": parameter.type.swift]
            },
            "arguments": operation.arguments.map { argument(operation, $0) },
            "returns": returns(operation.response),
            "responses": zip(operation.responses, rows.responses).map { response, table -> [String: Any] in
                ["status": response.status,
                 "swift_type": response.type?.swift ?? NSNull(),
                 "example": table.example ?? NSNull(),
                 "example_line": table.exampleLine,
                 "fields": fields(table.fields, table.resolved?.children ?? [])]
            },
        ]
        result["pagination"] = operation.pagination.map { pagination($0, of: operation) } ?? NSNull()
        if let body = operation.body, let table = rows.body {
            result["request"] = ["swift_type": body.type.swift, "content_type": body.contentType,
                                 "required": body.required, "encoding": body.encoding.rawValue,
                                 "example": table.example ?? NSNull(), "example_line": table.exampleLine,
                                 "fields": fields(table.fields, table.resolved?.children ?? [])] as [String: Any]
        } else {
            result["request"] = NSNull()
        }
        return result
    }

    /// One argument of the method, in signature order: `{"name", "swift_type", "required", "body",
    /// "parameter"}` (`swift_type` without the optional; `parameter` is the wire name, null for the body).
    static func argument(_ operation: OperationDecl, _ argument: MethodArgument) -> [String: Any] {
        var wireName: Any = NSNull()
        if case .parameter(let index) = argument.role { wireName = operation.parameters[index].wireName }
        return ["name": argument.name, "swift_type": argument.type.swift, "required": argument.required,
                "body": argument.role == .body, "parameter": wireName]
    }

    /// The method's return type: null when it returns nothing.
    static func returns(_ kind: OperationDecl.ResponseKind) -> Any {
        switch kind {
        case .none: return NSNull()
        case .decoded(let type): return type.swift
        case .data: return "Data"
        case .text: return "String"
        }
    }

    /// `{"style", "items", "position", "size", "element", "next_cursor", "body_cursor", "first_page",
    /// "swift_method", "arguments"}`: wire names and key paths (`meta.page.after`); `items` is empty when the response
    /// itself is the list; `swift_method` is the `…Paginated` wrapper and `arguments` its parameters
    /// (as ``argument(_:_:)``, plus `"default"`: the Swift default of a required one, or null).
    static func pagination(_ pagination: Pagination, of operation: OperationDecl) -> [String: Any] {
        [
            "swift_method": operation.paginatedMethodName ?? NSNull(),
            "arguments": operation.paginatedArguments.compactMap { paged -> [String: Any]? in
                var result = argument(operation, paged.argument)
                switch paged.role {
                case .position: return nil
                case .size:
                    result["swift_type"] = PagedArgument.sizeType
                    result["required"] = true
                    result["default"] = paged.argument.required ? NSNull() : PagedArgument.defaultSize
                case .passed, .bodyCursor: result["default"] = NSNull()
                }
                return result
            },
            "style": pagination.style.rawValue,
            "items": pagination.items.wire,
            "position": pagination.position ?? NSNull(),
            "size": pagination.size ?? NSNull(),
            "element": pagination.elementType.swift,
            "next_cursor": pagination.nextCursor?.wire ?? NSNull(),
            "body_cursor": pagination.bodyCursor?.joined(separator: ".") ?? NSNull(),
            "first_page": pagination.firstPage.map { $0 as Any } ?? NSNull(),
        ]
    }

    static func responseKind(_ kind: OperationDecl.ResponseKind) -> String {
        switch kind {
        case .none: return "none"
        case .decoded: return "decoded"
        case .data: return "data"
        case .text: return "text"
        }
    }

    static func fields(_ nodes: [FieldNode], _ resolved: [ResolvedField]) -> [[String: Any]] {
        nodes.enumerated().map { index, node in
            let type = index < resolved.count ? resolved[index] : nil
            return [
                "name": node.name,
                "line": node.line,
                "type": node.typeCell,
                "required": node.required,
                "enum": node.enumValues ?? NSNull(),
                "deprecated": node.deprecated,
                "swift_type": type?.type.swift ?? "JSONValue",
                "nullable": type?.nullable ?? false,
                "fields": fields(node.children, type?.children ?? []),
            ] as [String: Any]
        }
    }
}
