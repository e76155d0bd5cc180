import Foundation

/// `swift build` of the harness package (`.ci/harness`) into the work folder's scratch path: the
/// log, the wall time, the peak memory of the whole process tree (sampled) and of the largest
/// process (GNU `time -v`, on Linux).
public struct HarnessBuild: Sendable {
    public var status: Int32
    public var seconds: Double
    public var largestProcessMB: Int
    public var peakTreeMB: Int
    public var log: URL
    public var text: String

    public var succeeded: Bool { status == 0 }

    /// The wall time as printed (`550.3`).
    public var secondsText: String { String(format: "%.1f", seconds) }

    /// `package`: `.ci/harness`; `scratch`: its build folder; `product`: `RoundTrip` or `Replay`.
    public static func run(package: URL, scratch: URL, product: String, log: URL) throws -> HarnessBuild {
        var arguments = ["build", "-c", "debug", "--disable-index-store", "--package-path", package.path, "--scratch-path", scratch.path,
                         "--product", product]
        var executable = try Self.executable("swift")
        #if os(Linux)
        // GNU time reports the largest process's peak memory; without it only the sampled tree peak is known
        let time = URL(fileURLWithPath: "/usr/bin/time")
        if FileManager.default.isExecutableFile(atPath: time.path) {
            arguments = ["-v", executable.path] + arguments
            executable = time
        }
        #endif
        // the harness manifest's module list (.ci/harness/Package.swift)
        let sdk = package.appendingPathComponent("SDK")
        let modules = ((try? FileManager.default.contentsOfDirectory(atPath: sdk.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: sdk.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var environment = ProcessInfo.processInfo.environment
        environment["CONFORMANCE_SDK_MODULES"] = modules.joined(separator: ",")
        let started = Date()
        let process = try GeneratorRun.start(executable, arguments, stdout: log, stderr: log, environment: environment)
        let sampler = MemorySampler(root: process.processIdentifier)
        sampler.start()
        process.waitUntilExit()
        sampler.stop()
        let seconds = Date().timeIntervalSince(started)
        let text = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        let largest = (Regex.match("Maximum resident set size \\(kbytes\\): (\\d+)", text)?[1] ?? nil).flatMap { Int($0) } ?? 0
        let status = (Regex.match("Exit status: (\\d+)", text)?[1] ?? nil).flatMap { Int32($0) } ?? process.terminationStatus
        return HarnessBuild(status: status, seconds: seconds, largestProcessMB: Int((Double(largest) / 1024).rounded()),
                            peakTreeMB: Int((Double(sampler.peakKB) / 1024).rounded()), log: log, text: text)
    }

    /// An executable on `PATH`.
    static func executable(_ name: String) throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ConformanceError("conformance: `\(name)` is not on PATH")
    }

    /// One compiler error of a build log.
    public struct CompileError: Sendable {
        public var file: String
        public var line: Int
        public var message: String
    }

    /// The log's distinct errors, and the errors by category (largest first; ties in order of appearance).
    public static func errors(in text: String) -> (errors: [CompileError], categories: [(category: String, errors: [CompileError])]) {
        var errors: [CompileError] = []
        var seen = Set<String>()
        for m in Regex.all("(?m)^(/[^:\\n]+\\.swift):(\\d+):(\\d+): error: (.*)$", text) {
            let file = m[1] ?? "", line = m[2] ?? "", column = m[3] ?? "", message = m[4] ?? ""
            guard seen.insert([file, line, column, message].joined(separator: "\u{0}")).inserted else { continue }
            errors.append(CompileError(file: file, line: Int(line) ?? 0, message: message))
        }
        var order: [String] = []
        var byCategory: [String: [CompileError]] = [:]
        for error in errors {
            let category = Self.category(error.message)
            if byCategory[category] == nil { order.append(category) }
            byCategory[category, default: []].append(error)
        }
        let sorted = order.enumerated().sorted { a, b in
            let (ca, cb) = (byCategory[a.element]?.count ?? 0, byCategory[b.element]?.count ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }
        return (errors, sorted.map { ($0.element, byCategory[$0.element] ?? []) })
    }

    /// A compiler message with its quoted names and numbers folded.
    static func category(_ message: String) -> String {
        ReplayCategory.prefix(Regex.replace("\\b\\d+\\b", in: Regex.replace("'[^']*'", in: message, with: "'…'"), with: "N"), 160)
    }
}

/// The summed resident memory of a process tree, sampled every 0.5 s from `/proc` (Linux; elsewhere 0).
final class MemorySampler: @unchecked Sendable {
    private let root: Int32
    private let lock = NSLock()
    private var running = true
    private var peak = 0
    private var thread: Thread?

    init(root: Int32) { self.root = root }

    var peakKB: Int {
        lock.lock()
        defer { lock.unlock() }
        return peak
    }

    func start() {
        let thread = Thread { [self] in
            while isRunning {
                let total = Self.treeKB(root)
                lock.lock()
                peak = max(peak, total)
                lock.unlock()
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        self.thread = thread
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    static func treeKB(_ root: Int32) -> Int {
        #if os(Linux)
        var children: [Int32: [Int32]] = [:]
        var rss: [Int32: Int] = [:]
        let proc = "/proc"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: proc)) ?? [] {
            guard let pid = Int32(name), let stat = try? String(contentsOfFile: proc + "/" + name + "/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 21, let parent = Int32(fields[1]), let pages = Int(fields[21]) else { continue }
            rss[pid] = pages * 4  // 4 kB pages
            children[parent, default: []].append(pid)
        }
        var total = 0, todo = [root]
        while let pid = todo.popLast() {
            total += rss[pid] ?? 0
            todo += children[pid] ?? []
        }
        return total
        #else
        return 0
        #endif
    }
}
