import Foundation

/// The stand-in's answers: a few Status Pages endpoints, with a rate-limited and a missing page.
final class StandInAPI: @unchecked Sendable {
    static let statusPageCount = 5

    private let lock = NSLock()
    private var state = (apiKey: String?.none, lists: 0, busy: 0)

    var lastAPIKey: String? { lock.withLock { state.apiKey } }
    var listRequests: Int { lock.withLock { state.lists } }
    var busyAttempts: Int { lock.withLock { state.busy } }

    func answer(_ request: StandInServer.Request) -> StandInServer.Response {
        lock.withLock { state.apiKey = request.headers["dd-api-key"] }
        let path = request.path.split(separator: "/").map(String.init)  // api, v2, statuspages, …
        switch (request.method, path.dropFirst(2).first, path.count) {
        case ("POST", "statuspages", 6) where path[4] == "degradations" && path[5] == "backfill":
            let sent = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
            let title = ((sent?["data"] as? [String: Any])?["attributes"] as? [String: Any])?["title"] as? String ?? ""
            return .init(status: 201, body: #"{"data":{"id":"degradation-1","type":"degradations","attributes":{"title":"\#(title)"}}}"#)
        case ("GET", "statuspages", 3):
            lock.withLock { state.lists += 1 }
            let offset = Int(request.query["page[offset]"] ?? "0") ?? 0
            let limit = Int(request.query["page[limit]"] ?? "10") ?? 10
            let items = (offset..<min(offset + limit, Self.statusPageCount)).map { statusPage(id: "page-\($0 + 1)", name: "Status page \($0 + 1)") }
            return .init(status: 200, body: #"{"data":[\#(items.joined(separator: ","))]}"#)
        case ("GET", "statuspages", 4) where path[3] == "busy":
            let attempt = lock.withLock { state.busy += 1; return state.busy }
            guard attempt > 1 else { return rateLimited(reset: 1) }
            return .init(status: 200, body: #"{"data":\#(statusPage(id: "busy", name: "Busy"))}"#)
        case ("GET", "statuspages", 4) where path[3] == "overloaded":
            return rateLimited(reset: 3600)
        default:
            return .init(status: 404, body: #"{"errors":["Status page not found"]}"#)
        }
    }

    private func statusPage(id: String, name: String) -> String {
        #"{"id":"\#(id)","type":"status_pages","attributes":{"name":"\#(name)"}}"#
    }

    private func rateLimited(reset: Int) -> StandInServer.Response {
        .init(
            status: 429,
            headers: [
                "Content-Type": "application/json", "X-RateLimit-Limit": "60", "X-RateLimit-Period": "60",
                "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)", "X-RateLimit-Name": "status_pages",
            ],
            body: #"{"errors":["Too many requests"]}"#)
    }
}
