import Foundation
import XCTest
@testable import DatadogCodegen

/// Official names from the examples: spread to copies of a schema, oneOf and enum case names,
/// and one name per type for the dump and the generated code.
final class OfficialNamesTests: XCTestCase {
    private func run() throws -> Pipeline.Result {
        let input = GoldenTests.root.appendingPathComponent("Tests/DatadogCodegenTests/Golden/official-names/input")
        let result = try Pipeline.run(Pipeline.Options(input: input, templates: GoldenTests.templates))
        XCTAssertEqual(result.errorCount, 0)
        return result
    }

    /// Swift types of the dump's rows by path (`definition/Option 2/sort`), per operation.
    private func dumpTypes(_ result: Pipeline.Result) throws -> [String: [String: String]] {
        let pages = try XCTUnwrap((ModelDump.json(result.sdk) as? [String: Any])?["pages"] as? [[String: Any]])
        var types: [String: [String: String]] = [:]
        func walk(_ fields: [[String: Any]], _ prefix: String, into table: inout [String: String]) {
            for field in fields {
                let path = prefix + (field["name"] as? String ?? "")
                table[path] = field["swift_type"] as? String
                walk(field["fields"] as? [[String: Any]] ?? [], path + "/", into: &table)
            }
        }
        for page in pages {
            for operation in page["operations"] as? [[String: Any]] ?? [] {
                var table: [String: String] = [:]
                if let request = operation["request"] as? [String: Any] {
                    table["request"] = request["swift_type"] as? String
                    walk(request["fields"] as? [[String: Any]] ?? [], "request/", into: &table)
                }
                for response in operation["responses"] as? [[String: Any]] ?? [] {
                    walk(response["fields"] as? [[String: Any]] ?? [], "response/", into: &table)
                }
                types[operation["operation_id"] as? String ?? ""] = table
            }
        }
        return types
    }

    func testEveryPythonBodyNamesTypes() throws {
        let create = try XCTUnwrap(try dumpTypes(run())["CreateWidget"])
        XCTAssertEqual(create["request"], "WidgetCreateRequest")
        XCTAssertEqual(create["request/definition/Option 1"], "NoteWidgetDefinition", "from the first Python body")
        XCTAssertEqual(create["request/definition/Option 2"], "ToplistWidgetDefinition", "from the second Python body")
        XCTAssertEqual(create["request/definition/Option 2/sort"], "WidgetSort")
        XCTAssertEqual(create["request/definition/Option 3"], "WidgetCreateRequestDefinitionOption3", "no example names it")
    }

    func testNameSpreadsToTheSameSchemaOnAnotherPage() throws {
        let get = try XCTUnwrap(try dumpTypes(run())["GetWidget"])
        XCTAssertEqual(get["response/placement"], "WidgetLayout", "same table as the request's `layout`")
        XCTAssertEqual(get["response/id"], "String")
    }

    func testOneOfCasesAreNamedAfterTheOptionsTypeOrDiscriminator() throws {
        let module = try XCTUnwrap(try run().sdk.modules.first)
        let definition = try XCTUnwrap(module.types.first { $0.name == "WidgetCreateRequestDefinition" })
        XCTAssertEqual(definition.options.map(\.caseName), ["noteWidgetDefinition", "toplistWidgetDefinition", "group"])
    }

    func testSortValuesReadAsAscendingAndDescending() throws {
        let module = try XCTUnwrap(try run().sdk.modules.first)
        let sort = try XCTUnwrap(module.types.first { $0.name == "WidgetSort" })
        XCTAssertEqual(sort.cases.map(\.name), ["nameAscending", "nameDescending"], "`NAME_ASCENDING`, `NAME_DESCENDING`")
        XCTAssertEqual(sort.cases.map(\.rawValue), ["name", "-name"], "raw values stay as on the wire")
    }

