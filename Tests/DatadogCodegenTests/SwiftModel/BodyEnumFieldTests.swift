import Foundation
import XCTest
@testable import DatadogCodegen

/// A parameter enum whose values are a subset of the enum field it filters on (in the operation's
/// body or responses) takes the field's values and is one type with it (`BodyEnumField`).
final class BodyEnumFieldTests: XCTestCase {
    static let response = [
        "| data | [object]", "data | id | string", "data | attributes | object",
        "attributes | tool | enum | The tool. Allowed enum values: `Infra,IAST,SCA`",
    ]

    func module(query: String) throws -> ModuleModel {
        let text = PaginationInferenceTests.page(query: [query], response: Self.response)
        let sdk = GenerateAction.generate(pages: ["things.md": text], templates: nil).sdk
        XCTAssertEqual(sdk.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return try XCTUnwrap(sdk.modules.first)
    }

    func parameter(_ module: ModuleModel) throws -> (TypeRef, [String]) {
        let type = try XCTUnwrap(module.operations.first?.parameters.first?.type)
        guard case .named(let name) = type, let decl = module.types.first(where: { $0.name == name }) else {
            XCTFail("an enum: \(type)")
            return (type, [])
        }
        return (type, decl.cases.map(\.rawValue))
    }

    func testAOneCaseFilterTakesTheFieldsValuesAndIsOneTypeWithIt() throws {
        let module = try module(query: "filter[tool] | string | Filter by tool. Allowed enum values: `Infra`")
        let (type, values) = try parameter(module)
        XCTAssertEqual(values, ["Infra", "IAST", "SCA"], "the field's values, in its order")
        let attributes = try XCTUnwrap(module.types.first { decl in decl.properties.contains { $0.wireName == "tool" } })
        let tool = try XCTUnwrap(attributes.properties.first { $0.wireName == "tool" })
        func resolved(_ type: TypeRef) -> TypeRef {
            guard case .named(let name) = type, let alias = module.types.first(where: { $0.name == name })?.aliasOf else { return type }
            return .named(alias)
        }
        XCTAssertEqual(resolved(tool.type), resolved(type), "the response's field and the parameter share one enum")
    }

    func testAFilterWithAValueTheFieldDoesNotListKeepsItsOwn() throws {
        let (_, values) = try parameter(try module(query: "filter[tool] | string | Allowed enum values: `Infra,Other`"))
        XCTAssertEqual(values, ["Infra", "Other"])
    }

    func testAFilterOnAnotherKeyKeepsItsOwn() throws {
        let (_, values) = try parameter(try module(query: "filter[source] | string | Allowed enum values: `Infra`"))
        XCTAssertEqual(values, ["Infra"])
    }

    func testFilteredPath() {
        XCTAssertEqual(BodyEnumField.filteredPath("filter[cvss.base.severity]"), ["cvss", "base", "severity"])
        XCTAssertEqual(BodyEnumField.filteredPath("asset_type"), ["asset_type"])
        XCTAssertEqual(BodyEnumField.filteredPath("page[size]"), ["size"])
    }
}
