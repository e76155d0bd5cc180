import Foundation

/// The request the SDK sent against the recorded one: method, path, every query item, the JSON body
/// (or the multipart parts), the body's media type.
enum RequestComparison {
    static func differences(_ sent: ReplayOutput.Request, _ meta: ReplayCalls.Meta) -> [String] {
        let recorded = meta.interaction
        var out: [String] = []
        if sent.method != recorded.method {
            out.append("request: method \(sent.method), recorded \(PythonText.optional(recorded.method))")
        }
        let (segments, items) = splitTarget(sent.target)
        let want = ReplayCalls.urlSegments(recorded.url ?? "")
        if segments != want {
            out.append("request: path \(segments.joined(separator: "/")), recorded \(want.joined(separator: "/"))")
        }
        var got: [String: [String]] = [:]
        for (key, value) in items { got[key, default: []].append(value) }
        let wanted = recorded.queryParams ?? [:]
        for key in Set(got.keys).union(wanted.keys).sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            let g = got[key], w = wanted[key]
            if g == w { continue }
            if let g, w == nil {
                out.append("request: query \(key)=\(g.joined(separator: ",")) sent, not recorded")
            } else if let w, g == nil {
                let hints = meta.notes.filter { $0.contains(" \(key) ") }
                out.append("request: query \(key)=\(w.joined(separator: ",")) recorded, not sent" + (hints.isEmpty ? "" : "; " + hints.joined(separator: "; ")))
            } else if let g, let w {
                out.append("request: query \(key): sent \(PythonText.list(ordered: g.map(PythonText.repr))), recorded \(PythonText.list(ordered: w.map(PythonText.repr)))")
            }
        }
        let body = Data(base64Encoded: sent.bodyB64 ?? "") ?? Data()
        let request = recorded.request
        if let form = meta.form {
            out += Multipart.differences(sentContentType: sent.contentType, sentBody: body, arguments: form, recordedRequest: request)
        } else if request.bodyFormat == "json" {
            if body.isEmpty {
                out.append("request: no body sent, recorded a JSON body")
            } else if String(data: body, encoding: .utf8) == nil {
                out.append("request: body is not JSON (\(PythonText.bytes(body.prefix(60))))")
            } else if let document = try? OrderedJSON.parse(body) {
                if let difference = RecordedJSON.difference(request.json, document) { out.append("request: body " + difference) }
            } else {
                out.append("request: body is not JSON (\(PythonText.bytes(body.prefix(60))))")
            }
        } else if request.bodyFormat == "empty" && !body.isEmpty {
            out.append("request: body sent (\(body.count) bytes), none recorded")
        }
        let recordedType = Multipart.mediaType(request.header("content-type")), sentType = Multipart.mediaType(sent.contentType)
        if !body.isEmpty, let recordedType, recordedType != sentType {
            out.append("request: content type \(PythonText.optional(sentType)), recorded \(recordedType)")
        }
        return out
    }

    /// `/a/b%2Fc?x=1&y=a+b` → (["", "a", "b/c"], [("x", "1"), ("y", "a b")])
    static func splitTarget(_ target: String) -> ([String], [(String, String)]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let segments = parts[0].split(separator: "/", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
        var items: [(String, String)] = []
        if parts.count > 1, !parts[1].isEmpty {
            for item in parts[1].split(separator: "&", omittingEmptySubsequences: false) {
                let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ s: Substring) -> String {
                    let plus = s.replacingOccurrences(of: "+", with: " ")
                    return plus.removingPercentEncoding ?? plus
                }
                items.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
            }
        }
        return (segments, items)
    }
}
