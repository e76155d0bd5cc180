import Foundation

/// The key paths present in a table's JSON example: the page's own evidence of nesting.
///
/// Paths are field names joined by `/`; array elements share their array's path, and oneOf
/// options do not appear (the JSON shows the option's fields directly).
struct ExampleEvidence {
    private(set) var paths: Set<String> = []
    /// Paths that are JSON objects in the example (so a missing key there is evidence too).
    private(set) var objects: Set<String> = []

    init(json: String?) {
        guard let json, let data = json.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        collect(value, path: "", depth: 0)
    }

    var isEmpty: Bool { paths.isEmpty }

    private mutating func collect(_ value: Any, path: String, depth: Int) {
        guard depth < 64 else { return }
        if let object = value as? [String: Any] {
            objects.insert(path)
            for (key, child) in object {
                let childPath = path.isEmpty ? key : path + "/" + key
                paths.insert(childPath)
                collect(child, path: childPath, depth: depth + 1)
            }
        } else if let array = value as? [Any] {
            for element in array.prefix(50) { collect(element, path: path, depth: depth + 1) }
        }
    }
}
