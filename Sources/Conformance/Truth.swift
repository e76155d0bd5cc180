import DatadogRuntime

/// A truth file (`TRUTH/<tag>/<page>.json`): the official operations of one reference page, with the
/// rows of its field tables. Only the fields the scorer reads are decoded.
public struct Truth: Decodable, Sendable {
    public var operations: [Operation]

    public struct Operation: Decodable, Sendable {
        public var version: String?
        public var operationId: String?
        public var method: String?
        public var path: String?
        public var parameters: [Parameter]?
        public var requestBody: Body?
        public var responses: [Body]?

        enum CodingKeys: String, CodingKey {
            case version, operationId, method, path, parameters, responses
            case requestBody = "request_body"
        }
    }

    public struct Parameter: Decodable, Sendable {
        public var schema: JSONValue?
    }

    /// A request body or one response: its schema tree and the rows its table shows.
    public struct Body: Decodable, Sendable {
        public var status: Status?
        public var schema: JSONValue?
        public var tableRows: [Row]?

        enum CodingKeys: String, CodingKey {
            case status, schema
            case tableRows = "table_rows"
        }
    }

    public struct Row: Decodable, Sendable {
        public var path: [String]
        public var required: Bool?
        public var type: String?
        public var schemaRefName: String?
        public var itemsSchemaRefName: String?

        enum CodingKeys: String, CodingKey {
            case path, required, type
            case schemaRefName = "schema_ref_name"
            case itemsSchemaRefName = "items_schema_ref_name"
        }
    }

    enum CodingKeys: String, CodingKey { case operations }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        operations = try c.decodeIfPresent([Operation].self, forKey: .operations) ?? []
    }
}

/// An HTTP status as written in a truth file or the dump: `"200"`, `200` or `"default"`.
public struct Status: Decodable, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) {
            description = String(i)
        } else {
            description = try c.decode(String.self)
        }
    }
}
