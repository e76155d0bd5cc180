import XCTest
@testable import DatadogCodegen

/// ``TableColumns``: parameter and field tables read by their header cells, whatever the order,
/// naming, extra columns or `<br>` paragraphs of another publication date.
final class TableColumnsTests: XCTestCase {
    private func table(_ header: [String], _ rows: [[String]]) -> Table {
        Table(header: header, rows: rows.enumerated().map { TableRow(cells: $1, line: 11 + $0) }, line: 10)
    }

    func testCanonicalTableIsReturnedUnchanged() {
        var log = DiagnosticLog(file: "p.md")
        let original = table(["Parent field", "Field", "Type", "Description"], [["", "name [*required*]", "string", "The name.", "More."]])
        let result = TableColumns.canonical(original, kind: .fields, log: &log)
        XCTAssertEqual(result.header, original.header)
        XCTAssertEqual(result.rows.map(\.cells), original.rows.map(\.cells))
        XCTAssertEqual(log.diagnostics, [])
    }

    func testRenamedAndReorderedColumnsAreReadByTheirHeader() {
        var log = DiagnosticLog(file: "p.md")
        let fields = TableColumns.canonical(table(["Name", "Parent", "Description", "Type"],
                                                  [["id", "data", "The ID.", "Second paragraph.", "uuid"]]), kind: .fields, log: &log)
        XCTAssertEqual(fields.header, ["Parent field", "Field", "Type", "Description"])
        XCTAssertEqual(fields.rows.map(\.cells), [["data", "id", "uuid", "The ID.", "Second paragraph."]])
        XCTAssertEqual(fields.rows.map(\.line), [11])
        let parameters = TableColumns.canonical(table(["Type", "Parameter", "Description"], [["string", "page_id [*required*]", "The page."]]),
                                                kind: .parameters, log: &log)
        XCTAssertEqual(parameters.rows.map(\.cells), [["page_id [*required*]", "string", "The page."]])
        XCTAssertEqual(log.diagnostics, [])
    }

    func testRequiredColumnAfterAMultiParagraphDescription() {
        var log = DiagnosticLog(file: "p.md")
        let result = TableColumns.canonical(table(["Name", "Type", "Description", "Required"],
                                                  [["a", "string", "One.", "Two.", "yes"], ["b", "int64", "Three.", "no"], ["c", "string"]]),
                                            kind: .parameters, log: &log)
        XCTAssertEqual(result.rows.map(\.cells), [["a [*required*]", "string", "One.", "Two."], ["b", "int64", "Three."], ["c", "string"]])
    }

    func testUnknownColumnIsDroppedWithAWarningAtTheHeader() {
        var log = DiagnosticLog(file: "p.md")
        let result = TableColumns.canonical(table(["Field", "Type", "Default", "Description"], [["limit", "int64", "10", "How many."]]),
                                            kind: .fields, log: &log)
        XCTAssertEqual(result.rows.map(\.cells), [["limit", "int64", "How many."]])
        XCTAssertEqual(log.diagnostics.map(\.description),
                       ["p.md:10:1: warning: column `Default` of this table is not one the generator reads (`Name`/`Field`, `Type`, `Description`, `Required`, `Parent field`); ignored"])
    }

    func testBreaksSplitTheDescriptionIntoParagraphs() {
        var log = DiagnosticLog(file: "p.md")
        let result = TableColumns.canonical(table(["Field", "Type", "Description"], [["a", "string", "One.<br>Two.<BR/><br />Three."]]),
                                            kind: .fields, log: &log)
        XCTAssertEqual(result.rows.map(\.cells), [["a", "string", "One.", "Two.", "Three."]])
        XCTAssertEqual(TableColumns.paragraphs("Use <brand> names."), ["Use <brand> names."], "not a break")
    }

    func testHeaderWithoutNameAndTypeIsReadByPosition() {
        var log = DiagnosticLog(file: "p.md")
        let original = table(["Champ", "Genre", "Description"], [["a", "string", "Un."]])
        XCTAssertEqual(TableColumns.canonical(original, kind: .fields, log: &log).rows.map(\.cells), original.rows.map(\.cells))
        let twice = table(["Name", "Type", "Type", "Description"], [["a", "string", "x", "Un."]])
        XCTAssertEqual(TableColumns.canonical(twice, kind: .parameters, log: &log).rows.map(\.cells), twice.rows.map(\.cells))
        XCTAssertEqual(log.diagnostics.map(\.message), ["the table's header names the type column twice; the table is read by position"])
    }
}
