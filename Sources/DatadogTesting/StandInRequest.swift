import Foundation

extension StandInServer {
    /// A request as the stand-in received it.
    public struct Request: Sendable, Hashable {
        /// The method, upper-case as sent (`GET`, `POST`, …).
        public var method: String
        /// The path, percent-decoded, without the query (`/api/v2/statuspages`).
        public var path: String
        /// The query items in the order sent, percent-decoded.
        public var queryItems: [URLQueryItem]
        /// The headers, names lower-cased; repeated headers joined with `", "`.
        public var headers: [String: String]
        /// The body as sent (empty when there was none).
        public var body: Data
        /// The request target exactly as sent, still percent-encoded (`/api/v2/widgets/w%2F1?q=a+b`),
        /// to check how the client encodes paths and queries.
        public var target: String

        /// Creates a request (for tests of route handlers); `target` defaults to `path`.
        public init(
            method: String, path: String, queryItems: [URLQueryItem] = [], headers: [String: String] = [:], body: Data = Data(),
            target: String? = nil
        ) {
            self.method = method
            self.path = path
            self.queryItems = queryItems
            self.headers = headers
            self.body = body
            self.target = target ?? path
        }

        /// The value of the first query item called `name`, or nil.
        public func query(_ name: String) -> String? {
            queryItems.first { $0.name == name }?.value
        }

        /// The value of header `name` (any case), or nil.
        public func header(_ name: String) -> String? {
            headers[name.lowercased()]
        }

        /// The body decoded as JSON into `type`.
        public func decodeBody<T: Decodable>(as type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
            try decoder.decode(type, from: body)
        }
    }
}
