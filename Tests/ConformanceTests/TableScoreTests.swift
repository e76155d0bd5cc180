@testable import Conformance
import Foundation
import XCTest

final class TableScoreTests: XCTestCase {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    let truth = """
    {"operations": [{"version": "v2", "operationId": "ListThings", "method": "GET", "path": "/api/v2/things",
      "parameters": [{"schema": {"schema_ref_name": "ThingFilter"}}],
      "responses": [{"status": "200", "schema": {"schema_ref_name": "ThingsResponse", "type": "object",
                     "children": [{"schema_ref_name": "Thing"}]},
        "table_rows": [
          {"path": ["data"], "required": false, "type": "[object]", "schema_ref_name": null, "items_schema_ref_name": "Thing"},
          {"path": ["data", "id"], "required": true, "type": "string"},
          {"path": ["data", "kind"], "required": false, "type": "enum", "schema_ref_name": "ThingKind"},
          {"path": ["meta"], "required": false, "type": "object"}]}]},
      {"version": "v2", "operationId": "GetThing", "method": "GET", "path": "/api/v2/things/{id}"}]}
    """

    let dump = """
    {"pages": [{"file": "things/list-things.md", "operations": [
      {"version": "v2", "operation_id": "ListThings", "method": "GET", "path": "/api/v2/things", "swift_method": "listThings",
       "line": 3, "unstable": false, "request": null,
       "responses": [{"status": "200", "swift_type": "ThingsResponse", "example_line": 9, "fields": [
         {"name": "data", "line": 10, "type": "[object]", "required": false, "swift_type": "[Item]?", "fields": [
           {"name": "id", "line": 11, "type": "string", "required": false, "swift_type": "String", "fields": []},
           {"name": "kind", "line": 12, "type": "enum", "required": false, "swift_type": "ThingKind?", "fields": []}]}]}]},
      {"version": "v2", "operation_id": "GetThing", "method": "GET", "path": "/api/v2/things/{id}", "swift_method": "getAThing",
       "line": 20, "unstable": true, "responses": []}]}]}
    """

    func testFailuresAreCountedAndNamed() throws {
        let pages: [String: Truth?] = ["things/list-things.md": try decode(Truth.self, truth), "things/none.md": nil]
        let score = TableScore(truth: pages,
                               dump: try decode(Dump.self, dump), pageText: { _ in "{% tab title=\"v2\" %}\n| Datadog site |\n" })
        XCTAssertEqual(score.pagesMissingTruth, ["things/none.md"])
        XCTAssertEqual(Percent(score.rowsOK, score.rowsTotal), Percent(2, 4))
        XCTAssertEqual(score.failing["rows"]?.map { $0.item }, [
            "things/list-things.md | v2 ListThings response 200 data.id",
            "things/list-things.md | v2 ListThings response 200 meta",
        ])
        XCTAssertEqual(score.failing["rows"]?.first?.detail, "things/list-things.md:11: response 200 data.id: required False, official True")
        XCTAssertEqual(Percent(score.namesOK, score.namesTotal), Percent(2, 3))
        XCTAssertEqual(score.failing["names"]?.map { $0.item },
                       ["things/list-things.md | v2 ListThings response 200 data | array element Thing"])
        XCTAssertEqual(score.failing["operations"]?.map { $0.item }, ["things/list-things.md | v2 GetThing"])
        XCTAssertEqual(Percent(score.unstableOK, score.unstableTotal), Percent(1, 2))
        XCTAssertEqual(score.officialNames["v2"], ["ThingsResponse", "Thing"])
        XCTAssertEqual(score.officialParameterNames["v2"], ["ThingFilter"])
        XCTAssertEqual(score.rowFail.mostCommon().map { $0.key }, ["required differs", "row missing"])
    }

    func testPrintedFigures() throws {
        let score = TableScore(truth: ["things/list-things.md": try decode(Truth.self, truth)], dump: try decode(Dump.self, dump))
        let report = FiguresReport(score: score, census: TypeCensus(generated: URL(fileURLWithPath: "/nonexistent")),
                                   pageCount: 1, header: [], examples: 1)
        XCTAssertEqual(report.lines.first, "   pages: 1 (.md), scored 1, without truth 0 (skipped), not in the dump 0")
        XCTAssertTrue(report.lines.contains("== 1. table rows (path, required, type): 2/4 = 50.00%   (goal >= 99.9%)"))
        XCTAssertTrue(report.lines.contains("   root           1/1 = 100.00%"))
        XCTAssertTrue(report.lines.contains("   unstable flag 0/0 = 100.00%   (goal 100%; truth: the code examples' opt-in lines, "
                                            + "on 0 operations; the docs notice on 0 without client examples)"))
        XCTAssertEqual(report.lines.filter { $0.hasPrefix("   things/") }.count, 3)   // one example per figure
    }
}
