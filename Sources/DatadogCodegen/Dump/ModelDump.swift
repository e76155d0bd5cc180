import Foundation

/// The generator's model as JSON (`dump`): what each page's rows became.
public enum ModelDump {
    /// The dump as JSON-serializable values: per page, each operation with its parameters, request, responses and field trees.
    public static func json(_ sdk: SDKModel) -> Any {
        let moduleNames = Dictionary(sdk.modules.map { ($0.version, $0.name) }, uniquingKeysWith: { first, _ in first })
        return ["pages": sdk.pages.map { page -> [String: Any] in
            ["file": page.file, "operations": page.operations.map {
                operation($0, module: moduleNames[$0.version] ?? "")
            }]
        }]
    }

    /// The dump as UTF-8 JSON with sorted keys.
    public static func data(_ sdk: SDKModel) throws -> Data {
        try JSONSerialization.data(withJSONObject: json(sdk), options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func operation(_ operation: OperationDecl, module: String) -> [String: Any] {
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
            "responses": operation.responses.map { response -> [String: Any] in
                ["status": response.status,
                 "swift_type": response.type?.swift ?? NSNull(),
                 "example": response.example ?? NSNull(),
                 "example_line": response.exampleLine,
                 "fields": fields(response.fields, response.resolved?.children ?? [])]
            },
        ]
        result["pagination"] = operation.pagination.map { pagination($0, method: operation.paginatedMethodName) } ?? NSNull()
        if let body = operation.body {
            result["request"] = ["swift_type": body.type.swift, "content_type": body.contentType,
                                 "required": body.required, "encoding": body.encoding.rawValue,
                                 "example": body.example ?? NSNull(), "example_line": body.exampleLine,
                                 "fields": fields(body.fields, body.resolved?.children ?? [])] as [String: Any]
        } else {
            result["request"] = NSNull()
        }
        return result
    }

    /// `{"style", "items", "position", "size", "element", "next_cursor", "body_cursor", "swift_method"}`:
    /// wire names and key paths (`meta.page.after`); `items` is empty when the response itself is
    /// the list; `swift_method` is the `…Paginated` wrapper.
    static func pagination(_ pagination: Pagination, method: String?) -> [String: Any] {
        [
            "swift_method": method ?? NSNull(),
            "style": pagination.style.rawValue,
            "items": pagination.items.wire,
            "position": pagination.position ?? NSNull(),
            "size": pagination.size ?? NSNull(),
            "element": pagination.elementType.swift,
            "next_cursor": pagination.nextCursor?.wire ?? NSNull(),
            "body_cursor": pagination.bodyCursor?.joined(separator: ".") ?? NSNull(),
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
