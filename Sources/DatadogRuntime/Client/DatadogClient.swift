import Foundation
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends ``APIRequest``s built by the generated API types.
///
/// For each call the client:
/// 1. throws ``DatadogClientError/unstableOperationDisabled(_:)`` before anything is sent
///    when the operation is unstable and not enabled;
/// 2. builds the URL (``APIRequest/url(for:)``) and the headers: `User-Agent`, `Accept`,
///    `Content-Type` (with a body), then the credentials the operation accepts —
///    `DD-API-KEY` for ``AuthScheme/apiKey`` and `DD-APPLICATION-KEY` for
///    ``AuthScheme/appKey`` when configured, and `Authorization: Bearer <token>` when a bearer
///    token is configured and the operation accepts ``AuthScheme/bearer``, or accepts
///    ``AuthScheme/appKey`` but no application key is configured (the token stands in for
///    it) — then the operation's own headers;
/// 3. compresses the body when the operation sets `Content-Encoding: gzip`/`deflate`, or when
///    it accepts compression (``APIRequest/acceptsContentEncoding``) and
///    ``DatadogConfiguration/compressRequests`` is on (gzip);
/// 4. sends it through the ``HTTPTransport`` (redirects per ``DatadogConfiguration/redirects``),
///    each attempt bounded by ``DatadogConfiguration/timeout`` and the whole call by
///    ``DatadogConfiguration/callTimeout``, retrying per ``DatadogConfiguration/retry``:
///    a 429 waits the `X-RateLimit-Reset` seconds (else `Retry-After`, seconds or HTTP date,
///    else the backoff) and fails at once when that exceeds ``RetryPolicy/maxWait``; a 5xx or
///    connection error of an idempotent method waits `backoffBase * backoffMultiplier^attempt`;
///    up to `maxRetries` retries and within `maxElapsed`; cancellation stops at once with
///    `CancellationError`;
/// 5. returns a 2xx response, or throws ``DatadogAPIError`` (a redirect that was not followed
///    is one, with its ``DatadogAPIError/location``).
///
/// Requests and redirects are logged at debug level (method, URLs, status, duration) and
/// headers at trace level with credentials redacted (`redactHeaders(_:)`). The client, its
/// configuration and requests print (`print`, `dump`) with credentials redacted.
public final class DatadogClient: Sendable {
    /// The configuration in use.
    public let configuration: DatadogConfiguration
    /// The transport requests go through.
    public let transport: any HTTPTransport
    /// The sleeper used between retries.
    public let sleeper: any RetrySleeper

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Site, credentials and behaviour.
    ///   - transport: The HTTP stack; `URLSession.shared` by default.
    ///   - sleeper: Waits between retries; `Task.sleep` by default.
    public init(
        configuration: DatadogConfiguration = DatadogConfiguration(),
        transport: any HTTPTransport = URLSessionTransport(),
        sleeper: any RetrySleeper = TaskSleeper()
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleeper = sleeper
    }

    // MARK: Sending

    /// Sends `request` and decodes the 2xx JSON body as `Response`.
    ///
    /// Any 2xx body is read as JSON whatever its content type (`application/json`,
    /// `application/vnd.api+json`, `text/json`, JSON sent as `text/plain`). An empty body
    /// decodes as JSON `null`, which suits `Optional` and ``JSONValue`` responses. When
    /// `Response` is `String` and the body is not JSON, the body text is returned.
    ///
    /// - Throws: ``DatadogClientError`` (transport failures included), ``DatadogAPIError``, `CancellationError`.
    public func send<Response: Decodable>(_ request: APIRequest, decoding: Response.Type) async throws -> Response {
        let response = try await perform(request)
        return try decodeBody(response.body, as: Response.self)
    }

    /// Sends `request`, ignoring the 2xx body.
    ///
    /// - Throws: ``DatadogClientError`` (transport failures included), ``DatadogAPIError``, `CancellationError`.
    public func send(_ request: APIRequest) async throws {
        _ = try await perform(request)
    }

    /// Sends `request` and returns the 2xx body bytes (zip, octet-stream…).
    ///
    /// - Throws: ``DatadogClientError`` (transport failures included), ``DatadogAPIError``, `CancellationError`.
    public func sendForData(_ request: APIRequest) async throws -> Data {
        try await perform(request).body
    }

    /// Sends `request` and returns the 2xx body as text (CSV, YAML…), read as UTF-8.
    ///
    /// - Throws: ``DatadogClientError`` (transport failures included), ``DatadogAPIError``, `CancellationError`.
    public func sendForString(_ request: APIRequest) async throws -> String {
        let body = try await perform(request).body
        return String(data: body, encoding: .utf8) ?? String(decoding: body, as: UTF8.self)
    }

