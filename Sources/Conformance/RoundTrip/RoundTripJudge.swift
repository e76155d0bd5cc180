import DatadogRuntime
import Foundation

/// Figure 5's judging: each example's re-encoding (the `RoundTrip` executable's output lines)
/// against the example, the failures by category, and `roundtrip: N passed, M failed`.
public struct RoundTripJudge: Sendable {
    /// One line of the `RoundTrip` executable's output.
    public struct Output: Decodable, Sendable {
        public var id: Int
        public var json: String?
        public var error: String?
    }

    public struct Failure: Sendable {
        public var example: RoundTripExamples.Example
        public var reason: String
    }

    /// Page examples that are a type's name (`"integer"`), not a value: no type can decode them.
    static let placeholders: Set<String> = ["integer", "number", "int64", "int32", "double", "float", "boolean", "object", "array"]

    public var passed = 0
    public var failures: [Failure] = []

    /// `excluded`: harness types dropped because they did not compile, with the compiler's message.
    public init(examples: [RoundTripExamples.Example], outputs: [Output], excluded: [String: String]) {
        let byID = Dictionary(outputs.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        for example in examples {
            let reason: String?
            if let message = excluded[example.harnessType] {
                reason = "harness: \(example.type) does not compile: \(message)"
            } else if let output = byID[example.id] {
                if let error = output.error {
                    reason = error
                } else {
                    reason = JSONComparison.difference(JSONComparison.parse(example.json), output.json.flatMap(JSONComparison.parse))
                }
            } else {
                reason = "no result (harness crashed before it?)"
            }
            if let reason { failures.append(Failure(example: example, reason: reason)) } else { passed += 1 }
        }
    }

    /// Failures whose example is a placeholder.
    public var placeholderFailures: Int {
        failures.filter { Self.category($0.reason, example: $0.example.json).hasSuffix("(page quirk)") }.count
    }

    /// The expected-failure list's items: `page | operation label` with the type and reason as detail.
    public var failing: [FailingItem] {
        failures.map { FailingItem("\($0.example.page) | \($0.example.operation) \($0.example.label)", "\($0.example.type): \($0.reason)") }
    }

    /// The printed report: every failure, the categories (biggest first, ties in order of appearance), the summary line.
    public func lines(build: String, run: String, crash: String?) -> [String] {
        var out: [String] = []
        if let crash { out.append("   harness crashed: \(crash)") }
        for failure in failures {
            out.append("\(failure.example.page):\(failure.example.line): \(failure.example.label) \(failure.example.type): \(failure.reason)")
        }
        var order: [String] = []
        var byCategory: [String: [Failure]] = [:]
        for failure in failures {
            let category = Self.category(failure.reason, example: failure.example.json)
            if byCategory[category] == nil { order.append(category) }
            byCategory[category, default: []].append(failure)
        }
        out.append("   harness build \(build)s, run \(run)s; failures by category:")
        let sorted = order.enumerated().sorted { a, b in
            let (ca, cb) = (byCategory[a.element]?.count ?? 0, byCategory[b.element]?.count ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        for category in sorted {
            let items = byCategory[category] ?? []
            let first = items[0]
            out.append("   " + String(repeating: " ", count: max(0, 6 - String(items.count).count)) + "\(items.count) \(category)")
            out.append("          e.g. \(first.example.page):\(first.example.line): \(first.example.type): \(String(first.reason.unicodeScalars.prefix(200)))")
        }
        out.append("roundtrip: \(passed) passed, \(failures.count) failed (\(placeholderFailures) of the failures are page-example placeholders no type could decode)")
        return out
    }

    /// The kind of a failure, from its reason (array indices folded).
    static func category(_ reason: String, example: String?) -> String {
        let r = Regex.replace("\\[\\d+\\]", in: reason, with: "[]")
        if r.hasPrefix("harness:") { return "harness: type does not compile / no entry" }
        if r.hasPrefix("decode:") {
            if let m = Regex.match("decode: typeMismatch at (\\S+): expected ([\\w<>, ]+?): (?:.*found (an? \\w+|\\w+))?", reason, anchored: true),
               let path = m[1], let expectedType = m[2] {
                let expected = expectedType.replacingOccurrences(of: "Dictionary<String, Any>", with: "object")
                    .replacingOccurrences(of: "Array<Any>", with: "array")
                if let example, case .string(let value)? = value(at: path, in: JSONComparison.parse(example)), placeholders.contains(value) {
                    return "example placeholder \(JSONComparison.quoted(value)) where \(expected) is expected (page quirk)"
                }
                return "decode typeMismatch: expected \(expected), found \(m[3] ?? "?")"
            }
            let kind = Regex.match("decode: (\\w+)", r, anchored: true)?[1] ?? "error"
            if kind == "valueNotFound" && r.contains("null") { return "decode valueNotFound: null where a value is required (not nullable)" }
            if kind == "keyNotFound" { return "decode keyNotFound: required key absent in the example" }
            return "decode \(kind)"
        }
        if r.hasPrefix("encode:") { return "encode error" }
        if r.contains("dropped") { return "value dropped" }
        if r.contains("added") { return "value added" }
        if Regex.contains("\"[-+0-9.eE]+\" became [-+0-9.eE]+$", r) { return "numeric-looking string re-encoded as a number" }
        if r.contains("number") { return "number changed" }
        if Regex.contains("\"\\d{4}-\\d\\d-\\d\\dT", r) { return "date-time string changed" }
        if r.contains("array of") { return "array length changed" }
        return "value changed"
    }

    /// The value at `$.a[0].b`, nil when absent.
    static func value(at path: String, in document: JSONValue?) -> JSONValue? {
        var current = document
        for step in Regex.all("\\.([^.\\[]+)|\\[(\\d+)\\]", String(path.dropFirst())) {
            if let key = step[1] {
                guard case .object(let members)? = current else { return nil }
                current = members[key]
            } else if let index = step[2].flatMap({ Int($0) }) {
                guard case .array(let items)? = current, index < items.count else { return nil }
                current = items[index]
            }
        }
        return current
    }
}
