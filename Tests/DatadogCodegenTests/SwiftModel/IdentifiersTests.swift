import Foundation
import XCTest
@testable import DatadogCodegen

/// ``Identifiers``: Swift names from the pages' words.
final class IdentifiersTests: XCTestCase {
    func testCamelCase() {
        XCTAssertEqual(Identifiers.upperCamel("components_affected"), "ComponentsAffected")
        XCTAssertEqual(Identifiers.lowerCamel("components_affected"), "componentsAffected")
        XCTAssertEqual(Identifiers.lowerCamel("ID"), "id")
        XCTAssertEqual(Identifiers.lowerCamel("URLPath"), "urlPath")
        XCTAssertEqual(Identifiers.lowerCamel("2fa"), "_2fa")
    }

    func testTypeNamesAreDeclarable() {
        XCTAssertEqual(Identifiers.typeName(""), "Model")
        XCTAssertEqual(Identifiers.typeName("error"), "ErrorModel")
        XCTAssertEqual(Identifiers.typeName("3d_view"), "_3dView")
    }

    func testMembersAreEscapedOrSuffixed() {
        XCTAssertEqual(Identifiers.escapedMember("default"), "`default`")
        XCTAssertEqual(Identifiers.escapedMember("init"), "init_")
        XCTAssertEqual(Identifiers.escapedMember("name"), "name")
    }

    func testUniqueNamesAreNumbered() {
        var used: Set<String> = ["thing"]
        XCTAssertEqual(Identifiers.unique("thing", in: &used), "thing2")
        XCTAssertEqual(Identifiers.unique("thing", in: &used), "thing3")
        XCTAssertEqual(Identifiers.unique("other", in: &used), "other")
    }

    func testLongNamesAreCappedStably() {
        let long = String(repeating: "Resource", count: 40)
        let capped = Identifiers.capped(long)
        XCTAssertLessThanOrEqual(capped.utf8.count, Identifiers.maxNameBytes)
        XCTAssertEqual(Identifiers.capped(capped), capped)
        XCTAssertEqual(Identifiers.capped(long), capped)
        XCTAssertNotEqual(Identifiers.capped(long + "A"), capped)
        XCTAssertEqual(Identifiers.capped("Short"), "Short")
    }

    /// Through the pipeline: a field named like a keyword keeps its wire name and gets a usable Swift name.
    func testKeywordFieldsThroughThePipeline() throws {
        let text = StagePages.page(body: ["| | default | string | A keyword. |", "| | self | string | Not declarable. |"],
                                   bodyExample: "{\"default\": \"d\", \"self\": \"s\"}")
        let module = try XCTUnwrap(GenerateAction.generate(pages: ["p.md": text], templates: nil).sdk.modules.first)
        let request = try XCTUnwrap(module.types.first { $0.name == "UpdateThingRequest" })
        XCTAssertEqual(request.properties.map(\.wireName), ["default", "self"])
        XCTAssertEqual(request.properties.map { Identifiers.escapedMember($0.name) }, ["`default`", "self_"])
    }
}
