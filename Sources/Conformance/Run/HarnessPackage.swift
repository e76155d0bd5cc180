import Foundation

/// The harness package's generated SDK: the generator's output for the pages measured, synced into
/// `.ci/harness/SDK/<harness target>` touching only changed files (re-runs build incrementally).
enum HarnessPackage {
    /// `targets`: `[module, harness target]` from the harness report. Returns the modules synced.
    static func prepare(package: URL, generated: URL, targets: [[String]], repository: URL) throws -> [String] {
        let fm = FileManager.default
        let sdk = package.appendingPathComponent("SDK")
        try fm.createDirectory(at: sdk, withIntermediateDirectories: true)
        var modules: [String] = [], kept = Set<String>()
        for pair in targets where pair.count == 2 {
            var isDirectory: ObjCBool = false
            let source = generated.appendingPathComponent(pair[0])
            guard fm.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            try sync(source, into: sdk.appendingPathComponent(pair[1]))
            modules.append(pair[0])
            kept.insert(pair[1])
        }
        for name in try fm.contentsOfDirectory(atPath: sdk.path) where !kept.contains(name) {
            try fm.removeItem(at: sdk.appendingPathComponent(name))
        }
        // pin the dependencies like the root package, so that no new resolution is needed
        let resolved = repository.appendingPathComponent("Package.resolved"), pinned = package.appendingPathComponent("Package.resolved")
        if fm.fileExists(atPath: resolved.path) && !fm.fileExists(atPath: pinned.path) {
            try fm.copyItem(at: resolved, to: pinned)
        }
        return modules
    }

    /// Copies `source` over `destination` writing only files whose content changed; removes the rest
    /// and the folders left empty.
    static func sync(_ source: URL, into destination: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        let wanted = Files.below(source)
        for relative in wanted {
            let target = destination.appendingPathComponent(relative)
            let data = try Data(contentsOf: source.appendingPathComponent(relative))
            if (try? Data(contentsOf: target)) == data { continue }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        let keep = Set(wanted)
        for relative in Files.below(destination) where !keep.contains(relative) {
            try fm.removeItem(at: destination.appendingPathComponent(relative))
        }
        // empty folders, deepest first
        let folders = (fm.enumerator(atPath: destination.path)?.allObjects as? [String] ?? []).filter { relative in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: destination.appendingPathComponent(relative).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted { $0.count > $1.count }
        for relative in folders where (try? fm.contentsOfDirectory(atPath: destination.appendingPathComponent(relative).path))?.isEmpty == true {
            try fm.removeItem(at: destination.appendingPathComponent(relative))
        }
    }
}
