import Foundation

/// A recorded scenario of the official Go client's test suite
/// (`CASSETTES/<version>/<feature>/<scenario>.json`), as far as the replay reads it. The structure is
/// decoded with `Decodable`; the bodies and the assertions' expected values are taken from the same
/// file read as `OrderedJSON`, so that they are served and printed as recorded.
public struct Cassette: Decodable, Sendable {
    /// The path below the cassettes folder (`v2/status-pages/get-component-returns-ok-response.json`).
    public var name = ""
    public var version: String?
    public var interactions: [Interaction]
    public var assertions: [Assertion]
    public var requestParameters: [RequestParameter]

    enum CodingKeys: String, CodingKey {
        case version, interactions, assertions
        case requestParameters = "request_parameters"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        interactions = try c.decodeIfPresent([Interaction].self, forKey: .interactions) ?? []
        assertions = try c.decodeIfPresent([Assertion].self, forKey: .assertions) ?? []
        requestParameters = try c.decodeIfPresent([RequestParameter].self, forKey: .requestParameters) ?? []
    }

    public struct Interaction: Decodable, Sendable {
        public var index: Int
        /// `given`, `main`, `main_page` (a pagination follow-up) or `cleanup`.
        public var role: String?
        public var operationID: String?
        public var operationVersion: String?
        public var method: String?
        public var url: String?
        public var pathTemplate: String?
        public var pathParams: [String: Scalar?]?
        public var queryParams: [String: [String]]?
        /// In recorded order (the Go client's).
        public var queryOrder: [String] = []
        public var request: Message
        public var response: Message

        enum CodingKeys: String, CodingKey {
            case index, role, method, url, request, response
            case operationID = "operation_id"
            case operationVersion = "operation_version"
            case pathTemplate = "path_template"
            case pathParams = "path_params"
            case queryParams = "query_params"
        }
    }

    /// A recorded request or response.
    public struct Message: Decodable, Sendable {
        public var headers: [String: String]?
        /// `json`, `empty`, `text` or `base64`.
        public var bodyFormat: String?
        public var statusCode: Int?
        /// The body as recorded (`json`: the document; `text`/`base64`: a string).
        public var body: OrderedJSON?

        enum CodingKeys: String, CodingKey {
            case headers
            case bodyFormat = "body_format"
            case statusCode = "status_code"
        }

        /// A header, by case-insensitive name.
        public func header(_ name: String) -> String? {
            headers?.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// The body's bytes as recorded (JSON written compactly, members in order).
        public var bytes: Data {
            switch bodyFormat {
            case "json": return Data((body ?? .null).compact.utf8)
            case "base64": return Data(base64Encoded: body?.string ?? "") ?? Data()
            case "text": return Data((body?.string ?? "").utf8)
            default: return Data()
            }
        }

        /// The JSON body, nil when the body is not JSON.
        public var json: OrderedJSON? { bodyFormat == "json" ? body ?? .null : nil }
    }

    /// One `Then` step of the scenario.
    public struct Assertion: Decodable, Sendable {
        /// `status`, `equal`, `same_value`, `length`, `has_field`, `no_field`, `false`, `items`,
        /// `array_contains_value`, `array_contains_object`.
        public var kind: String?
        public var status: Int?
        public var path: String?
        public var field: String?
        public var length: Int?
        public var count: Int?
        public var holdsOnRecording: Bool?
        public var expected: OrderedJSON?

        enum CodingKeys: String, CodingKey {
            case kind, status, path, field, length, count
            case holdsOnRecording = "holds_on_recording"
        }
    }

    /// A request parameter of the scenario (`value`, `literal` or the `from` path it came from).
    public struct RequestParameter: Decodable, Sendable {
        public var name: String?
        public var value: Scalar?
        public var literal: Scalar?
        public var from: Scalar?

        enum CodingKeys: String, CodingKey { case name }

        /// The first of value, literal and from that is a scalar.
        public var given: Scalar? { value ?? literal ?? from }
    }

    /// A string, number or boolean (anything else reads as nil).
    public enum Scalar: Decodable, Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case double(Double)
        case bool(Bool)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int64.self) { self = .integer(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else { self = .string(try c.decode(String.self)) }
        }

        /// Python's `str` of the value (`True` for a boolean).
        public var text: String {
            switch self {
            case .string(let s): return s
            case .integer(let i): return String(i)
            case .double(let d): return "\(d)"
            case .bool(let b): return b ? "True" : "False"
            }
        }
    }

    /// Reads one cassette; `name` is its path below the cassettes folder.
    public static func read(_ file: URL, name: String) throws -> Cassette {
        let data = try Data(contentsOf: file)
        var cassette: Cassette
        let tree: OrderedJSON
        do {
            cassette = try JSONDecoder().decode(Cassette.self, from: data)
            tree = try OrderedJSON.parse(data)
        } catch {
            throw ConformanceError("\(file.path):1: error: not a recorded scenario: \(error)")
        }
        cassette.name = name
        let interactions = tree["interactions"]?.items ?? []
        for (index, item) in interactions.enumerated() where index < cassette.interactions.count {
            cassette.interactions[index].request.body = item["request"]?["body"]
            cassette.interactions[index].response.body = item["response"]?["body"]
            if case .object(let members)? = item["query_params"] { cassette.interactions[index].queryOrder = members.map(\.key) }
        }
        let assertions = tree["assertions"]?.items ?? []
        for (index, item) in assertions.enumerated() where index < cassette.assertions.count {
            cassette.assertions[index].expected = item["expected"]
        }
        // a parameter's value that is no scalar (a list) does not count: the next of value, literal, from does
        let parameters = tree["request_parameters"]?.items ?? []
        for (index, item) in parameters.enumerated() where index < cassette.requestParameters.count {
            func scalar(_ key: String) -> Scalar? {
                switch item[key] {
                case .string(let s)?: return .string(s)
                case .bool(let b)?: return .bool(b)
                case .number(let text)? where item[key]?.isInteger == true: return Int64(text).map(Scalar.integer) ?? Double(text).map(Scalar.double)
                case .number(let text)?: return Double(text).map(Scalar.double)
                default: return nil
                }
            }
            cassette.requestParameters[index].value = scalar("value")
            cassette.requestParameters[index].literal = scalar("literal")
            cassette.requestParameters[index].from = scalar("from")
        }
        return cassette
    }
}
