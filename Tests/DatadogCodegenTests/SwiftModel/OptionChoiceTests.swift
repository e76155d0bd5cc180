import XCTest
@testable import DatadogCodegen

/// Which oneOf option an example body builds (``OptionChoice``), and the names the binding gives
/// through it (``TypeBuilder``).
final class OptionChoiceTests: XCTestCase {
    private var line = 0

    private func row(_ name: String, _ typeCell: String = "string", values: [String]? = nil, children: [FieldNode] = []) -> FieldNode {
        line += 1
        return FieldNode(name: name, role: .property, typeCell: values == nil ? typeCell : "enum", required: false, deprecated: false,
                         enumValues: values, description: "", line: line, children: children)
    }

    private func option(_ number: Int, _ typeCell: String = "object", values: [String]? = nil, children: [FieldNode] = []) -> FieldNode {
        line += 1
        return FieldNode(name: "Option \(number)", role: .option(number), typeCell: values == nil ? typeCell : "enum", required: false, deprecated: false,
                         enumValues: values, description: "option \(line)", line: line, children: children)
    }

    private func call(_ name: String, _ arguments: [(String, PythonExpression)]) -> PythonExpression {
        .call(name: name, arguments: arguments)
    }

    /// Two topology maps with the same top-level fields, told apart by a data source two levels down.
    private func topologyMaps() -> FieldNode {
        func map(_ number: Int, source: String) -> FieldNode {
            option(number, children: [row("title"), row("type", values: ["topology_map"]),
                            row("requests", "[object]", children: [row("query", "object", children: [row("data_source", values: [source])])])])
        }
        return option(2, "<oneOf>", children: [map(1, source: "data_streams"), map(2, source: "service_map")])
    }

    private func serviceMap() -> PythonExpression {
        call("TopologyMapWidgetDefinitionServiceMap", [
            ("title", .other), ("type", .attribute(base: "TopologyMapWidgetDefinitionType", member: "TOPOLOGY_MAP")),
            ("requests", .list([call("TopologyRequestServiceMap", [
                ("query", call("TopologyQueryServiceMap", [("data_source", .attribute(base: "TopologyQueryServiceMapDataSource", member: "SERVICE_MAP"))])),
            ])])),
        ])
    }

    func testACallOfANestedOptionChoosesTheOneOfHoldingIt() {
        let barChart = option(1, children: [row("title"), row("type", values: ["bar_chart"]),
                                            row("requests", "[object]", children: [row("query", "object", children: [row("data_source", values: ["metrics"])])])])
        let options = [barChart, topologyMaps()]
        XCTAssertEqual(OptionChoice.index(of: serviceMap(), among: options), 1, "the bar chart's fields fit, its `type` does not")
        XCTAssertEqual(OptionChoice.index(of: .wrapper(name: "TopologyMapWidgetDefinition", option: serviceMap()), among: options), 1,
                       "a Java wrapper builds the nested oneOf")
    }

    func testAConstantDeepInTheCallTellsOptionsApart() {
        let maps = topologyMaps().children
        XCTAssertEqual(OptionChoice.index(of: serviceMap(), among: maps), 1, "`data_source` is `service_map` only in the second")
    }

    func testAListChoosesTheArrayOption() {
        let options = [option(1, "[object]", children: [row("facet")]), option(2, children: [row("fields", "[string]")])]
        XCTAssertEqual(OptionChoice.index(of: .list([call("GroupBy", [("facet", .other)])]), among: options), 0)
        XCTAssertEqual(OptionChoice.index(of: call("FlatGroupBy", [("fields", .other)]), among: options), 1)
    }

    func testAConstantChoosesTheEnumOption() {
        let options = [option(1, children: [row("name")]), option(2, values: ["all"])]
        XCTAssertEqual(OptionChoice.index(of: .attribute(base: "ReplaceAll", member: "ALL"), among: options), 1)
    }

    func testWhatDoesNotAgreeDeeplyFallsBackToTheTopLevelThenToTheFields() {
        // `DESCENDING` spells no value of `asc,desc` literally: the deep check fails for both, the top-level `type` decides.
        let sorted = call("Sorted", [("type", .attribute(base: "T", member: "B")),
                                     ("sort", call("Sort", [("order", .attribute(base: "WidgetSort", member: "DESCENDING"))]))])
        let options = [option(1, children: [row("type", values: ["a"]), row("sort", "object", children: [row("order", values: ["asc", "desc"])])]),
                       option(2, children: [row("type", values: ["b"]), row("sort", "object", children: [row("order", values: ["asc", "desc"])])])]
        XCTAssertEqual(OptionChoice.index(of: sorted, among: options), 1)
        // A constant no option lists: the first option holding the fields, as before.
        XCTAssertEqual(OptionChoice.index(of: call("X", [("type", .attribute(base: "T", member: "C"))]), among: options), 0)
        XCTAssertNil(OptionChoice.index(of: call("X", [("unknown", .other)]), among: options), "no option has the field")
        XCTAssertNil(OptionChoice.index(of: .wrapper(name: "W", option: call("X", [])), among: options), "a wrapper builds a oneOf")
    }

    func testTheBindingNamesTheNestedOptionsAndTheirWrapper() {
        let widget = row("definition", "<oneOf>", children: [option(1, children: [row("title"), row("type", values: ["bar_chart"])]), topologyMaps()])
        var builder = TypeBuilder()
        var log = DiagnosticLog(file: "widgets.md")
        let body = call("Widget", [("definition", .wrapper(name: "WidgetDefinition", option: .wrapper(name: "TopologyMapWidgetDefinition", option: serviceMap())))])
        _ = builder.rootType(fields: [widget], exampleIsArray: false, name: "Widget", doc: "", line: 1, python: body, official: true, log: &log)
        let names = Set(builder.decls.keys)
        for name in ["Widget", "WidgetDefinition", "TopologyMapWidgetDefinition", "TopologyMapWidgetDefinitionServiceMap",
                     "TopologyRequestServiceMap", "TopologyQueryServiceMap", "TopologyQueryServiceMapDataSource"] {
            XCTAssertTrue(names.contains(name), "\(name) in \(names.sorted())")
        }
        XCTAssertFalse(names.contains { $0.hasSuffix("Option2Option2") }, "\(names.sorted())")
    }
}
