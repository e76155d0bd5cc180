import Foundation

/// Type-checks a generated SDK against the built runtime: each module folder's files go through
/// `swiftc -typecheck -wmo` with the runtime's `.swiftmodule` (and swift-log's, which it imports) on
/// the search path, and the folders of the C modules the runtime imports (`CZlib`'s module map,
/// which SwiftPM does not copy into the build folder), in the package's language mode.
public struct SDKTypeCheck: Sendable {
    /// The folder holding `DatadogRuntime.swiftmodule` and `Logging.swiftmodule`.
    public let modules: URL
    /// Folders holding the `module.modulemap` of the runtime's C dependencies.
    public let moduleMapFolders: [URL]

    /// A checker using the runtime modules in `modules`; the C modules' maps are looked up in the
    /// package that `modules` was built in (`Sources/CZlib`) unless given.
    public init(modules: URL, moduleMapFolders: [URL]? = nil) {
        self.modules = modules
        self.moduleMapFolders = moduleMapFolders ?? Self.systemLibraryFolders(above: modules)
    }

    /// `Sources/CZlib` of the first folder above `modules` (at most six levels) that has it.
    static func systemLibraryFolders(above modules: URL) -> [URL] {
        var folder = modules.resolvingSymlinksInPath()
        for _ in 0..<6 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Sources/CZlib")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("module.modulemap").path) {
                return [candidate]
            }
        }
        return []
    }

    /// The runtime modules of the build the running executable (or test bundle) belongs to:
    /// `$DATADOG_RUNTIME_MODULES`, else `<build folder>/Modules` (SwiftPM 5.9 and later), else the
    /// build folder itself. Throws with what to do when none holds `DatadogRuntime.swiftmodule`.
    /// `folder` is where to start looking (a test bundle's URL); default: the executable's folder.
    public static func locate(from folder: URL? = nil) throws -> SDKTypeCheck {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["DATADOG_RUNTIME_MODULES"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        var folder = folder
            ?? (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
        // From a test bundle (`<build>/….xctest` on macOS), climb to the build folder.
        for _ in 0..<4 {
            candidates += [folder.appendingPathComponent("Modules"), folder]
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("DatadogRuntime.swiftmodule").path) {
            return SDKTypeCheck(modules: candidate)
        }
        throw TypeCheckError(description: """
            error: cannot find the built DatadogRuntime module (DatadogRuntime.swiftmodule) in \
            \(candidates.prefix(2).map { $0.path }.joined(separator: " or ")); build it with the same configuration \
            (`swift build --target DatadogRuntime`, add `-c release` for a release build) or set \
            DATADOG_RUNTIME_MODULES to the folder that holds it
            """)
    }

    /// One module that did not type-check: its name and the compiler's first error lines.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The module (top folder of the generated files).
        public var module: String
        /// The compiler's `error:` lines (at most 20), or how it failed to run.
        public var errors: [String]
        public var description: String { "\(module): " + errors.joined(separator: "\n  ") }
    }

    /// Writes `files` (path relative to the output folder → text) under a temporary folder and
    /// type-checks every module (top-level folder) separately, two at a time. Empty when all pass.
    public func check(_ files: [String: String]) -> [Failure] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-typecheck-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var byModule: [String: [String]] = [:]
        for (path, text) in files where path.hasSuffix(".swift") {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try Data(text.utf8).write(to: url) } catch {
                return [Failure(module: path, errors: ["cannot write \(url.path): \(error)"])]
            }
            if let module = path.split(separator: "/").first, path.contains("/") { byModule[String(module), default: []].append(url.path) }
        }
        let modules = byModule.keys.sorted()
        let filesByModule = byModule
        let results = Results(count: modules.count)
        DispatchQueue.concurrentPerform(iterations: modules.count) { index in
            let module = modules[index]
            results.set(index, typecheck(module: module, files: filesByModule[module]!.sorted()))
        }
        return results.values.compactMap { $0 }
    }

    func typecheck(module: String, files: [String]) -> Failure? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // The file list goes in a response file: thousands of long paths can exceed the command line's limit.
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-typecheck-\(getpid())-\(UUID().uuidString).rsp")
        defer { try? FileManager.default.removeItem(at: list) }
        let quoted = files.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        do { try Data(quoted.joined(separator: "\n").utf8).write(to: list) } catch {
            return Failure(module: module, errors: ["cannot write \(list.path): \(error)"])
        }
        // `-wmo`: one frontend type-checks the whole module. Without it the driver starts one frontend per
        // file, each parsing every file again: 12 s instead of 1 s for the 94 files of Generated/DatadogV2,
        // and hours for the 3,642 of all of ../shared (45 min for the first 1,092 on the busy machine).
        process.arguments = ["swiftc", "-typecheck", "-wmo", "-swift-version", "6", "-module-name", module, "-I", modules.path]
            + moduleMapFolders.flatMap { ["-I", $0.path] } + ["@" + list.path]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-typecheck-\(getpid())-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        guard let handle = try? FileHandle(forWritingTo: output) else { return Failure(module: module, errors: ["cannot create \(output.path)"]) }
        process.standardError = handle
        process.standardOutput = handle
        do { try process.run() } catch { return Failure(module: module, errors: ["cannot run swiftc: \(error)"]) }
        process.waitUntilExit()
        try? handle.close()
        guard process.terminationStatus != 0 || process.terminationReason != .exit else { return nil }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        // The diagnostics' own lines (`file:line:col: error: …`), not the source excerpts under them.
        var errors = text.split(separator: "\n").filter { $0.contains(": error:") && !" |".contains($0.first ?? " ") }.prefix(20).map(String.init)
        if errors.isEmpty { errors = ["swiftc exited with status \(process.terminationStatus): " + text.suffix(2000)] }
        return Failure(module: module, errors: errors)
    }

    final class Results: @unchecked Sendable {
        private var storage: [Failure?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Failure?) { lock.lock(); storage[index] = value; lock.unlock() }
        var values: [Failure?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}

/// The runtime modules cannot be found.
public struct TypeCheckError: Error, CustomStringConvertible {
    public var description: String
}
