import Foundation
import XCTest
@testable import DatadogCodegen

/// Field-tree reconstruction from `Parent field | Field | Type | Description` tables.
final class FieldTreeTests: XCTestCase {
    // MARK: - Helpers

    /// Parses the first table of a markdown snippet.
    private func table(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        for event in MarkdownEvents.events(of: SourceText(text: markdown)) {
            if case .table(let table) = event { return table }
        }
        XCTFail("no table in snippet", file: file, line: line)
        throw XCTSkip("no table")
    }

    /// Builds a table from `(parent, field, type)` triples, without markdown.
    private func table(rows: [(String, String, String)]) -> Table {
        Table(header: ["Parent field", "Field", "Type", "Description"],
              rows: rows.enumerated().map { TableRow(cells: [$1.0, $1.1, $1.2, ""], line: $0 + 3) },
              line: 1)
    }

    private func build(_ table: Table, example: String? = nil) -> (fields: [FieldNode], log: DiagnosticLog) {
        var log = DiagnosticLog(file: "test.md")
        let fields = FieldTreeBuilder.build(table: table, example: example, log: &log)
        return (fields, log)
    }

    /// Every node's path from the root, `/`-joined, in depth-first order (iterative).
    private func paths(_ fields: [FieldNode]) -> [String] {
        var result: [String] = []
        var work: [(FieldNode, String)] = fields.reversed().map { ($0, $0.name) }
        while let (node, path) = work.popLast() {
            result.append(path)
            for child in node.children.reversed() { work.append((child, path + "/" + child.name)) }
        }
        return result
    }

