import Foundation

/// A credential an operation accepts.
public enum AuthScheme: String, Sendable, Hashable, CaseIterable {
    /// The API key, header `DD-API-KEY`.
    case apiKey
    /// The application key, header `DD-APPLICATION-KEY`.
    case appKey
    /// A bearer token, header `Authorization: Bearer …`.
    case bearer
}

/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable, Hashable {
    /// The form field name.
    public var name: String
    /// The file name, for file parts.
    public var filename: String?
    /// The part's content type, if any.
    public var contentType: String?
    /// The part's bytes.
    public var data: Data

    /// Creates a part.
    public init(name: String, filename: String? = nil, contentType: String? = nil, data: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// Creates a text part (UTF-8).
    public init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}

/// The description of one API call, built by generated code and sent by ``DatadogClient``.
///
/// The URL is `https://<host><path>?<query>` where the host is
/// `siteHosts[site] ?? hostPrefix + site`, unless ``DatadogConfiguration/baseURL`` overrides
/// scheme, host, port and path prefix.
public struct APIRequest: Sendable {
    /// The operation id, for logs and errors.
    public var operationID: String
    /// The HTTP method.
    public var method: String
    /// The path, with `{name}` placeholders replaced as path parameters are set.
    public var path: String
    /// The host prefix put before the site domain, `"api."` by default.
    public var hostPrefix: String
    /// Full hosts for sites whose host does not follow `hostPrefix + site`.
    public var siteHosts: [String: String]
    /// The credentials the operation accepts.
    public var auth: [AuthScheme]
    /// The unstable operation this is, if it is one.
    public var unstable: UnstableOperation?
    /// The query items, unencoded, in the order added.
    public var queryItems: [(name: String, value: String)] = []
    /// Extra headers set by the operation (not auth, accept or content type).
    public var headers: [(name: String, value: String)] = []
    /// The body, uncompressed.
    public var body: Data?
    /// The body's content type.
    public var contentType: String?
    /// The `Accept` header, `"application/json"` by default.
    public var accept: String = "application/json"
    /// Whether the operation accepts a compressed body: when `true` and
    /// ``DatadogConfiguration/compressRequests`` is on, the body is gzipped and
    /// `Content-Encoding: gzip` is set.
    public var acceptsContentEncoding: Bool = false

    /// Creates a request description.
    ///
    /// - Parameters:
    ///   - operationID: The operation id.
    ///   - method: The HTTP method.
    ///   - path: The path template, e.g. `"/api/v2/statuspages/{page_id}/degradations/backfill"`.
    ///   - hostPrefix: Put before the site domain to make the host.
    ///   - siteHosts: Site domain → full host, for irregular hosts.
    ///   - auth: The credentials the operation accepts.
    ///   - unstable: Set for unstable operations, which must be enabled in the configuration.
    public init(
        operationID: String,
        method: String,
        path: String,
        hostPrefix: String = "api.",
        siteHosts: [String: String] = [:],
        auth: [AuthScheme] = [.apiKey, .appKey],
        unstable: UnstableOperation? = nil
    ) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.hostPrefix = hostPrefix
        self.siteHosts = siteHosts
        self.auth = auth
        self.unstable = unstable
    }

    // MARK: Parameters

    /// Replaces `{name}` in ``path`` by `value`'s description, percent-encoded as one path
    /// segment (see ``PercentEncoding/pathSegment(_:)``).
    public mutating func setPathParameter(_ name: String, _ value: some CustomStringConvertible) {
        path = path.replacingOccurrences(of: "{\(name)}", with: PercentEncoding.pathSegment(value.description))
    }

    /// Adds a query item; `nil`, ``JSONValue/null`` and empty arrays leave it out.
    /// Arrays are joined with `","` into one value.
    public mutating func addQuery<T: QueryParameterValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        for text in value.queryParameterValues {
            queryItems.append((name: name, value: text))
        }
    }

    /// Adds one query item per element (`name=a&name=b`, the "multi" format); `nil` adds none.
    public mutating func addQuery<T: QueryParameterValue>(_ name: String, exploding values: [T]?) {
        guard let values else { return }
        for value in values {
            addQuery(name, value)
        }
    }

    /// Sets a header to `value`'s description, replacing any of the same name
    /// (case-insensitive); `nil` removes it.
    public mutating func setHeader(_ name: String, _ value: (some CustomStringConvertible)?) {
        headers.setHeader(name, value.map { $0.description })
    }

    /// The value of the operation header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    // MARK: Bodies

    /// Encodes `body` as JSON (``DatadogJSON/makeEncoder()``).
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public mutating func setJSONBody<T: Encodable>(_ body: T, contentType: String = "application/json") throws {
        self.body = try DatadogJSON.makeEncoder().encode(body)
        self.contentType = contentType
    }

    /// Sets a UTF-8 text body.
    public mutating func setTextBody(_ text: String, contentType: String = "text/plain") {
        self.body = Data(text.utf8)
        self.contentType = contentType
    }

    /// Sets a raw body.
    public mutating func setDataBody(_ data: Data, contentType: String) {
        self.body = data
        self.contentType = contentType
    }

    /// Sets a `multipart/form-data` body with a random boundary.
    public mutating func setMultipartBody(_ parts: [MultipartPart]) {
        setMultipartBody(parts, boundary: "datadog-" + UUID().uuidString.lowercased())
    }

    /// Sets a `multipart/form-data` body with the given boundary.
    public mutating func setMultipartBody(_ parts: [MultipartPart], boundary: String) {
        var data = Data()
        func quoted(_ text: String) -> String {
            text.replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
                .replacingOccurrences(of: "\"", with: "%22")
        }
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let filename = part.filename {
                head += "; filename=\"\(quoted(filename))\""
            }
            head += "\r\n"
            if let contentType = part.contentType {
                head += "Content-Type: \(contentType)\r\n"
            }
            head += "\r\n"
            data.append(Data(head.utf8))
            data.append(part.data)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        self.body = data
        self.contentType = "multipart/form-data; boundary=\(boundary)"
    }

    // MARK: URL

    /// The host for `site`: `siteHosts[site] ?? hostPrefix + site`.
    public func host(for site: DatadogSite) -> String {
        siteHosts[site.rawValue] ?? site.host(prefix: hostPrefix)
    }

    /// The encoded path and query, e.g. `/api/v1/query?from=1&query=avg%3Acpu`.
    public var pathAndQuery: String {
        queryItems.isEmpty ? path : path + "?" + PercentEncoding.queryString(queryItems)
    }

    /// The full URL under `configuration`.
    ///
    /// - Throws: ``DatadogClientError/invalidURL(_:)`` when no valid URL results.
    public func url(for configuration: DatadogConfiguration) throws -> URL {
        let text: String
        if let baseURL = configuration.baseURL {
            guard let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true),
                let scheme = components.scheme, let host = components.host, !host.isEmpty
            else {
                throw DatadogClientError.invalidURL(baseURL.absoluteString)
            }
            let bracketedHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            let port = components.port.map { ":\($0)" } ?? ""
            var prefix = components.percentEncodedPath
            while prefix.hasSuffix("/") { prefix.removeLast() }
            text = "\(scheme)://\(bracketedHost)\(port)\(prefix)\(pathAndQuery)"
        } else {
            text = "https://\(host(for: configuration.site))\(pathAndQuery)"
        }
        guard let url = URL(string: text) else {
            throw DatadogClientError.invalidURL(text)
        }
        return url
    }
}
