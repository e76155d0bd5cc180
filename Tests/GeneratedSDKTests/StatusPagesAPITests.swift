import DatadogRuntime
import DatadogTesting
import DatadogV2
import Foundation
import XCTest

/// The generated SDK in use: `createBackfilledDegradation` against a real HTTP server on loopback,
/// with the seed page's request and 201 examples.
final class StatusPagesAPITests: XCTestCase {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("input/create-backfilled-degradation.md")

    /// The JSON examples of the seed page: [request, 201 response, 429 response].
    static func examples() throws -> [Data] {
        let text = try String(contentsOf: seed, encoding: .utf8)
        return text.components(separatedBy: "```json\n").dropFirst().compactMap { block in
            block.components(separatedBy: "\n```").first.map { Data($0.utf8) }
        }
    }

    func testCreateBackfilledDegradationOverLoopback() async throws {
        let examples = try Self.examples()
        XCTAssertGreaterThanOrEqual(examples.count, 2)
        let requestExample = examples[0]
        let responseExample = examples[1]

        let server = try await StandInServer.start { _ in
            StandInServer.Response.json(responseExample, status: 201)
        }
        let configuration = DatadogConfiguration(apiKey: "test-api-key", applicationKey: "test-app-key", baseURL: server.baseURL, environment: [:])
        let api = StatusPagesAPI(configuration: configuration)
        let body = try JSONDecoder().decode(CreateBackfilledDegradationRequest.self, from: requestExample)

        let degradation = try await api.createBackfilledDegradation(pageId: "4e9d3726-bdd7-0079-613c-e9aaba89eb01", body: body, include: "status_page")
        let received = server.requests
        await server.stop()

        XCTAssertEqual(received.count, 1)
        let request = try XCTUnwrap(received.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/api/v2/statuspages/4e9d3726-bdd7-0079-613c-e9aaba89eb01/degradations/backfill")
        XCTAssertEqual(request.query("include"), "status_page")
        XCTAssertEqual(request.headers["dd-api-key"], "test-api-key")
        XCTAssertEqual(request.headers["dd-application-key"], "test-app-key")
        XCTAssertEqual(request.headers["content-type"], "application/json")
        XCTAssertTrue(request.headers["user-agent"]?.hasPrefix("datadog-api-client-swift/") ?? false)
        try XCTAssertEqual(JSONObject(request.body), JSONObject(requestExample), "the body sent is the page's request example")

        // The 201 example decodes with no field lost.
        XCTAssertEqual(degradation.data?.type, .degradations)
        XCTAssertEqual(degradation.data?.attributes?.components_affectedCount, 1)
        let reencoded = try JSONEncoder().encode(degradation)
        try XCTAssertEqual(JSONObject(reencoded), JSONObject(responseExample))
        XCTAssertTrue(degradation.additionalProperties.isEmpty)
    }

    /// The API sends an empty to-one relationship as `"data": null` (JSON:API), which the page
    /// cannot show: the response still decodes, keeps the null and re-encodes it; strict mode accepts it too.
    func testNullRelationshipLinkageOverLoopback() async throws {
        let examples = try Self.examples()
        var response = try XCTUnwrap(JSONSerialization.jsonObject(with: examples[1]) as? [String: Any])
        var data = try XCTUnwrap(response["data"] as? [String: Any])
        var relationships = try XCTUnwrap(data["relationships"] as? [String: Any])
        relationships["status_page"] = ["data": NSNull()]
        data["relationships"] = relationships
        // The example's required `source.created_at` is "", which names no date: strict decoding
        // reports it (``testRequiredDateThatNamesNoDateCostsOnlyItsObject``); give it a date here.
        var attributes = try XCTUnwrap(data["attributes"] as? [String: Any])
        var source = try XCTUnwrap(attributes["source"] as? [String: Any])
        source["created_at"] = "2019-09-19T10:00:00.000Z"
        attributes["source"] = source
        data["attributes"] = attributes
        response["data"] = data
        let responseBody = try JSONSerialization.data(withJSONObject: response)
        let server = try await StandInServer.start { _ in StandInServer.Response.json(responseBody, status: 201) }
        var configuration = DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:])
        configuration.strictDecoding = true
        let api = StatusPagesAPI(configuration: configuration)
        let body = try JSONDecoder().decode(CreateBackfilledDegradationRequest.self, from: examples[0])
        let degradation = try await api.createBackfilledDegradation(pageId: "p", body: body)
        await server.stop()

