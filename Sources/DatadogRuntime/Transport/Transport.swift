import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request ready to go on the wire.
public struct HTTPRequest: Sendable {
    /// The method, e.g. `"GET"`.
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// The headers, in the order they are sent. Names are compared case-insensitively by ``header(_:)``.
    public var headers: [(name: String, value: String)]
    /// The body, if any.
    public var body: Data?
    /// How long to wait for the server.
    public var timeout: Duration

    /// Creates a request.
    public init(
        method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
        timeout: Duration = .seconds(60)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
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
public struct HTTPResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// The headers as received (names in the server's case); use ``header(_:)`` to look one up.
    public var headers: [String: String]
    /// The body (possibly empty).
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        if let exact = headers[name] { return exact }
        return headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the status code is 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

/// Sends HTTP requests; swap it for a fake in tests or for another HTTP stack.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status code.
    ///
    /// - Throws: Transport failures (connection, timeout), and `CancellationError` (or the
    ///   stack's own cancellation error) when the task is cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An ``HTTPTransport`` over `URLSession` (FoundationNetworking on Linux).
///
/// Cancelling the calling task cancels the underlying data task at once and throws
/// `CancellationError`.
public struct URLSessionTransport: HTTPTransport {
    /// The session used.
    public let session: URLSession

    /// Creates a transport over `session`.
    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Sends `request` with a data task.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = request.body
        let seconds = Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18
        if seconds > 0 {
            urlRequest.timeoutInterval = seconds
        }
        let state = DataTaskState()
        let session = self.session
        let (data, response): (Data, URLResponse) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if state.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                let alreadyCancelled = !state.start(task)
                task.resume()
                if alreadyCancelled {
                    // Cancelled before the task existed: cancel it now; its handler reports it.
                    task.cancel()
                }
            }
        } onCancel: {
            state.cancel()
        }
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key)] = String(describing: value)
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }
}

/// Thread-safe hand-over of a data task between the task and its cancellation handler.
private final class DataTaskState: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Records the task; returns false when cancellation already happened.
    func start(_ task: URLSessionDataTask) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        self.task = task
        return !cancelled
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
