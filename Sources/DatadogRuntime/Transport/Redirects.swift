import Foundation

/// How transports treat HTTP redirects (3xx with `Location`).
///
/// Every transport of the runtime applies the same rules (``redirect(_:statusCode:location:)``):
/// - a redirect to another origin (scheme, host or port) is not followed: the 3xx response is
///   returned, and the client throws ``DatadogAPIError`` with its status and `Location`, unless
///   ``followsCrossOriginRedirects`` is on, and then it is followed without credentials
///   (`DD-API-KEY`, `DD-APPLICATION-KEY`, `Authorization`, `Proxy-Authorization`, `Cookie`);
/// - 307 and 308 keep the method and body;
/// - 301, 302 and 303 are followed for `GET` and `HEAD` only; for any other method the 3xx is
///   returned rather than silently turned into a body-less `GET`;
/// - at most ``maxRedirects`` hops are followed; the next 3xx is returned.
public struct RedirectPolicy: Sendable, Hashable {
    /// Whether a redirect to another scheme, host or port is followed (without credentials).
    /// Default `false`.
    public var followsCrossOriginRedirects: Bool
    /// The most redirects followed for one request. Default 5; 0 follows none.
    public var maxRedirects: Int

    /// Creates a policy.
    public init(followsCrossOriginRedirects: Bool = false, maxRedirects: Int = 5) {
        self.followsCrossOriginRedirects = followsCrossOriginRedirects
        self.maxRedirects = maxRedirects
    }

    /// Same-origin redirects only, at most 5.
    public static let `default` = RedirectPolicy()
    /// No redirect is followed.
    public static let none = RedirectPolicy(maxRedirects: 0)

    /// Header names never sent to another origin (compared case-insensitively).
    public static let credentialHeaderNames: Set<String> = [
        "dd-api-key", "dd-application-key", "authorization", "proxy-authorization", "cookie",
    ]

    /// The request to send for a redirect of `request`, or `nil` when the redirect must not be
    /// followed (the 3xx response is then the answer).
    ///
    /// - Parameters:
    ///   - request: The request that was answered with a redirect.
    ///   - statusCode: The 3xx status.
    ///   - location: The `Location` header's value (absolute or relative to `request.url`).
    public func redirect(_ request: HTTPRequest, statusCode: Int, location: String?) -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(statusCode), let location,
            let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
            let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        let sameOrigin = Self.origin(of: request.url) == Self.origin(of: target)
        guard sameOrigin || followsCrossOriginRedirects else { return nil }
        var next = request
        next.url = target
        if statusCode == 307 || statusCode == 308 {
            // Method and body are kept.
        } else if request.method == "GET" || request.method == "HEAD" {
            next.body = nil
        } else {
            return nil
        }
        if !sameOrigin {
            next.headers.removeAll { Self.credentialHeaderNames.contains($0.name.lowercased()) }
        }
        if next.body == nil {
            next.headers.removeAll {
                let name = $0.name.lowercased()
                return name == "content-type" || name == "content-encoding" || name == "content-length"
            }
        }
        return next
    }

    /// Sends `request` with `send`, which must not follow redirects itself, and follows the
    /// redirects this policy allows (at most ``maxRedirects``); the response lists them in
    /// ``HTTPResponse/redirects``. A redirect that is not followed is returned as it came.
    public static func follow(
        _ request: HTTPRequest, sending send: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var current = request
        var followed: [URL] = []
        while true {
            var response = try await send(current)
            if (300..<400).contains(response.statusCode), followed.count < current.redirects.maxRedirects,
                let next = current.redirects.redirect(current, statusCode: response.statusCode, location: response.header("Location"))
            {
                followed.append(next.url)
                current = next
                continue
            }
            response.redirects = followed
            return response
        }
    }

    /// Scheme, host and port (the scheme's default when absent), lower-cased.
    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }
}
