import DatadogTesting
import Foundation

/// The stand-in's answers: a few Status Pages endpoints, with a rate-limited and a missing page,
/// as routes of a `DatadogTesting` `StandInServer`.
final class StandInAPI: @unchecked Sendable {
    static let statusPageCount = 5

    private let lock = NSLock()
    private var busy = 0

    /// Installs the routes on `server`; an unknown page falls through to the last route, a 404.
    func install(on server: StandInServer) {
        server.route("POST", "/api/v2/statuspages/*/degradations/backfill") { request in
            let sent = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
            let title = ((sent?["data"] as? [String: Any])?["attributes"] as? [String: Any])?["title"] as? String ?? ""
            return .json(#"{"data":{"id":"degradation-1","type":"degradations","attributes":{"title":"\#(title)"}}}"#, status: 201)
        }
        server.route("GET", "/api/v2/statuspages") { request in
            let offset = Int(request.query("page[offset]") ?? "0") ?? 0
            let limit = Int(request.query("page[limit]") ?? "10") ?? 10
            let items = (offset..<min(offset + limit, Self.statusPageCount)).map { Self.statusPage(id: "page-\($0 + 1)", name: "Status page \($0 + 1)") }
            return .json(#"{"data":[\#(items.joined(separator: ","))]}"#)
        }
        server.route("GET", "/api/v2/statuspages/busy") { [self] _ in
            let attempt = lock.withLock { busy += 1; return busy }
            guard attempt > 1 else { return Self.rateLimited(reset: 1) }
            return .json(#"{"data":\#(Self.statusPage(id: "busy", name: "Busy"))}"#)
        }
        server.route("GET", "/api/v2/statuspages/overloaded", Self.rateLimited(reset: 3600))
        server.route(nil, "/**", .errors(404, ["Status page not found"]))
    }

    private static func statusPage(id: String, name: String) -> String {
        #"{"id":"\#(id)","type":"status_pages","attributes":{"name":"\#(name)"}}"#
    }

    private static func rateLimited(reset: Int) -> StandInServer.Response {
        .errors(
            429, ["Too many requests"],
            headers: [
                "X-RateLimit-Limit": "60", "X-RateLimit-Period": "60", "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": "\(reset)", "X-RateLimit-Name": "status_pages",
            ])
    }
}
