import Foundation

/// The page examples the round trip checks (figure 5): every JSON request or response example
/// whose body has a model type, to be decoded into that type and encoded back.
public struct RoundTripExamples: Sendable {
    public struct Example: Codable, Sendable {
        enum CodingKeys: String, CodingKey {
            case id, page, line, label, operation, module, element, type, json
            case harnessType = "harness_type"
        }

        public var id: Int
        public var page: String
        public var line: Int
        /// `request` or `response <status>`.
        public var label: String
        /// `<version> <operationId>`.
        public var operation: String
        public var module: String
        /// The body is a list whose example shows one element: checked against the element type.
        public var element: Bool
        /// The Swift type, qualified by its module (for messages).
        public var type: String
        /// The Swift type as the harness names it (qualified by the module's harness target).
        public var harnessType: String
        public var json: String
    }

    /// Types never checked: no model to round-trip.
    static let skippedTypes: Set<String> = ["", "JSONValue", "String", "Data", "Void", "EmptyResponse"]

    public var examples: [Example] = []
    /// Why examples were left out, with counts, in first-seen order.
    public var skipped: [(reason: String, count: Int)] = []

    public init(_ dump: Dump) {
        let qualifier = SwiftQualifier(dump)
        var skipCounts: [String: Int] = [:]
        var skipOrder: [String] = []
        func skip(_ reason: String) {
            if skipCounts[reason] == nil { skipOrder.append(reason) }
            skipCounts[reason, default: 0] += 1
        }
        for page in dump.pages {
            for operation in page.operations {
                let module = operation.swiftModule ?? (operation.version == "v1" ? "DatadogV1" : "DatadogV2")
                var bodies: [(String, Dump.Body)] = []
                if let request = operation.request { bodies.append(("request", request)) }
                for response in operation.responses ?? [] {
                    bodies.append(("response \(response.status?.description ?? "None")", response))
                }
                for (label, body) in bodies {
                    guard let example = body.example, !example.isEmpty else { continue }
                    if label == "request", let encoding = body.encoding, encoding != "json" {
                        skip("request encoding \(encoding)")
                        continue
                    }
                    let bare = body.swiftType.map(SwiftQualifier.strippingOptional)
                    guard let bare, !Self.skippedTypes.contains(bare) else {
                        skip("swift_type \(body.swiftType ?? "None")")
                        continue
                    }
                    guard let value = try? JSONSerialization.jsonObject(with: Data(example.utf8), options: [.fragmentsAllowed]) else {
                        skip("example is not JSON")
                        continue
                    }
                    // A list whose page example shows a single element (the pages render the items'
                    // example): the element is what the example can be checked against.
                    var target = bare
                    let element = SwiftQualifier.arrayElement(bare) != nil && value is [String: Any]
                    if element, let inner = SwiftQualifier.arrayElement(bare) { target = inner }
                    let line = [body.exampleLine, operation.line].compactMap { $0 }.first { $0 != 0 } ?? 0
                    examples.append(Example(
                        id: examples.count, page: page.file, line: line, label: label,
                        operation: "\(operation.version ?? "None") \(operation.operationID ?? "None")", module: module,
                        element: element, type: qualifier.qualify(target, in: module, target: false),
                        harnessType: qualifier.qualify(target, in: module), json: example))
                }
            }
        }
        skipped = skipOrder.map { ($0, skipCounts[$0] ?? 0) }
    }
}
