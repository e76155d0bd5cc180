import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP server on 127.0.0.1 (an ephemeral port) that records what it receives and
/// answers with a handler's response.
final class LoopbackServer: Sendable {
    struct Received: Sendable {
        var method: String
        var path: String
        var query: [(String, String)]
        var headers: [String: String]
        var body: Data
    }

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    let baseURL: URL
    private let log = ReceivedLog()

    init(handler: @escaping @Sendable (Received) async -> (status: Int, headers: [String: String], body: Data)) async throws {
        let log = self.log
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("*") { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let received = Received(
                method: request.method.rawValue, path: request.path,
                query: request.query.map { ($0.name, $0.value) }, headers: headers, body: try await request.bodyData)
            await log.append(received)
            let answer = await handler(received)
            var responseHeaders: [HTTPHeader: String] = [:]
            for (name, value) in answer.headers { responseHeaders[HTTPHeader(name)] = value }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: "Status"), headers: responseHeaders, body: answer.body)
        }
        self.server = server
        task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    var requests: [Received] { get async { await log.items } }

    func stop() async {
        await server.stop()
        task.cancel()
    }
}

private actor ReceivedLog {
    var items: [LoopbackServer.Received] = []
    func append(_ item: LoopbackServer.Received) { items.append(item) }
}
