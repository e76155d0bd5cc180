import XCTest
@testable import DatadogCodegen

/// The Go example's request body, read into the form of the Python body and bound to the field tree.
final class GoBodyTests: XCTestCase {
    static let code = """
        func main() {
        	body := datadogV2.CreateThingRequest{
        		Name: datadog.PtrString("a, b} c"), // a comment {with braces}
        		Kind: datadogV2.THINGKIND_BIG_ONE.Ptr(),
        		Integration: datadogV2.ThingIntegration{
        			AWSIntegration: &datadogV2.AWSIntegration{
        				Type: datadogV2.AWSINTEGRATIONTYPE_AWS,
        			}},
        		Events: []datadogV2.ThingEvent{},
        		Products: []datadogV2.ThingProduct{
        			datadogV2.THINGPRODUCT_LOGS,
        		},
        		Steps: []datadogV2.ThingStep{
        			{
        				Name: `raw "name"`,
        			},
        			{
        				Tags: []string{"a"},
        			},
        		},
        		Extra: map[string]interface{}{"k": 1},
        	}
        	ctx := datadog.NewDefaultContext(context.Background())
        """

    func testCompositeLiteralsReadAsCallsListsAndWrappers() throws {
        let body = try XCTUnwrap(GoBody.parse(Self.code))
        guard case .call(let name, let arguments) = body else { return XCTFail("\(body)") }
        XCTAssertEqual(name, "CreateThingRequest")
        XCTAssertEqual(arguments.map(\.0), ["Name", "Kind", "Integration", "Events", "Products", "Steps", "Extra"])
        guard case .other = arguments[0].1 else { return XCTFail("\(arguments[0].1)") }
        guard case .attribute("", "THINGKIND_BIG_ONE") = arguments[1].1 else { return XCTFail("a constant's type is not shown: \(arguments[1].1)") }
        guard case .wrapper("ThingIntegration", .call("AWSIntegration", let inner)) = arguments[2].1 else {
            return XCTFail("the only key names its value's type: a oneOf wrapper, \(arguments[2].1)")
        }
        XCTAssertEqual(inner.map(\.0), ["Type"])
        guard case .list(let events) = arguments[3].1, events.count == 1, case .wrapper("ThingEvent", .other) = events[0] else {
            return XCTFail("an empty typed list names its element: \(arguments[3].1)")
        }
        guard case .list(let products) = arguments[4].1, products.count == 1, case .attribute("ThingProduct", "LOGS") = products[0] else {
            return XCTFail("a typed list's constants spell their type: \(arguments[4].1)")
        }
        guard case .list(let steps) = arguments[5].1, steps.count == 2,
              case .call("ThingStep", let first) = steps[0], case .call("ThingStep", let second) = steps[1] else {
            return XCTFail("elided elements are literals of the element type: \(arguments[5].1)")
        }
        XCTAssertEqual(first.map(\.0), ["Name"])
        XCTAssertEqual(second.map(\.0), ["Tags"])
        guard case .other = arguments[6].1 else { return XCTFail("maps are not modelled: \(arguments[6].1)") }
        XCTAssertEqual(CodeExampleHints(examples: [CodeExample(language: "go", code: Self.code, line: 1)]).goBodies.count, 1)
    }

    func testNoBodyOrNoModelIsNil() {
        XCTAssertNil(GoBody.parse("\tresp, r, err := api.GetThing(ctx, \"id\")"))
        XCTAssertNil(GoBody.parse("\tbody := []string{\"a\"}\n"))
    }

    func testATruncatedBodyReadsWhatItHas() {
        guard case .call("CreateThingRequest", let arguments)? = GoBody.parse("\tbody := datadogV2.CreateThingRequest{\n\t\tName: \"unterminated") else {
            return XCTFail("no call")
        }
        XCTAssertEqual(arguments.map(\.0), ["Name"])
    }

    func testAGoConstantTellsOptionsApartByTheValueItEndsWith() {
        XCTAssertTrue(OptionChoice.spells("SYNTHETICSASSERTIONTYPE_RESPONSE_TIME", of: "", oneOf: ["body", "responseTime"]))
        XCTAssertFalse(OptionChoice.spells("SYNTHETICSASSERTIONTYPE_RESPONSE_TIME", of: "", oneOf: ["body", "header"]))
        XCTAssertFalse(OptionChoice.spells("RESPONSE_TIME", of: "SyntheticsAssertionType", oneOf: ["time"]), "a typed constant spells the whole value")
    }

    func testAnEmptyTypedListNamesTheElementButChoosesNoOption() {
        var line = 0
        func row(_ name: String, _ typeCell: String, role: FieldNode.Role = .property, children: [FieldNode] = []) -> FieldNode {
            line += 1
            return FieldNode(name: name, role: role, typeCell: typeCell, required: false, deprecated: false, enumValues: nil,
                             description: "\(name) \(line)", line: line, children: children)
        }
        let events = row("events", "[object]", children: [row("name", "string")])
        let assertions = row("assertions", "[ <oneOf>]", children: [row("Option 1", "object", role: .option(1), children: [row("target", "string")]),
                                                                    row("Option 2", "object", role: .option(2), children: [row("path", "string")])])
        var builder = TypeBuilder()
        var log = DiagnosticLog(file: "things.md")
        let body = GoBody.parse("body := datadogV2.Thing{\nEvents: []datadogV2.ThingEvent{},\nAssertions: []datadogV2.ThingAssertion{},\n}")
        _ = builder.rootType(fields: [events, assertions], exampleIsArray: false, name: "Thing", doc: "", line: 1, python: body, official: true, log: &log)
        let names = Set(builder.decls.keys)
        XCTAssertTrue(names.isSuperset(of: ["Thing", "ThingEvent", "ThingAssertion"]), "\(names.sorted())")
        XCTAssertTrue(names.isSuperset(of: ["ThingAssertionsItemsOption1", "ThingAssertionsItemsOption2"]), "no option is guessed: \(names.sorted())")
    }
}