    /// Sends `request` and returns the raw 2xx response.
    ///
    /// - Throws: ``DatadogClientError`` (transport failures included), ``DatadogAPIError``, `CancellationError`.
    public func sendForResponse(_ request: APIRequest) async throws -> HTTPResponse {
        try await perform(request)
    }

    // MARK: Building

    /// The request as it would go on the wire (URL, headers, compressed body), without sending it.
    ///
    /// - Throws: ``DatadogClientError`` when the operation is disabled, a credential is
    ///   required but missing, the URL is invalid or the content encoding unsupported.
    public func makeHTTPRequest(_ request: APIRequest) throws -> HTTPRequest {
        if let op = request.unstable, !configuration.isUnstableOperationEnabled(op) {
            throw DatadogClientError.unstableOperationDisabled(op)
        }
        let url = try request.url(for: configuration)
        var headers: [(name: String, value: String)] = [
            (name: "User-Agent", value: UserAgent.value),
            (name: "Accept", value: request.accept),
        ]
        if request.body != nil, let contentType = request.contentType {
            headers.append((name: "Content-Type", value: contentType))
        }
        headers.append(contentsOf: try credentialHeaders(for: request.auth))
        for header in request.headers {
            headers.setHeader(header.name, header.value)
        }
        var body = request.body
        if let data = body {
            let encoding = request.header("Content-Encoding")?.trimmingCharacters(in: .whitespaces).lowercased()
            switch encoding {
            case "gzip", "x-gzip":
                body = try Compression.gzip(data)
            case "deflate":
                body = try Compression.zlib(data)
            case "identity", "":
                break
            case nil:
                if request.acceptsContentEncoding, configuration.compressRequests {
                    body = try Compression.gzip(data)
                    headers.setHeader("Content-Encoding", "gzip")
                }
            case let other?:
                throw DatadogClientError.unsupportedContentEncoding(other)
            }
        }
        return HTTPRequest(
            method: request.method, url: url, headers: headers, body: body, timeout: configuration.timeout,
            redirects: configuration.redirects)
    }

