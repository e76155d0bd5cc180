import AsyncHTTPClient
import DatadogRuntime
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An ``HTTPTransport`` over AsyncHTTPClient (SwiftNIO): connection pooling, HTTP/2, and no
/// FoundationNetworking; the usual choice for server-side Swift on Linux.
///
/// The transport owns an `HTTPClient` whose own redirect following is disabled: redirects are
/// followed by the transport per the request's ``RedirectPolicy``, exactly as
/// ``URLSessionTransport`` does (cross-origin redirects not followed by default, never with
/// credentials). Each request must complete, body included, within ``HTTPRequest/timeout``;
/// cancelling the calling task cancels the request. Failures are thrown as one-line
/// ``DatadogClientError``s (`.cannotConnect`, `.connectionLost`, `.invalidResponse`, `.timedOut` …)
/// that keep AsyncHTTPClient's or SwiftNIO's error.
///
/// ```swift
/// let client = DatadogClient(configuration: configuration, transport: AsyncHTTPClientTransport())
/// ```
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The client requests go through (owned by the transport, shut down when it is released
    /// or by ``shutdown()``).
    public let client: HTTPClient
    /// The largest response body accepted; a larger one fails the request. Default 256 MiB.
    public let maxResponseBytes: Int

    /// Creates a transport with its own `HTTPClient` on the shared event loop group.
    ///
    /// - Parameters:
    ///   - configuration: The client's configuration; its redirect configuration is replaced by
    ///     `.disallow`, since the transport applies ``RedirectPolicy`` itself.
    ///   - maxResponseBytes: The largest response body accepted.
    public init(configuration: HTTPClient.Configuration = HTTPClient.Configuration(), maxResponseBytes: Int = 256 << 20) {
        var configuration = configuration
        configuration.redirectConfiguration = .disallow
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxResponseBytes = maxResponseBytes
    }

    deinit {
        client.shutdown { _ in }
    }

    /// Shuts the client down; requests sent afterwards fail.
    public func shutdown() async throws {
        try await client.shutdown().get()
    }

    /// Sends `request`, following redirects per ``HTTPRequest/redirects``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(Self.nanoseconds(request.timeout))
        do {
            return try await RedirectPolicy.follow(request) { current in
                let response = try await client.execute(Self.makeRequest(current), deadline: deadline)
                let body = try await response.body.collect(upTo: maxResponseBytes)
                var headers: [String: String] = [:]
                for (name, value) in response.headers {
                    headers[name] = headers[name].map { $0 + ", " + value } ?? value
                }
                return HTTPResponse(statusCode: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Self.classify(error, timeout: request.timeout)
        }
    }

    /// AsyncHTTPClient's and SwiftNIO's errors as one-line ``DatadogClientError``s that keep them.
    static func classify(_ error: any Error, timeout: Duration) -> DatadogClientError {
        if let error = error as? DatadogClientError { return error }
        let failure = TransportFailure(reason: "\(type(of: error)): \(error)", underlying: error)
        switch error {
        case is NIOConnectionError:
            return .cannotConnect(failure)
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL: return .cannotConnect(failure)
            case ECONNRESET, EPIPE, ECONNABORTED: return .connectionLost(failure)
            default: return .transport(failure)
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .cannotConnect(failure)
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed, .inputClosed: return .connectionLost(failure)
            default: return .transport(failure)
            }
        case is HTTPParserError, is NIOTooManyBytesError:
            return .invalidResponse(failure)
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout: return .cannotConnect(failure)
            case .remoteConnectionClosed: return .connectionLost(failure)
            case .readTimeout, .writeTimeout, .deadlineExceeded: return .timedOut(timeout)
            case .tlsHandshakeTimeout: return .secureConnectionFailed(failure)
            case .cancelled: return .cancelled(failure)
            case .bodyLengthMismatch, .contentLengthMissing, .invalidProxyResponse, .httpEndReceivedAfterHeadWith1xx:
                return .invalidResponse(failure)
            default: return .transport(failure)
            }
        default:
            return .transport(failure)
        }
    }

    private static func makeRequest(_ request: HTTPRequest) -> HTTPClientRequest {
        var result = HTTPClientRequest(url: request.url.absoluteString)
        result.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            result.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            result.body = .bytes(ByteBuffer(bytes: body))
        }
        return result
    }

    /// `duration` in nanoseconds, at most a year (NIO deadlines must not overflow).
    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let year: Int64 = 365 * 86_400
        let (seconds, attoseconds) = duration.components
        guard seconds < year else { return year * 1_000_000_000 }
        return max(0, seconds) * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
