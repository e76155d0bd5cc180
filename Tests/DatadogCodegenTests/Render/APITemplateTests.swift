import Foundation
import XCTest
@testable import DatadogCodegen
import DocsChanges

/// `api.mustache` lays out what ``OperationModel`` decides: request statements, the call and the
/// `…Paginated` wrapper, including the forms no page of `input/` or the corpus has yet.
final class APITemplateTests: XCTestCase {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    static func operation(_ id: String = "DoThing", parameters: [ParameterDecl] = [], body: BodyDecl? = nil,
                          response: OperationDecl.ResponseKind = .none, pagination: Pagination? = nil) -> OperationDecl {
        OperationDecl(version: "v2", operationID: id, methodName: OperationBuilder.lowerFirst(id), apiName: "ThingsAPI", tag: "Things",
                      httpMethod: "POST", path: "/api/v2/things/{thing_id}", hostPrefix: "api.", irregularHosts: [],
                      unstable: false, deprecated: false, summary: "Do a thing", doc: "", parameters: parameters, body: body,
                      response: response, responses: [], auth: ["apiKey"], accept: "application/json",
                      acceptsContentEncoding: false, source: SourceLocation(file: "things.md", line: 1), pagination: pagination)
    }

    static func parameter(_ name: String, _ location: PageParameter.Location, _ type: TypeRef = .string, required: Bool = false) -> ParameterDecl {
        ParameterDecl(wireName: name, name: name, location: location, type: type, typeCell: "string", required: required, deprecated: false, doc: "")
    }

    static func body(_ encoding: OperationDecl.BodyEncoding, _ contentType: String, required: Bool) -> BodyDecl {
        BodyDecl(type: .string, required: required, contentType: contentType, encoding: encoding, doc: "")
    }

    func render(_ operation: OperationDecl) throws -> String {
        try TemplateSet(directory: Self.templates)
            .render(APIModel(APIDecl(name: operation.apiName, tag: operation.tag, operations: [operation]), version: operation.version))
    }

    static let pathAndText = operation(parameters: [parameter("thing_id", .path)], body: body(.text, "text/plain", required: false))
    static let emptyMultipart = operation("SendNothing", body: body(.multipart, "multipart/form-data", required: true))
    static let multipart = operation("SendParts", parameters: [parameter("file", .form, .file, required: true), parameter("meta", .form, .json)],
                                     body: body(.multipart, "multipart/form-data", required: true))
    static let requiredCursor: OperationDecl = {
        let step = MemberPath.Step(wireName: "next", name: "next", optional: false)
        let pagination = Pagination(style: .cursor, position: "cursor", size: nil, bodyCursor: nil,
                                    items: MemberPath(steps: [MemberPath.Step(wireName: "data", name: "data", optional: false)]),
                                    elementType: .string, nextCursor: MemberPath(steps: [step]))
        return operation("ListThings", parameters: [parameter("cursor", .query)], response: .decoded(.named("Things")), pagination: pagination)
    }()

    func testOptionalPathParameterAndTextBody() throws {
        let text = try render(Self.pathAndText)
        XCTAssertTrue(text.contains("""
                    unstable: nil
                )
                if let thing_id { request.setPathParameter("thing_id", thing_id) }
                if let body { request.setTextBody(body, contentType: "text/plain") }
                try await client.send(request)
            }
        """), text)
        XCTAssertTrue(text.contains("public func doThing(body: String? = nil, thing_id: String? = nil) async throws {"), text)
    }

    func testMultipartBodyWithoutPartsAndWithAJSONPart() throws {
        let empty = try render(Self.emptyMultipart)
        XCTAssertTrue(empty.contains("        )\n        request.setMultipartBody([])\n        try await client.send(request)\n"), empty)
        XCTAssertTrue(empty.contains("public func sendNothing() async throws {"), empty)

        let parts = try render(Self.multipart)
        XCTAssertTrue(parts.contains("""
                var parts: [MultipartPart] = []
                parts.appendFile("file", file)
                try parts.appendJSON("meta", meta)
                request.setMultipartBody(parts)
                try await client.send(request)
        """), parts)
    }

    func testCursorFromARequiredPathIsWrappedInOptional() throws {
        let text = try render(Self.requiredCursor)
        XCTAssertTrue(text.contains("public func listThingsPaginated() -> PaginatedSequence<String> {"), text)
        XCTAssertTrue(text.contains("guard case .cursor(let cursor2) = state else { return ([], nil) }"), text)
        XCTAssertTrue(text.contains("let response = try await self.listThings(cursor: cursor2)"), text)
        XCTAssertTrue(text.contains("let items = response.data\n"), text)
        XCTAssertTrue(text.contains("return (items, Optional(response.next).flatMap { $0.isEmpty ? nil : PageState.cursor($0) })"), text)
    }

    /// The forms above, in one module with the response type they decode, type-check against the runtime.
    func testTheFormsTypeCheck() throws {
        guard let modules = GoldenTests.runtimeModules() else { throw XCTSkip("DatadogRuntime.swiftmodule not found next to the tests") }
        let things = TypeDecl(name: "Things", kind: .structure, doc: "Things.", source: SourceLocation(file: "things.md", line: 1), properties: [
            PropertyDecl(wireName: "data", name: "data", type: .array(.string), required: true, deprecated: false, doc: ""),
            PropertyDecl(wireName: "next", name: "next", type: .string, required: true, deprecated: false, doc: ""),
        ])
        let templates = try TemplateSet(directory: Self.templates)
        let api = APIModel(APIDecl(name: "ThingsAPI", tag: "Things",
                                   operations: [Self.pathAndText, Self.emptyMultipart, Self.multipart, Self.requiredCursor]), version: "v2")
        let failures = SDKTypeCheck(modules: modules).check([
            "DatadogAPITemplateTests/APIs/ThingsAPI.swift": templates.render(api),
            "DatadogAPITemplateTests/Models/Things.swift": templates.render(StructureModel(things)),
        ])
        XCTAssertTrue(failures.isEmpty, failures.map(\.description).joined(separator: "\n"))
    }
}
