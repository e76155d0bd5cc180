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
        /// Files that could not be written (path, reason): the others are written all the same,
        /// and an earlier version of a failed file, if any, stays in place.
        public var failures: [(path: String, problem: String)] = []
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

    /// Writes changed files and removes stale ones, never leaving a file half-written: every
    /// changed file is first written into a staging folder beside the output, then renamed into
    /// place (a rename is atomic). A file that cannot be written or moved is listed in
    /// ``Summary/failures`` and every other file is still written. A new (or empty) output folder
    /// is staged whole and put in place with a single rename. Throws only when the output folder
    /// itself cannot be used.
    public func write(_ files: [String: String]) throws -> Summary {
        let manager = FileManager.default
        let existing = try? manager.contentsOfDirectory(atPath: directory.path)
        if existing?.isEmpty ?? true {
            return try writeFresh(files)
        }
        var summary = plan(files)
        guard !summary.written.isEmpty || !summary.removed.isEmpty else { return summary }
        let staging = directory.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        defer { try? manager.removeItem(at: staging) }

        var failures = stage(summary.written, of: files, in: staging)
        var failedFolders: [String: String] = [:]
        for folder in Set(summary.written.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            do {
                try manager.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                failedFolders[folder] = "cannot create the folder: \(Self.reason(error))"
            }
        }
        var written: [String] = []
        for path in summary.written {
            if failures[path] != nil { continue }
            if let problem = failedFolders[(path as NSString).deletingLastPathComponent] { failures[path] = problem; continue }
            let target = directory.appendingPathComponent(path).path
            guard rename(staging.appendingPathComponent(path).path, target) == 0 else {
                failures[path] = "cannot move the generated file into place: " + String(cString: strerror(errno))
                continue
            }
            written.append(path)
        }
        for path in summary.removed {
            try? manager.removeItem(at: directory.appendingPathComponent(path))
        }
        removeEmptiedFolders(of: summary.removed)
        summary.written = written
        summary.failures = failures.sorted { $0.key < $1.key }.map { (path: $0.key, problem: $0.value) }
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
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        let failures = stage(files.keys.sorted(), of: files, in: staging)
        summary.written = files.keys.sorted().filter { failures[$0] == nil }
        summary.failures = failures.sorted { $0.key < $1.key }.map { (path: $0.key, problem: $0.value) }
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

    /// Writes `paths` of `files` under `staging`, on all cores. Returns the files that could not be
    /// written, with the reason.
    private func stage(_ paths: [String], of files: [String: String], in staging: URL) -> [String: String] {
        let manager = FileManager.default
        var failures: [String: String] = [:]
        var failedFolders: [String: String] = [:]
        for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            do {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                failedFolders[folder] = "cannot create the folder: \(Self.reason(error))"
            }
        }
        let results = ParallelResults<String?>(count: paths.count)
        let stagingPath = staging.path
        let unusableFolders = failedFolders
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            if unusableFolders[(path as NSString).deletingLastPathComponent] != nil { results.set(index, nil); return }
            results.set(index, Self.writeFile(stagingPath + "/" + path, files[path] ?? "").map { "cannot write: " + $0 })
        }
        for (path, problem) in zip(paths, results.values()) {
            if let problem = problem ?? failedFolders[(path as NSString).deletingLastPathComponent] { failures[path] = problem }
        }
        return failures
    }

    /// The system's reason for a file-system error, without Foundation's wrapping.
    static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }

    /// The failures of a write as errors of the pages the files come from (``SDKRenderer/sources(_:)``),
    /// else of the output file itself.
    public func diagnostics(_ summary: Summary, sources: [String: SourceLocation]) -> [Diagnostic] {
        summary.failures.map { failure in
            let target = directory.appendingPathComponent(failure.path).path
            if let source = sources[failure.path] {
                return Diagnostic(.error, file: source.file, line: source.line, "\(target): \(failure.problem)")
            }
            return Diagnostic(.error, file: target, line: 1, failure.problem)
        }
    }
}
