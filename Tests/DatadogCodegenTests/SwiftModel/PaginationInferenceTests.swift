import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 4 decides how an operation pages (`Pagination.infer`); these pages are fixtures.
final class PaginationInferenceTests: XCTestCase {
    /// A one-operation page: query rows (`| name | type | description |`) and a response table.
    static func page(method: String = "GET", path: String = "/api/v2/things", query: [String], response: [String],
                     example: String = "{}", request: [String] = []) -> String {
        var text = """
        ---
        title: List things
        breadcrumbs: Docs > API Reference > Things
        ---

        # List things{% #list-things %}
        Copy pageCopied
        {% tab title="v2" %}

        | Datadog site      | API endpoint |
        | ----------------- | ------------ |
        | app.datadoghq.com | \(method) https://api.datadoghq.com\(path) |

        ### Overview

        List things.

        """
        if !query.isEmpty {
            text += "\n### Arguments\n\n#### Query Strings\n\n| Name | Type | Description |\n| ---- | ---- | ----------- |\n"
            text += query.map { "| \($0) | x |" }.joined(separator: "\n") + "\n"
        }
        if !request.isEmpty {
            text += "\n### Request\n\n#### Body Data\n\n{% tab title=\"Model\" %}\n\n| Parent field | Field | Type | Description |\n| --- | --- | --- | --- |\n"
            text += request.map { "| \($0) | x |" }.joined(separator: "\n") + "\n\n{% /tab %}\n"
        }
        text += "\n### Response\n\n{% tab title=\"200\" %}\nOK\n{% tab title=\"Model\" %}\n\n| Parent field | Field | Type | Description |\n| --- | --- | --- | --- |\n"
        text += response.map { "| \($0) | x |" }.joined(separator: "\n")
        text += "\n\n{% /tab %}\n\n{% tab title=\"Example\" %}\n\n```json\n\(example)\n```\n\n{% /tab %}\n{% /tab %}\n\n{% /tab %}\n"
        return text
    }

