/// `datadog-codegen dump` decoded: what the generator made of each page (the dump's JSON is the
/// contract between the generator and this scorer). Only the fields the scorer reads are decoded.
public struct Dump: Decodable, Sendable {
    public var pages: [Page]
    /// One module per API version, with its type names.
    public var modules: [Module]

    public struct Module: Decodable, Sendable {
        public var name: String
        public var version: String
        public var types: [String]
        /// Typealias name → the type it names (identical types declared under several names).
        public var aliases: [String: String]?
    }

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
        public var swiftAPI: String?
        public var swiftModule: String?
        public var line: Int?
        public var unstable: Bool?
        public var parameters: [Parameter]?
        /// The method's arguments, in signature order.
        public var arguments: [Argument]?
        /// The method's return type; nil when it returns nothing.
        public var returns: String?
        public var request: Body?
        public var responses: [Body]?
        public var pagination: Paging?

        enum CodingKeys: String, CodingKey {
            case version, method, path, line, unstable, parameters, arguments, returns, request, responses, pagination
            case operationID = "operation_id"
            case swiftMethod = "swift_method"
            case swiftAPI = "swift_api"
            case swiftModule = "swift_module"
        }
    }

    /// A path, query, header or form parameter.
    public struct Parameter: Decodable, Sendable {
        public var name: String
        /// `path`, `query`, `header` or `form`.
        public var location: String
        public var swiftName: String?
        public var swiftType: String?

        enum CodingKeys: String, CodingKey {
            case name
            case location = "in"
            case swiftName = "swift_name"
            case swiftType = "swift_type"
        }
    }

    /// One argument of a generated method (or of its `…Paginated` wrapper).
    public struct Argument: Decodable, Sendable {
        /// The Swift label (unescaped).
        public var name: String
        /// Without the optional of an optional argument.
        public var swiftType: String
        public var required: Bool
        /// The request body (else a parameter).
        public var body: Bool
        /// The parameter's wire name (nil for the body).
        public var parameter: String?
        /// The Swift default of a required argument (wrappers only).
        public var defaultValue: String?

        enum CodingKeys: String, CodingKey {
            case name, required, body, parameter
            case swiftType = "swift_type"
            case defaultValue = "default"
        }
    }

    /// How an operation pages: its `…Paginated` wrapper.
    public struct Paging: Decodable, Sendable {
        /// `offset`, `page_number`, `cursor` or `body_cursor`.
        public var style: String?
        public var swiftMethod: String?
        public var arguments: [Argument]?

        enum CodingKeys: String, CodingKey {
            case style, arguments
            case swiftMethod = "swift_method"
        }
    }

    /// The request body or one response: its Swift type and field tree.
    public struct Body: Decodable, Sendable {
        public var status: Status?
        public var swiftType: String?
        /// The request body's encoding (`json`, `text`, `multipart`, `data`).
        public var encoding: String?
        /// The page's example, as text.
        public var example: String?
        public var exampleLine: Int?
        public var fields: [Field]?

        enum CodingKeys: String, CodingKey {
            case status, fields, encoding, example
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

    enum CodingKeys: String, CodingKey { case pages, modules }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pages = try c.decodeIfPresent([Page].self, forKey: .pages) ?? []
        modules = try c.decodeIfPresent([Module].self, forKey: .modules) ?? []
    }
}
