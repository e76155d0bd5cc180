@testable import Conformance
import XCTest

final class PageTextTests: XCTestCase {
    let page = """
    # List things

    {% tab title="v2" %}
    **Note**: This endpoint is in public beta.

    | Datadog site | API endpoint |
    ### Code Example
    ```sh
    curl -X GET "https://api.datadoghq.com/api/v2/things"
    ```
    ```python
    configuration.unstable_operations["list_things"] = True
    ```
    ```go
    configuration.SetUnstableOperationEnabled("v2.GetThing", false)
    ```
    {% /tab %}
    {% tab title="v1" %}
    **Note**: beta.

    | Datadog site | API endpoint |
    ### Code Example
    ```sh
    curl -X GET "https://api.datadoghq.com/api/v1/things"
    ```
    {% /tab %}
    """

    func testTheExamplesOptInLinesGiveTheFlag() {
        XCTAssertTrue(PageText.unstable(page, version: "v2", operationID: "ListThings") == (true, .examples))
        XCTAssertTrue(PageText.unstable(page, version: "v2", operationID: "GetThing") == (false, .examples))
    }

    func testATabWithoutClientExamplesReadsTheNotice() {
        XCTAssertTrue(PageText.unstable(page, version: "v1", operationID: "ListThings") == (true, .notice))
        XCTAssertTrue(PageText.unstable(page, version: "v3", operationID: "ListThings") == (false, .noTab))
    }

    func testStrippingKeepsCurlAndDropsClientExamples() {
        let stripped = PageText.strippingCodeExamples(page)
        XCTAssertTrue(stripped.contains("curl -X GET \"https://api.datadoghq.com/api/v2/things\""))
        XCTAssertFalse(stripped.contains("unstable_operations"))
        XCTAssertFalse(stripped.contains("SetUnstableOperationEnabled"))
        XCTAssertTrue(stripped.contains("{% tab title=\"v1\" %}"))
        // without client examples the v2 tab's flag comes from its notice
        XCTAssertTrue(PageText.unstable(stripped, version: "v2", operationID: "GetThing") == (true, .notice))
    }

    func testVersionTabsSplitAtEachTab() {
        XCTAssertEqual(PageText.versionTabs(page).map(\.version), ["v2", "v1"])
    }

    func testElementTypes() {
        XCTAssertEqual(SwiftTypeText.element("[Foo]?"), "Foo")
        XCTAssertEqual(SwiftTypeText.element("[String: [Bar]]"), "Bar")
        XCTAssertEqual(SwiftTypeText.element("Indirect<Baz>?"), "Baz")
        XCTAssertEqual(SwiftTypeText.strippingOptional("Foo??"), "Foo")
        XCTAssertNil(SwiftTypeText.element(nil))
    }
}
