import Foundation
import Logging

/// A Datadog site: the domain an organisation lives on, such as `datadoghq.com` or `datadoghq.eu`.
///
/// Any spelling a user might copy from a browser is accepted and normalised: the scheme,
/// any path or trailing slash, surrounding whitespace and a leading `app.` (or `api.`) are
/// removed and the text is lower-cased, so `"https://app.datadoghq.eu/"` becomes `"datadoghq.eu"`.
public struct DatadogSite: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The normalised site domain, e.g. `"datadoghq.com"`.
    public var rawValue: String

    /// Creates a site from a domain or URL, normalising it (see ``DatadogSite``).
    public init(rawValue: String) {
        self.rawValue = Self.normalise(rawValue)
    }

    /// Creates a site from a domain or URL literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The domain.
    public var description: String { rawValue }

    /// US1, `datadoghq.com` (the default).
    public static let us1: DatadogSite = "datadoghq.com"
    /// US3, `us3.datadoghq.com`.
    public static let us3: DatadogSite = "us3.datadoghq.com"
    /// US5, `us5.datadoghq.com`.
    public static let us5: DatadogSite = "us5.datadoghq.com"
    /// EU1, `datadoghq.eu`.
    public static let eu1: DatadogSite = "datadoghq.eu"
    /// AP1, `ap1.datadoghq.com`.
    public static let ap1: DatadogSite = "ap1.datadoghq.com"
    /// AP2, `ap2.datadoghq.com`.
    public static let ap2: DatadogSite = "ap2.datadoghq.com"
    /// US1-FED (GovCloud), `ddog-gov.com`.
    public static let us1Fed: DatadogSite = "ddog-gov.com"
    /// US2-FED, `us2.ddog-gov.com`.
    public static let us2Fed: DatadogSite = "us2.ddog-gov.com"

    /// The host for an API prefix, e.g. `host(prefix: "http-intake.logs.")` on EU1 is
    /// `"http-intake.logs.datadoghq.eu"`.
    public func host(prefix: String) -> String {
        prefix + rawValue
    }

    static func normalise(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let range = value.range(of: "://") {
            value = String(value[range.upperBound...])
        }
        if let slash = value.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            value = String(value[..<slash])
        }
        while value.hasSuffix(".") { value.removeLast() }
        for prefix in ["app.", "api."] where value.hasPrefix(prefix) && value.count > prefix.count {
            value.removeFirst(prefix.count)
            break
        }
        return value
    }
}

/// The operation id of an unstable (beta) endpoint; such operations must be enabled
/// explicitly with ``DatadogConfiguration/enableUnstableOperation(_:)``.
///
/// Generated modules add one static constant per unstable operation.
public struct UnstableOperation: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The operation id, e.g. `"v2.ListIncidents"` (whatever the generator chose).
    public var rawValue: String

    /// Creates an operation id.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an operation id from a literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The operation id.
    public var description: String { rawValue }
}

/// When and how to retry rate-limited (429) and failed (5xx, connection error) requests.
///
/// A 429 response waits for the number of seconds in its `X-RateLimit-Reset` header (or
/// `Retry-After`, in seconds or as an HTTP date); any other retry waits
/// `backoffBase * backoffMultiplier^attempt` seconds (attempt counting from 0: 2 s, 4 s, 8 s
/// with the defaults). A wait longer than ``maxWait`` is not made: the call fails at once with
/// the ``DatadogAPIError`` (whose ``DatadogAPIError/retryAfter`` says when to come back).
///
/// A 429 is retried for every method (the server did not act). 5xx answers and connection
/// errors (including an attempt's timeout) are retried only for idempotent methods (`GET`,
/// `HEAD`, `PUT`, `DELETE`, `OPTIONS`) unless ``retriesNonIdempotentRequests`` is on.
public struct RetryPolicy: Sendable, Hashable {
    /// Whether requests are retried at all. Default `false`.
    public var isEnabled: Bool = false
    /// The most retries after the first attempt. Default 3.
    public var maxRetries: Int = 3
    /// The first backoff, in seconds. Default 2.
    public var backoffBase: Double = 2
    /// The factor each further backoff grows by. Default 2.
    public var backoffMultiplier: Double = 2
    /// A cap on the whole call (request times plus waits); a retry whose wait would exceed it
    /// is not made. `nil` means no cap; ``default`` has 120 seconds.
    public var maxElapsed: Duration?
    /// The longest single wait. A rate limit asking for longer fails at once; a longer backoff
    /// is shortened to it. Default 60 seconds.
    public var maxWait: Duration = .seconds(60)
    /// Whether 5xx answers and connection errors are retried for `POST` and `PATCH` (and other
    /// non-idempotent methods), which may then be applied twice. Default `false`.
    public var retriesNonIdempotentRequests: Bool = false

