import XCTest
@testable import DatadogCodegen

/// Names and shapes read from the official clients' code examples.
final class CodeExampleHintsTests: XCTestCase {
    func hints(_ language: String, _ code: String) -> CodeExampleHints {
        CodeExampleHints(examples: [CodeExample(language: language, code: code, line: 1)])
    }

    func testJavaResultType() {
        let single = hints("java", "      Degradation result = apiInstance.createBackfilledDegradation(body);")
        XCTAssertEqual(single.responseType, "Degradation")
        XCTAssertFalse(single.responseIsArray)

        let list = hints("java", "      List<Downtime> result =\n          apiInstance.listDowntimes();")
        XCTAssertEqual(list.responseType, "Downtime")
        XCTAssertTrue(list.responseIsArray)

        let strings = hints("java", "      List<String> result = apiInstance.getSyntheticsDefaultLocations();")
        XCTAssertNil(strings.responseType, "a list of scalars names no model")
        XCTAssertTrue(strings.responseIsArray)
    }

    func testTypeScriptDataType() {
        let single = hints("typescript", "  .then((data: v2.Degradation) => {")
        XCTAssertEqual(single.responseType, "Degradation")
        XCTAssertFalse(single.responseIsArray)

        let list = hints("typescript", "  .then((data: v1.Downtime[]) => {")
        XCTAssertEqual(list.responseType, "Downtime")
        XCTAssertTrue(list.responseIsArray)

        let strings = hints("typescript", "  .then((data: string[]) => {")
        XCTAssertNil(strings.responseType)
        XCTAssertTrue(strings.responseIsArray)
    }

    func testGoOperationAndRequestList() {
        let go = hints("go", "\tbody := []datadogV2.CustomCostsFileLineItem{\n\t}\n\tresp, r, err := api.UploadCustomCostsFile(ctx, body)")
        XCTAssertEqual(go.operationID, "UploadCustomCostsFile")
        XCTAssertEqual(go.requestType, "CustomCostsFileLineItem")
        XCTAssertTrue(go.requestIsArray)
    }
}