    private func node(_ fields: [FieldNode], _ path: String) -> FieldNode? {
        var level = fields
        var found: FieldNode?
        for name in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard let next = level.first(where: { $0.name == name }) else { return nil }
            found = next
            level = next.children
        }
        return found
    }

    // MARK: - The seed's response table

    private let seedResponse = """
    | Parent field          | Field                        | Type            | Description                  |
    | --------------------- | ---------------------------- | --------------- | ---------------------------- |
    |                       | data                         | object          | The data object.             |
    | data                  | attributes                   | object          | The attributes.              |
    | attributes            | components_affected          | [object]        | Components affected.         |
    | components_affected   | id [*required*]         | uuid            | The ID of the component.     |
    | components_affected   | status [*required*]     | enum            | The status. Allowed enum values: `operational,degraded` |
    | attributes            | description                  | string          | Description.                 |
    | attributes            | updates                      | [object]        | Past updates.                |
    | updates               | components_affected          | [object]        | The components affected.     |
    | components_affected   | id [*required*]         | uuid            | Identifier.                  |
    | updates               | id                           | uuid            | Identifier of the update.    |
    | data                  | id                           | uuid            | The ID of the degradation.   |
    | data                  | relationships                | object          | The relationships.           |
    | relationships         | created_by_user              | object          | The user who created it.     |
    | created_by_user       | data [*required*]       | object          | The data object.             |
    | data                  | id [*required*]         | string          | The ID of the user.          |
    | data                  | type [*required*]       | enum            | Users resource type. Allowed enum values: `users` |
    | relationships         | status_page                  | object          | The status page.             |
    | status_page           | data [*required*]       | object          | The data object.             |
    | data                  | id [*required*]         | uuid            | The ID of the status page.   |
    | data                  | type [*required*]       | enum            | Status pages type. Allowed enum values: `status_pages` |
    | data                  | type [*required*]       | enum            | Degradations type. Allowed enum values: `degradations` |
    |                       | included                     | [ <oneOf>] | The included resources.      |
    | included              | Option 1                     | object          | A user.                      |
    | Option 1              | id                           | uuid            | The ID of the user.          |
    | Option 1              | type [*required*]       | enum            | Users type. Allowed enum values: `users` |
    | included              | Option 2                     | object          | A status page.               |
    | Option 2              | attributes                   | object          | The attributes.              |
    | attributes            | components                   | [object]        | Components of the page.      |
    | components            | components                   | [object]        | Components within the group. |
    | components            | id                           | uuid            | The ID of the grouped one.   |
    | components            | type                         | enum            | The type. Allowed enum values: `component` |
    | components            | id                           | uuid            | The ID of the component.     |
    | components            | name                         | string          | The name of the component.   |
    | attributes            | name                         | string          | The name of the page.        |
    | Option 2              | id                           | uuid            | The ID of the status page.   |
    """

    func testSeedResponseNesting() throws {
        let (fields, log) = build(try table(seedResponse))
        XCTAssertEqual(paths(fields), [
            "data",
            "data/attributes",
            "data/attributes/components_affected",
            "data/attributes/components_affected/id",
            "data/attributes/components_affected/status",
            "data/attributes/description",
            "data/attributes/updates",
            "data/attributes/updates/components_affected",
            "data/attributes/updates/components_affected/id",
            "data/attributes/updates/id",
            "data/id",
            "data/relationships",
            "data/relationships/created_by_user",
            "data/relationships/created_by_user/data",
            "data/relationships/created_by_user/data/id",
            "data/relationships/created_by_user/data/type",
            "data/relationships/status_page",
            "data/relationships/status_page/data",
            "data/relationships/status_page/data/id",
            "data/relationships/status_page/data/type",
            "data/type",
            "included",
            "included/Option 1",
            "included/Option 1/id",
            "included/Option 1/type",
            "included/Option 2",
            "included/Option 2/attributes",
            "included/Option 2/attributes/components",
            "included/Option 2/attributes/components/components",
            "included/Option 2/attributes/components/components/id",
            "included/Option 2/attributes/components/components/type",
            "included/Option 2/attributes/components/id",
            "included/Option 2/attributes/components/name",
            "included/Option 2/attributes/name",
            "included/Option 2/id",
        ])
        XCTAssertTrue(log.diagnostics.isEmpty, log.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(node(fields, "data/type")?.enumValues, ["degradations"])
        XCTAssertEqual(node(fields, "data/relationships/created_by_user/data/id")?.required, true)
        XCTAssertEqual(node(fields, "included/Option 2")?.role, .option(2))
    }

    // MARK: - oneOf

    func testNestedOneOfOptions() {
        // `buffer` is a oneOf inside `Option 1` of `destinations`: the inner options' fields sort
        // after the outer option's, but `type` after `max_size` still belongs to the inner one,
        // and `Option 2` of `buffer` needs `Option 1` of `buffer` as its previous sibling.
        let (fields, _) = build(table(rows: [
            ("", "destinations", "[ <oneOf>]"),
            ("destinations", "Option 1", "object"),
            ("Option 1", "auth", "object"),
            ("auth", "strategy", "enum"),
            ("Option 1", "buffer", " <oneOf>"),
            ("buffer", "Option 1", "object"),
            ("Option 1", "max_size", "int64"),
            ("Option 1", "type", "enum"),
            ("buffer", "Option 2", "object"),
            ("Option 2", "max_events", "int64"),
            ("Option 2", "type", "enum"),
            ("Option 1", "id", "string"),
            ("Option 1", "type", "enum"),
            ("destinations", "Option 2", "object"),
            ("Option 2", "id", "string"),
        ]))
        XCTAssertEqual(paths(fields), [
            "destinations",
            "destinations/Option 1",
            "destinations/Option 1/auth",
            "destinations/Option 1/auth/strategy",
            "destinations/Option 1/buffer",
            "destinations/Option 1/buffer/Option 1",
            "destinations/Option 1/buffer/Option 1/max_size",
            "destinations/Option 1/buffer/Option 1/type",
            "destinations/Option 1/buffer/Option 2",
            "destinations/Option 1/buffer/Option 2/max_events",
            "destinations/Option 1/buffer/Option 2/type",
            "destinations/Option 1/id",
            "destinations/Option 1/type",
            "destinations/Option 2",
            "destinations/Option 2/id",
        ])
    }

    func testOptionDirectlyUnderOption() {
        // An option that is itself a oneOf: `Option 1` under `Option 1`, then back out.
        let (fields, _) = build(table(rows: [
            ("", "value", " <oneOf>"),
            ("value", "Option 1", " <oneOf>"),
            ("Option 1", "Option 1", "string"),
            ("Option 1", "Option 2", "int64"),
            ("value", "Option 2", "object"),
            ("Option 2", "name", "string"),
        ]))
        XCTAssertEqual(paths(fields), [
            "value", "value/Option 1", "value/Option 1/Option 1", "value/Option 1/Option 2",
            "value/Option 2", "value/Option 2/name",
        ])
    }

    // MARK: - additionalProperties

    func testAnyKeyUnderAdditionalProperties() throws {
        let markdown = """
        | Parent field         | Field            | Type     | Description        |
        | -------------------- | ---------------- | -------- | ------------------ |
        |                      | attributes       | object   | Attributes.        |
        | attributes           | metadata         | object   | Free-form map.     |
        | additionalProperties | <any-key>        | object   | One entry.         |
        | <any-key>            | name             | string   | Entry name.        |
        | <any-key>            | tags             | object   | Tags of the entry. |
        | additionalProperties | <any-key>        | [string] | Tag values.        |
        | <any-key>            | value            | double   | Entry value.       |
        | attributes           | name             | string   | Name.              |
        """
        let (fields, log) = build(try table(markdown))
        XCTAssertEqual(paths(fields), [
            "attributes",
            "attributes/metadata",
            "attributes/metadata/<any-key>",
            "attributes/metadata/<any-key>/name",
            "attributes/metadata/<any-key>/tags",
            "attributes/metadata/<any-key>/tags/<any-key>",
            "attributes/metadata/<any-key>/value",
            "attributes/name",
        ])
        XCTAssertEqual(node(fields, "attributes/metadata/<any-key>")?.role, .additionalProperties)
        XCTAssertEqual(node(fields, "attributes/metadata/<any-key>/tags/<any-key>")?.typeCell, "[string]")
        XCTAssertTrue(log.diagnostics.isEmpty)
    }

    // MARK: - Patterns from the corpus

    func testRepeatedSchemaDecidesBetweenEqualCandidates() throws {
        // A query schema (`search` = "Journey search.") whose map values hold another schema
        // also named `search` ("Event search.", children: `query`). After the inner `query`,
        // `steps` could go under either `search` as far as order and names tell; the other
        // instances in the table settle it: "Event search." only ever has `query`, and
        // "Journey search." has `steps` where nothing else could have taken it.
        let markdown = """
        | Parent field         | Field       | Type    | Description      |
        | -------------------- | ----------- | ------- | ---------------- |
        |                      | event       | object  | An event query.  |
        | event                | search      | object  | Event search.    |
        | search               | query       | string  | The query.       |
        | event                | source      | string  | Source.          |
        |                      | journey     | object  | A journey query. |
        | journey              | search      | object  | Journey search.  |
        | search               | nodes       | object  | Nodes by name.   |
        | additionalProperties | <any-key>   | object  | A node.          |
        | <any-key>            | kind        | string  | Kind.            |
        | <any-key>            | search      | object  | Event search.    |
        | search               | query       | string  | The query.       |
        | search               | steps       | object  | Step aliases.    |
        | additionalProperties | <any-key>   | string  | An alias.        |
        |                      | previous    | object  | A journey query. |
        | previous             | search      | object  | Journey search.  |
        | search               | nodes       | object  | Nodes by name.   |
        | search               | steps       | object  | Step aliases.    |
        | additionalProperties | <any-key>   | string  | An alias.        |
        """
        let (fields, _) = build(try table(markdown))
        XCTAssertEqual(paths(fields), [
            "event", "event/search", "event/search/query", "event/source",
            "journey", "journey/search", "journey/search/nodes", "journey/search/nodes/<any-key>",
            "journey/search/nodes/<any-key>/kind", "journey/search/nodes/<any-key>/search",
            "journey/search/nodes/<any-key>/search/query",
            "journey/search/steps", "journey/search/steps/<any-key>",
            "previous", "previous/search", "previous/search/nodes", "previous/search/steps",
            "previous/search/steps/<any-key>",
        ])
    }

    func testExampleShowsFreeFormObjectWithoutChildren() {
        // `attributes` inside `attributes` is a free-form object: the example shows it without
        // `message`, so `message` belongs to the outer `attributes`.
        let rows = [
            ("", "data", "[object]"),
            ("data", "attributes", "object"),
            ("attributes", "attributes", "object"),
            ("attributes", "message", "string"),
            ("data", "id", "string"),
        ]
        let example = #"{"data": [{"attributes": {"attributes": {"customAttribute": 123}, "message": "m"}, "id": "x"}]}"#
        let (fields, _) = build(table(rows: rows), example: example)
        XCTAssertEqual(paths(fields), [
            "data", "data/attributes", "data/attributes/attributes", "data/attributes/message", "data/id",
        ])
    }

    func testExamplePresenceIsNotEvidenceForShallowerCandidate() {
        // A request example showing only some fields: `data/type` is present, the inner
        // relationship `data` is not shown at all, so the inner `type` stays with the inner `data`.
        let rows = [
            ("", "data", "object"),
            ("data", "attributes", "object"),
            ("attributes", "name", "string"),
            ("data", "relationships", "object"),
            ("relationships", "owner", "object"),
            ("owner", "data", "object"),
            ("data", "id", "string"),
            ("data", "type", "enum"),
            ("data", "type", "enum"),
        ]
        let example = #"{"data": {"attributes": {"name": "n"}, "type": "services"}}"#
        let (fields, _) = build(table(rows: rows), example: example)
        XCTAssertEqual(paths(fields), [
            "data", "data/attributes", "data/attributes/name", "data/relationships",
            "data/relationships/owner", "data/relationships/owner/data",
            "data/relationships/owner/data/id", "data/relationships/owner/data/type", "data/type",
        ])
    }

    func testDepthLimitRowsHaveNoChildren() {
        // Rows at depth 11 never have children: the next `a` goes to the open `a` above.
        var rows: [(String, String, String)] = [("", "a", "object")]
        for _ in 2...11 { rows.append(("a", "a", "object")) }
        rows.append(("a", "z", "string"))
        let (fields, _) = build(table(rows: rows))
        let all = paths(fields)
        XCTAssertEqual(all.count, 12)
        XCTAssertEqual(all.last, Array(repeating: "a", count: 10).joined(separator: "/") + "/z")
    }

    func testIntegerLikeNamesSortFirst() {
        XCTAssertTrue(FieldTreeBuilder.sortsBefore("9", "10"))
        XCTAssertTrue(FieldTreeBuilder.sortsBefore("10", "a"))
        XCTAssertTrue(FieldTreeBuilder.sortsBefore("10", "011"))
        XCTAssertTrue(FieldTreeBuilder.sortsBefore("B", "a"))
        XCTAssertFalse(FieldTreeBuilder.sortsBefore("a", "a"))
        // `9` then `10` under the inner `codes` is in order, so `10` stays there.
        let (fields, _) = build(table(rows: [
            ("", "codes", "object"),
            ("codes", "1", "string"),
            ("codes", "codes", "object"),
            ("codes", "9", "string"),
            ("codes", "10", "string"),
        ]))
        XCTAssertEqual(paths(fields), ["codes", "codes/1", "codes/codes", "codes/codes/9", "codes/codes/10"])
    }

    // MARK: - Hostile input

    func testHostileTablesDoNotCrashOrHang() {
        let start = Date()
        // 10,000 rows each nested under the previous one.
        var deep: [(String, String, String)] = [("", "n0", "object")]
        for index in 1..<10_000 { deep.append(("n\(index - 1)", "n\(index)", "object")) }
        let (deepFields, deepLog) = build(table(rows: deep))
        let deepPaths = paths(deepFields)
        XCTAssertGreaterThan(deepPaths.count, 9_900)
        XCTAssertLessThanOrEqual(deepPaths.map { $0.split(separator: "/").count }.max() ?? 0, FieldTreeBuilder.nestingLimit)
        XCTAssertFalse(deepLog.diagnostics.isEmpty)

        // 500-deep chain of one repeated name (rows past the nesting limit are dropped), then
        // 500 rows naming it as parent.
        var repeated: [(String, String, String)] = [("", "x", "object")]
        for _ in 1..<500 { repeated.append(("x", "x", "object")) }
        for index in 0..<500 { repeated.append(("x", "f\(index)", "string")) }
        let (repeatedFields, _) = build(table(rows: repeated))
        XCTAssertEqual(paths(repeatedFields).count, FieldTreeBuilder.nestingLimit + 500)

        // Many maps and options, plus garbage rows.
        var garbage: [(String, String, String)] = []
        for index in 0..<3_000 {
            switch index % 6 {
            case 0: garbage.append(("", "root\(index)", " <oneOf>"))
            case 1: garbage.append(("additionalProperties", "<any-key>", "object"))
            case 2: garbage.append(("root\(index - 2)", "Option 7", ""))
            case 3: garbage.append(("nowhere", "||", "[[[["))
            case 4: garbage.append(("<any-key>", "Option 1", "string"))
            default: garbage.append(("Option 7", "", "object"))
            }
        }
        var log = DiagnosticLog(file: "test.md")
        let table = Table(header: ["Parent field", "Field", "Type", "Description"],
                          rows: garbage.enumerated().map { TableRow(cells: [$1.0, $1.1, $1.2], line: $0) }
                              + [TableRow(cells: ["only"], line: 9999), TableRow(cells: [], line: 10000)],
                          line: 1)
        _ = FieldTreeBuilder.build(table: table, example: "{\"a\": [[[[", log: &log)
        XCTAssertFalse(log.diagnostics.isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }
}
