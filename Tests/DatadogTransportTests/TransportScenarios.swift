import DatadogRuntime
import DatadogTesting
import Foundation
import Logging
import XCTest

/// The loopback fault suite, run once per transport by the test classes below. Every scenario
/// is bounded by short timeouts and small caps, and talks to 127.0.0.1 only.
struct TransportScenarios {
    let makeTransport: @Sendable () -> any HTTPTransport

    private static let apiKey = "secret-api-key-1234"
    private static let appKey = "secret-app-key-5678"

    private func client(
        _ baseURL: URL, log: LogStore? = nil, configure: (inout DatadogConfiguration) -> Void = { _ in }
    ) -> DatadogClient {
        var configuration = DatadogConfiguration(
            apiKey: Self.apiKey, applicationKey: Self.appKey, baseURL: baseURL, environment: [:])
        configuration.timeout = .seconds(5)
        if let log {
            configuration.logger = Logger(label: "datadog.api") { _ in CapturingLogHandler(store: log) }
            configuration.logger.logLevel = .trace
        }
        configure(&configuration)
        return DatadogClient(configuration: configuration, transport: makeTransport())
    }

    private func request(_ method: String = "GET", _ path: String = "/start", body: String? = nil) -> APIRequest {
        var request = APIRequest(operationID: "Probe", method: method, path: path, auth: [.apiKey, .appKey])
        if let body { request.body = Data(body.utf8) }
        return request
    }

    private func assertNoCredentials(_ requests: [StandInServer.Request], file: StaticString = #filePath, line: UInt = #line) {
        for request in requests {
            for (name, value) in request.headers {
                XCTAssertFalse(
                    value.contains(Self.apiKey) || value.contains(Self.appKey), "credential sent in \(name)", file: file,
                    line: line)
            }
            XCTAssertNil(request.headers["dd-api-key"], file: file, line: line)
            XCTAssertNil(request.headers["dd-application-key"], file: file, line: line)
            XCTAssertNil(request.headers["authorization"], file: file, line: line)
        }
    }