        let statusPage = try XCTUnwrap(degradation.data?.relationships?.statusPage)
        XCTAssertEqual(statusPage.data, .null)
        XCTAssertNil(statusPage.data.value)
        XCTAssertNotNil(degradation.data?.relationships?.createdByUser?.data.value?.id)
        try XCTAssertEqual(JSONObject(try JSONEncoder().encode(degradation)), JSONObject(responseBody))
        let encoded = try XCTUnwrap(String(data: try DatadogJSON.makeEncoder().encode(statusPage), encoding: .utf8))
        XCTAssertEqual(encoded, #"{"data":null}"#)
    }

    /// The page's 201 example has `"source": {"created_at": "", …}` with `created_at` required: ""
    /// names no date, so `source` is nil and its JSON is kept (and sent back unchanged); the rest of
    /// the response decodes, its dates as `Date`s with their text. Strict decoding reports it.
    func testRequiredDateThatNamesNoDateCostsOnlyItsObject() throws {
        let example = try Self.examples()[1]
        let degradation = try DatadogJSON.makeDecoder().decode(Degradation.self, from: example)
        let attributes = try XCTUnwrap(degradation.data?.attributes)
        XCTAssertNil(attributes.source)
        XCTAssertEqual(attributes.additionalProperties["source"]?["created_at"], .string(""))
        XCTAssertEqual(attributes.createdAt, Date(timeIntervalSince1970: 1_568_887_200))
        XCTAssertEqual(attributes.$createdAt, "2019-09-19T10:00:00.000Z")
        try XCTAssertEqual(JSONObject(try JSONEncoder().encode(degradation)), JSONObject(example))
        XCTAssertThrowsError(try DatadogJSON.makeDecoder(strict: true).decode(Degradation.self, from: example))
    }

    func testErrorStatusThrowsTypedError() async throws {
        let examples = try Self.examples()
        let errorBody = examples.count > 2 ? examples[2] : Data(#"{"errors":["Bad Request"]}"#.utf8)
        let rateLimitHeaders = [
            "Content-Type": "application/json", "X-RateLimit-Limit": "60", "X-RateLimit-Period": "60",
            "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1", "X-RateLimit-Name": "status_pages",
        ]
        let server = try await StandInServer.start { _ in StandInServer.Response(status: 429, headers: rateLimitHeaders, body: errorBody) }
        let api = StatusPagesAPI(configuration: DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:]))
        let body = try JSONDecoder().decode(CreateBackfilledDegradationRequest.self, from: try Self.examples()[0])
        do {
            _ = try await api.createBackfilledDegradation(pageId: "p", body: body)
            XCTFail("expected an error")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 429)
            XCTAssertEqual(error.errorResponse?.messages, ["Bad Request"])
            try XCTAssertEqual(JSONObject(error.body), JSONObject(errorBody))
            // The 429 body as the type the method's documentation lists for it, and the rate limit as values.
            XCTAssertEqual(error.decodedBody(as: APIErrorResponse.self)?.errors, ["Bad Request"])
            XCTAssertEqual(error.rateLimit, RateLimit(limit: 60, period: .seconds(60), remaining: 0, reset: .seconds(1), name: "status_pages"))
            XCTAssertEqual(error.retryAfter, .seconds(1))
        }
        await server.stop()
    }
}

private extension DegradationDataAttributes {
    var components_affectedCount: Int { componentsAffected?.count ?? 0 }
}

/// JSON compared by value (absent and null alike).
func JSONObject(_ data: Data) throws -> NSObject {
    func normalize(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !($0.value is NSNull) }.mapValues(normalize) as NSDictionary
        }
        if let array = value as? [Any] { return array.map(normalize) as NSArray }
        return value
    }
    let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    return normalize(value) as? NSObject ?? NSNull()
}

/// The generated `…Paginated` method walks every page over HTTP.
final class PaginationTests: XCTestCase {
    func testListStatusPagesPaginatedWalksOffsets() async throws {
        let total = 23
        let server = try await StandInServer.start { request in
            let offset = Int(request.query("page[offset]") ?? "0") ?? 0
            let limit = Int(request.query("page[limit]") ?? "0") ?? 0
            let items = (offset..<min(offset + limit, total)).map { #"{"id": "page-\#($0)", "type": "status_pages"}"# }
            return StandInServer.Response.json(Data(#"{"data": [\#(items.joined(separator: ","))]}"#.utf8))
        }
        let api = StatusPagesAPI(configuration: DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:]))
        var ids: [String] = []
        for try await page in api.listStatusPagesPaginated(pageLimit: 10) { ids.append(page.id ?? "") }
        let requests = server.requests
        await server.stop()
        XCTAssertEqual(ids, (0..<total).map { "page-\($0)" })
        XCTAssertEqual(requests.count, 3, "10 + 10 + 3 items: the short page ends the sequence")
    }
}
