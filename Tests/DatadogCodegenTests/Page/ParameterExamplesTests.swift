import XCTest
@testable import DatadogCodegen

/// What the code examples pass for parameters (``ParameterExamples``), and the types
/// ``OperationBuilder/parameterType(_:evidence:operationID:file:types:)`` makes of it.
final class ParameterExamplesTests: XCTestCase {
    func examples(_ pairs: (String, String)...) -> ParameterExamples {
        ParameterExamples(examples: pairs.map { CodeExample(language: $0.0, code: $0.1, line: 1) })
    }

    func testPythonEnumsListsAndDates() {
        let read = examples(("python", """
            with ApiClient(configuration) as api_client:
                api_instance = TeamsApi(api_client)
                response = api_instance.list_things(
                    sort=ThingsSort.NAME_DESCENDING,
                    fields_team=[
                        TeamsField.ID,
                        TeamsField.NAME,
                    ],
                    filter_from=(datetime.now() + relativedelta(minutes=-30)),
                    start=int(datetime.now().timestamp()),
                    page_size=2,
                    body=body,
                )
            """))
        XCTAssertEqual(read.evidence(for: "sort")?.enumName, "ThingsSort")
        XCTAssertEqual(read.evidence(for: "sort")?.enumList, false)
        XCTAssertEqual(read.evidence(for: "fields[team]")?.enumName, "TeamsField", "list items spanning lines")
        XCTAssertEqual(read.evidence(for: "fields[team]")?.enumList, true)
        XCTAssertEqual(read.evidence(for: "filter[from]")?.isDate, true)
        XCTAssertEqual(read.evidence(for: "start")?.isEpoch, true)
        XCTAssertEqual(read.evidence(for: "start")?.isDate, false)
        XCTAssertNil(read.evidence(for: "page[size]")?.enumName)
        XCTAssertNil(read.evidence(for: "body"))
    }

    func testTypeScriptLiteralsWithTheBraceOnTheNextLineAndGoDates() {
        let read = examples(("typescript", """
            const params: v2.ThingsApiListThingsRequest =
              {
                sort: "-name",
                fieldsTeam: ["id", "name"],
                filterFrom: new Date(new Date().getTime() + -30 * 1000),
              };
            """), ("go", "resp, r, err := api.ListThings(ctx, *datadogV2.NewListThingsOptionalParameters().WithFilterTo(time.Now()).WithPageSize(2))"))
        XCTAssertEqual(read.evidence(for: "sort")?.literals, ["-name"])
        XCTAssertEqual(read.evidence(for: "fields[team]")?.literals, ["id", "name"])
        XCTAssertEqual(read.evidence(for: "filter[from]")?.isDate, true)
        XCTAssertEqual(read.evidence(for: "filter[to]")?.isDate, true)
        XCTAssertNil(read.evidence(for: "page[size]"), "a number passed in Go tells nothing")
    }

    func testTypesFollowTheEvidence() {
        var types = TypeBuilder()
        func type(_ name: String, _ cell: String, _ evidence: ParameterExamples.Evidence? = nil,
                  location: PageParameter.Location = .query, description: String = "") -> String {
            let parameter = PageParameter(name: name, location: location, required: false, type: cell, description: description,
                                          deprecated: false, line: 1)
            return OperationBuilder.parameterType(parameter, evidence: evidence, operationID: "ListThings", file: "p.md", types: &types).swift
        }
        let sort = ParameterExamples.Evidence(enumName: "ThingsSort", literals: ["-name"])
        XCTAssertEqual(type("sort", "string", sort), "ThingsSort")
        XCTAssertEqual(types.decls["ThingsSort"]?.cases.map(\.name), ["nameDescending"])
        XCTAssertEqual(type("sort", "array", sort), "[String]", "a single constant does not make an array parameter an enum list")
        XCTAssertEqual(type("include", "array", description: "Resources. Allowed enum values: `a, b_c`"), "[ListThingsInclude]")
        XCTAssertEqual(types.decls["ListThingsInclude"]?.cases.map(\.rawValue), ["a", "b_c"])
        let date = ParameterExamples.Evidence(isDate: true)
        XCTAssertEqual(type("filter[from]", "string", date), "Date")
        XCTAssertEqual(type("day", "string", date, location: .path), "String", "dates are query parameters only")
        XCTAssertEqual(type("start", "integer", date), "Int64", "the Type cell's number wins")
        XCTAssertEqual(type("start", "string", ParameterExamples.Evidence(isDate: true, isEpoch: true)), "String")
        XCTAssertEqual(type("limit", "number"), "Double")
        XCTAssertEqual(type("archived", "boolean"), "Bool")
    }

    /// Hostile examples cost one bounded scan per call, not one per character.
    func testManyCallsStayCheap() {
        let code = String(repeating: "api_instance.x(sort=A.B, ", count: 50_000) + String(repeating: ".With", count: 50_000)
        let start = Date()
        let read = examples(("python", code), ("go", code))
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "quadratic would take minutes")
        XCTAssertNil(read.evidence(for: "sort")?.enumName, "unclosed calls give nothing")
    }
}
