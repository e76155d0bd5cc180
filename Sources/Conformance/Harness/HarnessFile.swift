import Foundation

/// One rendered source file of a harness, and which lines belong to what (so that a compile error
/// can drop the item it was written for).
struct HarnessFile: Sendable {
    var name: String
    var lines: [String] = []
    /// 1-based line → the keys (type names, operation keys) the line was written for.
    var owners: [Int: [String]] = [:]

    init(name: String, imports: [String]) {
        self.name = name
        lines = ["// Written by datadog-codegen-conformance harness. Do not edit.", "import Foundation", "import DatadogRuntime"]
            + imports.map { "import \($0)" } + [""]
    }

    mutating func append(_ line: String, for keys: [String] = []) {
        lines.append(line)
        if !keys.isEmpty { owners[lines.count] = keys }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Writes `files` into `folder` (only those whose text changed, keeping incremental builds) and
    /// removes the folder's other `.swift` files.
    static func write(_ files: [HarnessFile], into folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            let data = Data(file.text.utf8)
            if (try? Data(contentsOf: url)) != data { try data.write(to: url) }
        }
        let wanted = Set(files.map(\.name))
        for name in try fm.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") && !wanted.contains(name) {
            try fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// `"<file>:<line>"` → keys, for every file.
    static func lineOwners(_ files: [HarnessFile]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for file in files {
            for (line, keys) in file.owners { out["\(file.name):\(line)"] = keys }
        }
        return out
    }
}