    static func operation(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> OperationDecl {
        let sdk = GenerateAction.generate(pages: ["things.md": text], templates: nil).sdk
        XCTAssertEqual(sdk.diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return try XCTUnwrap(sdk.modules.first?.operations.first, file: file, line: line)
    }

    static let dataList = ["| data | [object]", "data | id | string", "| meta | object", "meta | page | object", "page | after | string"]

    func testCursorPagesOverDataNotIncluded() throws {
        let operation = try Self.operation(Self.page(
            query: ["include | string", "page[cursor] | string", "page[size] | integer", "query [*required*] | string"],
            response: ["| included | [object]", "included | name | string"] + Self.dataList))
        let pagination = try XCTUnwrap(operation.pagination)
        XCTAssertEqual(pagination.style, .cursor)
        XCTAssertEqual(pagination.position, "page[cursor]")
        XCTAssertEqual(pagination.size, "page[size]")
        XCTAssertEqual(pagination.items.wire, "data")
        XCTAssertEqual(pagination.nextCursor?.wire, "meta.page.after")
        XCTAssertEqual(pagination.nextCursor?.steps.map(\.name), ["meta", "page", "after"])
        // The method's order (required first) is the list the wrapper follows.
        XCTAssertEqual(operation.arguments.map(\.name), ["query", "include", "pageCursor", "pageSize"])
        XCTAssertEqual(operation.paginatedArguments.map(\.role), [.passed, .passed, .position, .size])
        let rendered = try Self.render(operation)
        XCTAssertTrue(rendered.contains("(query: String, include: String? = nil, pageCursor: String? = nil, pageSize: Int64? = nil) async throws"), rendered)
        XCTAssertTrue(rendered.contains("Paginated(query: String, include: String? = nil, pageSize: Int64 = 10) -> PaginatedSequence<"), rendered)
        XCTAssertTrue(rendered.contains("(query: query, include: include, pageCursor: cursor, pageSize: pageSize)"), rendered)
    }

    /// The API file of one operation, rendered with the built-in templates.
    static func render(_ operation: OperationDecl) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let templates = try TemplateSet(directory: root.appendingPathComponent("templates"))
        return templates.render(APIModel(APIDecl(name: operation.apiName, tag: operation.tag, operations: [operation]), version: operation.version))
    }

    /// Parameters named like the wrapper's locals (`state`, `cursor`) keep their names; the locals move aside.
    func testWrapperLocalsDoNotShadowParameters() throws {
        let operation = try Self.operation(Self.page(
            query: ["state | string", "cursor | string", "page[cursor] | string", "page[offset] | integer", "page[limit] | integer"],
            response: Self.dataList))
        XCTAssertEqual(operation.pagination?.style, .offset)
        let rendered = try Self.render(operation)
        XCTAssertTrue(rendered.contains("PaginatedSequence(initialState: .offset(0, limit: pageLimit)) { state2 in"), rendered)
        XCTAssertTrue(rendered.contains("guard case .offset(let position, _) = state2 else"), rendered)
        XCTAssertTrue(rendered.contains("(state: state, cursor: cursor, pageCursor: pageCursor, pageOffset: position == 0 ? nil : position, pageLimit: pageLimit)"), rendered)
    }

    /// Beside `next_cursor`, `cursor` is the current page's cursor.
    func testNextCursorPreferredOverCurrentCursor() throws {
        let operation = try Self.operation(Self.page(
            query: ["page[cursor] | string", "page[size] | integer"],
            response: ["| data | [object]", "data | id | string", "| meta | object", "meta | pagination | object",
                       "pagination | cursor | string", "pagination | limit | int64", "pagination | next_cursor | string"]))
        XCTAssertEqual(operation.pagination?.nextCursor?.wire, "meta.pagination.next_cursor")
    }

    func testOffsetNeedsAPageSize() throws {
        let withSize = try Self.operation(Self.page(query: ["page[offset] | integer", "page[limit] | integer"], response: Self.dataList))
        XCTAssertEqual(withSize.pagination?.style, .offset)
        XCTAssertNil(withSize.pagination?.nextCursor)
        let without = try Self.operation(Self.page(query: ["page[offset] | integer"], response: Self.dataList))
        XCTAssertNil(without.pagination)
    }

    func testRequiredCursorDoesNotPage() throws {
        let operation = try Self.operation(Self.page(query: ["cursor [*required*] | string"], response: Self.dataList))
        XCTAssertNil(operation.pagination)
    }

    func testCursorWithoutNextCursorDoesNotPage() throws {
        let operation = try Self.operation(Self.page(query: ["page[cursor] | string"], response: ["| data | [object]", "data | id | string"]))
        XCTAssertNil(operation.pagination)
    }

    func testDocumentedListFieldNamedAfterThePath() throws {
        let operation = try Self.operation(Self.page(
            path: "/api/v1/dashboard", query: ["start | integer", "count | integer"],
            response: ["| dashboards | [object]", "dashboards | id | string", "| tags | [string]"]))
        XCTAssertEqual(operation.pagination?.style, .offset)
        XCTAssertEqual(operation.pagination?.position, "start")
        XCTAssertEqual(operation.pagination?.items.wire, "dashboards")
    }

    func testPageNumberOverArrayResponse() throws {
        let operation = try Self.operation(Self.page(
            query: ["page | integer", "page_size | integer"], response: ["| id | int64", "| name | string"], example: "[{\"id\": 1}]"))
        let pagination = try XCTUnwrap(operation.pagination)
        XCTAssertEqual(pagination.style, .pageNumber)
        XCTAssertEqual(pagination.items.steps.count, 0, "the response is the list")
        XCTAssertEqual(pagination.elementType.swift, "ListThingsResponseItems")
    }

    /// The reference shows no schema default: the first page is what the position's description
    /// says (`1-indexed`, `Starts at zero`, `Defaults to 0`, `[default=0]`), else 0.
    func testFirstPageNumberFromTheDescription() throws {
        func firstPage(_ description: String) throws -> Int64? {
            try Self.operation(Self.page(
                query: ["page[number] | integer | \(description)", "page[size] | integer"],
                response: ["| data | [object]", "data | id | string"])).pagination?.firstPage
        }
        XCTAssertEqual(try firstPage("Page number to return (1-indexed)."), 1)
        XCTAssertEqual(try firstPage("Page number for pagination (0-indexed)."), 0)
        XCTAssertEqual(try firstPage("Which page you want to retrieve. Starts at one."), 1)
        XCTAssertEqual(try firstPage("Which page you want to retrieve. Starts at zero."), 0)
        XCTAssertEqual(try firstPage("Specific page number to return. Defaults to 1."), 1)
        XCTAssertEqual(try firstPage("The first page to return `[default=0]`."), 0)
        XCTAssertEqual(try firstPage("Specific page number to return."), 0, "nothing said: from 0")
        XCTAssertEqual(try firstPage("Returns 10-indexed buckets."), 0, "only 0 and 1 are page origins")
        let operation = try Self.operation(Self.page(
            query: ["page[number] | integer | Page number (1-indexed).", "page[size] | integer"],
            response: ["| data | [object]", "data | id | string"]))
        let dump = ModelDump.pagination(try XCTUnwrap(operation.pagination), of: operation)
        XCTAssertEqual(dump["first_page"] as? Int64, 1)
    }

    func testBodyCursor() throws {
        let operation = try Self.operation(Self.page(
            method: "POST", path: "/api/v2/things/search", query: [], response: Self.dataList,
            request: ["| filter | object", "filter | query | string", "| page | object", "page | cursor | string", "page | limit | int32"]))
        let pagination = try XCTUnwrap(operation.pagination)
        XCTAssertEqual(pagination.style, .bodyCursor)
        XCTAssertEqual(pagination.bodyCursor, ["page", "cursor"])
        XCTAssertEqual(pagination.nextCursor?.wire, "meta.page.after")
        XCTAssertNil(pagination.position)
        let dump = ModelDump.pagination(pagination, of: operation)
        XCTAssertEqual(dump["style"] as? String, "body_cursor")
        XCTAssertEqual(dump["items"] as? String, "data")
        XCTAssertEqual(dump["swift_method"] as? String, operation.methodName + "Paginated")
        XCTAssertEqual(operation.paginatedArguments.map(\.role), [.bodyCursor(["page", "cursor"])])
        let arguments = try XCTUnwrap(dump["arguments"] as? [[String: Any]])
        XCTAssertEqual(arguments.map { $0["name"] as? String }, ["body"], "the wrapper takes the body, its cursor set per page")
        XCTAssertTrue(try Self.render(operation).contains("public func \(operation.methodName)Paginated("), "the wrapper is the dumped name")
    }

    func testBodyWithoutCursorDoesNotPage() throws {
        let operation = try Self.operation(Self.page(
            method: "POST", path: "/api/v2/things/search", query: [], response: Self.dataList,
            request: ["| page | object", "page | limit | int32"]))
        XCTAssertNil(operation.pagination)
    }
}
