// Replay harness support (.ci/replay/ReplaySupport.swift), copied as is into the scratch package by
// .ci/conformance.py. The generated Ops*.swift files hold one function per operation; main.swift
// (from .ci/replay/main.swift.in) runs the calls against the loopback server defined here.
import Foundation
import DatadogRuntime
import FlyingFox
import FlyingSocks

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

/// A parameter type that can be read from the recorded text.
protocol ReplayArgument {
    static func parseReplay(_ text: String) -> Self?
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
    func arg<T: ReplayArgument>(_ name: String, _ type: T.Type) throws -> T {
        guard let value = try opt(name, type) else { throw ReplayError.missingArgument(name) }
        return value
    }

    func opt<T: ReplayArgument>(_ name: String, _ type: T.Type) throws -> T? {
        guard let text = args[name] else { return nil }
        guard let value = T.parseReplay(text) else { throw ReplayError.badArgument(name, text, "\(T.self)") }
        return value
    }

    /// Enum (or other raw-value) parameters: `init(rawValue:)` of the parsed raw value.
    /// (Distinct names, no overloads: overloaded generic helpers blow up type checking.)
    func rawArg<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T where T.RawValue: ReplayArgument {
        guard let value = try rawOpt(name, type) else { throw ReplayError.missingArgument(name) }
        return value
    }

    func rawOpt<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue: ReplayArgument {
        guard let text = args[name] else { return nil }
        guard let raw = T.RawValue.parseReplay(text), let value = T(rawValue: raw) else {
            throw ReplayError.badArgument(name, text, "\(T.self)")
        }
        return value
    }

    /// Arrays of raw-value elements from comma-separated text; `type` is the element type.
    func rawArrayArg<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> [T] where T.RawValue: ReplayArgument {
        guard let value = try rawArrayOpt(name, type) else { throw ReplayError.missingArgument(name) }
        return value
    }

    func rawArrayOpt<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> [T]? where T.RawValue: ReplayArgument {
        guard let text = args[name] else { return nil }
        if text.isEmpty { return [] }
        var out: [T] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let raw = T.RawValue.parseReplay(String(part)), let value = T(rawValue: raw) else {
                throw ReplayError.badArgument(name, text, "[\(T.self)]")
            }
            out.append(value)
        }
        return out
    }

    /// A file parameter of a `multipart/form-data` operation.
    func file(_ name: String) throws -> DatadogFile {
        guard let value = try optFile(name) else { throw ReplayError.missingArgument(name) }
        return value
    }

    func optFile(_ name: String) throws -> DatadogFile? {
        guard let file = files?[name] else { return nil }
        guard let data = Data(base64Encoded: file.data) else { throw ReplayError.badArgument(name, file.data, "DatadogFile") }
        return DatadogFile(data: data, fileName: file.fileName, contentType: file.contentType)
    }

    func body<T: Decodable>(_ type: T.Type) throws -> T {
        guard let value = try optBody(type) else { throw ReplayError.missingBody }
        return value
    }

    func optBody<T: Decodable>(_ type: T.Type) throws -> T? {
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

func codingPath(_ codingPath: [any CodingKey]) -> String {
    var s = "$"
    for key in codingPath {
        if let i = key.intValue { s += "[\(i)]" } else { s += "." + key.stringValue }
    }
    return s
}

func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, let ctx):
        return "typeMismatch at \(codingPath(ctx.codingPath)): expected \(type): \(ctx.debugDescription)"
    case .valueNotFound(let type, let ctx):
        return "valueNotFound at \(codingPath(ctx.codingPath)): \(type): \(ctx.debugDescription)"
    case .keyNotFound(let key, let ctx):
        return "keyNotFound at \(codingPath(ctx.codingPath + [key])): \(ctx.debugDescription)"
    case .dataCorrupted(let ctx):
        return "dataCorrupted at \(codingPath(ctx.codingPath)): \(ctx.debugDescription)"
    @unknown default:
        return "\(error)"
    }
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

// MARK: server

/// The request as received by the server.
struct ReceivedRequest {
    let method: String
    let target: String
    let contentType: String?
    let body: Data
    let matched: Int
    let answered: Int
}