    private func credentialHeaders(for auth: [AuthScheme]) throws -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        let apiKey = configuration.apiKey.flatMap { $0.isEmpty ? nil : $0 }
        let appKey = configuration.applicationKey.flatMap { $0.isEmpty ? nil : $0 }
        let bearer = configuration.bearerToken.flatMap { $0.isEmpty ? nil : $0 }
        if auth.contains(.apiKey), let apiKey {
            headers.append((name: "DD-API-KEY", value: apiKey))
        }
        if auth.contains(.appKey), let appKey {
            headers.append((name: "DD-APPLICATION-KEY", value: appKey))
        }
        let bearerAccepted = auth.contains(.bearer) || (auth.contains(.appKey) && appKey == nil)
        if bearerAccepted, let bearer {
            headers.append((name: "Authorization", value: "Bearer \(bearer)"))
        }
        if configuration.requireCredentials {
            var missing: [String] = []
            if auth.contains(.apiKey), apiKey == nil, !(auth.contains(.bearer) && bearer != nil) {
                missing.append("API key (DD_API_KEY)")
            }
            if auth.contains(.appKey), appKey == nil, bearer == nil {
                missing.append("application key (DD_APP_KEY)")
            }
            if auth == [.bearer], bearer == nil {
                missing.append("bearer token")
            }
            if !missing.isEmpty {
                throw DatadogClientError.missingCredentials(missing.joined(separator: ", "))
            }
        }
        return headers
    }

    // MARK: Performing

    private func perform(_ request: APIRequest) async throws -> HTTPResponse {
        var httpRequest = try makeHTTPRequest(request)
        let logger = configuration.logger
        let policy = configuration.retry
        let clock = ContinuousClock()
        let callStart = clock.now
        PaginationScope.current?.record(maxPages: configuration.maxPages)
        // Request times plus the waits asked of the sleeper (what RetryPolicy.maxElapsed bounds).
        var spent = Duration.zero
        var attempt = 0
        // Whether waiting `delay` now would pass the whole-call deadline.
        func exceedsCallTimeout(_ delay: Duration) -> Bool {
            guard let callTimeout = configuration.callTimeout else { return false }
            return clock.now - callStart + delay > callTimeout
        }
        while true {
            try Task.checkCancellation()
            var limit = configuration.timeout
            var limitIsCallDeadline = false
            if let callTimeout = configuration.callTimeout {
                let remaining = callTimeout - (clock.now - callStart)
                guard remaining > .zero else { throw DatadogClientError.deadlineExceeded(callTimeout) }
                if remaining < limit {
                    limit = remaining
                    limitIsCallDeadline = true
                }
            }
            httpRequest.timeout = limit
            logger.debug(
                "Datadog request",
                metadata: [
                    "operation": "\(request.operationID)", "method": "\(httpRequest.method)",
                    "url": "\(httpRequest.url.absoluteString)", "attempt": "\(attempt)",
                ])
            logger.trace(
                "Datadog request headers",
                metadata: ["headers": .dictionary(Self.metadata(redactHeaders(httpRequest.headers)))])
            let limitError: DatadogClientError =
                limitIsCallDeadline ? .deadlineExceeded(configuration.callTimeout ?? limit) : .timedOut(limit)
            let start = clock.now
            let response: HTTPResponse
            do {
                response = try await Self.withDeadline(limit, error: limitError) { [transport, httpRequest] in
                    try await transport.send(httpRequest)
                }
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                // One-line typed errors (`.cannotConnect`, `.connectionLost` …) that keep the transport's own.
                var error = DatadogClientError.classifying(error, timeout: limit)
                if error != limitError, clock.now - start >= limit - .milliseconds(50) {
                    // The transport's own timer (URLError.timedOut, a NIO deadline) fired at the deadline.
                    error = limitError
                }
                logger.debug(
                    "Datadog request failed",
                    metadata: ["operation": "\(request.operationID)", "error": "\(error)"])
                if case DatadogClientError.deadlineExceeded = error { throw error }
                spent += clock.now - start
                let delay = Self.backoffDelay(attempt: attempt, spent: spent, policy: policy, method: httpRequest.method)
                guard let delay, !exceedsCallTimeout(delay) else { throw error }
                try await wait(delay, before: attempt + 1, request: request, reason: "\(error)")
                spent += delay
                attempt += 1
                continue
            }
            let took = clock.now - start
            spent += took
            var from = httpRequest.url
            for url in response.redirects {
                logger.debug(
                    "Datadog redirect followed",
                    metadata: ["operation": "\(request.operationID)", "from": "\(from.absoluteString)", "to": "\(url.absoluteString)"])
                from = url
            }
            logger.debug(
                "Datadog response",
                metadata: [
                    "operation": "\(request.operationID)", "method": "\(httpRequest.method)",
                    "url": "\(from.absoluteString)", "status": "\(response.statusCode)",
                    "duration_ms": "\(Self.milliseconds(took))",
                ])
            if response.isSuccess {
                return response
            }
            if (300..<400).contains(response.statusCode), let location = response.header("Location") {
                logger.debug(
                    "Datadog redirect not followed",
                    metadata: ["operation": "\(request.operationID)", "from": "\(from.absoluteString)", "to": "\(location)"])
            }
            if let delay = Self.retryDelay(
                for: response, attempt: attempt, spent: spent, policy: policy, method: httpRequest.method),
                !exceedsCallTimeout(delay)
            {
                try await wait(delay, before: attempt + 1, request: request, reason: "status \(response.statusCode)")
                spent += delay
                attempt += 1
                continue
            }
            throw DatadogAPIError(response: response, operationID: request.operationID)
        }
    }

    private func wait(_ delay: Duration, before attempt: Int, request: APIRequest, reason: String) async throws {
        configuration.logger.debug(
            "Datadog request retry",
            metadata: [
                "operation": "\(request.operationID)", "reason": "\(reason)",
                "delay_ms": "\(Self.milliseconds(delay))", "attempt": "\(attempt)",
            ])
        try await sleeper.sleep(for: delay)
        try Task.checkCancellation()
    }

    /// Runs `operation`, cancelling it and throwing `error` when it takes longer than `limit`.
    static func withDeadline<T: Sendable>(
        _ limit: Duration, error: DatadogClientError, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                try Task.checkCancellation()
                throw error
            }
            return value
        }
    }

    /// The wait before the next retry, or `nil` when the response must not be retried.
    ///
    /// - Parameters:
    ///   - response: The failed response.
    ///   - attempt: Retries made so far (0 after the first request).
    ///   - spent: Time spent so far on the call (requests and waits).
    ///   - policy: The retry policy.
    ///   - method: The request's method: 5xx answers are retried for idempotent methods only,
    ///     unless ``RetryPolicy/retriesNonIdempotentRequests``.
    public static func retryDelay(
        for response: HTTPResponse, attempt: Int, spent: Duration = .zero, policy: RetryPolicy, method: String = "GET"
    ) -> Duration? {
        guard policy.isEnabled, attempt < policy.maxRetries else { return nil }
        if response.statusCode == 429 {
            guard let wait = RetryAfter.wait(in: response) else {
                return backoffDelay(attempt: attempt, spent: spent, policy: policy, method: nil)
            }
            // A longer wait than allowed fails now; the error carries the wait.
            guard wait <= policy.maxWait else { return nil }
            if let maxElapsed = policy.maxElapsed, spent + wait > maxElapsed { return nil }
            return wait
        }
        guard (500...599).contains(response.statusCode) else { return nil }
        return backoffDelay(attempt: attempt, spent: spent, policy: policy, method: method)
    }

    /// The backoff before retry `attempt + 1` of a 5xx or connection error (`method` nil: any
    /// method), capped at ``RetryPolicy/maxWait``; nil when not retried.
    static func backoffDelay(attempt: Int, spent: Duration, policy: RetryPolicy, method: String?) -> Duration? {
        guard policy.isEnabled, attempt < policy.maxRetries else { return nil }
        if let method, !policy.retriesFailures(of: method) { return nil }
        let seconds = min(policy.backoff(attempt: attempt), 31_536_000)
        let delay = min(Duration.milliseconds(Int64((seconds * 1000).rounded())), policy.maxWait)
        if let maxElapsed = policy.maxElapsed, spent + delay > maxElapsed { return nil }
        return delay
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private static func metadata(_ headers: [(name: String, value: String)]) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for header in headers {
            metadata[header.name] = "\(header.value)"
        }
        return metadata
    }

    // MARK: Decoding

    private func decodeBody<T: Decodable>(_ body: Data, as type: T.Type) throws -> T {
        let decoder = DatadogJSON.makeDecoder(strict: configuration.strictDecoding)
        let isBlank = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        do {
            return try decoder.decode(T.self, from: isBlank ? Data("null".utf8) : body)
        } catch {
            if T.self == String.self, !isBlank, let text = String(data: body, encoding: .utf8), let result = text as? T {
                return result
            }
            throw DatadogClientError.decoding(type: String(describing: T.self), underlying: "\(error)", body: body)
        }
    }
}

