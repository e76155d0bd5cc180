import Foundation

/// Lets a run with nothing changed finish without parsing anything, the way build tools do:
/// a stamp in the output folder records what the last successful run read (input pages,
/// templates, options, the generator binary: paths, sizes, modification times) and what it
/// wrote (paths, sizes, modification times). When all of it is still the same, the output is
/// up to date.
public struct UpToDateStamp: Codable, Sendable, Equatable {
    /// Name of the stamp file inside the output folder.
    public static let fileName = ".datadog-codegen.json"

    /// What the run read.
    public var inputs: String
    /// What the run wrote: path → "size:mtime".
    public var outputs: [String: String]
    /// The summary line and warnings of that run, printed again when it is reused.
    public var summary: String
    /// The diagnostic lines of that run, printed again when it is reused.
    public var diagnostics: [String]

    /// Creates a stamp from a run's fingerprints and printed output.
    public init(inputs: String, outputs: [String: String], summary: String, diagnostics: [String]) {
        self.inputs = inputs
        self.outputs = outputs
        self.summary = summary
        self.diagnostics = diagnostics
    }

    /// The fingerprint of everything a run reads.
    public static func inputs(pages: URL, pageFiles: [String], templates: URL, options: [String]) -> String {
        var parts = options
        parts.append("generator " + fileStamp(runningExecutable().path))
        for file in pageFiles { parts.append(file + " " + fileStamp(pages.appendingPathComponent(file).path)) }
        let templateFiles = ((try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []).sorted()
        for file in templateFiles { parts.append("template " + file + " " + fileStamp(templates.appendingPathComponent(file).path)) }
        return parts.joined(separator: "\n")
    }

    /// The file of the running program, symbolic links resolved (a rebuilt generator is a new input).
    /// `Bundle.main.executableURL` on macOS and Linux alike; `CommandLine.arguments[0]` when it is absent.
    static func runningExecutable() -> URL {
        let url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return url.resolvingSymlinksInPath()
    }

    /// `size:mtime` (seconds and nanoseconds since 1970), or `-` when the file is missing.
    /// `stat` is 8 times faster than `FileManager.attributesOfItem` on the 4,737 files of the whole
    /// corpus (0.03 s against 0.25 s, which made the nothing-changed run 0.6 s instead of 0.2 s);
    /// Darwin names its modification time `st_mtimespec`, Glibc `st_mtim`.
    static func fileStamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// The `size:mtime` stamps of `files`, paths relative to `directory`.
    public static func outputs(in directory: URL, files: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0, fileStamp(directory.appendingPathComponent($0).path)) })
    }

    /// Reads the stamp from `directory`; nil when it is missing or unreadable.
    public static func load(from directory: URL) -> UpToDateStamp? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(UpToDateStamp.self, from: data)
    }

    /// Writes the stamp atomically into `directory`.
    public func save(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Whether the output folder still holds exactly what this stamp recorded for these inputs.
    public func isCurrent(inputs: String, directory: URL) -> Bool {
        guard inputs == self.inputs else { return false }
        let existing = OutputWriter(directory: directory).existingFiles()
        guard existing == Set(outputs.keys) else { return false }
        return Self.outputs(in: directory, files: Array(outputs.keys)) == outputs
    }
}
