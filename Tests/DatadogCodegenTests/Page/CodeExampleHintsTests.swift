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

/// operationIds of pages without code examples.
final class OperationNamingTests: XCTestCase {
    func testTitleGuess() {
        XCTAssertEqual(OperationBuilder.operationID(fromTitle: "Get a list of all incident services", method: "GET", path: "/x"), "ListIncidentServices")
        XCTAssertEqual(OperationBuilder.operationID(fromTitle: "Create a new incident service", method: "POST", path: "/x"), "CreateIncidentService")
        XCTAssertEqual(OperationBuilder.operationID(fromTitle: "Mute or unmute a batch of findings", method: "PATCH", path: "/x"), "MuteFindings")
    }

    func testSiblingsSpellOutTheNoun() {
        let siblings = ["ThreatHuntingJob", "ThreatHuntingJobs"]
        let path = "/api/v2/siem-threat-hunting/jobs/{job_id}"
        XCTAssertEqual(OperationNaming.refine("DeleteJob", siblings: siblings, path: path), "DeleteThreatHuntingJob")
        XCTAssertEqual(OperationNaming.refine("ListJobs", siblings: siblings, path: path), "ListThreatHuntingJobs")
        XCTAssertEqual(OperationNaming.refine("DeleteWidget", siblings: siblings, path: path), "DeleteWidget", "no sibling ends with the noun")
        XCTAssertEqual(OperationNaming.refine("GetBlob", siblings: ["Blob"], path: path), "GetBlob")
        XCTAssertEqual(OperationNaming.key("v2", "/api/v2/siem-threat-hunting/jobs/{job_id}/cancel"), "v2 api/v2/siem-threat-hunting/jobs")
        XCTAssertEqual(OperationNaming.refine("GetTeam", siblings: ["MemberTeam"], path: "/api/v2/member-team/{id}") { $0 != "GetMemberTeam" },
                       "GetTeam", "never a name another operation has")
        XCTAssertEqual(OperationNaming.refine("DeleteJob", siblings: ["ThreatHuntingJob"], path: "/api/v2/jobs/{job_id}"), "DeleteJob",
                       "words one sibling adds must be in the path")
        XCTAssertEqual(OperationNaming.refine("DeleteJob", siblings: siblings, path: "/api/v2/jobs/{job_id}"), "DeleteThreatHuntingJob",
                       "or agreed on by two siblings")
    }

    func testErrorBodyNames() {
        func field(_ name: String, _ cell: String, _ children: [FieldNode] = []) -> FieldNode {
            FieldNode(name: name, role: .property, typeCell: cell, required: true, deprecated: false, enumValues: nil,
                      description: "", line: 1, children: children)
        }
        XCTAssertEqual(OperationBuilder.errorTypeName([field("errors", "[string]")]), "APIErrorResponse")
        XCTAssertEqual(OperationBuilder.errorTypeName([field("errors", "[object]", [field("title", "string")])]), "JSONAPIErrorResponse")
        XCTAssertEqual(OperationBuilder.errorTypeName([field("error", "object")]), "APIErrorResponseError")
    }

    func testCamelWords() {
        XCTAssertEqual(Identifiers.camelWords("ListAWSLogsServices"), ["List", "AWS", "Logs", "Services"])
        XCTAssertEqual(Identifiers.camelWords("DeleteThreatHuntingJob"), ["Delete", "Threat", "Hunting", "Job"])
    }
}