extension DatadogClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `"DatadogClient(<configuration>)"`, credentials redacted.
    public var description: String { "DatadogClient(\(configuration))" }
    /// The ``description``.
    public var debugDescription: String { description }
    /// Configuration (redacted), transport and sleeper.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "configuration": configuration, "transport": String(describing: type(of: transport)),
                "sleeper": String(describing: type(of: sleeper)),
            ], displayStyle: .class)
    }
}

/// The `User-Agent` the client sends:
/// `datadog-api-client-swift/<version> (swift <version>; os <os>; arch <arch>)`.
public enum UserAgent {
    /// The runtime library's version.
    public static let clientVersion = "0.1.0"

    /// The Swift language version the runtime was compiled with, e.g. `"6.3"`.
    public static let swiftVersion: String = {
        #if swift(>=7.0)
        return "7.0"
        #elseif swift(>=6.3)
        return "6.3"
        #elseif swift(>=6.2)
        return "6.2"
        #elseif swift(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }()

    /// The operating system, e.g. `"linux"` or `"macos"`.
    public static let operatingSystem: String = {
        #if os(Linux)
        return "linux"
        #elseif os(macOS)
        return "macos"
        #elseif os(iOS)
        return "ios"
        #elseif os(tvOS)
        return "tvos"
        #elseif os(watchOS)
        return "watchos"
        #elseif os(visionOS)
        return "visionos"
        #elseif os(Windows)
        return "windows"
        #elseif os(Android)
        return "android"
        #else
        return "unknown"
        #endif
    }()

    /// The CPU architecture, e.g. `"x86_64"` or `"arm64"`.
    public static let architecture: String = {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "arm64"
        #elseif arch(arm)
        return "arm"
        #elseif arch(i386)
        return "i386"
        #else
        return "unknown"
        #endif
    }()

    /// The full header value.
    public static let value =
        "datadog-api-client-swift/\(clientVersion) (swift \(swiftVersion); os \(operatingSystem); arch \(architecture))"
}

/// Header names whose values are secrets, compared case-insensitively.
let redactedHeaderNames: Set<String> = [
    "dd-api-key", "dd-application-key", "authorization", "proxy-authorization", "cookie", "set-cookie",
]

/// Returns `headers` with the values of `DD-API-KEY`, `DD-APPLICATION-KEY`, `Authorization`
/// (its scheme word is kept, e.g. `"Bearer <redacted>"`), `Proxy-Authorization`, `Cookie` and
/// `Set-Cookie` replaced by `<redacted>`; names are matched case-insensitively, order is kept.
public func redactHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
    headers.map { (name: $0.name, value: redactedValue(name: $0.name, value: $0.value)) }
}

/// Returns `headers` with secret values replaced; see `redactHeaders(_:)`.
public func redactHeaders(_ headers: [String: String]) -> [String: String] {
    headers.reduce(into: [:]) { result, header in
        result[header.key] = redactedValue(name: header.key, value: header.value)
    }
}

private func redactedValue(name: String, value: String) -> String {
    let lowered = name.lowercased()
    guard redactedHeaderNames.contains(lowered) else { return value }
    if lowered.hasSuffix("authorization"), let space = value.firstIndex(of: " ") {
        return value[..<space] + " <redacted>"
    }
    return "<redacted>"
}
