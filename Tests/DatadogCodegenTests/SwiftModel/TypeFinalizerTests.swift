import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 4, second half: ``TypeFinalizer`` shares identical structures and breaks recursion.
final class TypeFinalizerTests: XCTestCase {
    private func structure(_ name: String, _ properties: [(String, TypeRef)]) -> TypeDecl {
        TypeDecl(name: name, kind: .structure, doc: "", source: SourceLocation(file: "t.md", line: 1),
                 properties: properties.map { PropertyDecl(wireName: $0.0, name: $0.0, type: $0.1, required: true, deprecated: false, doc: "") })
    }

    func testIdenticalStructuresShareTheFirstName() {
        let decls = ["A": structure("A", [("id", .string)]), "B": structure("B", [("id", .string)]), "C": structure("C", [("id", .int64)])]
        let final = Dictionary(TypeFinalizer.finalize(decls, order: ["A", "B", "C"]).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertNil(final["A"]?.aliasOf)
        XCTAssertEqual(final["B"]?.aliasOf, "A")
        XCTAssertNil(final["C"]?.aliasOf)
    }

    func testAnOfficialNameDeclaresTheSharedStructure() {
        let decls = ["A": structure("A", [("id", .string)]), "B": structure("B", [("id", .string)])]
        let final = Dictionary(TypeFinalizer.finalize(decls, order: ["A", "B"], official: ["B"]).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(final["A"]?.aliasOf, "B")
        XCTAssertNil(final["B"]?.aliasOf)
    }

    func testRecursiveStructureIsIndirect() throws {
        let decls = ["Node": structure("Node", [("name", .string), ("parent", .named("Node"))])]
        let node = try XCTUnwrap(TypeFinalizer.finalize(decls, order: ["Node"]).first)
        XCTAssertEqual(node.properties.map(\.indirect), [false, true])
    }

    /// Through the whole pipeline: two pages whose responses have the same structure share one type.
    func testIdenticalResponsesOfTwoPagesShareOneType() throws {
        let rows = ["| | id | string | The ID. |", "| | name | string | The name. |"]
        let pages = [
            "a.md": StagePages.page(title: "Get a thing", method: "GET", path: "/api/v2/things", response: rows),
            "b.md": StagePages.page(title: "Get a gadget", method: "GET", path: "/api/v2/gadgets", response: rows),
        ]
        let module = try XCTUnwrap(GenerateAction.generate(pages: pages, templates: nil).sdk.modules.first)
        let types = Dictionary(module.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertNil(types["GetThingResponse"]?.aliasOf)
        XCTAssertEqual(types["GetGadgetResponse"]?.aliasOf, "GetThingResponse")
    }
}
