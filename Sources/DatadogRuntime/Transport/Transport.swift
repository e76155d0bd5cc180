import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request ready to go on the wire.
///
/// Its `description`, `debugDescription` and mirror (`print`, `dump`) redact credentials and cookies.
public struct HTTPRequest: Sendable {
    /// The method, e.g. `"GET"`.
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// The headers, in the order they are sent. Names are compared case-insensitively by ``header(_:)``.
    public var headers: [(name: String, value: String)]
    /// The body, if any.
    public var body: Data?
    /// The most time one attempt may take, from sending the request to the last byte of the response.
    public var timeout: Duration
    /// Which redirects the transport follows.
    public var redirects: RedirectPolicy

    /// Creates a request.
    public init(
        method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
        timeout: Duration = .seconds(60), redirects: RedirectPolicy = .default
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.redirects = redirects
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Replaces every header named `name` (case-insensitive) by one with `value`, or removes them when `value` is nil.
    public mutating func setHeader(_ name: String, _ value: String?) {
        headers.setHeader(name, value)
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `"POST https://… (3 headers, 120-byte body)"`.
    public var description: String {
        "\(method) \(url.absoluteString) (\(headers.count) headers, \(body.map { "\($0.count)-byte body" } ?? "no body"))"
    }

    /// The method, URL and headers with secrets redacted.
    public var debugDescription: String {
        let lines = redactHeaders(headers).map { "\($0.name): \($0.value)" }
        return ([description] + lines).joined(separator: "\n")
    }

    /// Method, URL, redacted headers, body size and timeout.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method, "url": url, "headers": redactHeaders(headers).map { "\($0.name): \($0.value)" },
                "bodyBytes": body?.count as Any, "timeout": timeout, "redirects": redirects,
            ], displayStyle: .struct)
    }
}

extension Array where Element == (name: String, value: String) {
    /// Replaces every header named `name` (case-insensitive) by one with `value`, kept at the
    /// position of the first, or removes them when `value` is nil.
    mutating func setHeader(_ name: String, _ value: String?) {
        let position = firstIndex { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        guard let value else { return }
        insert((name: name, value: value), at: Swift.min(position ?? count, count))
    }
}

/// A response as received.
///
/// Its `description`, `debugDescription` and mirror redact `Set-Cookie` and other secret headers.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// The headers as received (names in the server's case); use ``header(_:)`` to look one up.
    public var headers: [String: String]
    /// The body (possibly empty).
    public var body: Data
    /// The URLs of the redirects the transport followed to get this response, in order (usually none).
    public var redirects: [URL]

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data(), redirects: [URL] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.redirects = redirects
    }

    /// The value of the header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        if let exact = headers[name] { return exact }
        return headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the status code is 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

extension HTTPResponse: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `"HTTP 200 (3 headers, 120-byte body)"`.
    public var description: String {
        "HTTP \(statusCode) (\(headers.count) headers, \(body.count)-byte body)"
    }

    /// The status and headers with secrets redacted.
    public var debugDescription: String {
        let lines = redactHeaders(headers).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return ([description] + lines).joined(separator: "\n")
    }

    /// Status, redacted headers, body size and redirects.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "statusCode": statusCode, "headers": redactHeaders(headers), "bodyBytes": body.count,
                "redirects": redirects,
            ], displayStyle: .struct)
    }
}

/// Sends HTTP requests; swap it for a fake in tests or for another HTTP stack.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status code.
    ///
    /// Implementations follow redirects only as ``HTTPRequest/redirects`` allows (see
    /// ``RedirectPolicy/follow(_:sending:)``), and return promptly when the task is cancelled:
    /// the client cancels an attempt that passes its deadline.
    ///
    /// - Throws: Transport failures (connection, timeout), preferably as ``DatadogClientError``s
    ///   (the client types any other error with ``DatadogClientError/classifying(_:timeout:)``),
    ///   and `CancellationError` (or the stack's own cancellation error) when the task is cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An ``HTTPTransport`` over `URLSession` (FoundationNetworking on Linux).
