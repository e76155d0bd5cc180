/// The round trip's generated sources (`RoundTrip/Generated/` of the harness package): one
/// `switch` per chunk of type names that decodes an example into the type and encodes it back,
/// and `roundTripDispatch`, which `RoundTrip/main.swift` calls.
enum RoundTripHarness {
    /// Type names per `switch` (one function each keeps the type checker's memory bounded).
    static let chunkSize = 250

    /// The files for `types` (qualified names; excluded ones already left out).
    static func files(types: [String], imports: [String]) -> [HarnessFile] {
        let sorted = Set(types).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var chunks = stride(from: 0, to: sorted.count, by: chunkSize).map { Array(sorted[$0..<min($0 + chunkSize, sorted.count)]) }
        if chunks.isEmpty { chunks = [[]] }
        var files: [HarnessFile] = []
        for (index, names) in chunks.enumerated() {
            var file = HarnessFile(name: "Table\(index).swift", imports: imports)
            file.append("func roundTrip\(index)(_ type: String, _ data: Data) throws -> Data? {")
            file.append("    switch type {")
            for name in names {
                file.append("    case \(SwiftQualifier.literal(name)): return try reencode(\(name).self, data)", for: [name])
            }
            file.append("    default: return nil")
            file.append("    }")
            file.append("}")
            files.append(file)
        }
        var dispatch = HarnessFile(name: "Dispatch.swift", imports: [])
        dispatch.append("/// The re-encoded example, nil when no table has the type.")
        dispatch.append("func roundTripDispatch(_ type: String, _ data: Data) throws -> Data? {")
        for index in chunks.indices {
            dispatch.append("    if let out = try roundTrip\(index)(type, data) { return out }")
        }
        dispatch.append("    return nil")
        dispatch.append("}")
        files.append(dispatch)
        return files
    }
}
