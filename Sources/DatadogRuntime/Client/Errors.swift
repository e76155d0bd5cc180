import Foundation

/// A failure on the client side: nothing was sent, no HTTP answer came back, or a 2xx response
/// could not be read.
///
/// Transport failures are typed by ``classifying(_:timeout:)`` and keep the transport's error in
/// their ``TransportFailure``; their description is one line.
public enum DatadogClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation is unstable and was not enabled with
    /// ``DatadogConfiguration/enableUnstableOperation(_:)``; no request was sent.
    case unstableOperationDisabled(UnstableOperation)
    /// The URL could not be built.
    case invalidURL(String)
    /// A 2xx body could not be decoded as the expected type.
    case decoding(type: String, underlying: String, body: Data)
    /// A credential the operation needs is missing (only with ``DatadogConfiguration/requireCredentials``).
    case missingCredentials(String)
    /// The request's `Content-Encoding` is not one the client can produce (`gzip`, `deflate`, `identity`).
    case unsupportedContentEncoding(String)
    /// An attempt took longer than ``DatadogConfiguration/timeout`` (silent or trickling server).
    case timedOut(Duration)
    /// The whole call took longer than ``DatadogConfiguration/callTimeout``.
    case deadlineExceeded(Duration)
    /// No connection could be made: refused, host not found, no network.
    case cannotConnect(TransportFailure)
    /// The connection closed before the response was complete.
    case connectionLost(TransportFailure)
    /// The TLS handshake failed (certificate rejected, protocol mismatch).
    case secureConnectionFailed(TransportFailure)
    /// The answer was not a readable HTTP response (garbage, truncated, too large).
    case invalidResponse(TransportFailure)
    /// The transport cancelled the exchange although the calling task was not cancelled (a task
    /// cancellation throws `CancellationError`).
    case cancelled(TransportFailure)
    /// Any other failure of the transport.
    case transport(TransportFailure)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .unstableOperationDisabled(let op):
            return "Unstable operation '\(op.rawValue)' is disabled; enable it with configuration.enableUnstableOperation(_:)"
        case .invalidURL(let text):
            return "Invalid URL: \(text)"
        case .decoding(let type, let underlying, let body):
            return "Could not decode \(type) from the response (\(body.count) bytes: \(BodyPreview.text(body))): \(underlying)"
        case .missingCredentials(let what):
            return "Missing credentials: \(what)"
        case .unsupportedContentEncoding(let encoding):
            return "Unsupported Content-Encoding '\(encoding)'"
        case .timedOut(let limit):
            return "The request did not complete within its timeout (\(limit))"
        case .deadlineExceeded(let limit):
            return "The call did not complete within its deadline (\(limit)), retries included"
        case .cannotConnect(let failure):
            return "Could not connect: \(failure)"
        case .connectionLost(let failure):
            return "Connection lost: \(failure)"
        case .secureConnectionFailed(let failure):
            return "Secure connection failed: \(failure)"
        case .invalidResponse(let failure):
            return "Invalid response: \(failure)"
        case .cancelled(let failure):
            return "Cancelled by the transport: \(failure)"
        case .transport(let failure):
            return "Transport error: \(failure)"
        }
    }
}

extension DatadogClientError: LocalizedError {
    /// The ``description``.
    public var errorDescription: String? { description }
}

/// The body of a Datadog error response, `{"errors": [...]}`.
///
/// Errors may be plain strings (`{"errors": ["Forbidden"]}`) or JSON:API error objects
/// (`{"errors": [{"status": "404", "title": "Not Found", "detail": "..."}]}`); both are kept
/// as ``JSONValue`` and summarised by ``messages``.
public struct DatadogErrorResponse: Codable, Hashable, Sendable {
    /// The errors as received.
    public var errors: [JSONValue]
    /// Other members of the error object.
    public var additionalProperties: [String: JSONValue]

    /// Creates a response.
    public init(errors: [JSONValue], additionalProperties: [String: JSONValue] = [:]) {
        self.errors = errors
        self.additionalProperties = additionalProperties
    }

    private enum CodingKeys: String, CodingKey {
        case errors
    }

    /// Decodes `{"errors": …}`; a single string or object instead of an array is accepted.
    ///
    /// - Throws: `DecodingError` when there is no `errors` member.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let value = try container.decode(JSONValue.self, forKey: .errors)
        switch value {
        case .array(let items): errors = items
        case .null: errors = []
        default: errors = [value]
        }
        additionalProperties = try decoder.decodeAdditionalProperties(knownKeys: ["errors"])
    }

    /// Encodes `{"errors": […]}` plus the additional properties.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(errors, forKey: .errors)
        try encoder.encodeAdditionalProperties(additionalProperties)
    }

    /// One line per error: strings as they are; objects as `"title: detail"` (or whichever of
    /// `title`, `detail`, `message` exists), else their JSON text.
    public var messages: [String] {
        errors.compactMap { error in
            switch error {
            case .string(let text):
                return text
            case .object(let object):
                let title = object["title"]?.stringValue
                let detail = object["detail"]?.stringValue ?? object["message"]?.stringValue
                switch (title, detail) {
                case (let title?, let detail?) where !title.isEmpty && !detail.isEmpty: return "\(title): \(detail)"
                case (let title?, _) where !title.isEmpty: return title
                case (_, let detail?) where !detail.isEmpty: return detail
                default: return error.jsonText
                }
            case .null:
                return nil
            default:
                return error.jsonText
            }
        }
    }
}