    private func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        return (value, clock.now - start)
    }

    // MARK: Redirects

    /// A cross-origin 302 or 307 is returned, not followed: the second server sees nothing.
    func crossOriginRedirectIsNotFollowed() async throws {
        let other = try await StandInServer.start { _ in .json("{}") }
        for (method, status) in [("GET", 302), ("POST", 307), ("POST", 308), ("GET", 301)] {
            let origin = try await StandInServer.start { _ in
                StandInServer.Response(status: status, headers: ["Location": other.baseURL.absoluteString + "/stolen"])
            }
            let log = LogStore()
            do {
                try await client(origin.baseURL, log: log).send(request(method, body: method == "POST" ? #"{"a":1}"# : nil))
                XCTFail("\(method) \(status): expected the redirect to fail")
            } catch let error as DatadogAPIError {
                XCTAssertEqual(error.statusCode, status)
                XCTAssertEqual(error.location, other.baseURL.absoluteString + "/stolen")
                XCTAssertTrue(error.description.contains("not followed"), error.description)
            }
            XCTAssertEqual(origin.requests.count, 1)
            let refusal = try XCTUnwrap(log.lines.first { $0.hasPrefix("Datadog redirect not followed") })
            XCTAssertTrue(refusal.contains(origin.baseURL.absoluteString + "/start"), refusal)
            XCTAssertTrue(refusal.contains(other.baseURL.absoluteString + "/stolen"), refusal)
            XCTAssertFalse(log.lines.joined().contains(Self.apiKey), "a key in the trace log")
        }
        XCTAssertEqual(other.requests.count, 0)
    }

    /// With the opt-in, cross-origin redirects are followed without credentials; a 307 POST
    /// keeps its body.
    func crossOriginRedirectOptInDropsCredentials() async throws {
        let other = try await StandInServer.start { _ in .json(#"{"ok":true}"#) }
        let origin = try await StandInServer.start { request in
            let status = request.method == "POST" ? 307 : 302
            return StandInServer.Response(status: status, headers: ["Location": other.baseURL.absoluteString + "/moved"])
        }
        let client = client(origin.baseURL) {
            $0.redirects.followsCrossOriginRedirects = true
            $0.bearerToken = "secret-bearer"
        }
        try await client.send(request("GET"))
        try await client.send(request("POST", body: #"{"a":1}"#))
        let seen = other.requests
        XCTAssertEqual(seen.map(\.method), ["GET", "POST"])
        XCTAssertEqual(seen.map(\.path), ["/moved", "/moved"])
        XCTAssertEqual(String(decoding: seen[1].body, as: UTF8.self), #"{"a":1}"#)
        assertNoCredentials(seen)
        XCTAssertFalse(seen.contains { $0.headers.values.contains { $0.contains("secret-bearer") } })
        XCTAssertEqual(origin.requests.first?.headers["dd-api-key"], Self.apiKey)
    }

    /// Same-origin 307/308 keep method, body and credentials; a same-origin 302 of a POST is
    /// returned rather than turned into a GET; a 302 GET is followed.
    func sameOriginRedirects() async throws {
        let server = try await StandInServer.start { request in
            switch request.path {
            case "/307": return StandInServer.Response(status: 307, headers: ["Location": "/target"])
            case "/308": return StandInServer.Response(status: 308, headers: ["Location": "/target"])
            case "/302": return StandInServer.Response(status: 302, headers: ["Location": "/target"])
            default: return .json(#"{"ok":true}"#)
            }
        }
        let log = LogStore()
        let client = client(server.baseURL, log: log)
        try await client.send(request("POST", "/307", body: #"{"n":7}"#))
        try await client.send(request("PUT", "/308", body: #"{"n":8}"#))
        do {
            try await client.send(request("POST", "/302", body: #"{"n":2}"#))
            XCTFail("expected the 302 of a POST to be returned")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 302)
            XCTAssertEqual(error.location, "/target")
        }
        let response = try await client.sendForResponse(request("GET", "/302"))
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.redirects.map(\.path), ["/target"])
        let hops = log.lines.filter { $0.hasPrefix("Datadog redirect followed") }
        XCTAssertEqual(hops.count, 3)
        XCTAssertTrue(hops.allSatisfy { $0.contains(server.baseURL.absoluteString + "/3") && $0.contains("/target") }, "\(hops)")

        let targets = server.requests.filter { $0.path == "/target" }
        XCTAssertEqual(targets.map(\.method), ["POST", "PUT", "GET"])
        XCTAssertEqual(targets.map { String(decoding: $0.body, as: UTF8.self) }, [#"{"n":7}"#, #"{"n":8}"#, ""])
        XCTAssertEqual(targets.map { $0.headers["dd-api-key"] }, [Self.apiKey, Self.apiKey, Self.apiKey])
    }

    // MARK: Deadlines and hostile bodies

    /// A silent server fails at the attempt's timeout.
    func silentServerTimesOut() async throws {
        let server = try await StandInServer.start { _ in try await Task.sleep(for: .seconds(4)); return .json("{}") }
        let client = client(server.baseURL) { $0.timeout = .milliseconds(800) }
        let (error, took) = await measure { await capture { try await client.send(request()) } }
        XCTAssertEqual(error as? DatadogClientError, .timedOut(.milliseconds(800)), "\(String(describing: error))")
        XCTAssertLessThan(took, .milliseconds(2500))
    }

    /// A body trickled a byte at a time fails at the deadline, although the connection is never silent for long.
    func tricklingBodyFailsAtTheDeadline() async throws {
        let server = try ScriptedSocketServer { _ in
            var steps: [ScriptedSocketServer.Step] = [.send(Data("HTTP/1.1 200 OK\r\nContent-Length: 40\r\nConnection: close\r\n\r\n".utf8))]
            for _ in 0..<40 { steps += [.sleep(.milliseconds(100)), .send(Data("x".utf8))] }
            return steps
        }
        defer { server.stop() }
        let client = client(server.baseURL) { $0.timeout = .seconds(1) }
        let (error, took) = await measure { await capture { _ = try await client.sendForData(request()) } }
        XCTAssertEqual(error as? DatadogClientError, .timedOut(.seconds(1)), "\(String(describing: error))")
        XCTAssertLessThan(took, .milliseconds(2500))
    }

    /// The whole-call deadline bounds retries too.
    func callDeadlineBoundsRetries() async throws {
        let server = try await StandInServer.start { _ in .json(#"{"errors":["busy"]}"#, status: 503) }
        let client = client(server.baseURL) {
            $0.retry = RetryPolicy(isEnabled: true, maxRetries: 100, backoffBase: 0.2, backoffMultiplier: 1)
            $0.callTimeout = .seconds(1)
        }
        let (error, took) = await measure { await capture { try await client.send(request()) } }
        XCTAssertNotNil(error)
        XCTAssertLessThan(took, .milliseconds(2000))
        XCTAssertGreaterThan(server.requests.count, 1)
    }

    /// A body cut short, and a garbage answer, are errors, never successes.
    func truncatedAndGarbageAnswersFail() async throws {
        let truncated = try ScriptedSocketServer { _ in
            [.send(Data("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"a\":".utf8))]
        }
        defer { truncated.stop() }
        let garbage = try ScriptedSocketServer { _ in [.send(Data("\u{1}\u{2}garbage that is not HTTP\r\n\r\n".utf8))] }
        defer { garbage.stop() }
        for server in [truncated, garbage] {
            let client = client(server.baseURL) { $0.timeout = .seconds(3) }
            let (error, took) = await measure { await capture { _ = try await client.sendForData(request()) } }
            XCTAssertNotNil(error, "port \(server.port): expected a failure")
            XCTAssertLessThan(took, .milliseconds(3500))
        }
    }

    /// Transport failures come out as one-line typed `DatadogClientError`s that keep the transport's
    /// error: a closed port is `.cannotConnect`, a connection closed without an answer or a garbage
    /// answer is `.connectionLost` or `.invalidResponse`. `refusing` makes the transport for the
    /// refused connection (AsyncHTTPClient retries a refused connection until its connect timeout).
    func transportFailuresAreTyped(refusing makeRefusing: (@Sendable () -> any HTTPTransport)? = nil) async throws {
        let silentClose = try ScriptedSocketServer { _ in [] }
        defer { silentClose.stop() }
        let garbage = try ScriptedSocketServer { _ in [.send(Data("\u{1}\u{2}garbage that is not HTTP\r\n\r\n".utf8))] }
        defer { garbage.stop() }
        // Port 1 on the loopback interface: nothing listens there, the connection is refused.
        var closed = DatadogConfiguration(
            apiKey: Self.apiKey, applicationKey: Self.appKey, baseURL: URL(string: "http://127.0.0.1:1"), environment: [:])
        closed.timeout = .seconds(3)
        let refusing = DatadogClient(configuration: closed, transport: (makeRefusing ?? makeTransport)())
        let refused = await capture { _ = try await refusing.sendForData(request()) }
        let refusedError = try XCTUnwrap(refused as? DatadogClientError, "\(String(describing: refused))")
        guard case .cannotConnect(let failure) = refusedError else {
            return XCTFail("expected .cannotConnect, got \(refusedError)")
        }
        XCTAssertFalse(refusedError.description.contains("\n"), refusedError.description)
        XCTAssertFalse(failure.underlying is DatadogClientError)
        for server in [silentClose, garbage] {
            let error = await capture { _ = try await client(server.baseURL) { $0.timeout = .seconds(3) }.sendForData(request()) }
            let typed = try XCTUnwrap(error as? DatadogClientError, "\(String(describing: error))")
            switch typed {
            case .connectionLost, .invalidResponse, .transport: break
            default: XCTFail("port \(server.port): expected a typed transport failure, got \(typed)")
            }
            XCTAssertFalse(typed.description.contains("\n"), typed.description)
        }
    }

    /// A 50 MB body arrives whole.
    func largeBody() async throws {
        let size = 50 << 20
        let payload = Data(repeating: UInt8(ascii: "a"), count: size)
        let server = try await StandInServer.start { _ in StandInServer.Response(status: 200, headers: ["Content-Type": "application/octet-stream"], body: payload) }
        let client = client(server.baseURL) { $0.timeout = .seconds(30) }
        let data = try await client.sendForData(request())
        XCTAssertEqual(data.count, size)
    }

    // MARK: Retries

    /// 503, 503, then 200: a GET succeeds on the third attempt; a POST is not retried unless opted in.
    func serverErrorsRetriedForIdempotentMethodsOnly() async throws {
        // The third request of each method and path succeeds.
        let counter = Counter()
        let server = try await StandInServer.start { request in
            counter.next(request.method + request.path) >= 3
                ? .json(#"{"ok":true}"#) : .json(#"{"errors":["busy"]}"#, status: 503)
        }
        let policy = RetryPolicy(isEnabled: true, maxRetries: 3, backoffBase: 0.01, backoffMultiplier: 2)
        let client = client(server.baseURL) { $0.retry = policy }
        try await client.send(request("GET", "/get"))
        XCTAssertEqual(server.requests.filter { $0.path == "/get" }.count, 3)

        do {
            try await client.send(request("POST", "/post", body: "{}"))
            XCTFail("expected the POST's 503")
        } catch let error as DatadogAPIError {
            XCTAssertEqual(error.statusCode, 503)
        }
        XCTAssertEqual(server.requests.filter { $0.path == "/post" }.count, 1)

        var optIn = policy
        optIn.retriesNonIdempotentRequests = true
        try await self.client(server.baseURL) { $0.retry = optIn }.send(request("POST", "/post", body: "{}"))
        XCTAssertEqual(server.requests.filter { $0.path == "/post" }.count, 3)
    }

    /// A connection closed without an answer is retried for a GET, not for a POST.
    func connectionErrorsRetriedForIdempotentMethodsOnly() async throws {
        let server = try ScriptedSocketServer { _ in [] }
        defer { server.stop() }
        let client = client(server.baseURL) {
            $0.retry = RetryPolicy(isEnabled: true, maxRetries: 2, backoffBase: 0.01, backoffMultiplier: 1)
        }
        let getError = await capture { try await client.send(request("GET", "/get")) }
        XCTAssertNotNil(getError)
        XCTAssertEqual(server.requests.filter { $0.path == "/get" }.count, 3)
        let postError = await capture { try await client.send(request("POST", "/post", body: "{}")) }
        XCTAssertNotNil(postError)
        XCTAssertEqual(server.requests.filter { $0.path == "/post" }.count, 1)
    }

    /// A rate limit asking for 27 hours fails at once with the wait on the error.
    func hugeRateLimitResetFailsAtOnce() async throws {
        let server = try await StandInServer.start { _ in
            .json(#"{"errors":["rate limited"]}"#, status: 429, headers: ["X-RateLimit-Reset": "100000"])
        }
        let client = client(server.baseURL) { $0.retry = .default }
        let (error, took) = await measure { await capture { try await client.send(request()) } }
        let apiError = try XCTUnwrap(error as? DatadogAPIError, "\(String(describing: error))")
        XCTAssertEqual(apiError.statusCode, 429)
        XCTAssertEqual(apiError.retryAfter, .seconds(100_000))
        XCTAssertLessThan(took, .seconds(2))
        XCTAssertEqual(server.requests.count, 1)
    }

    /// `Retry-After` as an HTTP date is honoured.
    func httpDateRetryAfter() async throws {
        let counter = Counter()
        let server = try await StandInServer.start { request in
            guard counter.next("all") == 1 else { return .json("{}") }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: Date().addingTimeInterval(2))
            return .json("{}", status: 429, headers: ["Retry-After": date])
        }
        let client = client(server.baseURL) { $0.retry = .default }
        let (_, took) = try await measure { try await client.send(request("POST", body: "{}")) }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertGreaterThan(took, .milliseconds(900))
        XCTAssertLessThan(took, .milliseconds(3500))
    }

    // MARK: Pagination

    private struct Page: Decodable { var items: [Int]; var next: String? }

    private func pages(_ client: DatadogClient) -> PaginatedSequence<Int> {
        PaginatedSequence { state in
            guard case .cursor(let cursor) = state else { return ([], nil) }
            var request = APIRequest(operationID: "ListThings", method: "GET", path: "/things")
            if let cursor { request.addQuery("cursor", cursor) }
            let page = try await client.send(request, decoding: Page.self)
            return (page.items, .cursor(page.next))
        }
    }

    /// A server that always has a next page stops at the configured page limit.
    func endlessPaginationStopsAtTheLimit() async throws {
        let counter = Counter()
        let server = try await StandInServer.start { _ in
            .json(#"{"items":[1,2],"next":"c\#(counter.next("page"))"}"#)
        }
        let client = client(server.baseURL) { $0.maxPages = 7 }
        do {
            _ = try await pages(client).collect()
            XCTFail("expected the page limit")
        } catch let error as PaginationError {
            XCTAssertEqual(error, .tooManyPages(limit: 7))
        }
        XCTAssertEqual(server.requests.count, 7)
    }

    /// Cursors cycling A, B, A are detected.
    func cyclicCursorsAreDetected() async throws {
        let server = try await StandInServer.start { request in
            let next = request.query("cursor") == "A" ? "B" : "A"
            return .json(#"{"items":[1],"next":"\#(next)"}"#)
        }
        do {
            _ = try await pages(client(server.baseURL)).collect()
            XCTFail("expected a cycle")
        } catch let error as PaginationError {
            XCTAssertEqual(error, .cycle(.cursor("A")))
        }
        XCTAssertEqual(server.requests.count, 3)
    }

    // MARK: Concurrency

    /// 200 concurrent calls through one client all get their own answer.
    func concurrentCalls() async throws {
        let server = try await StandInServer.start { request in
            .json(#"{"path":"\#(request.path)"}"#)
        }
        let client = client(server.baseURL) { $0.timeout = .seconds(20) }
        struct Echo: Decodable { var path: String }
        let paths = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask {
                    (index, try await client.send(self.request("GET", "/item/\(index)"), decoding: Echo.self).path)
                }
            }
            var result: [Int: String] = [:]
            for try await (index, path) in group { result[index] = path }
            return result
        }
        XCTAssertEqual(paths.count, 200)
        for (index, path) in paths { XCTAssertEqual(path, "/item/\(index)") }
    }

    /// A transport used for many requests is released with its client (one session or HTTP
    /// client per transport, nothing kept per request).
    func transportIsReleased() async throws {
        let server = try await StandInServer.start { _ in .json("{}") }
        weak var weakTransport: AnyObject?
        do {
            let transport = makeTransport()
            weakTransport = transport as AnyObject
            let client = DatadogClient(
                configuration: DatadogConfiguration(baseURL: server.baseURL, environment: [:]), transport: transport)
            for _ in 0..<20 { try await client.send(request()) }
        }
        XCTAssertNil(weakTransport)
        XCTAssertEqual(server.requests.count, 20)
    }

    /// Cancelling the calling task stops an in-flight request at once.
    func cancellation() async throws {
        let server = try await StandInServer.start { _ in try await Task.sleep(for: .seconds(3)); return .json("{}") }
        let client = client(server.baseURL)
        let task = Task { try await client.send(request()) }
        try await Task.sleep(for: .milliseconds(200))
        let (error, took) = await measure {
            task.cancel()
            return await capture { try await task.value }
        }
        XCTAssertTrue(error is CancellationError, "\(String(describing: error))")
        XCTAssertLessThan(took, .seconds(1))
    }
}

/// Per-key counters, thread-safe.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Increments `key` and returns its new count.
    func next(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }
}

/// The error `body` throws, or nil.
func capture(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// Log lines (message and metadata) captured from a client's logger.
final class LogStore: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }
}

struct CapturingLogHandler: LogHandler {
    let store: LogStore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        store.append("\(event.message) \(metadata.joined(separator: " "))")
    }
}
