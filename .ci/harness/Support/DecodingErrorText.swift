// Shared by the round trip and the replay: a decoding error as one line with its JSON path.

/// `$.data[0].id` for a coding path.
public func jsonPath(_ codingPath: [any CodingKey]) -> String {
    var s = "$"
    for key in codingPath {
        if let i = key.intValue { s += "[\(i)]" } else { s += "." + key.stringValue }
    }
    return s
}

/// The error's kind, where in the document it happened and the decoder's explanation.
public func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, let ctx):
        return "typeMismatch at \(jsonPath(ctx.codingPath)): expected \(type): \(ctx.debugDescription)"
    case .valueNotFound(let type, let ctx):
        return "valueNotFound at \(jsonPath(ctx.codingPath)): \(type): \(ctx.debugDescription)"
    case .keyNotFound(let key, let ctx):
        return "keyNotFound at \(jsonPath(ctx.codingPath + [key])): \(ctx.debugDescription)"
    case .dataCorrupted(let ctx):
        return "dataCorrupted at \(jsonPath(ctx.codingPath)): \(ctx.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}
