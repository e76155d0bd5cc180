import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why an exchange failed below HTTP, in one line, with the transport's own error kept.
///
/// Carried by ``DatadogClientError/cannotConnect(_:)``, ``DatadogClientError/connectionLost(_:)``,
/// ``DatadogClientError/secureConnectionFailed(_:)``, ``DatadogClientError/invalidResponse(_:)``,
/// ``DatadogClientError/cancelled(_:)`` and ``DatadogClientError/transport(_:)``.
public struct TransportFailure: Sendable, Equatable, CustomStringConvertible {
    /// One line saying what went wrong (`"connection refused (URLError -1004)"`).
    public let reason: String
    /// The transport's error as thrown (`URLError`, AsyncHTTPClient's `HTTPClientError`, a NIO error …).
    public let underlying: any Error

    /// Creates a failure; `reason` is made one line (newlines become spaces).
    public init(reason: String, underlying: any Error) {
        self.reason = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        self.underlying = underlying
    }

    /// The ``reason``.
    public var description: String { reason }

    /// Failures with the same ``reason`` are equal.
    public static func == (lhs: TransportFailure, rhs: TransportFailure) -> Bool { lhs.reason == rhs.reason }
}

extension DatadogClientError {
    /// The typed form of an error a transport threw: a `DatadogClientError` stays as it is, a
    /// `URLError` becomes the case of its code (a timeout ``timedOut(_:)`` with `timeout`), and
    /// any other error becomes ``transport(_:)``.
    public static func classifying(_ error: any Error, timeout: Duration) -> DatadogClientError {
        if let error = error as? DatadogClientError { return error }
        guard let urlError = error as? URLError else {
            return .transport(TransportFailure(reason: "\(type(of: error)): \(error)", underlying: error))
        }
        let failure = TransportFailure(reason: "\(URLErrorText.name(urlError.code)) (URLError \(urlError.code.rawValue))", underlying: error)
        switch urlError.code {
        case .timedOut:
            return .timedOut(timeout)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .cannotConnect(failure)
        case .networkConnectionLost:
            return .connectionLost(failure)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .clientCertificateRequired:
            return .secureConnectionFailed(failure)
        case .badServerResponse, .cannotParseResponse, .cannotDecodeRawData, .cannotDecodeContentData,
            .zeroByteResource, .dataLengthExceedsMaximum:
            return .invalidResponse(failure)
        case .cancelled:
            return .cancelled(failure)
        default:
            return .transport(failure)
        }
    }
}

/// Short names of `URLError` codes (Foundation's messages differ between platforms and span lines).
private enum URLErrorText {
    static func name(_ code: URLError.Code) -> String {
        switch code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "could not connect to the host"
        case .cannotFindHost: return "host not found"
        case .dnsLookupFailed: return "DNS lookup failed"
        case .notConnectedToInternet: return "not connected to the internet"
        case .networkConnectionLost: return "connection lost"
        case .secureConnectionFailed: return "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot:
            return "server certificate rejected"
        case .clientCertificateRejected, .clientCertificateRequired: return "client certificate rejected or required"
        case .badServerResponse: return "bad server response"
        case .cannotParseResponse: return "response could not be parsed"
        case .cannotDecodeRawData, .cannotDecodeContentData: return "response body could not be decoded"
        case .zeroByteResource: return "empty response"
        case .dataLengthExceedsMaximum: return "response too large"
        case .cancelled: return "cancelled"
        case .badURL, .unsupportedURL: return "unsupported URL"
        default: return "network error"
        }
    }
}
