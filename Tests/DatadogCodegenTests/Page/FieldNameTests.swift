import XCTest
@testable import DatadogCodegen

/// ``FieldName``: the markers after a name, in every spelling.
final class FieldNameTests: XCTestCase {
    func testRequiredMarkerSpellings() {
        for cell in ["page_id [*required*]", "page_id [required]", "page_id [_required_]", "page_id *required*",
                     "page_id **required**", "page_id _required_", "page_id (required)", "page_id [*Required*]"] {
            let name = FieldName.parse(cell)
            XCTAssertEqual(name.name, "page_id", cell)
            XCTAssertTrue(name.required, cell)
            XCTAssertEqual(name.unknownMarkers, [], cell)
        }
        XCTAssertFalse(FieldName.parse("page_id").required)
        XCTAssertFalse(FieldName.parse("page_id (optional)").required)
        XCTAssertEqual(FieldName.parse("page_id (optional)").name, "page_id")
    }

    func testDeprecatedAndUnknownMarkers() {
        let deprecated = FieldName.parse("old_field [*required*] [*deprecated*]")
        XCTAssertEqual(deprecated.name, "old_field")
        XCTAssertTrue(deprecated.required)
        XCTAssertTrue(deprecated.deprecated)
        let unknown = FieldName.parse("field [*beta*]")
        XCTAssertEqual(unknown.name, "field")
        XCTAssertEqual(unknown.unknownMarkers, ["beta"])
    }

    func testNamesThatAreNotMarkers() {
        for cell in ["Option 1", "Object 12", "<any-key>", "filter[query]", "*", "a_b_", "[*required*]"] {
            let name = FieldName.parse(cell)
            XCTAssertEqual(name.unknownMarkers, [], cell)
            XCTAssertFalse(name.deprecated, cell)
        }
        XCTAssertEqual(FieldName.parse("Option 1").name, "Option 1")
        XCTAssertEqual(FieldName.parse("filter[query]").name, "filter[query]")
    }
}
