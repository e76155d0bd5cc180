/// Official names spread from the rows the examples name to every copy of the same schema.
///
/// The pages render a schema the same way wherever it appears, so a table signature (the row's
/// own type cell, description and enum values, and its child rows) identifies the schema. A name
/// learned from the examples on one row (the Python body's constructors and enums, the request
/// and response roots) names every row with that signature: the copies on the same page first,
/// else those in the same folder (tag), else anywhere in the API version. When one scope holds
/// two names for a signature (identical tables of different schemas, e.g. a nullable and a
/// plain relationship), the row keeps its convention name.
struct NameSpreading: Sendable {
    /// Signature → page file → names learned there.
    private var names: [String: [String: Set<String>]] = [:]

    /// One name learned from the examples.
    struct Learned: Sendable {
        var signature: String
        var file: String
        var name: String
    }

    /// Signature → folder → names learned in that folder's pages.
    private var namesByFolder: [String: [Substring: Set<String>]] = [:]
    /// Signature → every name learned for it.
    private var namesEverywhere: [String: Set<String>] = [:]

    init(_ learned: [Learned]) {
        for item in learned {
            names[item.signature, default: [:]][item.file, default: []].insert(item.name)
            namesByFolder[item.signature, default: [:]][Self.folder(item.file), default: []].insert(item.name)
            namesEverywhere[item.signature, default: []].insert(item.name)
        }
    }

    /// The name the closest scope agrees on for `signature`, seen from the page `file`.
    func name(for signature: String, file: String) -> String? {
        guard let byFile = names[signature] else { return nil }
        if let own = byFile[file] { return own.count == 1 ? own.first : nil }
        if let inFolder = namesByFolder[signature]?[Self.folder(file)], !inFolder.isEmpty {
            return inFolder.count == 1 ? inFolder.first : nil
        }
        let everywhere = namesEverywhere[signature] ?? []
        return everywhere.count == 1 ? everywhere.first : nil
    }

    static func folder(_ file: String) -> Substring {
        file.lastIndex(of: "/").map { file[..<$0] } ?? ""
    }

    /// The table signature of a row. Array brackets are left out of the type cell, so a schema
    /// met as an array's element and as a field reads the same.
    static func signature(_ node: FieldNode) -> String {
        func cell(_ text: String) -> String { String(text.filter { $0 != "[" && $0 != "]" && $0 != " " }) }
        var parts = [cell(node.typeCell), node.description, (node.enumValues ?? []).joined(separator: ",")]
        for child in node.children {
            parts.append([child.name, child.typeCell, child.required ? "!" : "?", child.description,
                          (child.enumValues ?? []).joined(separator: ",")].joined(separator: "\u{1}"))
        }
        return parts.joined(separator: "\u{2}")
    }
}
