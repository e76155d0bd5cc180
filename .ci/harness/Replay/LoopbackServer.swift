// The replay's loopback server: the tests' stand-in Datadog API (`DatadogTesting.StandInServer`)
// answering every request from the current cassette's recorded interactions, keeping what it received.
import Foundation
import DatadogRuntime
import DatadogTesting

// MARK: server

/// The request as received by the server.
struct ReceivedRequest {
    let method: String
    let target: String
    let contentType: String?
    let body: Data
    let matched: Int
    let answered: Int
}

/// The loopback server: serves the current cassette's recorded interactions.
final class ReplayServer: @unchecked Sendable {
    static let shared = ReplayServer()

    private let lock = NSLock()
    private var cassette: Cassette?
    private var expected = -1
    private var used = Set<Int>()
    private var received: [ReceivedRequest] = []
    private(set) var baseURL: URL?
    var unstable: [String] = []
    private var server: StandInServer?

    func start() async throws {
        let server = try await StandInServer.start(answeringAll: { [unowned self] request in
            self.respond(to: request)
        })
        self.server = server
        baseURL = server.baseURL
    }

    func begin(_ cassette: Cassette, expected: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.cassette = cassette
        self.expected = expected
        received = []
    }

    func resetUsed() {
        lock.lock()
        used = []
        lock.unlock()
    }

    func take() -> [ReceivedRequest] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Matches by method, path, query items and JSON body; the expected interaction first, then
    /// unused ones, then any. When nothing matches, answers the expected interaction's response
    /// (so the response side is still exercised) and records `matched = -1`.
    func answer(method: String, target: String, contentType: String?, body: Data) -> RecordedInteraction? {
        lock.lock()
        defer { lock.unlock() }
        guard let cassette else { return nil }
        let (segments, query) = splitTarget(target)
        let bodyJSON: DatadogRuntime.JSONValue? = body.isEmpty ? nil : parseJSON(body)
        func matches(_ r: RecordedInteraction) -> Bool {
            guard r.method == method, r.segments == segments else { return false }
            guard r.query.map({ $0.joined(separator: "=") }).sorted() == query.map({ $0.joined(separator: "=") }).sorted()
            else { return false }
            if r.bodyOpaque == true { return true }
            switch (r.body, body.isEmpty) {
            case (nil, true): return true
            case (nil, false): return false
            case (_?, true): return false
            case (let text?, false):
                guard let want = parseJSON(Data(text.utf8)), let got = bodyJSON else { return false }
                return jsonEqual(want, got)
            }
        }
        var order = cassette.interactions.filter { $0.index == expected }
        order += cassette.interactions.filter { $0.index != expected && !used.contains($0.index) }
        order += cassette.interactions.filter { $0.index != expected && used.contains($0.index) }
        let hit = order.first(where: matches)
        let chosen = hit ?? cassette.interactions.first { $0.index == expected }
        if let hit { used.insert(hit.index) }
        received.append(
            ReceivedRequest(
                method: method, target: target, contentType: contentType, body: body, matched: hit?.index ?? -1,
                answered: chosen?.index ?? -1))
        return chosen
    }
}

/// `/a/b%2Fc?x=1&y=a+b` -> (["", "a", "b/c"], [["x","1"], ["y","a b"]])
func splitTarget(_ target: String) -> ([String], [[String]]) {
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts[0])
    let segments = path.split(separator: "/", omittingEmptySubsequences: false).map {
        String($0).removingPercentEncoding ?? String($0)
    }
    var query: [[String]] = []
    if parts.count > 1 {
        for item in parts[1].split(separator: "&") {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            query.append([decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""])
        }
    }
    return (segments, query)
}

extension ReplayServer {
    /// The recorded response of the interaction the request matches (`answer`).
    func respond(to request: StandInServer.Request) -> StandInServer.Response {
        guard let hit = answer(method: request.method, target: request.target, contentType: request.header("Content-Type"), body: request.body)
        else {
            return StandInServer.Response(status: 599)
        }
        var headers: [String: String] = [:]
        if let contentType = hit.contentType {
            headers["Content-Type"] = contentType
        }
        // 204 and 304 carry no body (a recorded 204 with a body would be left on the connection
        // and break the next response: "Received HTTP/0.9 when not allowed")
        let responseBody = hit.status == 204 || hit.status == 304 ? Data() : Data(base64Encoded: hit.responseBody) ?? Data()
        return StandInServer.Response(status: hit.status, headers: headers, body: responseBody)
    }
}
