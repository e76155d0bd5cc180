import XCTest
@testable import DatadogCodegen

/// Table cells decode HTML character references (``HTMLEntities``).
final class HTMLEntitiesTests: XCTestCase {
    func testCellsDecodeReferences() {
        XCTAssertEqual(TableCells.split("| &lt;any-key&gt; | string | a &amp; b &#124; c &#x7C; d |"), ["<any-key>", "string", "a & b | c | d"])
        XCTAssertEqual(TableCells.split("| a \\| b | &quot;x&quot; &apos;y&#39; |"), ["a | b", "\"x\" 'y'"])
    }

    func testWhatIsNotAReferenceStays() {
        XCTAssertEqual(HTMLEntities.decode("AT&T & co; &unknown; &#0; &#xZZ; &lt"), "AT&T & co; &unknown; &#0; &#xZZ; &lt")
        XCTAssertEqual(HTMLEntities.decode("no ampersand"), "no ampersand")
    }
}
