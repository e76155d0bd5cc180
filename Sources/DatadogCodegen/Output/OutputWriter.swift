import Foundation

/// Stage 6: writes generated files, touching only what changed.
public struct OutputWriter {
    public struct Summary: Sendable {
        public var written: [String] = []
        public var removed: [String] = []
        public var unchanged = 0
        public var changed: [String] { written + removed }
    }

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The `.swift` files currently under the output folder, relative to it.
    func existingFiles() -> Set<String> {
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: Set<String> = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".swift") { files.insert(relative) }
        }
        return files
    }

    /// What writing `files` would change, without writing.
    public func plan(_ files: [String: String]) -> Summary {
        var summary = Summary()
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(path)
            if let existing = try? Data(contentsOf: url), existing == Data(contents.utf8) {
                summary.unchanged += 1
            } else {
                summary.written.append(path)
            }
        }
        summary.removed = existingFiles().subtracting(files.keys).sorted()
        return summary
    }

    /// Writes changed files atomically (temporary file, then rename) and removes stale ones.
    public func write(_ files: [String: String]) throws -> Summary {
        let summary = plan(files)
        let manager = FileManager.default
        for path in summary.written {
            let url = directory.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((files[path] ?? "").utf8).write(to: url, options: .atomic)
        }
        for path in summary.removed {
            try? manager.removeItem(at: directory.appendingPathComponent(path))
        }
        return summary
    }
}
