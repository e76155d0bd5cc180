import Foundation

/// The kind of a replay failure, from its reason (array indices folded), for the breakdowns under
/// figure 6; and the client's decoding error as one short line.
enum ReplayCategory {
    /// `decode T: DecodingError.typeMismatch: … Path: a[0].b. Debug description: …` →
    /// `decode T: typeMismatch at $.a[0].b: Expected to decode String but found number`
    static func decodeErrorSummary(_ text: String) -> String {
        guard let m = Regex.match("decode (\\S+): DecodingError\\.(\\w+): (.*?)(?:\\.? Path: (.*?))?(?:\\. Debug description: (.*))?$",
                                  text, anchored: true, options: [.dotMatchesLineSeparators]) else {
            return prefix(text, 300)
        }
        let type = m[1] ?? "", kind = m[2] ?? ""
        let rawPath = m[4] ?? ""
        let path = "$" + (rawPath.isEmpty ? "" : (rawPath.hasPrefix("[") ? "" : ".") + rawPath)
        var message = String(strip(m[3] ?? "").reversed().drop(while: { $0 == "." }).reversed())
        if kind == "dataCorrupted", let debug = m[5], !debug.isEmpty {
            message = message.isEmpty ? strip(debug) : message + ": " + strip(debug)
        }
        return prefix("decode \(type): \(kind) at \(path): \(message)", 400)
    }

    static func strip(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The first `n` characters (code points, as the messages were always cut).
    static func prefix(_ s: String, _ n: Int) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix(n)))
    }

    static func decode(_ prefix: String, _ reason: String) -> String {
        guard let m = Regex.match("decode \\S+: (\\w+) at \\S+: (.*)", reason, anchored: true, options: [.dotMatchesLineSeparators]),
              let kind = m[1], let message = m[2] else {
            return prefix + " (other)"
        }
        if kind == "valueNotFound" && message.contains("found null") {
            var what = (Regex.match("of type (.*?) but", message)?[1] ?? nil) ?? "a value"
            what = ["Dictionary<String, Any>": "an object", "Array<Any>": "an array"][what] ?? what
            return "\(prefix) valueNotFound: null where \(what) is required"
        }
        if kind == "typeMismatch",
           let mm = Regex.match("[Ee]xpected to decode (.*?) but found (an? \\w+|[\\w ]+?)(?: instead)?$", message), let a = mm[1], let b = mm[2] {
            return "\(prefix) typeMismatch: expected \(a), found \(b)"
        }
        if kind == "keyNotFound" { return "\(prefix) keyNotFound: required key absent" }
        let folded = Regex.replace("'[^']*'|\"[^\"]*\"|\\d+", in: message, with: "…")
        return "\(prefix) \(kind): \(Self.prefix(folded, 80))"
    }

    /// How two JSON documents differ, from a comparison message (nil: no known kind).
    static func jsonChange(_ r: String, arrays: Bool = true) -> String? {
        if r.contains("dropped") { return "value dropped" }
        if r.contains("added") { return "value added" }
        if Regex.contains("\"\\d{4}-\\d\\d-\\d\\d", r) { return "date-time text changed" }
        if r.contains("number") { return "number changed" }
        if arrays && r.contains("array of") { return "array length changed" }
        return nil
    }

    static func of(_ reason: String) -> String {
        let r = Regex.replace("\\[\\d+\\]", in: reason, with: "[]")
        if r.hasPrefix("response: decode") { return decode("response decode", String(r.dropFirst("response: ".count))) }
        if r.hasPrefix("response: re-encoded") || r.hasPrefix("response: errorResponse re-encoded") {
            let head = r.hasPrefix("response: re-") ? "response re-encode" : "errorResponse re-encode"
            return "\(head): " + (jsonChange(r) ?? "value changed")
        }
        if r.hasPrefix("request: body") {
            return "request body: " + (jsonChange(r, arrays: false) ?? (r.contains("not JSON") ? "not JSON" : "value changed"))
        }
        if r.hasPrefix("request: query") {
            if r.contains("not a parameter of the operation") { return "request query: recorded parameter unknown to the operation" }
            if r.contains("recorded, not sent") { return "request query: recorded, not sent" }
            if r.contains("sent, not recorded") { return "request query: sent, not recorded" }
            return "request query: value differs"
        }
        if r.hasPrefix("request: path") { return "request path differs" }
        if r.hasPrefix("request:") {
            let first = String(r.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)[0])
            return prefix(Regex.replace("\\(.*\\)|\\d+", in: first, with: "N"), 80)
        }
        if r.hasPrefix("argument:") {
            if r.contains("=") { return "argument: value not convertible" }
            return prefix(Regex.replace("(parameter|argument:) \\S+", in: r, with: "$1 X"), 80)
        }
        if r.hasPrefix("request body does not decode") {
            let rest = r.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
            return decode("request body decode", "decode X: " + rest)
        }
        if r.hasPrefix("assertion:") {
            let parts = r.split(separator: ":", omittingEmptySubsequences: false)
            return "assertion: " + strip(parts.count > 1 ? String(parts[1]) : "")
        }
        if r.hasPrefix("harness:") { return prefix(Regex.replace("[\\w.]+\\.\\w+$", in: r, with: "X"), 80) }
        if r.hasPrefix("response:") {
            return prefix(Regex.replace("\\d{3}", in: Regex.replace("\\(.*", in: r, with: ""), with: "N"), 90)
        }
        return prefix(r, 80)
    }
}