    func testOptionsWithoutOfficialNamesAreNamedByWhatTellsThemApart() {
        func row(_ name: String, _ values: [String]? = nil, required: Bool = false, line: Int) -> FieldNode {
            FieldNode(name: name, role: .property, typeCell: values == nil ? "string" : "enum", required: required, deprecated: false,
                      enumValues: values, description: "", line: line, children: [])
        }
        func option(_ number: Int, _ children: [FieldNode]) -> FieldNode {
            FieldNode(name: "Option \(number)", role: .option(number), typeCell: "object", required: false, deprecated: false,
                      enumValues: nil, description: "", line: number * 10, children: children)
        }
        let metrics = option(1, [row("data_source", ["metrics"], line: 11), row("query", required: true, line: 12)])
        let events = option(2, [row("data_source", ["logs", "rum"], line: 21), row("compute", line: 22), row("search", required: true, line: 23)])
        let same = option(3, [row("data_source", ["metrics"], line: 31), row("query", line: 32)])
        XCTAssertEqual(TypeBuilder.discriminator(metrics, others: [events]), "metrics", "a single-valued enum field other than `type`")
        XCTAssertEqual(TypeBuilder.discriminator(events, others: [metrics]), "search", "a field no other option has, required first")
        XCTAssertNil(TypeBuilder.discriminator(same, others: [metrics]), "nothing tells it apart")
    }

    func testSpreadingNeedsOneCandidateInTheClosestScope() {
        let spreading = NameSpreading([
            .init(signature: "s", file: "a/one.md", name: "Plain"),
            .init(signature: "s", file: "a/one.md", name: "Nullable"),
            .init(signature: "t", file: "a/one.md", name: "Here"),
            .init(signature: "t", file: "b/two.md", name: "There"),
        ])
        XCTAssertNil(spreading.name(for: "s", file: "a/one.md"), "two names for one table: keep the convention name")
        XCTAssertNil(spreading.name(for: "s", file: "a/other.md"))
        XCTAssertEqual(spreading.name(for: "t", file: "a/one.md"), "Here")
        XCTAssertEqual(spreading.name(for: "t", file: "a/three.md"), "Here", "the same folder first")
        XCTAssertEqual(spreading.name(for: "t", file: "b/four.md"), "There")
        XCTAssertNil(spreading.name(for: "t", file: "c/five.md"), "two names elsewhere")
        XCTAssertNil(spreading.name(for: "u", file: "a/one.md"))
    }

    func testReferencesToAnAliasOfAnOfficialTypeUseTheOfficialName() {
        let source = SourceLocation(file: "p.md", line: 1)
        var alias = TypeDecl(name: "ThingAttributes", kind: .structure, doc: "", source: source)
        alias.aliasOf = "Attributes"
        let official = TypeDecl(name: "Attributes", kind: .structure, doc: "", source: source)
        let user = TypeDecl(name: "Thing", kind: .structure, doc: "", source: source, properties: [
            PropertyDecl(wireName: "attributes", name: "attributes", type: .array(.named("ThingAttributes")), required: true, deprecated: false, doc: ""),
        ])
        let mapping = OfficialRenaming.mapping([alias, official, user], official: ["Attributes"])
        XCTAssertEqual(mapping, ["ThingAttributes": "Attributes"])
        let renamed = OfficialRenaming.apply(mapping, to: [alias, official, user])
        XCTAssertEqual(renamed[2].properties[0].type, .array(.named("Attributes")))
        let field = ResolvedField(type: .named("Thing"), children: [ResolvedField(type: .named("ThingAttributes"), children: [])])
        let table = TableBinding(fields: [], resolved: field, example: nil, exampleLine: 0)
        let rows = RowBindings(body: table, responses: [table]).renamed(mapping)
        XCTAssertEqual(rows.body?.resolved?.children[0].type, .named("Attributes"))
        XCTAssertEqual(rows.responses.first?.resolved?.children[0].type, .named("Attributes"))
    }
}
