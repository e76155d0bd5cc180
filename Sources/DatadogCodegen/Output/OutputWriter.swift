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
            // Hidden folders (an interrupted run's staging folder) are not output.
            if relative.hasSuffix(".swift"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files.insert(relative)
            }
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

    /// Writes changed files and removes stale ones, never leaving the folder half-written: every
    /// changed file is first written into a staging folder beside the output, and only when all of
    /// them are written are they renamed into place (a rename is atomic). A failure before that
    /// leaves the output folder as it was. A new (or empty) output folder is staged whole and put in
    /// place with a single rename.
    public func write(_ files: [String: String]) throws -> Summary {
        let manager = FileManager.default
        let existing = try? manager.contentsOfDirectory(atPath: directory.path)
        if existing?.isEmpty ?? true {
            return try writeFresh(files)
        }
        let summary = plan(files)
        guard !summary.written.isEmpty || !summary.removed.isEmpty else { return summary }
        let staging = directory.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        defer { try? manager.removeItem(at: staging) }

        for folder in Set(summary.written.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            try manager.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try stage(summary.written, of: files, in: staging)
        for path in summary.written {
            let target = directory.appendingPathComponent(path).path
            guard rename(staging.appendingPathComponent(path).path, target) == 0 else {
                throw GeneratorError(description: "\(target): error: cannot move the generated file into place (errno \(errno))")
            }
        }
        for path in summary.removed {
            try? manager.removeItem(at: directory.appendingPathComponent(path))
        }
        removeEmptiedFolders(of: summary.removed)
        return summary
    }

    /// Writes every file into a staging folder beside the (absent or empty) output folder, then
    /// renames the staging folder into place.
    private func writeFresh(_ files: [String: String]) throws -> Summary {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        defer { try? manager.removeItem(at: staging) }
        var summary = Summary()
        summary.written = files.keys.sorted()
        try stage(summary.written, of: files, in: staging)
        guard rename(staging.path, directory.path) == 0 else {
            throw GeneratorError(description: "\(directory.path): error: cannot move the generated folder into place (errno \(errno))")
        }
        return summary
    }

    /// Writes a new file with plain POSIX calls: no `fsync` per file (Foundation's `Data.write`
    /// syncs each one), as the staging folder only becomes the output by a rename at the end.
    static func writeFile(_ path: String, _ text: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var text = text
        return text.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// Removes the folders (below the output folder) that removing `paths` left empty, deepest
    /// first, so that a module no longer generated leaves no empty folder behind.
    private func removeEmptiedFolders(of paths: [String]) {
        var folders: Set<String> = []
        for path in paths {
            let components = path.split(separator: "/").dropLast()
            for depth in components.indices { folders.insert(components[...depth].joined(separator: "/")) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = directory.appendingPathComponent(folder)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Writes `paths` of `files` under `staging`, on all cores.
    private func stage(_ paths: [String], of files: [String: String], in staging: URL) throws {
        let manager = FileManager.default
        for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let failures = ParallelResults<String>(count: paths.count)
        let stagingPath = staging.path
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            if let problem = Self.writeFile(stagingPath + "/" + path, files[path] ?? "") {
                failures.set(index, "\(directory.appendingPathComponent(path).path): error: cannot write: \(problem)")
            }
        }
        if let failure = failures.values().first { throw GeneratorError(description: failure) }
    }
}
