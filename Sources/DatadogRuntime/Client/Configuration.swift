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

/// When and how to retry rate-limited (429) and failed (5xx) requests.
///
/// A 429 response waits for the number of seconds in its `X-RateLimit-Reset` header (or
/// `Retry-After`); any other retry waits `backoffBase * backoffMultiplier^attempt` seconds
/// (attempt counting from 0: 2 s, 4 s, 8 s with the defaults).
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
    /// is not made. `nil` (the default) means no cap.
    public var maxElapsed: Duration?

    /// Creates a policy.
    public init(
        isEnabled: Bool = false, maxRetries: Int = 3, backoffBase: Double = 2, backoffMultiplier: Double = 2,
        maxElapsed: Duration? = nil
    ) {
        self.isEnabled = isEnabled
        self.maxRetries = maxRetries
        self.backoffBase = backoffBase
        self.backoffMultiplier = backoffMultiplier
        self.maxElapsed = maxElapsed
    }

    /// No retries.
    public static let disabled = RetryPolicy()
    /// Retries enabled with the default numbers (3 retries, 2 s base, ×2).
    public static let `default` = RetryPolicy(isEnabled: true)

    /// The backoff before retry number `attempt + 1` (attempt counts from 0), in seconds.
    public func backoff(attempt: Int) -> Double {
        max(0, backoffBase * pow(backoffMultiplier, Double(attempt)))
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
    /// The request timeout. Default 60 seconds.
    public var timeout: Duration = .seconds(60)
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
