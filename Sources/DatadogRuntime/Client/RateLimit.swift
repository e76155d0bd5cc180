import Foundation

/// The rate limit a response reports in its `X-RateLimit-*` headers.
///
/// Datadog sends them with most answers, and always with a 429: `X-RateLimit-Limit` requests per
/// `X-RateLimit-Period` seconds, of which `X-RateLimit-Remaining` are left until the window
/// restarts in `X-RateLimit-Reset` seconds; `X-RateLimit-Name` names the limit.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// The number of requests allowed in one period (`X-RateLimit-Limit`).
    public var limit: Int?
    /// The length of the period (`X-RateLimit-Period`).
    public var period: Duration?
    /// The requests left in the current period (`X-RateLimit-Remaining`).
    public var remaining: Int?
    /// The time until the current period ends (`X-RateLimit-Reset`).
    public var reset: Duration?
    /// The name of the limit (`X-RateLimit-Name`).
    public var name: String?

    /// Creates a rate limit.
    public init(limit: Int? = nil, period: Duration? = nil, remaining: Int? = nil, reset: Duration? = nil, name: String? = nil) {
        self.limit = limit
        self.period = period
        self.remaining = remaining
        self.reset = reset
        self.name = name
    }

    /// Reads the `X-RateLimit-*` headers of `response`; nil when it has none that parses.
    public init?(response: HTTPResponse) {
        func integer(_ header: String) -> Int? {
            response.header(header).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 >= 0 ? $0 : nil }
        }
        func seconds(_ header: String) -> Duration? {
            response.header(header).flatMap(RetryAfter.parseSeconds).map {
                .milliseconds(Int64((min($0, 31_536_000) * 1000).rounded()))
            }
        }
        let name = response.header("X-RateLimit-Name")?.trimmingCharacters(in: .whitespaces)
        self.init(
            limit: integer("X-RateLimit-Limit"), period: seconds("X-RateLimit-Period"),
            remaining: integer("X-RateLimit-Remaining"), reset: seconds("X-RateLimit-Reset"),
            name: name?.isEmpty == false ? name : nil)
        if limit == nil, period == nil, remaining == nil, reset == nil, self.name == nil { return nil }
    }

    /// `"0 of 100 left per 60 seconds, resets in 12.0 seconds (logs_query)"`: the parts present.
    public var description: String {
        var parts: [String] = []
        switch (remaining, limit) {
        case (let remaining?, let limit?): parts.append("\(remaining) of \(limit) left")
        case (let remaining?, nil): parts.append("\(remaining) left")
        case (nil, let limit?): parts.append("limit \(limit)")
        case (nil, nil): break
        }
        if let period { parts.append("per \(period)") }
        if let reset { parts.append("resets in \(reset)") }
        if let name { parts.append("(\(name))") }
        return parts.joined(separator: " ")
    }
}
