import XCTest
@testable import DatadogCodegen

/// The Java example's request body, read into the form of the Python body and bound to the field tree.
final class JavaBodyTests: XCTestCase {
    static let code = """
        CreateThingRequest body =
            new CreateThingRequest()
                .name("a, b; c") // a comment (with parentheses)
                .kind(ThingKind.BIG_ONE)
                .integration(
                    new ThingIntegration(
                        new AWSIntegration().type(AWSIntegrationType.AWS).putAdditionalProperty("k", 1)))
                .widgets(
                    Arrays.asList(
                        new Widget(new NoteWidget().type(NoteWidgetType.NOTE)),
                        new Widget(new ToplistWidget().type(ToplistWidgetType.TOPLIST))))
                .start(OffsetDateTime.now().plusSeconds(10))
                .size(1L * 1000);

    try {
      Thing result = apiInstance.createThing(body);
    """

    func testBuilderChainsReadAsCallsAndWrappers() throws {
        let body = try XCTUnwrap(JavaBody.parse(Self.code))
        guard case .call(let name, let arguments) = body else { return XCTFail("\(body)") }
        XCTAssertEqual(name, "CreateThingRequest")
        XCTAssertEqual(arguments.map(\.0), ["name", "kind", "integration", "widgets", "start", "size"])
        guard case .attribute("ThingKind", "BIG_ONE") = arguments[1].1 else { return XCTFail("\(arguments[1].1)") }
        guard case .wrapper("ThingIntegration", .call("AWSIntegration", let inner)) = arguments[2].1 else { return XCTFail("\(arguments[2].1)") }
        XCTAssertEqual(inner.map(\.0), ["type"], "a setter of two arguments sets no field")
        guard case .list(let items) = arguments[3].1 else { return XCTFail("\(arguments[3].1)") }
        XCTAssertEqual(items.count, 2)
        guard case .other = arguments[4].1, case .other = arguments[5].1 else { return XCTFail("calls and arithmetic are not modelled") }
        XCTAssertEqual(CodeExampleHints(examples: [CodeExample(language: "java", code: Self.code, line: 1)]).javaBodies.count, 1)
    }

    func testNoBodyIsNil() {
        XCTAssertNil(JavaBody.parse("    Thing result = apiInstance.getThing(\"id\");"))
        XCTAssertNil(JavaBody.parse("    String body = \"text\";"))
    }

    private func row(_ name: String, _ cell: String, values: [String]? = nil, _ children: [FieldNode] = []) -> FieldNode {
        FieldNode(name: name, role: FieldNode.Role.of(name: name, parentCell: ""), typeCell: cell, required: false, deprecated: false,
                  enumValues: values, description: "", line: 1, children: children)
    }

    /// The wrapper names the oneOf; each element of a list names the option it builds (the first
    /// one directly, the others on the learning run, for ``NameSpreading``).
    func testWrappersNameOneOfsAndEveryListElementItsOption() throws {
        let widgets = row("widgets", "[ <oneOf>]", [
            row("Option 1", "object", [row("type", "enum", values: ["note"])]),
            row("Option 2", "object", [row("type", "enum", values: ["toplist"])]),
        ])
        var builder = TypeBuilder()
        var log = DiagnosticLog(file: "create.md")
        let root = builder.rootType(fields: [widgets], exampleIsArray: false, name: "CreateThingRequest", doc: "", line: 1,
                                    python: JavaBody.parse(Self.code), official: true, isRequest: true, log: &log)
        XCTAssertEqual(root.type, .named("CreateThingRequest"))
        XCTAssertEqual(builder.decls["CreateThingRequest"]?.properties.first?.type, .array(.named("Widget")))
        XCTAssertEqual(builder.decls["Widget"]?.options.map(\.type), [.named("NoteWidget"), .named("CreateThingRequestWidgetsItemsOption2")])
        XCTAssertTrue(builder.officialNames.isSuperset(of: ["Widget", "NoteWidget", "ToplistWidget", "ToplistWidgetType"]))
        XCTAssertEqual(Set(builder.learned.map(\.name)), ["CreateThingRequest", "Widget", "NoteWidget", "NoteWidgetType", "ToplistWidget", "ToplistWidgetType"])
    }
}
