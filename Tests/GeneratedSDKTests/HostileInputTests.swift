import DatadogEdgeCasesV1
import DatadogRuntime
import DatadogTesting
import Foundation
import XCTest

/// The hostile edge-case pages (`Tests/Fixtures/EdgeCases/input`, generated into the test-only module
/// `DatadogEdgeCasesV1`): its generated types compile (this file builds), its examples round-trip,
/// and bad responses decode instead of crashing.
final class HostileInputTests: XCTestCase {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/EdgeCases/input/get-widget-edge-cases.md")

    /// A oneOf is built from any option whose type no other option has, unlabeled, and read back
    /// through one optional accessor per case.
    func testOneOfInitializersAndAccessors() throws {
        let note = EdgeNoteDefinition(content: "deploys", type: .note)
        let definition = EdgeWidgetRequestDefinition(note)
        XCTAssertEqual(definition, .edgeNoteDefinition(note))
        XCTAssertEqual(definition.asEdgeNoteDefinition, note)
        XCTAssertNil(definition.asString)
        XCTAssertEqual(EdgeWidgetRequestDefinition("text").asString, "text")
        XCTAssertNil(EdgeWidgetRequestDefinition("text").asEdgeNoteDefinition)
        let decoded = try JSONDecoder().decode(EdgeWidgetRequestDefinition.self, from: JSONEncoder().encode(definition))
        XCTAssertEqual(decoded.asEdgeNoteDefinition?.content, "deploys")
    }

    static func examples() throws -> [Data] {
        let text = try String(contentsOf: page, encoding: .utf8)
        return text.components(separatedBy: "```json\n").dropFirst().compactMap { block in
            block.components(separatedBy: "\n```").first.map { Data($0.utf8) }
        }
    }

    func roundTrip<T: Codable>(_ type: T.Type, _ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> T {
        let value = try JSONDecoder().decode(T.self, from: data)
        let encoded = try JSONEncoder().encode(value)
        try XCTAssertEqual(JSONObject(encoded), JSONObject(data), "\(T.self) loses or changes data", file: file, line: line)
        return value
    }

    func testExamplesRoundTrip() throws {
        let examples = try Self.examples()
        XCTAssertEqual(examples.count, 3)
        let request = try roundTrip(EdgeWidgetRequest.self, examples[0])
        XCTAssertEqual(request.default, true)
        XCTAssertEqual(request.self_, "me")
        XCTAssertEqual(request.type, "widget")
        XCTAssertEqual(request.aB, "dash")
        XCTAssertEqual(request.aB2, "underscore")
        XCTAssertEqual(request.id, "id-1")
        XCTAssertEqual(request.id2, "ID-1")
        XCTAssertEqual(request.fieldWithDots, 9_007_199_254_740_993, "integers beyond 2^53 survive")
        XCTAssertEqual(request.status, .inProgress)
        XCTAssertEqual(request.level, .value2)
        XCTAssertEqual(request.tags?["env"], "prod")
        XCTAssertNotNil(request.timestamp, "nine fraction digits parse")
        XCTAssertEqual(request.$timestamp, "2024-01-02T03:04:05.123456789Z", "and are kept for the round trip")
        guard case .edgeNoteDefinition(let note)? = request.definition else {
            return XCTFail("the note option is chosen: \(String(describing: request.definition))")
        }
        XCTAssertEqual(note.content, "hello")
        _ = try roundTrip(UpdateEdgeWidgetResponse.self, examples[1])
        _ = try roundTrip(DatadogEdgeCasesV1.APIErrorResponse.self, examples[2])
    }

    func testUnknownValuesSurvive() throws {
        let json = Data(#"""
        {"status": "brand-new", "level": 42, "definition": {"kind": "unheard of", "n": [1, 2]},
         "extra_field": {"nested": true}, "mystery": null, "protocol": null,
         "@timestamp": "2024-01-02 03:04:05", "Data": {"Date": ""}}
        """#.utf8)
        let request = try roundTrip(EdgeWidgetRequest.self, json)
        XCTAssertEqual(request.status, .unknown("brand-new"))
        XCTAssertEqual(request.level, .unknown(42))
        guard case .unparsed? = request.definition else { return XCTFail("an unknown oneOf shape is kept raw") }
        XCTAssertEqual(request.additionalProperties["extra_field"], .object(["nested": .bool(true)]))
        XCTAssertNil(request.protocol)
        XCTAssertNotNil(request.timestamp, "a space for the T parses")
        XCTAssertNil(request.data?.date, "an empty text names no date")
        XCTAssertEqual(request.data?.$date, "", "but is kept")
    }

    /// Lists the pages show only through the code examples (`List<EdgeGadget> result`), integer
    /// enums whose values only the example shows, and a list of strings with its description row.
    func testListResponsesAndIntegerEnums() async throws {
        let gadgets = Data(#"[{"id": 7, "labels": ["blue"], "state": 1}, {"id": 8, "state": 0}]"#.utf8)
        let names = Data(#"["gadget-1", "gadget-2"]"#.utf8)
        let server = try await StandInServer.start { request in
            StandInServer.Response.json(request.path.hasSuffix("gadget-names") ? names : gadgets)
        }
        let api = EdgeCasesAPI(configuration: DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:]))
        let list: [EdgeGadget] = try await api.listEdgeGadgets()
        XCTAssertEqual(list.map(\.id), [7, 8])
        XCTAssertEqual(list.first?.state?.rawValue, 1)
        try XCTAssertEqual(JSONObject(JSONEncoder().encode(list)), JSONObject(gadgets), "integer enum values stay integers")
        let listed: [String] = try await api.listEdgeGadgetNames()
        XCTAssertEqual(listed, ["gadget-1", "gadget-2"])
        await server.stop()
    }

    func testBadResponsesThrowTypedErrors() async throws {
        for (status, body) in [(200, Data("{not json".utf8)), (500, Data()), (503, Data("<html>down</html>".utf8))] {
            let server = try await StandInServer.start { _ in StandInServer.Response.json(body, status: status) }
            let configuration = DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:])
            var enabled = configuration
            enabled.enableUnstableOperation(.v1UpdateEdgeWidget)
            do {
                _ = try await EdgeCasesAPI(configuration: enabled).updateEdgeWidget(widgetId: "w", body: EdgeWidgetRequest())
                XCTFail("status \(status) must throw")
            } catch let error as DatadogAPIError {
                XCTAssertEqual(error.statusCode, status)
                XCTAssertEqual(error.body, body)
            } catch let error as DatadogClientError {
                XCTAssertEqual(status, 200, "only a malformed 2xx body is a client error: \(error)")
            }
            await server.stop()
        }
    }

    func testUnstableOperationIsRefusedBeforeAnyRequest() async throws {
        let server = try await StandInServer.start { _ in StandInServer.Response(status: 200, body: Data("{}".utf8)) }
        let api = EdgeCasesAPI(configuration: DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:]))
        do {
            _ = try await api.updateEdgeWidget(widgetId: "w", body: EdgeWidgetRequest())
            XCTFail("an unstable operation must be enabled first")
        } catch let error as DatadogClientError {
            XCTAssertEqual(error, .unstableOperationDisabled(.v1UpdateEdgeWidget))
        }
        let received = server.requests
        XCTAssertTrue(received.isEmpty)
        await server.stop()
    }
}
