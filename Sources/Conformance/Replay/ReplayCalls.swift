import Foundation

/// The calls of figure 6: every `main` and `main_page` interaction of every cassette whose operation
/// the pages define (by version + operationId in the dump, else by version + method + path
/// template), with its arguments from the recording, and the cassettes as the harness's loopback
/// server serves them. `input` is what the `Replay` executable reads (`replay-input.json`).
public struct ReplayCalls: Sendable {
    /// One call of a generated method (the harness's `ReplayCall`).
    public struct Call: Encodable, Sendable {
        public var id: Int
        /// Index into `served`.
        public var cassette: Int
        public var interaction: Int
        public var version: String
        public var operationId: String
        /// Parameter values by wire name, as text.
        public var args: [String: String]
        /// The JSON request body as text.
        public var body: String?
        public var files: [String: Multipart.File]?
        /// A `…Paginated` call: the interactions its pages must match, in order.
        public var pages: [Int]?
    }

    /// One recorded interaction as the server matches and answers it (the harness's `RecordedInteraction`).
    public struct Served: Encodable, Sendable {
        public var index: Int
        public var method: String
        /// The path, split at `/`, percent-decoded segment by segment.
        public var segments: [String]
        public var query: [[String]]
        /// The JSON request body as text (nil for none, and for multipart bodies: checked part by part).
        public var body: String?
        public var bodyOpaque: Bool
        public var status: Int
        public var contentType: String?
        /// The recorded response body, base64.
        public var responseBody: String
    }

    public struct ServedCassette: Encodable, Sendable {
        public var name: String
        public var interactions: [Served]
    }

    /// What the judge needs to know about a call besides what the harness is given.
    public struct Meta: Sendable {
        /// Index into `cassettes`.
        public var cassette: Int
        public var role: String
        public var interaction: Cassette.Interaction
        public var operation: Dump.Operation
        /// Hints for the messages (a recorded query parameter the operation does not have).
        public var notes: [String]
        /// The arguments of a multipart upload (nil for other operations).
        public var form: Multipart.Arguments?
    }

    public var cassettes: [Cassette] = []
    public var served: [ServedCassette] = []
    public var calls: [Call] = []
    public var meta: [Meta] = []
    /// `…Paginated` calls, one per scenario with `main_page` interactions (after `calls`).
    public var paged: [Call] = []
    /// Calls not replayed, by reason.
    public var skipped = Tally()
    public var skippedExamples: [String] = []
    /// Calls matched by route: `(cassette, recorded operationId, the pages' operationId)`.
    public var byRoute: [(cassette: String, recorded: String, pages: String)] = []
    public var scenarios = 0

    struct Key: Hashable {
        var version: String?
        var a: String?
        var b: String?
    }

