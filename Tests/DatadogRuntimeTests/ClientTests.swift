import Foundation
import XCTest

@testable import DatadogRuntime

final class ClientBehaviourTests: XCTestCase {
    private func makeClient(
        _ transport: any DatadogRuntime.HTTPTransport, retry: RetryPolicy = .disabled,
        sleeper: any RetrySleeper = RecordingSleeper(), configure: (inout DatadogConfiguration) -> Void = { _ in }
    ) -> DatadogClient {
        var configuration = DatadogConfiguration(apiKey: "api", applicationKey: "app", environment: [:])
        configuration.retry = retry
        configure(&configuration)
        return DatadogClient(configuration: configuration, transport: transport, sleeper: sleeper)
    }

    private let request = APIRequest(operationID: "GetWidget", method: "GET", path: "/api/v2/widgets/1")

    // MARK: Decoding

    func testDecodesJSONWhateverTheContentType() async throws {
        for contentType in ["application/json", "application/vnd.api+json", "text/json", "text/plain; charset=utf-8"] {
            let transport = FakeTransport([.json(200, #"{"id":"w","extra":1}"#, headers: ["Content-Type": contentType])])
            let widget = try await makeClient(transport).send(request, decoding: Widget.self)
            XCTAssertEqual(widget.id, "w", contentType)
            XCTAssertEqual(widget.additionalProperties, ["extra": 1])
        }
    }

    func testEmptyBodyForOptionalAndJSONValue() async throws {
        let client = makeClient(FakeTransport(fallback: .init(statusCode: 204)))
        let optional = try await client.send(request, decoding: Widget?.self)
        XCTAssertNil(optional)
        let value = try await client.send(request, decoding: JSONValue.self)
        XCTAssertEqual(value, .null)
        try await client.send(request)
        do {
            _ = try await client.send(request, decoding: Widget.self)
            XCTFail("expected decoding error")
        } catch DatadogClientError.decoding(let type, _, let body) {
            XCTAssertEqual(type, "Widget")
            XCTAssertTrue(body.isEmpty)
        }
    }

    func testMalformedJSONOn2xxIsADecodingError() async throws {
        let client = makeClient(FakeTransport(fallback: .json(200, #"{"id": "w", "#)))
        do {
            _ = try await client.send(request, decoding: Widget.self)
            XCTFail("expected decoding error")
        } catch let error as DatadogClientError {
            guard case .decoding(let type, let underlying, let body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(type, "Widget")
            XCTAssertFalse(underlying.isEmpty)
            XCTAssertEqual(body, Data(#"{"id": "w", "#.utf8))
            XCTAssertTrue(error.description.contains("Widget"))
        }
        // Type mismatch too.
        let mismatch = makeClient(FakeTransport(fallback: .json(200, #"{"id": 5}"#)))
        do {
            _ = try await mismatch.send(request, decoding: Widget.self)
            XCTFail("expected decoding error")
        } catch DatadogClientError.decoding {}
    }

    func testStringResponsesAndData() async throws {
        let client = makeClient(FakeTransport(fallback: .json(200, "a,b\n1,2\n", headers: ["Content-Type": "text/csv"])))
        let text = try await client.sendForString(request)
        XCTAssertEqual(text, "a,b\n1,2\n")
        let data = try await client.sendForData(request)
        XCTAssertEqual(data, Data("a,b\n1,2\n".utf8))
        let asString = try await client.send(request, decoding: String.self)
        XCTAssertEqual(asString, "a,b\n1,2\n")
        let response = try await client.sendForResponse(request)
        XCTAssertEqual(response.header("content-type"), "text/csv")
    }

    func testStrictDecodingConfiguration() async throws {
        let client = makeClient(FakeTransport(fallback: .json(200, #"{"id":"w","extra":1}"#))) { $0.strictDecoding = true }
        do {
            _ = try await client.send(request, decoding: Widget.self)
            XCTFail("expected strict failure")
        } catch DatadogClientError.decoding {}
    }

    // MARK: Errors

    func testAPIErrorWithStringErrors() async throws {
        let client = makeClient(FakeTransport(fallback: .json(403, #"{"errors":["Forbidden"]}"#)))
        do {
            try await client.send(request)
            XCTFail("expected API error")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 403)
            XCTAssertEqual(error.errorResponse?.errors, ["Forbidden"])
            XCTAssertEqual(error.messages, ["Forbidden"])
            XCTAssertEqual(error.operationID, "GetWidget")
            XCTAssertEqual(error.description, "Datadog API error 403 (GetWidget): Forbidden")
        }
    }

    func testAPIErrorWithJSONAPIObjects() throws {
        let body = #"{"errors":[{"status":"404","title":"Not Found","detail":"Widget 1 missing"},{"title":"Only title"},{"code":7}],"meta":1}"#
        let error = DatadogAPIError(statusCode: 404, headers: ["X-Request-Id": "r"], body: Data(body.utf8))
        XCTAssertEqual(error.messages, ["Not Found: Widget 1 missing", "Only title", #"{"code":7}"#])
        XCTAssertEqual(error.errorResponse?.additionalProperties, ["meta": 1])
        XCTAssertEqual(error.header("x-request-id"), "r")
        struct Custom: Decodable { let errors: [JSONValue] }
        XCTAssertEqual(try error.decode(Custom.self).errors.count, 3)
        XCTAssertThrowsError(try error.decode(Int.self)) {
            guard case DatadogClientError.decoding = $0 else { return XCTFail("\($0)") }
        }
    }

    func testAPIErrorWithEmptyOrNonJSONBody() {
        let empty = DatadogAPIError(statusCode: 502, body: Data())
        XCTAssertNil(empty.errorResponse)
        XCTAssertEqual(empty.messages, [])
        XCTAssertEqual(empty.description, "Datadog API error 502: <empty body>")
        let html = DatadogAPIError(statusCode: 500, body: Data("<html>oops</html>".utf8))
        XCTAssertNil(html.errorResponse)
        XCTAssertEqual(html.description, "Datadog API error 500: <html>oops</html>")
        let other = DatadogAPIError(statusCode: 400, body: Data(#"{"message":"no errors key"}"#.utf8))
        XCTAssertNil(other.errorResponse)
        let single = DatadogAPIError(statusCode: 400, body: Data(#"{"errors":"just one"}"#.utf8))
        XCTAssertEqual(single.messages, ["just one"])
    }

    func testUnstableOperationThrowsBeforeAnyRequest() async throws {
        let transport = FakeTransport()
        var unstable = request
        unstable.unstable = UnstableOperation(rawValue: "v2.GetWidget")
        do {
            try await makeClient(transport).send(unstable)
            XCTFail("expected unstableOperationDisabled")
        } catch let error as DatadogClientError {
            XCTAssertEqual(error, .unstableOperationDisabled("v2.GetWidget"))
        }
        XCTAssertTrue(transport.requests.isEmpty)
        let enabled = makeClient(transport) { $0.enableUnstableOperation("v2.GetWidget") }
        try await enabled.send(unstable)
        XCTAssertEqual(transport.requests.count, 1)
    }

    // MARK: Retries

    func testRetriesDisabledByDefault() async throws {
        let transport = FakeTransport(fallback: .json(503, "{}"))
        let sleeper = RecordingSleeper()
        do {
            try await makeClient(transport, sleeper: sleeper).send(request)
            XCTFail("expected error")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 503)
        }
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertTrue(sleeper.durations.isEmpty)
    }

    func testRateLimitWaitsForResetHeader() async throws {
        let transport = FakeTransport([
            .json(429, #"{"errors":["slow down"]}"#, headers: ["X-RateLimit-Reset": "7"]),
            .json(429, "{}", headers: ["x-ratelimit-reset": "1.5"]),
            .json(200, #"{"id":"w"}"#),
        ])
        let sleeper = RecordingSleeper()
        let widget = try await makeClient(transport, retry: .default, sleeper: sleeper).send(request, decoding: Widget.self)
        XCTAssertEqual(widget.id, "w")
        XCTAssertEqual(sleeper.durations, [.seconds(7), .milliseconds(1500)])
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testRateLimitWithoutHeaderUsesRetryAfterThenBackoff() async throws {
        let transport = FakeTransport([
            .json(429, "{}", headers: ["Retry-After": "3"]),
            .json(429, "{}", headers: [:]),
            .json(200, "{}"),
        ])
        let sleeper = RecordingSleeper()
        try await makeClient(transport, retry: .default, sleeper: sleeper).send(request)
        XCTAssertEqual(sleeper.durations, [.seconds(3), .seconds(4)])
    }

    func testServerErrorsBackOffExponentiallyUpToMaxRetries() async throws {
        let transport = FakeTransport(fallback: .json(503, #"{"errors":["unavailable"]}"#))
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(isEnabled: true, maxRetries: 3, backoffBase: 2, backoffMultiplier: 2)
        do {
            try await makeClient(transport, retry: policy, sleeper: sleeper).send(request)
            XCTFail("expected error")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 503)
            XCTAssertEqual(error.messages, ["unavailable"])
        }
        XCTAssertEqual(sleeper.durations, [.seconds(2), .seconds(4), .seconds(8)])
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testCustomBackoffNumbers() async throws {
        let transport = FakeTransport([.json(500, "{}"), .json(502, "{}"), .json(200, "{}")])
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(isEnabled: true, maxRetries: 5, backoffBase: 0.5, backoffMultiplier: 3)
        try await makeClient(transport, retry: policy, sleeper: sleeper).send(request)
        XCTAssertEqual(sleeper.durations, [.milliseconds(500), .milliseconds(1500)])
    }

    func testClientErrorsAreNotRetried() async throws {
        let transport = FakeTransport(fallback: .json(400, #"{"errors":["bad"]}"#))
        let sleeper = RecordingSleeper()
        do {
            try await makeClient(transport, retry: .default, sleeper: sleeper).send(request)
            XCTFail("expected error")
        } catch is DatadogAPIError {}
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertTrue(sleeper.durations.isEmpty)
    }

    func testMaxElapsedStopsRetrying() async throws {
        let transport = FakeTransport(fallback: .json(503, "{}"))
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(isEnabled: true, maxRetries: 10, maxElapsed: .seconds(10))
        do {
            try await makeClient(transport, retry: policy, sleeper: sleeper).send(request)
            XCTFail("expected error")
        } catch is DatadogAPIError {}
        // 2 + 4 fit in 10 s; 2 + 4 + 8 would not.
        XCTAssertEqual(sleeper.durations, [.seconds(2), .seconds(4)])
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testRetryDelayFunction() {
        let policy = RetryPolicy.default
        let limited = DatadogRuntime.HTTPResponse(statusCode: 429, headers: ["X-RateLimit-Reset": "12"])
        XCTAssertEqual(DatadogClient.retryDelay(for: limited, attempt: 0, policy: policy), .seconds(12))
        XCTAssertNil(DatadogClient.retryDelay(for: limited, attempt: 3, policy: policy))
        XCTAssertNil(DatadogClient.retryDelay(for: limited, attempt: 0, policy: .disabled))
        let garbage = DatadogRuntime.HTTPResponse(statusCode: 429, headers: ["X-RateLimit-Reset": "soon"])
        XCTAssertEqual(DatadogClient.retryDelay(for: garbage, attempt: 1, policy: policy), .seconds(4))
        XCTAssertNil(DatadogClient.retryDelay(for: .init(statusCode: 404), attempt: 0, policy: policy))
        XCTAssertNil(DatadogClient.retryDelay(for: .init(statusCode: 600), attempt: 0, policy: policy))
    }

    // MARK: Cancellation

    func testCancellationDuringBackoffStopsAtOnce() async throws {
        let transport = FakeTransport(fallback: .json(503, "{}"))
        let sleeper = BlockingSleeper()
        let client = makeClient(transport, retry: .default, sleeper: sleeper)
        let request = self.request
        let task = Task { try await client.send(request) }
        try await waitUntil { sleeper.hasStarted }
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        do {
            try await task.value
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        XCTAssertLessThan(clock.now - start, .seconds(2))
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testCancellationDuringRequestStopsAtOnce() async throws {
        let client = makeClient(HangingTransport(), retry: .default)
        let request = self.request
        let task = Task { try await client.send(request) }
        try await Task.sleep(for: .milliseconds(20))
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        do {
            try await task.value
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        XCTAssertLessThan(clock.now - start, .seconds(2))
    }

    func testAlreadyCancelledTaskSendsNothing() async throws {
        let transport = FakeTransport()
        let client = makeClient(transport)
        let request = self.request
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await client.send(request)
        }
        do {
            try await task.value
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testTaskSleeperThrowsOnCancellation() async throws {
        let task = Task { try await TaskSleeper().sleep(for: .seconds(60)) }
        task.cancel()
        do {
            try await task.value
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        try await TaskSleeper().sleep(for: .milliseconds(1))
    }
}
