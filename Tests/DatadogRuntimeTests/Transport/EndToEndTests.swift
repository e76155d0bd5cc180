import DatadogTesting
import Foundation
import XCTest

@testable import DatadogRuntime

/// Runs a stand-in server answering every request with `handler` for the duration of `body`.
private func withLoopbackServer(
    _ handler: @escaping StandInServer.Handler, _ body: (URL, StandInServer) async throws -> Void
) async throws {
    let server = try await StandInServer.start(answeringAll: handler)
    do {
        try await body(server.baseURL, server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

final class EndToEndTests: XCTestCase {
    func testRoundTripThroughURLSessionTransport() async throws {
        try await withLoopbackServer({ _ in
            let body = #"{"id":"w/1","count":9007199254740993,"status":"future_status","created":"2024-01-02T03:04:05.1+00:00","extra":[true]}"#
            return StandInServer.Response(status: 200, headers: ["Content-Type": "application/vnd.api+json"], body: Data(body.utf8))
        }) { baseURL, server in
            var configuration = DatadogConfiguration(
                site: .eu1, apiKey: "test-api-key", applicationKey: "test-app-key", baseURL: baseURL, environment: [:])
            configuration.timeout = .seconds(10)
            let client = DatadogClient(configuration: configuration, transport: URLSessionTransport())
            var request = APIRequest(operationID: "UpdateWidget", method: "PATCH", path: "/api/v2/widgets/{widget_id}")
            request.setPathParameter("widget_id", "w/1")
            request.addQuery("filter[status]", [WidgetStatus.active, .archived])
            request.addQuery("q", "a b&c")
            request.setHeader("X-Custom", 5)
            try request.setJSONBody(Widget(id: "w/1", count: 3, status: .active))

            let widget = try await client.send(request, decoding: Widget.self)
            XCTAssertEqual(widget.id, "w/1")
            XCTAssertEqual(widget.count, 9_007_199_254_740_993)
            XCTAssertEqual(widget.status, .unknown("future_status"))
            XCTAssertEqual(widget.created?.rawValue, "2024-01-02T03:04:05.1+00:00")
            XCTAssertEqual(widget.additionalProperties, ["extra": [true]])

            let seen = server.requests
            XCTAssertEqual(seen.count, 1)
            let first = try XCTUnwrap(seen.first)
            XCTAssertEqual(first.method, "PATCH")
            XCTAssertEqual(
                first.target, "/api/v2/widgets/w%2F1?filter%5Bstatus%5D=active%2Carchived&q=a+b%26c")
            XCTAssertEqual(first.headers["dd-api-key"], "test-api-key")
            XCTAssertEqual(first.headers["dd-application-key"], "test-app-key")
            XCTAssertEqual(first.headers["accept"], "application/json")
            XCTAssertEqual(first.headers["content-type"], "application/json")
            XCTAssertEqual(first.headers["x-custom"], "5")
            XCTAssertEqual(first.headers["user-agent"], UserAgent.value)
            XCTAssertEqual(String(decoding: first.body, as: UTF8.self), #"{"count":3,"id":"w/1","status":"active"}"#)
        }
    }

    func testErrorsRetriesAndCompressionOverTheWire() async throws {
        let counter = AttemptCounter()
        try await withLoopbackServer({ request in
            if counter.next() == 1 {
                return StandInServer.Response(
                    status: 429, headers: ["X-RateLimit-Reset": "0"], body: Data(#"{"errors":["rate limited"]}"#.utf8))
            }
            if request.path.hasSuffix("/missing") {
                return .json(#"{"errors":[{"status":"404","title":"Not Found","detail":"no such widget"}]}"#, status: 404)
            }
            return StandInServer.Response(status: 202)
        }) { baseURL, server in
            var configuration = DatadogConfiguration(apiKey: "k", baseURL: baseURL, environment: [:])
            configuration.retry = .default
            configuration.compressRequests = true
            let sleeper = RecordingSleeper()
            let client = DatadogClient(configuration: configuration, sleeper: sleeper)

            var submit = APIRequest(operationID: "SubmitLog", method: "POST", path: "/api/v2/logs", auth: [.apiKey])
            submit.acceptsContentEncoding = true
            try submit.setJSONBody([["message": "hello"]] as DatadogRuntime.JSONValue)
            let empty = try await client.send(submit, decoding: DatadogRuntime.JSONValue.self)
            XCTAssertEqual(empty, .null)
            XCTAssertEqual(sleeper.durations, [.zero])

            let seen = server.requests
            XCTAssertEqual(seen.count, 2)
            let last = try XCTUnwrap(seen.last)
            XCTAssertEqual(last.headers["content-encoding"], "gzip")
            XCTAssertNil(last.headers["dd-application-key"])
            XCTAssertEqual(
                String(decoding: try IndependentInflater.decompress(last.body, .gzip), as: UTF8.self), #"[{"message":"hello"}]"#)

            let missing = APIRequest(operationID: "GetWidget", method: "GET", path: "/api/v2/widgets/missing")
            do {
                _ = try await client.send(missing, decoding: Widget.self)
                XCTFail("expected 404")
            } catch let error as DatadogAPIError {
                XCTAssertEqual(error.statusCode, 404)
                XCTAssertEqual(error.messages, ["Not Found: no such widget"])
                XCTAssertEqual(error.header("content-type"), "application/json")
            }
        }
    }

    func testCancellationAbortsAnInFlightURLSessionRequest() async throws {
        try await withLoopbackServer({ _ in
            try await Task.sleep(for: .seconds(5))
            return StandInServer.Response(status: 200)
        }) { baseURL, _ in
            let configuration = DatadogConfiguration(baseURL: baseURL, environment: [:])
            let client = DatadogClient(configuration: configuration)
            let task = Task {
                try await client.send(APIRequest(operationID: "Slow", method: "GET", path: "/slow"))
            }
            try await Task.sleep(for: .milliseconds(100))
            let clock = ContinuousClock()
            let start = clock.now
            task.cancel()
            do {
                try await task.value
                XCTFail("expected cancellation")
            } catch is CancellationError {}
            XCTAssertLessThan(clock.now - start, .seconds(2))
        }
    }
}

/// Counts the requests a handler sees, across the server's concurrent connections.
private final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