/// The loopback server: serves the current cassette's recorded interactions.
final class ReplayServer: @unchecked Sendable {
    static let shared = ReplayServer()

    private let lock = NSLock()
    private var cassette: Cassette?
    private var expected = -1
    private var used = Set<Int>()
    private var received: [ReceivedRequest] = []
    private(set) var baseURL: URL?
    var unstable: [String] = []
    private var server: HTTPServer?

    func start() async throws {
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled,
            handler: ReplayHandler(owner: self))
        self.server = server
        Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw ReplayEncodeError(reason: "the server has no IPv4 address")
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)")
    }

    func begin(_ cassette: Cassette, expected: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.cassette = cassette
        self.expected = expected
        received = []
    }

    func resetUsed() {
        lock.lock()
        used = []
        lock.unlock()
    }

    func take() -> [ReceivedRequest] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Matches by method, path, query items and JSON body; the expected interaction first, then
    /// unused ones, then any. When nothing matches, answers the expected interaction's response
    /// (so the response side is still exercised) and records `matched = -1`.
    func answer(method: String, target: String, contentType: String?, body: Data) -> RecordedInteraction? {
        lock.lock()
        defer { lock.unlock() }
        guard let cassette else { return nil }
        let (segments, query) = splitTarget(target)
        let bodyJSON: DatadogRuntime.JSONValue? = body.isEmpty ? nil : parseJSON(body)
        func matches(_ r: RecordedInteraction) -> Bool {
            guard r.method == method, r.segments == segments else { return false }
            guard r.query.map({ $0.joined(separator: "=") }).sorted() == query.map({ $0.joined(separator: "=") }).sorted()
            else { return false }
            if r.bodyOpaque == true { return true }
            switch (r.body, body.isEmpty) {
            case (nil, true): return true
            case (nil, false): return false
            case (_?, true): return false
            case (let text?, false):
                guard let want = parseJSON(Data(text.utf8)), let got = bodyJSON else { return false }
                return jsonEqual(want, got)
            }
        }
        var order = cassette.interactions.filter { $0.index == expected }
        order += cassette.interactions.filter { $0.index != expected && !used.contains($0.index) }
        order += cassette.interactions.filter { $0.index != expected && used.contains($0.index) }
        let hit = order.first(where: matches)
        let chosen = hit ?? cassette.interactions.first { $0.index == expected }
        if let hit { used.insert(hit.index) }
        received.append(
            ReceivedRequest(
                method: method, target: target, contentType: contentType, body: body, matched: hit?.index ?? -1,
                answered: chosen?.index ?? -1))
        return chosen
    }
}

/// `/a/b%2Fc?x=1&y=a+b` -> (["", "a", "b/c"], [["x","1"], ["y","a b"]])
func splitTarget(_ target: String) -> ([String], [[String]]) {
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts[0])
    let segments = path.split(separator: "/", omittingEmptySubsequences: false).map {
        String($0).removingPercentEncoding ?? String($0)
    }
    var query: [[String]] = []
    if parts.count > 1 {
        for item in parts[1].split(separator: "&") {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            query.append([decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""])
        }
    }
    return (segments, query)
}

struct ReplayHandler: HTTPHandler {
    let owner: ReplayServer

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let body = try await request.bodyData
        var target = request.target.path()
        let query = request.target.query()
        if !query.isEmpty { target += "?" + query }
        guard
            let hit = owner.answer(
                method: request.method.rawValue, target: target, contentType: request.headers[.contentType], body: body)
        else {
            return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(599, phrase: "No Cassette"))
        }
        var headers = HTTPHeaders()
        if let contentType = hit.contentType {
            headers[.contentType] = contentType
        }
        // 204 and 304 carry no body (a recorded 204 with a body would be left on the connection
        // and break the next response: "Received HTTP/0.9 when not allowed")
        let responseBody = hit.status == 204 || hit.status == 304 ? Data() : Data(base64Encoded: hit.responseBody) ?? Data()
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(hit.status, phrase: "Recorded"), headers: headers, body: responseBody)
    }
}