///
/// The transport owns one session, with a delegate that stops Foundation from following any
/// redirect: the transport follows them itself per the request's ``RedirectPolicy`` (each hop a
/// new data task, so 307/308 keep their body on every platform; cross-origin redirects are not
/// followed by default, and never with credentials). The session stores no cookies and caches
/// nothing, and is invalidated when the transport is released. The client enforces
/// ``HTTPRequest/timeout`` as a deadline for the whole attempt; the session's own timeout is a
/// backstop.
///
/// Cancelling the calling task cancels the underlying data task at once and throws
/// `CancellationError`.
public final class URLSessionTransport: HTTPTransport {
    /// The session used (owned by the transport).
    public let session: URLSession
    private let delegate: SessionDelegate

    /// Creates a transport with its own session built from `configuration` (ephemeral by default;
    /// cookies are never stored or sent).
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        // The session retains its delegate until it is invalidated.
        session.finishTasksAndInvalidate()
    }

    /// Sends `request`, following redirects per ``HTTPRequest/redirects``.
    ///
    /// - Throws: `CancellationError` when the task is cancelled; else a ``DatadogClientError``
    ///   (``DatadogClientError/classifying(_:timeout:)`` of the `URLError`).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await RedirectPolicy.follow(request) { try await sendOnce($0) }
        } catch let error as URLError {
            throw DatadogClientError.classifying(error, timeout: request.timeout)
        }
    }

    /// One exchange, redirects not followed.
    private func sendOnce(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = request.body
        urlRequest.httpShouldHandleCookies = false
        let seconds = Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18
        if seconds > 0 {
            // Whole seconds: FoundationNetworking truncates a fraction (0.8 s times out at once).
            urlRequest.timeoutInterval = seconds.rounded(.up)
        }
        let state = DataTaskState()
        let session = self.session
        let delegate = self.delegate
        let (data, http) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
                state.continuation = continuation
                let task = session.dataTask(with: urlRequest)
                delegate.register(task, state)
                let alreadyCancelled = !state.start(task)
                task.resume()
                if alreadyCancelled {
                    // Cancelled before the task existed: cancel it now; its completion reports it.
                    task.cancel()
                }
            }
        } onCancel: {
            state.cancel()
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key)] = String(describing: value)
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }
}

/// The session's delegate: collects each task's data and refuses every redirect (the
/// transport follows them itself).
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var states: [Int: DataTaskState] = [:]

    func register(_ task: URLSessionTask, _ state: DataTaskState) {
        lock.withLock { states[task.taskIdentifier] = state }
    }

    private func state(for task: URLSessionTask, removing: Bool = false) -> DataTaskState? {
        lock.withLock { removing ? states.removeValue(forKey: task.taskIdentifier) : states[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        state(for: task)?.refusedRedirect(response)
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state(for: dataTask)?.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state(for: task, removing: true)?.complete(response: task.response, error: error)
    }
}

/// One exchange's progress: its data, and the hand-over of its data task between the calling
/// task and its cancellation handler.
private final class DataTaskState: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false
    private var redirectResponse: HTTPURLResponse?
    private var data = Data()
    var continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>?

    /// Records the task; returns false when cancellation already happened.
    func start(_ task: URLSessionDataTask) -> Bool {
        lock.withLock {
            self.task = task
            return !cancelled
        }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }

    /// Keeps the 3xx response whose redirect was refused: it is the answer.
    func refusedRedirect(_ response: HTTPURLResponse) {
        lock.withLock {
            redirectResponse = response
            data = Data()
        }
    }

    func append(_ chunk: Data) {
        lock.withLock { data.append(chunk) }
    }

    func complete(response: URLResponse?, error: (any Error)?) {
        let (continuation, result) = lock.withLock {
            () -> (CheckedContinuation<(Data, HTTPURLResponse), any Error>?, Result<(Data, HTTPURLResponse), any Error>) in
            let continuation = self.continuation
            self.continuation = nil
            if cancelled {
                return (continuation, .failure(CancellationError()))
            }
            if let error {
                return (continuation, .failure(error))
            }
            // FoundationNetworking may not set a refused redirect's response on the task.
            guard let http = (response as? HTTPURLResponse) ?? redirectResponse else {
                return (continuation, .failure(URLError(.badServerResponse)))
            }
            return (continuation, .success((data, http)))
        }
        continuation?.resume(with: result)
    }
}
