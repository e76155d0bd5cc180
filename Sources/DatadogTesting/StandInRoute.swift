import Foundation

extension StandInServer {
    /// Which requests a route answers: a method, a path pattern and required query items.
    ///
    /// A path pattern is matched segment by segment: `*` matches any one segment, and `**` as the
    /// last segment matches whatever follows (also nothing). `"/**"` matches every path.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        /// The method (`GET`, …), or nil for any method.
        public var method: String?
        /// The path pattern.
        public var path: String
        /// Query items the request must carry with these values (others are ignored).
        public var query: [String: String]

        /// A route for `method` (nil: any) and `path`, requiring `query`.
        public init(_ method: String?, _ path: String, query: [String: String] = [:]) {
            self.method = method?.uppercased()
            self.path = path
            self.query = query
        }

        /// Whether `request` is one this route answers.
        public func matches(_ request: Request) -> Bool {
            if let method, method != request.method.uppercased() { return false }
            for (name, value) in query where request.query(name) != value { return false }
            return Self.matches(pattern: path.split(separator: "/"), path: request.path.split(separator: "/"))
        }

        private static func matches(pattern: [Substring], path: [Substring]) -> Bool {
            for (index, segment) in pattern.enumerated() {
                if segment == "**", index == pattern.count - 1 { return true }
                guard index < path.count, segment == "*" || segment == path[index] else { return false }
            }
            return pattern.count == path.count
        }

        public var description: String {
            let query = self.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            return "\(method ?? "*") \(path)\(query.isEmpty ? "" : "?" + query)"
        }
    }
}
