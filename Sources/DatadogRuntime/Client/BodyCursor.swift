import Foundation

/// Moves the cursor of a request body that pages through its own fields (`{"page": {"cursor": …}}`),
/// for the `…Paginated` methods of searches that take the cursor in the body.
public enum BodyCursor {
    /// `body` with the string at `path` (JSON keys, outermost first) set to `cursor`.
    ///
    /// A `nil` cursor (the first page) leaves the body as given, so a cursor the caller put in
    /// the body is where paging starts. Objects missing on the path are created; a `nil` body
    /// starts from an empty object.
    ///
    /// - Throws: `DatadogClientError.decoding` when the rewritten body does not decode as `Body`
    ///   (a required field missing from a `nil` body), `EncodingError` when the body cannot be encoded.
    public static func setting<Body: Codable>(_ cursor: String?, at path: [String], in body: Body?) throws -> Body? {
        guard let cursor, !path.isEmpty else { return body }
        return try rewritten(body, cursor: cursor, at: path)
    }

    /// A required body with the cursor set (see the optional-body variant).
    public static func setting<Body: Codable>(_ cursor: String?, at path: [String], in body: Body) throws -> Body {
        guard let cursor, !path.isEmpty else { return body }
        return try rewritten(body, cursor: cursor, at: path)
    }

    private static func rewritten<Body: Codable>(_ body: Body?, cursor: String, at path: [String]) throws -> Body {
        var json = JSONValue.object([:])
        if let body {
            json = try DatadogJSON.makeDecoder().decode(JSONValue.self, from: DatadogJSON.makeEncoder().encode(body))
        }
        json = setting(.string(cursor), at: path[...], in: json)
        let data = try DatadogJSON.makeEncoder().encode(json)
        do {
            return try DatadogJSON.makeDecoder().decode(Body.self, from: data)
        } catch {
            throw DatadogClientError.decoding(type: String(describing: Body.self), underlying: String(describing: error), body: data)
        }
    }

    private static func setting(_ value: JSONValue, at path: ArraySlice<String>, in json: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var object: [String: JSONValue] = [:]
        if case .object(let existing) = json { object = existing }
        object[key] = setting(value, at: path.dropFirst(), in: object[key] ?? .null)
        return .object(object)
    }
}
