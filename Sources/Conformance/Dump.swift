/// `datadog-codegen dump` decoded: what the generator made of each page (the dump's JSON is the
/// contract between the generator and this scorer). Only the fields the scorer reads are decoded.
public struct Dump: Decodable, Sendable {
    public var pages: [Page]

    public struct Page: Decodable, Sendable {
        public var file: String
        public var operations: [Operation]
    }

    public struct Operation: Decodable, Sendable {
        public var version: String?
        public var operationID: String?
        public var method: String?
        public var path: String?
        public var swiftMethod: String?
        public var line: Int?
        public var unstable: Bool?
        public var request: Body?
        public var responses: [Body]?

        enum CodingKeys: String, CodingKey {
            case version, method, path, line, unstable, request, responses
            case operationID = "operation_id"
            case swiftMethod = "swift_method"
        }
    }

    /// The request body or one response: its Swift type and field tree.
    public struct Body: Decodable, Sendable {
        public var status: Status?
        public var swiftType: String?
        public var exampleLine: Int?
        public var fields: [Field]?

        enum CodingKeys: String, CodingKey {
            case status, fields
            case swiftType = "swift_type"
            case exampleLine = "example_line"
        }
    }

    public struct Field: Decodable, Sendable {
        public var name: String
        public var line: Int?
        public var type: String?
        public var required: Bool?
        public var swiftType: String?
        public var fields: [Field]?

        enum CodingKeys: String, CodingKey {
            case name, line, type, required, fields
            case swiftType = "swift_type"
        }
    }

    enum CodingKeys: String, CodingKey { case pages }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pages = try c.decodeIfPresent([Page].self, forKey: .pages) ?? []
    }
}
