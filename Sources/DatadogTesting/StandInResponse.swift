import Foundation

extension StandInServer {
    /// An answer of the stand-in: status, headers and body, sent with a `Content-Length`.
    public struct Response: Sendable, Hashable {
        /// The HTTP status code.
        public var status: Int
        /// The headers to send (`Content-Length` is added).
        public var headers: [String: String]
        /// The body.
        public var body: Data

        /// A response with a raw body.
        public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// A JSON response: `body` as UTF-8 with `Content-Type: application/json`, plus `headers`.
        public static func json(_ body: String, status: Int = 200, headers: [String: String] = [:]) -> Response {
            json(Data(body.utf8), status: status, headers: headers)
        }

        /// A JSON response from bytes: `Content-Type: application/json`, plus `headers`.
        public static func json(_ body: Data, status: Int = 200, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: ["Content-Type": "application/json"].merging(headers) { $1 }, body: body)
        }

        /// A JSON response encoding `value`.
        public static func json<T: Encodable>(encoding value: T, status: Int = 200, headers: [String: String] = [:], encoder: JSONEncoder = JSONEncoder()) throws -> Response {
            json(try encoder.encode(value), status: status, headers: headers)
        }

        /// Datadog's error body, `{"errors": [...]}`, with `status`.
        public static func errors(_ status: Int, _ messages: [String], headers: [String: String] = [:]) -> Response {
            let body = (try? JSONSerialization.data(withJSONObject: ["errors": messages])) ?? Data()
            return json(body, status: status, headers: headers)
        }
    }
}