    /// Creates a policy.
    public init(
        isEnabled: Bool = false, maxRetries: Int = 3, backoffBase: Double = 2, backoffMultiplier: Double = 2,
        maxElapsed: Duration? = nil, maxWait: Duration = .seconds(60), retriesNonIdempotentRequests: Bool = false
    ) {
        self.isEnabled = isEnabled
        self.maxRetries = maxRetries
        self.backoffBase = backoffBase
        self.backoffMultiplier = backoffMultiplier
        self.maxElapsed = maxElapsed
        self.maxWait = maxWait
        self.retriesNonIdempotentRequests = retriesNonIdempotentRequests
    }

    /// No retries.
    public static let disabled = RetryPolicy()
    /// Retries enabled with the default numbers: 3 retries, 2 s base, ×2, waits of at most
    /// 60 s, at most 120 s for the whole call.
    public static let `default` = RetryPolicy(isEnabled: true, maxElapsed: .seconds(120))

    /// The methods whose 5xx answers and connection errors are retried by default.
    public static let idempotentMethods: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]

    /// The backoff before retry number `attempt + 1` (attempt counts from 0), in seconds.
    public func backoff(attempt: Int) -> Double {
        max(0, backoffBase * pow(backoffMultiplier, Double(attempt)))
    }

    /// Whether a 5xx answer or connection error of a `method` request may be retried.
    public func retriesFailures(of method: String) -> Bool {
        retriesNonIdempotentRequests || Self.idempotentMethods.contains(method.uppercased())
    }
}

/// Everything a ``DatadogClient`` needs to know: where to send requests and how.
public struct DatadogConfiguration: Sendable {
    /// The site requests go to (unless ``baseURL`` is set).
    public var site: DatadogSite
    /// The API key, sent as `DD-API-KEY`.
    public var apiKey: String?
    /// The application key, sent as `DD-APPLICATION-KEY`.
    public var applicationKey: String?
    /// A bearer token, sent as `Authorization: Bearer …` (see ``DatadogClient`` for when).
    public var bearerToken: String?
    /// When set, every request goes to this scheme, host and port, with this URL's path as a
    /// prefix, whatever the site and host prefix (tests, proxies).
    public var baseURL: URL?
    /// The most time one attempt may take, from sending the request to the last byte of the
    /// response (a silent or trickling server fails with ``DatadogClientError/timedOut(_:)``).
    /// Default 60 seconds.
    public var timeout: Duration = .seconds(60)
    /// The most time a whole call may take, attempts and retry waits included; `nil` (the
    /// default) means only ``timeout`` and ``RetryPolicy/maxElapsed`` bound it. Exceeding it
    /// throws ``DatadogClientError/deadlineExceeded(_:)``.
    public var callTimeout: Duration?
    /// Which redirects are followed. Default ``RedirectPolicy/default``: same-origin only, so
    /// credentials never reach another host.
    public var redirects: RedirectPolicy = .default
    /// The most pages a paginated list fetches before it fails with
    /// ``PaginationError/tooManyPages(limit:)``. Default 1,000.
    public var maxPages: Int = 1000
    /// The retry policy. Default ``RetryPolicy/disabled``.
    public var retry: RetryPolicy = .disabled
    /// Unstable operations the caller opted in to.
    public var enabledUnstableOperations: Set<UnstableOperation> = []
    /// The logger; requests are logged at debug level, with secrets redacted. Label `"datadog.api"`.
    public var logger: Logger = Logger(label: "datadog.api")
    /// Whether to gzip request bodies of operations that accept `Content-Encoding`. Default `false`.
    public var compressRequests: Bool = false
    /// Whether responses are decoded strictly (unknown keys and enum values fail). Default `false`.
    public var strictDecoding: Bool = false
    /// Whether a request fails with ``DatadogClientError/missingCredentials(_:)`` before being
    /// sent when a credential its operation needs is not configured. Default `false` (the
    /// server answers 401/403 instead).
    public var requireCredentials: Bool = false

