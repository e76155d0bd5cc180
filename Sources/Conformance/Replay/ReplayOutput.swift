import Foundation

/// One line of the `Replay` executable's output (`replay-output.jsonl`): how the call ended and
/// what the loopback server received.
public struct ReplayOutput: Decodable, Sendable {
    public var id: Int
    /// `ok`, `api_error`, `client_error` or `error`.
    public var outcome: String?
    /// The re-encoded result (or `errorResponse`), as JSON text.
    public var json: String?
    /// A `Data` or text result, base64.
    public var dataB64: String?
    /// The status of a `DatadogAPIError`.
    public var status: Int?
    public var error: String?
    public var requests: [Request]?

    public struct Request: Decodable, Sendable {
        public var method: String
        public var target: String
        /// The recorded interaction the request matched (-1: none).
        public var matched: Int?
        public var bodyB64: String?
        public var contentType: String?

        enum CodingKeys: String, CodingKey {
            case method, target, matched
            case bodyB64 = "body_b64"
            case contentType = "content_type"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, outcome, json, status, error, requests
        case dataB64 = "data_b64"
    }

    public init(id: Int, outcome: String?, json: String? = nil, dataB64: String? = nil, status: Int? = nil, error: String? = nil,
                requests: [Request]? = nil) {
        (self.id, self.outcome, self.json, self.dataB64, self.status, self.error, self.requests) = (id, outcome, json, dataB64, status, error, requests)
    }

    /// The lines of an output file by call id (unreadable lines are left out; the last line of an id wins).
    public static func read(_ text: String) -> [Int: ReplayOutput] {
        var out: [Int: ReplayOutput] = [:]
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            if let output = try? JSONDecoder().decode(ReplayOutput.self, from: Data(line.utf8)) { out[output.id] = output }
        }
        return out
    }
}
