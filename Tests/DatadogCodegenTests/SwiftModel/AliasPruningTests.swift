import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 4: ``AliasPruning`` keeps a typealias only for a name a user can meet (official, or shown by
/// a method's signature or a oneOf case); other references to a shared shape name its declaration.
final class AliasPruningTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Two responses that differ, each with a nested `owner` of the same shape under its convention name.
    static let pages = [
        "a.md": StagePages.page(title: "Get a thing", method: "GET", path: "/api/v2/things", response: [
            "| | owner | object | The owner. |", "| owner | id | string | The ID. |", "| owner | name | string | The name. |",
            "| | size | int64 | The size. |",
        ]),
        "b.md": StagePages.page(title: "Get a gadget", method: "GET", path: "/api/v2/gadgets", response: [
            "| | owner | object | The owner. |", "| owner | id | string | The ID. |", "| owner | name | string | The name. |",
            "| | color | string | The color. |",
        ]),
    ]

    func testAConventionNameOfASharedShapeIsNoAlias() throws {
        let result = GenerateAction.generate(pages: Self.pages, templates: try TemplateSet(directory: Self.root.appendingPathComponent("templates")))
        let module = try XCTUnwrap(result.sdk.modules.first)
        let types = Dictionary(module.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertNotNil(types["GetThingResponseOwner"])
        XCTAssertNil(types["GetGadgetResponseOwner"], "a convention name only an identical shape had is not declared")
        XCTAssertEqual(types["GetGadgetResponse"]?.properties.first { $0.wireName == "owner" }?.type, .named("GetThingResponseOwner"))
        XCTAssertFalse(result.files.values.contains { $0.contains("typealias") })
        // The dump names what the code declares.
        let dump = try XCTUnwrap(ModelDump.json(result.sdk) as? [String: Any])
        let modules = try XCTUnwrap(dump["modules"] as? [[String: Any]])
        XCTAssertEqual(modules.first?["aliases"] as? [String: String], [:])
        XCTAssertFalse((modules.first?["types"] as? [String] ?? []).contains("GetGadgetResponseOwner"))
        let gadget = try XCTUnwrap((dump["pages"] as? [[String: Any]])?.first { $0["file"] as? String == "b.md" })
        let response = try XCTUnwrap(((gadget["operations"] as? [[String: Any]])?.first?["responses"] as? [[String: Any]])?.first)
        let owner = try XCTUnwrap((response["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "owner" })
        XCTAssertEqual(owner["swift_type"] as? String, "GetThingResponseOwner")
    }

    func testANameASignatureShowsStaysAnAlias() throws {
        let rows = ["| | owner | object | The owner. |", "| owner | id | string | The ID. |"]
        let pages = [
            "a.md": StagePages.page(title: "Get a thing", method: "GET", path: "/api/v2/things", response: rows),
            "b.md": StagePages.page(title: "Get a gadget", method: "GET", path: "/api/v2/gadgets", response: rows),
        ]
        let module = try XCTUnwrap(GenerateAction.generate(pages: pages, templates: nil).sdk.modules.first)
        let types = Dictionary(module.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(types["GetGadgetResponse"]?.aliasOf, "GetThingResponse", "the return type of getGadget")
        XCTAssertNil(types["GetGadgetResponseOwner"])
    }

    func testAnOfficialNameStaysAnAlias() {
        func structure(_ name: String, aliasOf: String? = nil) -> TypeDecl {
            var decl = TypeDecl(name: name, kind: .structure, doc: "", source: SourceLocation(file: "t.md", line: 1),
                                properties: [PropertyDecl(wireName: "id", name: "id", type: .string, required: true, deprecated: false, doc: "")])
            decl.aliasOf = aliasOf
            return decl
        }
        let types = [structure("Official"), structure("AlsoOfficial", aliasOf: "Official"), structure("Convention", aliasOf: "Official")]
        XCTAssertEqual(AliasPruning.mapping(types, operations: [], official: ["Official", "AlsoOfficial"]), ["Convention": "Official"])
    }

    /// Every alias of the SDK of `input/`, the edge cases and, when `../shared` is present, of tags
    /// with many shared shapes is justified: official, or shown by a signature of the dump or a oneOf
    /// case; and no reference names a type the module does not declare.
    func testEveryAliasIsANameAUserCanMeet() throws {
        var folders = [Self.root.appendingPathComponent("input"), Self.root.appendingPathComponent("Tests/Fixtures/EdgeCases/input")]
        let shared = Self.root.appendingPathComponent("../shared/corpus/pages")
        for tag in ["dashboards", "status-pages", "synthetics"] where FileManager.default.fileExists(atPath: shared.appendingPathComponent(tag).path) {
            folders.append(shared.appendingPathComponent(tag))
        }
        for folder in folders {
            let result = try Pipeline.run(Pipeline.Options(input: folder, templates: Self.root.appendingPathComponent("templates")))
            let dump = try XCTUnwrap(ModelDump.json(result.sdk) as? [String: Any])
            var shown: [String: Set<String>] = [:]
            for page in dump["pages"] as? [[String: Any]] ?? [] {
                for operation in page["operations"] as? [[String: Any]] ?? [] {
                    var spellings = (operation["arguments"] as? [[String: Any]] ?? []).compactMap { $0["swift_type"] as? String }
                    spellings += [operation["returns"] as? String, (operation["pagination"] as? [String: Any])?["element"] as? String].compactMap { $0 }
                    let words = spellings.flatMap { $0.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init) }
                    shown[operation["swift_module"] as? String ?? "", default: []].formUnion(words)
                }
            }
            for module in result.sdk.modules {
                let declared = Set(module.types.map(\.name))
                var cases: Set<String> = []
                for decl in module.types where decl.kind == .oneOf {
                    for option in decl.options { if let leaf = option.type.namedLeaf, option.caseName.hasPrefix(Identifiers.lowerCamel(leaf)) { cases.insert(leaf) } }
                }
                for decl in module.types where decl.aliasOf != nil {
                    let justified = module.officialNames.contains(decl.name) || shown[module.name, default: []].contains(decl.name) || cases.contains(decl.name)
                    XCTAssertTrue(justified, "\(folder.lastPathComponent): \(module.name).\(decl.name) is an alias no user meets")
                }
                var referenced = module.types.flatMap { $0.properties.map(\.type) + $0.options.map(\.type) }.compactMap(\.namedLeaf)
                referenced += module.types.compactMap(\.aliasOf)
                for operation in module.operations {
                    referenced += (operation.arguments.map(\.type) + operation.responses.compactMap(\.type)).compactMap(\.namedLeaf)
                }
                for name in Set(referenced).subtracting(declared).sorted() {
                    XCTFail("\(folder.lastPathComponent): \(module.name) refers to \(name), which it does not declare")
                }
            }
        }
    }
}