    /// Creates a configuration.
    ///
    /// Explicit values win; otherwise the environment's `DD_SITE`, `DD_API_KEY` and `DD_APP_KEY`
    /// (also `DD_APPLICATION_KEY`) are used; otherwise the site is ``DatadogSite/us1``.
    /// Empty environment values count as absent.
    ///
    /// - Parameters:
    ///   - site: The site.
    ///   - apiKey: The API key.
    ///   - applicationKey: The application key.
    ///   - bearerToken: A bearer token.
    ///   - baseURL: An override of scheme, host, port and path prefix.
    ///   - environment: The environment to read defaults from (injectable for tests).
    public init(
        site: DatadogSite? = nil,
        apiKey: String? = nil,
        applicationKey: String? = nil,
        bearerToken: String? = nil,
        baseURL: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        func env(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else { return nil }
            return value
        }
        self.site = site ?? env("DD_SITE").map(DatadogSite.init(rawValue:)) ?? .us1
        self.apiKey = apiKey ?? env("DD_API_KEY")
        self.applicationKey = applicationKey ?? env("DD_APP_KEY") ?? env("DD_APPLICATION_KEY")
        self.bearerToken = bearerToken
        self.baseURL = baseURL
    }

    /// Opts in to an unstable operation.
    public mutating func enableUnstableOperation(_ op: UnstableOperation) {
        enabledUnstableOperations.insert(op)
    }

    /// Opts out of an unstable operation.
    public mutating func disableUnstableOperation(_ op: UnstableOperation) {
        enabledUnstableOperations.remove(op)
    }

    /// Whether `op` is enabled.
    public func isUnstableOperationEnabled(_ op: UnstableOperation) -> Bool {
        enabledUnstableOperations.contains(op)
    }
}

extension DatadogConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Site, base URL and which credentials are set (never their values).
    public var description: String {
        func mark(_ value: String?) -> String { value.map { $0.isEmpty ? "empty" : "<redacted>" } ?? "nil" }
        var parts = [
            "site: \(site)", "apiKey: \(mark(apiKey))", "applicationKey: \(mark(applicationKey))",
            "bearerToken: \(mark(bearerToken))",
        ]
        if let baseURL { parts.append("baseURL: \(baseURL.absoluteString)") }
        parts.append("timeout: \(timeout)")
        if let callTimeout { parts.append("callTimeout: \(callTimeout)") }
        return "DatadogConfiguration(\(parts.joined(separator: ", ")))"
    }

    /// The ``description``.
    public var debugDescription: String { description }

    /// Every setting, credentials redacted.
    public var customMirror: Mirror {
        func mark(_ value: String?) -> String { value.map { $0.isEmpty ? "empty" : "<redacted>" } ?? "nil" }
        return Mirror(
            self,
            children: [
                "site": site, "apiKey": mark(apiKey), "applicationKey": mark(applicationKey),
                "bearerToken": mark(bearerToken), "baseURL": baseURL as Any, "timeout": timeout,
                "callTimeout": callTimeout as Any, "retry": retry, "redirects": redirects, "maxPages": maxPages,
                "enabledUnstableOperations": enabledUnstableOperations.map(\.rawValue).sorted(),
                "compressRequests": compressRequests, "strictDecoding": strictDecoding,
                "requireCredentials": requireCredentials,
            ], displayStyle: .struct)
    }
}
