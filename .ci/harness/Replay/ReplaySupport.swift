// Replay harness support: the input, the arguments read from recorded text, the outcomes. The
// generated Generated/Ops*.swift files hold one function per operation; main.swift runs the calls
// against the loopback server (LoopbackServer.swift).
import Foundation
import DatadogRuntime
import HarnessSupport

// MARK: input

/// One recorded interaction of a cassette, as the server matches and answers it.
struct RecordedInteraction: Decodable {
    let index: Int
    let method: String
    /// The path, split at `/` and percent-decoded segment by segment.
    let segments: [String]
    /// Query items, decoded.
    let query: [[String]]
    /// The JSON request body as text, nil when the recording has none.
    let body: String?
    /// Whether the recorded request body was something other than JSON (then bodies are not compared).
    let bodyOpaque: Bool?
    let status: Int
    let contentType: String?
    /// The recorded response body, base64.
    let responseBody: String
}

struct Cassette: Decodable {
    let name: String
    let interactions: [RecordedInteraction]
}

/// One call of a generated method.
struct ReplayCall: Decodable {
    let id: Int
    let cassette: Int
    let interaction: Int
    let version: String
    let operationId: String
    /// Parameter values by wire name, as text.
    let args: [String: String]
    /// The JSON request body as text.
    let body: String?
    /// Files for the operation's `multipart/form-data` file parameters, by wire name.
    let files: [String: ReplayFile]?
}

/// The bytes the harness sends for a recorded file parameter.
struct ReplayFile: Decodable {
    let fileName: String
    /// The bytes, base64.
    let data: String
    let contentType: String
}

struct ReplayInput: Decodable {
    let cassettes: [Cassette]
    let calls: [ReplayCall]
    let unstable: [String]
}

// MARK: arguments

enum ReplayError: Error, CustomStringConvertible {
    case missingArgument(String)
    case badArgument(String, String, String)
    case missingBody
    case bodyDecoding(String)

    var description: String {
        switch self {
        case .missingArgument(let name): return "argument: required parameter \(name) has no recorded value"
        case .badArgument(let name, let text, let type): return "argument: \(name)=\(text) is not a \(type)"
        case .missingBody: return "argument: the request body is required but the recording has none"
        case .bodyDecoding(let reason): return "request body does not decode: \(reason)"
        }
    }
}

/// A parameter type read from the recorded text: the one place that maps a recorded string to a
/// parameter of the dump's `swift_type`. The generated functions call `argument` /
/// `optionalArgument` with the parameter's type; `Generated/Arguments.swift` declares the
/// conformance of each model type a parameter has (open enums: through their raw value).
protocol ReplayArgument {
    static func parseReplay(_ text: String) -> Self?
}

extension ReplayArgument where Self: RawRepresentable, RawValue: ReplayArgument {
    static func parseReplay(_ text: String) -> Self? {
        RawValue.parseReplay(text).flatMap(Self.init(rawValue:))
    }
}

extension String: ReplayArgument {
    static func parseReplay(_ text: String) -> String? { text }
}
extension Int64: ReplayArgument {
    static func parseReplay(_ text: String) -> Int64? { Int64(text) }
}
extension Int32: ReplayArgument {
    static func parseReplay(_ text: String) -> Int32? { Int32(text) }
}
extension Int: ReplayArgument {
    static func parseReplay(_ text: String) -> Int? { Int(text) }
}
extension Double: ReplayArgument {
    static func parseReplay(_ text: String) -> Double? { Double(text) }
}
extension Float: ReplayArgument {
    static func parseReplay(_ text: String) -> Float? { Float(text) }
}
extension Bool: ReplayArgument {
    static func parseReplay(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
extension Date: ReplayArgument {
    /// The runtime's reading of a date parameter's wire text (`DatadogParameterValue`).
    static func parseReplay(_ text: String) -> Date? { Date(parameterText: text) }
}
extension Array: ReplayArgument where Element: ReplayArgument {
    /// Comma-separated text (the Go client's csv format); empty text is an empty array.
    static func parseReplay(_ text: String) -> [Element]? {
        if text.isEmpty { return [] }
        var out: [Element] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Element.parseReplay(String(part)) else { return nil }
            out.append(value)
        }
        return out
    }
}

extension ReplayCall {
    /// A required parameter, from its recorded text.
    func argument<T: ReplayArgument>(_ name: String, _ type: T.Type) throws -> T {
        guard let value = try optionalArgument(name, type) else { throw ReplayError.missingArgument(name) }
        return value
    }

