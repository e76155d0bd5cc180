@testable import Conformance
import XCTest

/// The per-item list of official names the code examples spell that the rows miss, by reason.
final class SpelledNameMissesTests: XCTestCase {
    func testEachSpelledMissGetsTheReasonItsEvidenceShows() {
        let page = """
        | Field | Type | Description |
        | data | object | Mentions NotInCode in prose. |

        ```java
        import com.datadog.api.client.v2.model.ThingImport;
        new ThingData().kind(ThingKind.BIG);
        Thing result = apiInstance.getThing();
        PaginationIterable<ThingResult> items = apiInstance.listThings();
        ```
        """
        func failing(_ kind: String, _ name: String) -> FailingItem {
            FailingItem("things/get.md | v2 GetThing request data | \(kind) \(name)", "things/get.md:2 request data: is X")
        }
        let misses = SpelledNameMisses(failing: [failing("object", "ThingData"), failing("enum", "ThingKind"),
                                                 failing("object", "Thing"), failing("object", "ThingImport"),
                                                 failing("object", "NotInCode"), failing("object", "ThingResult")],
                                       declared: ["v2": ["Thing"], "v1": ["ThingResult"]], pageText: { $0 == "things/get.md" ? page : nil })
        XCTAssertEqual(misses.misses.map(\.officialName), ["ThingData", "ThingKind", "Thing", "ThingImport", "ThingResult"], "prose is no example")
        XCTAssertEqual(misses.misses.map(\.reason), [.constructorUnbound, .constantUnbound, .nameTaken, .elsewhere, .elsewhere],
                       "a name another API version declares holds nothing in this one")
        XCTAssertEqual(misses.lines[1], "   1 another shape holds the name: object 1")
    }
}
