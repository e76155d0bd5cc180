import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 4, first half: ``TypeBuilder`` turns field trees into named declarations; rows become properties.
final class TypeBuilderTests: XCTestCase {
    func testRowsBecomeProperties() throws {
        let text = StagePages.page(body: [
            "| | display_name [*required*] | string | The name. |",
            "| | count | int64 | How many. |",
            "| | tags | [string] | Labels. |",
            "| | owner | object | Who owns it. |",
            "| owner | id [*required*] | string | The owner's ID. |",
        ], bodyExample: "{\"display_name\": \"n\", \"count\": 1, \"tags\": [\"a\"], \"owner\": {\"id\": \"o\"}}")
        let module = try XCTUnwrap(GenerateAction.generate(pages: ["update.md": text], templates: nil).sdk.modules.first)
        let types = Dictionary(module.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let request = try XCTUnwrap(types["UpdateThingRequest"])
        XCTAssertEqual(request.kind, .structure)
        XCTAssertEqual(request.properties.map(\.wireName), ["display_name", "count", "tags", "owner"])
        XCTAssertEqual(request.properties.map(\.name), ["displayName", "count", "tags", "owner"])
        XCTAssertEqual(request.properties.map(\.type.swift), ["String", "Int64", "[String]", "UpdateThingRequestOwner"])
        XCTAssertEqual(request.properties.map(\.required), [true, false, false, false])
        XCTAssertEqual(request.source, SourceLocation(file: "update.md", line: StagePages.line(of: "| Parent field", in: text)))
        XCTAssertEqual(types["UpdateThingRequestOwner"]?.properties.map(\.name), ["id"])
    }

    /// Diagnostics go to the log passed in, against its page: the builder keeps no current page.
    func testDiagnosticsGoToTheGivenPagesLog() {
        var builder = TypeBuilder()
        let row = FieldNode(name: "weight", role: .property, typeCell: "decimal128", required: false, deprecated: false,
                            enumValues: nil, description: "", line: 12, children: [])
        var first = DiagnosticLog(file: "a.md")
        _ = builder.rootType(fields: [row], exampleIsArray: false, name: "A", doc: "", line: 10, python: nil, log: &first)
        var second = DiagnosticLog(file: "b.md")
        let resolved = builder.rootType(fields: [row], exampleIsArray: false, name: "B", doc: "", line: 10, python: nil, log: &second)
        XCTAssertEqual(first.diagnostics.map(\.description), ["a.md:12:1: warning: unknown type `decimal128`; the field is kept as free-form JSON"])
        XCTAssertEqual(second.diagnostics.map(\.description), ["b.md:12:1: warning: unknown type `decimal128`; the field is kept as free-form JSON"])
        XCTAssertEqual(resolved.type, .named("B"))
        XCTAssertEqual(builder.decls["A"]?.source.file, "a.md")
        XCTAssertEqual(builder.decls["B"]?.source.file, "b.md")
        XCTAssertEqual(builder.decls["B"]?.properties.map(\.type), [.json])
    }

    func testEnumRowBecomesAnEnum() throws {
        let text = StagePages.page(body: ["| | mode | enum | The mode. Allowed enum values: `fast,slow` |"], bodyExample: "{\"mode\": \"fast\"}")
        let module = try XCTUnwrap(GenerateAction.generate(pages: ["update.md": text], templates: nil).sdk.modules.first)
        let mode = try XCTUnwrap(module.types.first { $0.name == "UpdateThingRequestMode" })
        XCTAssertEqual(mode.kind, .stringEnum)
        XCTAssertEqual(mode.cases.map(\.rawValue), ["fast", "slow"])
    }
}
