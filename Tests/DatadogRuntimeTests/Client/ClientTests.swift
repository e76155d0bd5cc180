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

    func testServerErrorsOfNonIdempotentMethodsAreNotRetriedUnlessOptedIn() async throws {
        var post = APIRequest(operationID: "CreateWidget", method: "POST", path: "/api/v2/widgets")
        post.body = Data("{}".utf8)
        for method in ["POST", "PATCH"] {
            post.method = method
            let transport = FakeTransport(fallback: .json(503, "{}"))
            let sleeper = RecordingSleeper()
            await XCTAssertThrowsErrorAsync(try await makeClient(transport, retry: .default, sleeper: sleeper).send(post))
            XCTAssertEqual(transport.requests.count, 1, method)
            XCTAssertTrue(sleeper.durations.isEmpty)
        }
        for method in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"] {
            post.method = method
            let transport = FakeTransport([.json(503, "{}")], fallback: .json(200, "{}"))
            try await makeClient(transport, retry: .default).send(post)
            XCTAssertEqual(transport.requests.count, 2, method)
        }
        post.method = "POST"
        var optIn = RetryPolicy.default
        optIn.retriesNonIdempotentRequests = true
        let transport = FakeTransport([.json(503, "{}")], fallback: .json(200, "{}"))
        try await makeClient(transport, retry: optIn).send(post)
        XCTAssertEqual(transport.requests.count, 2)
        // A 429 is retried for every method: the server did not act.
        let limited = FakeTransport([.json(429, "{}", headers: ["X-RateLimit-Reset": "1"])], fallback: .json(200, "{}"))
        try await makeClient(limited, retry: .default).send(post)
        XCTAssertEqual(limited.requests.count, 2)
    }

    func testConnectionErrorsAreRetriedForIdempotentMethods() async throws {
        let transport = FailingTransport(failures: 2)
        let sleeper = RecordingSleeper()
        try await makeClient(transport, retry: .default, sleeper: sleeper).send(request)
        XCTAssertEqual(transport.attempts, 3)
        XCTAssertEqual(sleeper.durations, [.seconds(2), .seconds(4)])

        var post = request
        post.method = "POST"
        let failing = FailingTransport(failures: 1)
        await XCTAssertThrowsErrorAsync(try await makeClient(failing, retry: .default).send(post))
        XCTAssertEqual(failing.attempts, 1)
    }

    func testTransportErrorsBecomeTypedClientErrors() async throws {
        var post = request
        post.method = "POST"
        do {
            try await makeClient(FailingTransport(failures: 1)).send(post)
            XCTFail("expected the connection error")
        } catch let error as DatadogClientError {
            guard case .connectionLost(let failure) = error else { return XCTFail("\(error)") }
            XCTAssertEqual((failure.underlying as? URLError)?.code, .networkConnectionLost)
            XCTAssertEqual(error.description, "Connection lost: connection lost (URLError -1005)")
        }
        let refused = DatadogClientError.classifying(URLError(.cannotConnectToHost), timeout: .seconds(1))
        guard case .cannotConnect = refused else { return XCTFail("\(refused)") }
        XCTAssertEqual(DatadogClientError.classifying(URLError(.timedOut), timeout: .seconds(7)), .timedOut(.seconds(7)))
        guard case .invalidResponse = DatadogClientError.classifying(URLError(.badServerResponse), timeout: .seconds(1)) else {
            return XCTFail("bad server response")
        }
        struct Odd: Error, CustomStringConvertible { var description: String { "first line\n  second line" } }
        let other = DatadogClientError.classifying(Odd(), timeout: .seconds(1))
        XCTAssertEqual(other.description, "Transport error: Odd: first line second line")
        XCTAssertEqual(DatadogClientError.classifying(DatadogClientError.invalidURL("x"), timeout: .seconds(1)), .invalidURL("x"))
    }

    func testRateLimitHeadersAndDocumentedBodies() async throws {
        let headers = [
            "X-RateLimit-Limit": "100", "X-RateLimit-Period": "60", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "12", "X-RateLimit-Name": "status_pages",
        ]
        let body = #"{"errors":["Too many requests"]}"#
        let transport = FakeTransport(fallback: .json(429, body, headers: headers))
        do {
            try await makeClient(transport).send(request)
            XCTFail("expected the rate limit")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(
                error.rateLimit,
                RateLimit(limit: 100, period: .seconds(60), remaining: 0, reset: .seconds(12), name: "status_pages"))
            XCTAssertEqual(error.retryAfter, .seconds(12))
            XCTAssertEqual(error.decodedBody(as: DatadogErrorResponse.self)?.messages, ["Too many requests"])
            XCTAssertNil(error.decodedBody(as: [Int].self))
            XCTAssertEqual(error.rateLimit?.description, "0 of 100 left per 60.0 seconds resets in 12.0 seconds (status_pages)")
        }
        XCTAssertNil(RateLimit(response: HTTPResponse(statusCode: 400, headers: ["X-RateLimit-Limit": "many"])))
        XCTAssertNil(DatadogAPIError(statusCode: 400).rateLimit)
    }

    func testWaitsAreCappedAndLongRateLimitsFailAtOnce() async throws {
        let transport = FakeTransport(fallback: .json(429, #"{"errors":["later"]}"#, headers: ["X-RateLimit-Reset": "100000"]))
        let sleeper = RecordingSleeper()
        do {
            try await makeClient(transport, retry: .default, sleeper: sleeper).send(request)
            XCTFail("expected the rate limit")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 429)
            XCTAssertEqual(error.retryAfter, .seconds(100_000))
            XCTAssertTrue(error.description.contains("retry after"), error.description)
        }
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertTrue(sleeper.durations.isEmpty)

        // A long backoff is shortened to the cap; `.default` has a finite total.
        let policy = RetryPolicy(isEnabled: true, maxRetries: 3, backoffBase: 100, maxWait: .seconds(5))
        XCTAssertEqual(DatadogClient.retryDelay(for: .init(statusCode: 500), attempt: 2, policy: policy), .seconds(5))
        XCTAssertEqual(RetryPolicy.default.maxWait, .seconds(60))
        XCTAssertEqual(RetryPolicy.default.maxElapsed, .seconds(120))
    }

    func testRetryAfterAsAnHTTPDate() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        func wait(_ value: String) -> Duration? {
            RetryAfter.wait(in: .init(statusCode: 429, headers: ["Retry-After": value]), now: now)
        }
        XCTAssertEqual(wait("Tue, 14 Nov 2023 22:13:50 GMT"), .seconds(30))
        XCTAssertEqual(wait("Tuesday, 14-Nov-23 22:14:20 GMT"), .seconds(60))
        XCTAssertEqual(wait("Tue Nov 14 22:13:30 2023"), .seconds(10))
        XCTAssertEqual(wait("Tue, 14 Nov 2023 22:00:00 GMT"), .zero, "a past date means now")
        XCTAssertEqual(wait("7"), .seconds(7))
        XCTAssertNil(wait("whenever"))
        XCTAssertNil(RetryAfter.wait(in: .init(statusCode: 500, headers: ["Retry-After": "7"]), now: now))
    }

    // MARK: Deadlines

    func testTimeoutIsADeadlineForTheWholeAttempt() async throws {
        let client = makeClient(HangingTransport()) { $0.timeout = .milliseconds(200) }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await client.send(request)
            XCTFail("expected a timeout")
        } catch let error as DatadogClientError {
            XCTAssertEqual(error, .timedOut(.milliseconds(200)))
        }
        XCTAssertLessThan(clock.now - start, .seconds(2))
    }

    func testCallTimeoutBoundsAttemptsAndWaits() async throws {
        let client = makeClient(HangingTransport(), retry: .default, sleeper: TaskSleeper()) {
            $0.timeout = .seconds(10)
            $0.callTimeout = .milliseconds(300)
        }
        do {
            try await client.send(request)
            XCTFail("expected the deadline")
        } catch let error as DatadogClientError {
            XCTAssertEqual(error, .deadlineExceeded(.milliseconds(300)))
        }
        // A retry wait that would pass the deadline is not made.
        let transport = FakeTransport(fallback: .json(503, "{}"))
        let sleeper = RecordingSleeper()
        let bounded = makeClient(transport, retry: .default, sleeper: sleeper) { $0.callTimeout = .seconds(3) }
        await XCTAssertThrowsErrorAsync(try await bounded.send(request))
        XCTAssertEqual(sleeper.durations, [.seconds(2)])
    }

    // MARK: Redirects

    func testRedirectPolicy() throws {
        let origin = DatadogRuntime.HTTPRequest(
            method: "POST", url: URL(string: "https://api.datadoghq.com/api/v2/x")!,
            headers: [
                (name: "DD-API-KEY", value: "k"), (name: "dd-application-key", value: "a"),
                (name: "Authorization", value: "Bearer t"), (name: "Content-Type", value: "application/json"),
                (name: "X-Other", value: "o"),
            ], body: Data("{}".utf8))
        let policy = RedirectPolicy.default
        // Same origin: 307/308 keep everything; 301-303 of a POST are not followed.
        let kept = try XCTUnwrap(policy.redirect(origin, statusCode: 307, location: "/api/v2/y"))
        XCTAssertEqual(kept.url.absoluteString, "https://api.datadoghq.com/api/v2/y")
        XCTAssertEqual(kept.method, "POST")
        XCTAssertEqual(kept.body, origin.body)
        XCTAssertEqual(kept.header("DD-API-KEY"), "k")
        XCTAssertNotNil(policy.redirect(origin, statusCode: 308, location: "https://API.datadoghq.com:443/z"))
        for status in [301, 302, 303] {
            XCTAssertNil(policy.redirect(origin, statusCode: status, location: "/api/v2/y"))
        }
        var get = origin
        get.method = "GET"
        let followed = try XCTUnwrap(policy.redirect(get, statusCode: 302, location: "/api/v2/y"))
        XCTAssertNil(followed.body)
        XCTAssertNil(followed.header("Content-Type"))
        // Other origins: refused by default (scheme, host, port each count).
        for location in ["http://api.datadoghq.com/x", "https://evil.example/x", "https://api.datadoghq.com:8443/x"] {
            XCTAssertNil(policy.redirect(origin, statusCode: 307, location: location), location)
        }
        XCTAssertNil(policy.redirect(origin, statusCode: 307, location: nil))
        XCTAssertNil(policy.redirect(origin, statusCode: 307, location: "ftp://api.datadoghq.com/x"))
        XCTAssertNil(policy.redirect(origin, statusCode: 304, location: "/x"))
        // Opted in: followed without credentials.
        let open = RedirectPolicy(followsCrossOriginRedirects: true)
        let stripped = try XCTUnwrap(open.redirect(origin, statusCode: 307, location: "https://other.example/x"))
        XCTAssertEqual(stripped.headers.map(\.name), ["Content-Type", "X-Other"])
        XCTAssertEqual(stripped.body, origin.body)
    }

    func testRefusedRedirectIsAnAPIErrorWithItsLocation() async throws {
        let transport = FakeTransport(fallback: .init(statusCode: 302, headers: ["Location": "https://elsewhere.example/"]))
        do {
            try await makeClient(transport).send(request)
            XCTFail("expected the redirect")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 302)
            XCTAssertEqual(error.location, "https://elsewhere.example/")
            XCTAssertEqual(error.description, "Datadog API error 302 (GetWidget): redirect to https://elsewhere.example/ not followed")
        }
        let wire = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(wire.redirects, .default)
        let configured = makeClient(transport) { $0.redirects = .none }
        XCTAssertEqual(try configured.makeHTTPRequest(request).redirects.maxRedirects, 0)
    }

    // MARK: Redaction

    func testPrintedValuesShowNoSecrets() throws {
        var configuration = DatadogConfiguration(
            apiKey: "secret-api", applicationKey: "secret-app", bearerToken: "secret-bearer", environment: [:])
        configuration.logger.logLevel = .critical
        let client = DatadogClient(configuration: configuration, transport: FakeTransport())
        var wire = try client.makeHTTPRequest(
            APIRequest(operationID: "GetWidget", method: "GET", path: "/x", auth: [.apiKey, .appKey, .bearer]))
        wire.setHeader("Cookie", "session=secret-cookie")
        XCTAssertEqual(wire.header("DD-API-KEY"), "secret-api", "the wire request itself keeps the key")
        let error = DatadogAPIError(
            statusCode: 403, headers: ["Set-Cookie": "session=secret-cookie", "X-Request": "r1"],
            body: Data(#"{"errors":["Forbidden"]}"#.utf8), operationID: "GetWidget")
        let response = DatadogRuntime.HTTPResponse(statusCode: 200, headers: ["Set-Cookie": "secret-cookie"])
        let values: [Any] = [configuration, client, wire, error, response]
        for value in values {
            var dumped = ""
            dump(value, to: &dumped)
            let printed = [
                String(describing: value), String(reflecting: value), dumped, "\(value)",
            ]
            for text in printed {
                XCTAssertFalse(text.contains("secret"), "\(type(of: value)) shows a secret: \(text)")
            }
        }
        XCTAssertTrue(String(describing: configuration).contains("apiKey: <redacted>"))
        XCTAssertTrue(String(reflecting: wire).contains("DD-API-KEY: <redacted>"))
        XCTAssertTrue(String(reflecting: error).contains("X-Request: r1"))
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

/// Fails the first `failures` sends with a connection error, then answers 200.
private final class FailingTransport: DatadogRuntime.HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let failures: Int

    init(failures: Int) { self.failures = failures }

    var attempts: Int { lock.withLock { count } }

    func send(_ request: DatadogRuntime.HTTPRequest) async throws -> DatadogRuntime.HTTPResponse {
        let attempt = lock.withLock {
            count += 1
            return count
        }
        if attempt <= failures { throw URLError(.networkConnectionLost) }
        return .init(statusCode: 200)
    }
}

/// Asserts that `expression` throws.
func XCTAssertThrowsErrorAsync(
    _ expression: @autoclosure () async throws -> Void, file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {}
}