    /// `only`: cassette folders (`status-pages` or `v2/status-pages`) to keep; empty keeps all.
    public init(dump: Dump, cassettes folder: URL, only: [String] = []) throws {
        var operations: [Key: Dump.Operation] = [:], routes: [Key: Dump.Operation] = [:]
        for page in dump.pages {
            for operation in page.operations {
                let id = Key(version: operation.version, a: operation.operationID)
                if operations[id] == nil { operations[id] = operation }
                let route = Key(version: operation.version, a: operation.method, b: operation.path)
                if routes[route] == nil { routes[route] = operation }
            }
        }
        func isMultipart(_ operation: Dump.Operation?) -> Bool { operation?.request?.encoding == "multipart" }
        let files = Files.below(folder).filter { $0.hasSuffix(".json") }
        for name in files {
            if !only.isEmpty {
                let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard only.contains(where: { name.hasPrefix(Self.trimmingSlashes($0) + "/") || (parts.count > 1 && parts[1] == $0) }) else { continue }
            }
            let cassette = try Cassette.read(folder.appendingPathComponent(name), name: name)
            let mains = cassette.interactions.filter { $0.role == "main" || $0.role == "main_page" }
            if mains.isEmpty {
                skipped.add("no main interaction")
                continue
            }
            var resolved: [(interaction: Cassette.Interaction, version: String?, operation: Dump.Operation?, byRoute: Bool)] = []
            for interaction in mains {
                let version = Self.nonEmpty(interaction.operationVersion) ?? cassette.version
                if let operation = operations[Key(version: version, a: interaction.operationID)] {
                    resolved.append((interaction, version, operation, false))
                } else {
                    resolved.append((interaction, version, routes[Key(version: version, a: interaction.method, b: interaction.pathTemplate)], true))
                }
            }
            if resolved.contains(where: { $0.operation == nil }) {
                skipped.add("operation not defined by the pages", mains.count)
                skippedExamples.append("\(name): \(PythonText.optional(mains[0].operationID))")
                continue
            }
            scenarios += 1
            let index = served.count
            var interactions: [Served] = []
            for item in cassette.interactions {
                let requestType = Multipart.mediaType(item.request.header("content-type")) ?? ""
                let version = Self.nonEmpty(item.operationVersion) ?? cassette.version
                let multipart = requestType.hasPrefix("multipart/") || isMultipart(operations[Key(version: version, a: item.operationID)])
                let format = item.request.bodyFormat
                interactions.append(Served(
                    index: item.index, method: item.method ?? "", segments: Self.urlSegments(item.url ?? ""),
                    query: item.queryOrder.flatMap { key in (item.queryParams?[key] ?? []).map { [key, $0] } },
                    body: multipart || format != "json" ? nil : item.request.json?.compact,
                    bodyOpaque: multipart || !(format == "json" || format == "empty" || format == nil),
                    status: item.response.statusCode ?? 0, contentType: item.response.header("content-type"),
                    responseBody: item.response.bytes.base64EncodedString()))
            }
            served.append(ServedCassette(name: name, interactions: interactions))
            cassettes.append(cassette)
            for (interaction, version, found, matchedByRoute) in resolved {
                guard let operation = found else { continue }
                var args: [String: String] = [:]
                var known = Set<String>()
                for parameter in operation.parameters ?? [] {
                    known.insert(parameter.location + " " + parameter.name)
                    switch parameter.location {
                    case "path":
                        if case .some(.some(let value)) = interaction.pathParams?[parameter.name] { args[parameter.name] = value.text }
                    case "query":
                        if let values = interaction.queryParams?[parameter.name], !values.isEmpty { args[parameter.name] = values.joined(separator: ",") }
                    case "header":
                        if let value = interaction.request.header(parameter.name) { args[parameter.name] = value }
                    default: break
                    }
                }
                let notes = interaction.queryOrder.filter { !known.contains("query " + $0) }
                    .map { "recorded query parameter \($0) is not a parameter of the operation" }
                var body = interaction.request.bodyFormat == "json" ? interaction.request.json?.compact : nil
                var form: Multipart.Arguments?
                var files: [String: Multipart.File]?
                if isMultipart(operation) {
                    let arguments = Multipart.arguments(operation, interaction, cassette)
                    for (name, value) in arguments.text { args[name] = value }
                    form = arguments
                    files = Dictionary(arguments.files.map { ($0.name, $0.file) }, uniquingKeysWith: { _, last in last })
                    body = nil
                }
                calls.append(Call(id: calls.count, cassette: index, interaction: interaction.index, version: version ?? "",
                                  operationId: operation.operationID ?? "", args: args, body: body, files: files))
                meta.append(Meta(cassette: cassettes.count - 1, role: interaction.role ?? "", interaction: interaction,
                                 operation: operation, notes: notes, form: form))
                if matchedByRoute {
                    byRoute.append((name, PythonText.optional(interaction.operationID), PythonText.optional(operation.operationID)))
                }
            }
        }
        paged = pagedCalls()
    }

    /// One `…Paginated` call per scenario with `main_page` interactions, with the main call's arguments.
    func pagedCalls() -> [Call] {
        var out: [Call] = []
        var byCassette: [Int: [Int]] = [:]
        for (position, call) in calls.enumerated() { byCassette[call.cassette, default: []].append(position) }
        for cassette in byCassette.keys.sorted() {
            let items = byCassette[cassette] ?? []
            guard items.contains(where: { meta[$0].role == "main_page" }) else { continue }
            var main = calls[items.first { meta[$0].role == "main" } ?? items[0]]
            main.id = calls.count + out.count
            main.operationId += "Paginated"
            main.pages = items.map { calls[$0].interaction }
            out.append(main)
        }
        return out
    }

    /// The harness's input: the served cassettes, the calls and the `…Paginated` calls, and the
    /// operations to enable as unstable (every harness function's key).
    public func input(unstable: [String]) throws -> Data {
        struct Input: Encodable {
            var cassettes: [ServedCassette]
            var calls: [Call]
            var unstable: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Input(cassettes: served, calls: calls + paged,
                                        unstable: unstable.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }))
    }

    static func nonEmpty(_ s: String?) -> String? { s?.isEmpty == false ? s : nil }

    static func trimmingSlashes(_ s: String) -> String {
        String(s.reversed().drop(while: { $0 == "/" }).reversed())
    }

    /// The path of a URL split at `/`, each segment percent-decoded.
    static func urlSegments(_ url: String) -> [String] {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return rest.split(separator: "/", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
    }
}
