import Foundation

/// The key paths present in a table's JSON example: the page's own evidence of nesting.
///
/// Paths are field names joined by `/`; array elements share their array's path, and oneOf
/// options do not appear (the JSON shows the option's fields directly).
struct ExampleEvidence {
    private(set) var paths: Set<String> = []
    /// Paths that are JSON objects in the example (so a missing key there is evidence too).
    private(set) var objects: Set<String> = []
    /// Paths whose values are all integers (or the page's `"integer"` placeholder).
    var integers: Set<String> { integerPaths.subtracting(otherScalarPaths) }
    private var integerPaths: Set<String> = []
    private var otherScalarPaths: Set<String> = []

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
        } else if Self.isInteger(value) {
            integerPaths.insert(path)
        } else {
            otherScalarPaths.insert(path)
        }
    }

    /// A JSON integer (not a boolean, not a fraction), or the `"integer"` placeholder pages print.
    static func isInteger(_ value: Any) -> Bool {
        if let text = value as? String { return text == "integer" || text.hasPrefix("int") && Int(text.dropFirst(3)) != nil }
        guard let number = value as? NSNumber else { return false }
        return ["i", "q", "l", "s", "I", "Q", "L", "S"].contains(String(cString: number.objCType))
    }
}