    /// An optional parameter: nil when the recording has none.
    func optionalArgument<T: ReplayArgument>(_ name: String, _ type: T.Type) throws -> T? {
        guard let text = args[name] else { return nil }
        guard let value = T.parseReplay(text) else { throw ReplayError.badArgument(name, text, "\(T.self)") }
        return value
    }

    /// A file parameter of a `multipart/form-data` operation.
    func file(_ name: String) throws -> DatadogFile {
        guard let value = try optionalFile(name) else { throw ReplayError.missingArgument(name) }
        return value
    }

    func optionalFile(_ name: String) throws -> DatadogFile? {
        guard let file = files?[name] else { return nil }
        guard let data = Data(base64Encoded: file.data) else { throw ReplayError.badArgument(name, file.data, "DatadogFile") }
        return DatadogFile(data: data, fileName: file.fileName, contentType: file.contentType)
    }

    func body<T: Decodable>(_ type: T.Type) throws -> T {
        guard let value = try optionalBody(type) else { throw ReplayError.missingBody }
        return value
    }

    func optionalBody<T: Decodable>(_ type: T.Type) throws -> T? {
        guard let text = body else { return nil }
        do {
            return try DatadogJSON.makeDecoder().decode(T.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw ReplayError.bodyDecoding(describe(error))
        }
    }

    /// The configuration every call uses: the loopback server, dummy keys, no environment, all unstable operations on.
    var configuration: DatadogConfiguration {
        var configuration = DatadogConfiguration(
            apiKey: "replay-api-key", applicationKey: "replay-app-key", baseURL: ReplayServer.shared.baseURL,
            environment: [:])
        for op in ReplayServer.shared.unstable {
            configuration.enableUnstableOperation(UnstableOperation(rawValue: op))
        }
        configuration.timeout = .seconds(30)
        return configuration
    }
}

// MARK: outcomes

/// A generated per-operation function (Ops*.swift).
typealias ReplayFunction = (ReplayCall) async throws -> ReplayOutcome

/// What a successful call returned.
enum ReplayOutcome {
    case none
    case json(String)
    case data(Data)

    static func value<T: Encodable>(_ value: T) throws -> ReplayOutcome {
        do {
            return .json(String(decoding: try DatadogJSON.makeEncoder().encode(value), as: UTF8.self))
        } catch {
            throw ReplayEncodeError(reason: "\(error)")
        }
    }

    static func value(_ value: Data) -> ReplayOutcome { .data(value) }

    /// Text responses (`text/plain`, `text/csv` …) are compared byte for byte with the recording, like `Data`.
    static func value(_ value: String) -> ReplayOutcome { .data(Data(value.utf8)) }
}

struct ReplayEncodeError: Error {
    let reason: String
}


// MARK: JSON comparison (absent == null, numbers by value)

func jsonEqual(_ a: DatadogRuntime.JSONValue, _ b: DatadogRuntime.JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.integer(let x), .integer(let y)): return x == y
    case (.integer, .double), (.double, .integer), (.double, .double):
        return a.doubleValue == b.doubleValue
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { jsonEqual($0, $1) }
    case (.object(let x), .object(let y)):
        for key in Set(x.keys).union(y.keys) {
            let vx = x[key] ?? .null
            let vy = y[key] ?? .null
            if !jsonEqual(vx, vy) { return false }
        }
        return true
    default:
        return false
    }
}

func parseJSON(_ data: Data) -> DatadogRuntime.JSONValue? {
    try? JSONDecoder().decode(DatadogRuntime.JSONValue.self, from: data)
}
