import DatadogRuntime
import DatadogTesting
import Foundation
import GoldenPagingSDK
import XCTest

/// The `…Paginated` wrappers of the `pagination` golden case (compiled as `GoldenPagingSDK`)
/// against a loopback server: every paging style, page after page.
final class PaginatedWrapperTests: XCTestCase {
    static func configuration(_ server: StandInServer) -> DatadogConfiguration {
        DatadogConfiguration(apiKey: "k", applicationKey: "a", baseURL: server.baseURL, environment: [:])
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    static func query(_ request: StandInServer.Request, _ name: String) -> String? {
        request.query(name)
    }

    /// A required query parameter listed after optional ones: the wrapper takes it first, as the
    /// method does, and pages over `data`, never over the side-loaded `included` listed before it.
    func testQueryCursorWithRequiredParameterAfterOptionalOnes() async throws {
        let server = try await StandInServer.start { request in
            let second = Self.query(request, "page[cursor]") == "c2"
            let body: [String: Any] = second
                ? ["data": [["id": "t3", "type": "things"]], "included": [["id": "o2", "type": "owners"]], "meta": ["page": [String: Any]()]]
                : ["data": [["id": "t1", "type": "things"], ["id": "t2", "type": "things"]],
                   "included": [["id": "o1", "type": "owners"]], "meta": ["page": ["after": "c2"]]]
            return StandInServer.Response.json(Self.json(body))
        }
        let api = GoldenPagingAPI(configuration: Self.configuration(server))
        let things = try await api.searchGoldenThingsPaginated(query: "service:web", include: "owners", pageSize: 2).collect()
        let received = server.requests
        await server.stop()

        XCTAssertEqual(things.map(\.id), ["t1", "t2", "t3"])
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(received.map { Self.query($0, "query") }, ["service:web", "service:web"])
        XCTAssertEqual(received.map { Self.query($0, "include") }, ["owners", "owners"])
        XCTAssertEqual(received.map { Self.query($0, "page[size]") }, ["2", "2"])
        XCTAssertEqual(received.map { Self.query($0, "page[cursor]") }, [nil, "c2"])
    }

    /// The cursor in the request body: the wrapper sends the caller's body, then the same body
    /// with `page.cursor` set to the previous response's `meta.page.after`.
    func testBodyCursorRewritesTheBodyPerPage() async throws {
        let server = try await StandInServer.start { request in
            let sent = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            let cursor = (sent?["page"] as? [String: Any])?["cursor"] as? String
            let body: [String: Any] = switch cursor {
            case nil: ["data": [["id": "e1"], ["id": "e2"]], "meta": ["page": ["after": "c2"]]]
            case "c2": ["data": [["id": "e3"]], "meta": ["page": ["after": "c3"]]]
            default: ["data": [[String: Any]](), "meta": ["page": ["after": "c4"]]]
            }
            return StandInServer.Response.json(Self.json(body))
        }
        let api = GoldenPagingAPI(configuration: Self.configuration(server))
        let body = SearchGoldenEventsRequest(filter: .init(query: "service:web"), page: .init(limit: 2))
        let events = try await api.searchGoldenEventsPaginated(body: body).collect()
        let received = server.requests
        await server.stop()

        XCTAssertEqual(events.map(\.id), ["e1", "e2", "e3"])
        XCTAssertEqual(received.count, 3, "stops at the empty page")
        XCTAssertEqual(received.map(\.method), ["POST", "POST", "POST"])
        try XCTAssertEqual(JSONObject(received[0].body), JSONObject(Self.json(["filter": ["query": "service:web"], "page": ["limit": 2]])))
        try XCTAssertEqual(JSONObject(received[1].body),
                           JSONObject(Self.json(["filter": ["query": "service:web"], "page": ["limit": 2, "cursor": "c2"]])))
        try XCTAssertEqual(JSONObject(received[2].body),
                           JSONObject(Self.json(["filter": ["query": "service:web"], "page": ["limit": 2, "cursor": "c3"]])))
    }

    /// Without a body, the first page is sent without one and the next ones with only the cursor.
    func testBodyCursorWithoutBody() async throws {
        let server = try await StandInServer.start { request in
            let body: [String: Any] = request.body.isEmpty
                ? ["data": [["id": "e1"]], "meta": ["page": ["after": "c2"]]]
                : ["data": [["id": "e2"]], "meta": [String: Any]()]
            return StandInServer.Response.json(Self.json(body))
        }
        let api = GoldenPagingAPI(configuration: Self.configuration(server))
        let events = try await api.searchGoldenEventsPaginated().collect()
        let received = server.requests
        await server.stop()

        XCTAssertEqual(events.map(\.id), ["e1", "e2"])
        XCTAssertEqual(received.count, 2)
        XCTAssertTrue(received[0].body.isEmpty)
        try XCTAssertEqual(JSONObject(received[1].body), JSONObject(Self.json(["page": ["cursor": "c2"]])))
    }

    /// Page numbers over a response that is itself the array: pages 0, 1, … until a short page.
    func testPageNumberOverArrayResponse() async throws {
        let server = try await StandInServer.start { request in
            let page = Int(Self.query(request, "page") ?? "") ?? -1
            let items: [[String: Any]] = page == 0 ? [["id": 1, "name": "a"], ["id": 2, "name": "b"]] : page == 1 ? [["id": 3, "name": "c"]] : []
            return StandInServer.Response.json(Self.json(items))
        }
        let api = GoldenMonitorsAPI(configuration: Self.configuration(server))
        let monitors = try await api.listGoldenMonitorsPaginated(pageSize: 2).collect()
        let received = server.requests
        await server.stop()

        XCTAssertEqual(monitors.map(\.id), [1, 2, 3])
        XCTAssertEqual(received.map { Self.query($0, "page") }, ["0", "1"])
        XCTAssertEqual(received.map { Self.query($0, "page_size") }, ["2", "2"])
    }
}
