import DatadogRuntime
import DatadogTesting
import Foundation
import XCTest

/// The stand-in server: routes by method, path pattern and query, canned and closure answers,
/// the 404 of an unrouted request, the 500 of a failing handler, and the requests it records.
final class StandInServerTests: XCTestCase {
    func testRoutesByMethodPathAndQuery() async throws {
        let server = try await StandInServer.start()
        server.route("GET", "/api/v2/things", query: ["filter": "mine"], .json(#"{"which":"mine"}"#))
        server.route("GET", "/api/v2/things", .json(#"{"which":"all"}"#))
        server.route("DELETE", "/api/v2/things/*") { request in .json(#"{"deleted":"\#(request.path.split(separator: "/").last ?? "")"}"#) }
        server.route(nil, "/api/v1/**", .errors(410, ["gone"]))
        let client = server.client()

        func body(_ method: String, _ path: String, query: [(String, String)] = []) async throws -> String {
            var request = APIRequest(operationID: "Probe", method: method, path: path)
            for (name, value) in query { request.addQuery(name, value) }
            let response = try await client.sendForResponse(request)
            return String(decoding: response.body, as: UTF8.self)
        }
        let mine = try await body("GET", "/api/v2/things", query: [("filter", "mine")])
        XCTAssertEqual(mine, #"{"which":"mine"}"#)
        let all = try await body("GET", "/api/v2/things", query: [("filter", "theirs")])
        XCTAssertEqual(all, #"{"which":"all"}"#)
        let deleted = try await body("DELETE", "/api/v2/things/t-1")
        XCTAssertEqual(deleted, #"{"deleted":"t-1"}"#)
        for path in ["/api/v1/anything/below", "/api/v1"] {
            do {
                _ = try await body("POST", path)
                XCTFail("\(path): expected the 410")
            } catch let error as DatadogAPIError {
                XCTAssertEqual(error.statusCode, 410)
                XCTAssertEqual(error.messages, ["gone"])
            }
        }
        do {
            _ = try await body("PUT", "/api/v2/things/t-1")
            XCTFail("an unrouted request must be a 404")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 404)
            XCTAssertEqual(error.messages, ["no stand-in route for PUT /api/v2/things/t-1"])
        }

        XCTAssertEqual(server.requests.map(\.method), ["GET", "GET", "DELETE", "POST", "POST", "PUT"])
        XCTAssertEqual(server.requests.first?.query("filter"), "mine")
        XCTAssertEqual(server.requests.first?.header("DD-API-KEY"), "stand-in-api-key")
        XCTAssertEqual(server.requests(matching: .init("GET", "/api/v2/things")).count, 2)
        server.clearRequests()
        XCTAssertTrue(server.requests.isEmpty)
        await server.stop()
    }

    func testRecordsBodiesAndAnswersAFailingHandlerWith500() async throws {
        struct Failure: Error, CustomStringConvertible { var description: String { "broken" } }
        let server = try await StandInServer.start { request in
            guard request.method == "POST" else { throw Failure() }
            return try .json(encoding: ["echo": try request.decodeBody(as: [String: Int].self)["n"] ?? 0], status: 201)
        }
        let client = server.client { $0.apiKey = "custom-key" }
        var post = APIRequest(operationID: "Probe", method: "POST", path: "/echo")
        post.body = Data(#"{"n":7}"#.utf8)
        let echoed = try await client.sendForResponse(post)
        XCTAssertEqual(echoed.statusCode, 201)
        XCTAssertEqual(String(decoding: echoed.body, as: UTF8.self), #"{"echo":7}"#)
        do {
            _ = try await client.sendForResponse(APIRequest(operationID: "Probe", method: "GET", path: "/echo"))
            XCTFail("a throwing handler must answer 500")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 500)
            XCTAssertEqual(error.messages, ["stand-in handler failed: broken"])
        }
        let recorded = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(recorded.body, Data(#"{"n":7}"#.utf8))
        XCTAssertTrue(recorded.header("User-Agent")?.hasPrefix("datadog-api-client-swift/") ?? false)
        XCTAssertEqual(recorded.header("dd-api-key"), "custom-key")
        await server.stop()
    }

    func testRoutePatterns() {
        func matches(_ route: StandInServer.Route, _ method: String, _ path: String, _ query: [URLQueryItem] = []) -> Bool {
            route.matches(StandInServer.Request(method: method, path: path, queryItems: query))
        }
        XCTAssertTrue(matches(.init("get", "/a/*/c"), "GET", "/a/b/c"))
        XCTAssertFalse(matches(.init("GET", "/a/*/c"), "GET", "/a/b/c/d"))
        XCTAssertFalse(matches(.init("GET", "/a/*"), "GET", "/a"))
        XCTAssertTrue(matches(.init(nil, "/**"), "PATCH", "/"))
        XCTAssertTrue(matches(.init(nil, "/a/**"), "GET", "/a"))
        XCTAssertFalse(matches(.init("POST", "/a"), "GET", "/a"))
        XCTAssertTrue(matches(.init("GET", "/a", query: ["x": "1"]), "GET", "/a", [URLQueryItem(name: "x", value: "1"), URLQueryItem(name: "y", value: "2")]))
        XCTAssertFalse(matches(.init("GET", "/a", query: ["x": "1"]), "GET", "/a"))
        XCTAssertEqual(StandInServer.Route("get", "/a", query: ["y": "2", "x": "1"]).description, "GET /a?x=1&y=2")
    }
}
