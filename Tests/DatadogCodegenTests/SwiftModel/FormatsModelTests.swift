import Foundation
import XCTest
@testable import DatadogCodegen

/// Response kinds, multipart parts and nullable linkage are decided in the Swift model and shown by `dump`.
final class FormatsModelTests: XCTestCase {
    private func dumpOperations() throws -> [String: [String: Any]] {
        let input = GoldenTests.root.appendingPathComponent("Tests/DatadogCodegenTests/Golden/formats/input")
        let result = try Pipeline.run(Pipeline.Options(input: input, templates: GoldenTests.templates))
        XCTAssertEqual(result.errorCount, 0)
        let pages = try XCTUnwrap((ModelDump.json(result.sdk) as? [String: Any])?["pages"] as? [[String: Any]])
        var operations: [String: [String: Any]] = [:]
        for page in pages {
            for operation in page["operations"] as? [[String: Any]] ?? [] {
                operations[operation["operation_id"] as? String ?? ""] = operation
            }
        }
        return operations
    }

    func testResponseKindsFollowTheContentType() throws {
        let operations = try dumpOperations()
        XCTAssertEqual(operations["DownloadReport"]?["response_kind"] as? String, "text")
        XCTAssertEqual(operations["ExportRules"]?["response_kind"] as? String, "data")
        XCTAssertEqual(operations["GetComponent"]?["response_kind"] as? String, "decoded")
        XCTAssertEqual(operations["UploadIdPMetadata"]?["response_kind"] as? String, "decoded")
    }

    func testResponseKindOfMediaTypes() {
        let type = TypeRef.named("Thing")
        func kind(_ accept: String, _ type: TypeRef? = type) -> String {
            ModelDump.responseKind(OperationBuilder.responseKind(accept: accept, type: type))
        }
        XCTAssertEqual(kind("application/json"), "decoded")
        XCTAssertEqual(kind("application/json;datetime-format=rfc3339"), "decoded")
        XCTAssertEqual(kind("text/json"), "decoded")
        XCTAssertEqual(kind("application/vnd.api+json"), "decoded")
        XCTAssertEqual(kind("*/*"), "decoded")
        XCTAssertEqual(kind("application/json", nil), "none")
        XCTAssertEqual(kind("text/csv"), "text")
        XCTAssertEqual(kind("text/plain; charset=utf-8"), "text")
        XCTAssertEqual(kind("application/yaml"), "text")
        XCTAssertEqual(kind("application/zip"), "data")
        XCTAssertEqual(kind("application/octet-stream, application/json"), "data")
        XCTAssertEqual(kind("multipart/form-data"), "data")
    }

    func testMultipartPartsAreParameters() throws {
        let upload = try XCTUnwrap(try dumpOperations()["UploadIdPMetadata"])
        let parameters = try XCTUnwrap(upload["parameters"] as? [[String: Any]])
        XCTAssertEqual(parameters.map { $0["name"] as? String }, ["idp_file", "label", "priority"])
        XCTAssertEqual(parameters.map { $0["in"] as? String }, ["form", "form", "form"])
        XCTAssertEqual(parameters.map { $0["swift_type"] as? String }, ["DatadogFile", "String", "Int64"])
        XCTAssertEqual(parameters.map { $0["required"] as? Bool }, [true, false, false])
        let request = try XCTUnwrap(upload["request"] as? [String: Any])
        XCTAssertEqual(request["encoding"] as? String, "multipart")
        XCTAssertEqual((request["fields"] as? [[String: Any]])?.count, 3, "the rows stay in the dump")
    }

    func testToOneLinkageIsNullableToManyIsNot() throws {
        let component = try XCTUnwrap(try dumpOperations()["GetComponent"])
        let response = try XCTUnwrap((component["responses"] as? [[String: Any]])?.first)
        func field(_ path: [String], in fields: [[String: Any]]) -> [String: Any]? {
            guard let first = path.first, let node = fields.first(where: { $0["name"] as? String == first }) else { return nil }
            return path.count == 1 ? node : field(Array(path.dropFirst()), in: node["fields"] as? [[String: Any]] ?? [])
        }
        let fields = response["fields"] as? [[String: Any]] ?? []
        XCTAssertEqual(field(["data", "relationships", "group", "data"], in: fields)?["nullable"] as? Bool, true)
        XCTAssertEqual(field(["data", "relationships", "lead", "data"], in: fields)?["nullable"] as? Bool, true)
        XCTAssertEqual(field(["data", "relationships", "members", "data"], in: fields)?["nullable"] as? Bool, false)
        XCTAssertEqual(field(["data", "relationships", "group", "data", "id"], in: fields)?["nullable"] as? Bool, false)
        XCTAssertEqual(field(["data"], in: fields)?["nullable"] as? Bool, false)
        XCTAssertEqual(field(["data", "attributes", "owner", "data"], in: fields)?["nullable"] as? Bool, false)
    }

    /// An identical structure outside `relationships` shares the linkage's type, which stays nullable.
    func testSharedTypeIsNullableWhereAnyUseIs() throws {
        let input = GoldenTests.root.appendingPathComponent("Tests/DatadogCodegenTests/Golden/formats/input")
        let files = try Pipeline.run(Pipeline.Options(input: input, templates: GoldenTests.templates)).files
        let owner = try XCTUnwrap(files["DatadogV2/Models/GetComponentResponseDataAttributesOwner.swift"])
        XCTAssertTrue(owner.contains("public var data: Nullable<GetComponentResponseDataAttributesOwnerData>"), owner)
        // The relationship names the shared declaration (no typealias: its convention name is one nobody meets).
        let relationships = try XCTUnwrap(files["DatadogV2/Models/GetComponentResponseDataRelationships.swift"])
        XCTAssertTrue(relationships.contains("public var group: GetComponentResponseDataAttributesOwner?"), relationships)
        XCTAssertNil(files["DatadogV2/Models/TypeAliases.swift"])
    }
}
