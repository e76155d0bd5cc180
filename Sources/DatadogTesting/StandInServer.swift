import DatadogRuntime
import FlyingFox
import FlyingSocks
import Foundation

/// A stand-in for the Datadog API: a real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that
/// answers from routes you give it and records every request it receives.
///
/// Point the SDK at it with ``configuration(apiKey:applicationKey:)`` (or ``client(transport:configure:)``)
/// and test your own code end to end, without an account or a network:
///
/// ```swift
/// let server = try await StandInServer.start()
/// server.route("GET", "/api/v2/statuspages", .json(#"{"data":[]}"#))
/// server.route("GET", "/api/v2/statuspages/*") { request in
///     .errors(404, ["Status page not found"])
/// }
/// let api = StatusPagesAPI(configuration: server.configuration())
/// _ = try await api.listStatusPages()
/// XCTAssertEqual(server.requests.map(\.path), ["/api/v2/statuspages"])
/// await server.stop()
/// ```
///
/// Routes are tried in the order they were added; the first whose ``Route`` matches answers. A request
/// no route matches gets a 404 with Datadog's error body naming the request. A handler that throws
/// answers 500 with the error's description.
public final class StandInServer: @unchecked Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (Request) async throws -> Response

    /// `http://127.0.0.1:<port>`, the base URL to give the SDK.
    public let baseURL: URL
    /// The port the system chose.
    public let port: UInt16

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let lock = NSLock()
    private var routes: [(route: Route, handler: Handler)] = []
    private var received: [Request] = []

    /// Starts a stand-in with no routes (every request gets a 404 until routes are added).
    public static func start() async throws -> StandInServer {
        try await StandInServer(fallback: nil)
    }

    /// Starts a stand-in that answers every request with `handler` (routes added later are tried first).
    public static func start(answeringAll handler: @escaping Handler) async throws -> StandInServer {
        try await StandInServer(fallback: handler)
    }

    private let fallback: Handler?

    private init(fallback: Handler?) async throws {
        self.fallback = fallback
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        self.server = server
        task = Task { try await server.run() }
        do {
            try await server.waitUntilListening()
            guard case .ip4(_, let port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
            self.port = port
            baseURL = URL(string: "http://127.0.0.1:\(port)")!
        } catch {
            task.cancel()
            throw error
        }
        await server.appendRoute("*") { [weak self] request in
            guard let self else { return FlyingFox.HTTPResponse(statusCode: .serviceUnavailable) }
            return try await self.answer(request)
        }
    }

    // MARK: Routes

    /// Answers requests matching `route` with `handler`.
    public func route(_ route: Route, _ handler: @escaping Handler) {
        lock.withLock { routes.append((route, handler)) }
    }

    /// Answers `method` (nil: any) requests whose path matches `path` (`*`: one segment, a final
    /// `**`: the rest) and that carry `query`, with `handler`.
    public func route(_ method: String?, _ path: String, query: [String: String] = [:], _ handler: @escaping Handler) {
        route(Route(method, path, query: query), handler)
    }

    /// Answers `method` (nil: any) requests whose path matches `path` and that carry `query` with the
    /// same canned `response` every time.
    public func route(_ method: String?, _ path: String, query: [String: String] = [:], _ response: Response) {
        route(Route(method, path, query: query)) { _ in response }
    }

    // MARK: What was received

    /// Every request received so far, in the order they arrived.
    public var requests: [Request] { lock.withLock { received } }

    /// The requests received so far that `route` matches.
    public func requests(matching route: Route) -> [Request] {
        requests.filter(route.matches)
    }

    /// Forgets the requests received so far.
    public func clearRequests() {
        lock.withLock { received.removeAll() }
    }

    // MARK: The SDK pointed at it

    /// A configuration whose base URL is this stand-in, with the given keys and nothing read from
    /// the process environment.
    public func configuration(apiKey: String? = "stand-in-api-key", applicationKey: String? = "stand-in-application-key") -> DatadogConfiguration {
        DatadogConfiguration(apiKey: apiKey, applicationKey: applicationKey, baseURL: baseURL, environment: [:])
    }

    /// A client of this stand-in over `transport`, its ``configuration(apiKey:applicationKey:)`` changed by `configure`.
    public func client(
        transport: any HTTPTransport = URLSessionTransport(), configure: (inout DatadogConfiguration) -> Void = { _ in }
    ) -> DatadogClient {
        var configuration = configuration()
        configure(&configuration)
        return DatadogClient(configuration: configuration, transport: transport)
    }

    /// Stops listening and closes the open connections (releasing the server does too, without waiting).
    public func stop() async {
        await server.stop()
        task.cancel()
    }

    deinit {
        task.cancel()
    }

    // MARK: Serving

    private func answer(_ httpRequest: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in httpRequest.headers {
            let key = name.rawValue.lowercased()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        let request = Request(
            method: httpRequest.method.rawValue, path: httpRequest.path,
            queryItems: httpRequest.query.map { URLQueryItem(name: $0.name, value: $0.value) }, headers: headers,
            body: try await httpRequest.bodyData, target: httpRequest.target.rawValue)
        let handler = lock.withLock { () -> Handler? in
            received.append(request)
            return routes.first { $0.route.matches(request) }?.handler ?? fallback
        }
        let response: Response
        if let handler {
            do {
                response = try await handler(request)
            } catch {
                response = .errors(500, ["stand-in handler failed: \(error)"])
            }
        } else {
            response = .errors(404, ["no stand-in route for \(request.method) \(request.path)"])
        }
        var responseHeaders = HTTPHeaders()
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            responseHeaders.addValue(value, for: HTTPHeader(name))
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: Self.reasonPhrase(response.status)),
            headers: responseHeaders, body: response.body)
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
