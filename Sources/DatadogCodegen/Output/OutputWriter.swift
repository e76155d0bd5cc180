import Foundation

/// Stage 6: writes generated files, touching only what changed.
public struct OutputWriter: Sendable {
    /// What a write changed (or would change), as paths relative to the output folder.
    public struct Summary: Sendable {
        /// Files that are new or whose content changed, sorted.
        public var written: [String] = []
        /// Stale `.swift` files that are no longer generated, sorted.
        public var removed: [String] = []
        /// Number of files whose content was already identical.
        public var unchanged = 0
        /// Written and removed files together.
        public var changed: [String] { written + removed }

        /// Creates an empty summary.
        public init() {}
    }

    /// The output folder.
    public let directory: URL

    /// Creates a writer for the output folder `directory`.
    public init(directory: URL) { self.directory = directory }

    /// The `.swift` files currently under the output folder, relative to it.
    public func existingFiles() -> Set<String> {
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
        let sorted = files.sorted(by: { $0.key < $1.key })
        let same = ParallelResults<Bool>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: sorted.count) { index in
            let url = directory.appendingPathComponent(sorted[index].key)
            let existing = try? Data(contentsOf: url)
            same.set(index, existing.map { $0.elementsEqual(sorted[index].value.utf8) } ?? false)
        }
        for ((path, _), unchanged) in zip(sorted, same.values()) {
            if unchanged { summary.unchanged += 1 } else { summary.written.append(path) }
        }
        summary.removed = existingFiles().subtracting(files.keys).sorted()
        return summary
    }

    /// Writes changed files atomically (temporary file, then rename) and removes stale ones.
    public func write(_ files: [String: String]) throws -> Summary {
        let summary = plan(files)
        let manager = FileManager.default
        let folders = Set(summary.written.map { directory.appendingPathComponent($0).deletingLastPathComponent().path })
        for folder in folders.sorted() {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let failures = ParallelResults<String>(count: summary.written.count)
        DispatchQueue.concurrentPerform(iterations: summary.written.count) { index in
            let path = summary.written[index]
            do {
                try Data((files[path] ?? "").utf8).write(to: directory.appendingPathComponent(path), options: .atomic)
            } catch {
                failures.set(index, "\(directory.appendingPathComponent(path).path): error: cannot write: \(error)")
            }
        }
        if let failure = failures.values().first { throw GeneratorError(description: failure) }
        for path in summary.removed {
            try? manager.removeItem(at: directory.appendingPathComponent(path))
        }
        return summary
    }
}