/// A non-2xx response from the API (after any retries), including a redirect that was not
/// followed (see ``location``).
///
/// Its `debugDescription` and mirror (`dump`) redact `Set-Cookie` and other secret headers.
public struct DatadogAPIError: Error, Sendable, CustomStringConvertible {
    /// The status code.
    public let statusCode: Int
    /// The response headers.
    public let headers: [String: String]
    /// The response body.
    public let body: Data
    /// The body decoded as `{"errors": [...]}`, when it is one.
    public let errorResponse: DatadogErrorResponse?
    /// The operation that failed, when known.
    public let operationID: String?
    /// For a 429 (or 503), how long the server asked to wait, from `X-RateLimit-Reset`
    /// (seconds) or `Retry-After` (seconds or an HTTP date), measured when the error was made.
    public let retryAfter: Duration?
    /// The `X-RateLimit-*` headers as values, when the response has them.
    public let rateLimit: RateLimit?

    /// Creates an error from a response, decoding ``errorResponse`` when possible.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data(), operationID: String? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.operationID = operationID
        self.errorResponse = try? DatadogJSON.makeDecoder().decode(DatadogErrorResponse.self, from: body)
        self.retryAfter = RetryAfter.wait(in: HTTPResponse(statusCode: statusCode, headers: headers))
        self.rateLimit = RateLimit(response: HTTPResponse(statusCode: statusCode, headers: headers))
    }

    /// Creates an error from a response.
    public init(response: HTTPResponse, operationID: String? = nil) {
        self.init(statusCode: response.statusCode, headers: response.headers, body: response.body, operationID: operationID)
    }

    /// ``DatadogErrorResponse/messages``, or none.
    public var messages: [String] { errorResponse?.messages ?? [] }

    /// The `Location` of a redirect (3xx) that was not followed.
    public var location: String? {
        (300..<400).contains(statusCode) ? header("Location") : nil
    }

    /// The value of the header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        HTTPResponse(statusCode: statusCode, headers: headers).header(name)
    }

    /// Decodes the body as `type`, for operations that document their own error shapes.
    ///
    /// - Throws: ``DatadogClientError/decoding(type:underlying:body:)``.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try DatadogJSON.makeDecoder().decode(T.self, from: body)
        } catch {
            throw DatadogClientError.decoding(type: String(describing: T.self), underlying: "\(error)", body: body)
        }
    }

    /// The body decoded as `type`, or nil when it does not decode: for the body types a method's
    /// documentation lists per status (`error.decodedBody(as: APIErrorResponse.self)`).
    public func decodedBody<T: Decodable>(as type: T.Type) -> T? {
        try? DatadogJSON.makeDecoder().decode(T.self, from: body)
    }

    /// `"Datadog API error 403 (ListThings): Forbidden"`: status, operation and messages or a body preview.
    public var description: String {
        let operation = operationID.map { " (\($0))" } ?? ""
        if let location {
            return "Datadog API error \(statusCode)\(operation): redirect to \(location) not followed"
        }
        var detail = messages.isEmpty ? BodyPreview.text(body) : messages.joined(separator: "; ")
        if let retryAfter {
            detail += " (retry after \(retryAfter))"
        }
        return "Datadog API error \(statusCode)\(operation): \(detail)"
    }
}

extension DatadogAPIError: CustomDebugStringConvertible, CustomReflectable {
    /// The ``description`` and the headers, secrets redacted.
    public var debugDescription: String {
        let lines = redactHeaders(headers).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return ([description] + lines).joined(separator: "\n")
    }

    /// Status, operation, redacted headers, body preview, messages and wait.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "statusCode": statusCode, "operationID": operationID as Any, "headers": redactHeaders(headers),
                "body": BodyPreview.text(body), "messages": messages, "retryAfter": retryAfter as Any,
                "rateLimit": rateLimit as Any,
            ], displayStyle: .struct)
    }
}

/// Reads the wait a server asks for.
enum RetryAfter {
    /// `X-RateLimit-Reset` (seconds), else `Retry-After` (seconds or an HTTP date, relative to `now`).
    static func wait(in response: HTTPResponse, now: Date = Date()) -> Duration? {
        guard response.statusCode == 429 || response.statusCode == 503 else { return nil }
        let seconds =
            response.header("X-RateLimit-Reset").flatMap(parseSeconds)
            ?? response.header("Retry-After").flatMap { parseSeconds($0) ?? parseDate($0, now: now) }
        return seconds.map { .milliseconds(Int64((min($0, 31_536_000) * 1000).rounded())) }
    }

    static func parseSeconds(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
            return nil
        }
        return value
    }

    /// An HTTP date (IMF-fixdate, RFC 850 or asctime), as seconds from `now` (0 when past).
    static func parseDate(_ text: String, now: Date) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }
}

extension DatadogAPIError: LocalizedError {
    /// The ``description``.
    public var errorDescription: String? { description }
}

/// Short printable previews of bodies for error messages.
enum BodyPreview {
    static func text(_ body: Data, limit: Int = 512) -> String {
        if body.isEmpty { return "<empty body>" }
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
        return body.count > limit ? text + "…" : text
    }
}
