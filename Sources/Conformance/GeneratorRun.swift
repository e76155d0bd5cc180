import Foundation

/// `datadog-codegen dump` and `generate` over a folder of pages, side by side, into a work folder:
/// `dump.json`, `generated/`, `dump.stderr`, `generate.log`.
public struct GeneratorRun: Sendable {
    public var dump: Dump
    public var generated: URL
    /// The last line `generate` printed (its summary).
    public var summary: String

    public init(codegen: URL, pages: URL, workdir: URL, log: (String) -> Void) throws {
        let fm = FileManager.default
        let dumpFile = workdir.appendingPathComponent("dump.json")
        generated = workdir.appendingPathComponent("generated")
        let generateLog = workdir.appendingPathComponent("generate.log")
        if fm.fileExists(atPath: generated.path) { try fm.removeItem(at: generated) }
        let started = Date()
        let dumpProcess = try Self.start(codegen, ["dump", pages.path], stdout: dumpFile,
                                         stderr: workdir.appendingPathComponent("dump.stderr"))
        let generateProcess = try Self.start(codegen, ["generate", pages.path, "--output", generated.path, "--quiet"],
                                             stdout: generateLog, stderr: generateLog)
        dumpProcess.waitUntilExit()
        generateProcess.waitUntilExit()
        log("[conformance] dump + generate: \(String(format: "%.1f", Date().timeIntervalSince(started)))s")
        guard dumpProcess.terminationStatus == 0 else {
            throw ConformanceError("`datadog-codegen dump` failed (\(dumpProcess.terminationStatus)); see \(workdir.path)/dump.stderr")
        }
        do {
            dump = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: dumpFile))
        } catch {
            throw ConformanceError("\(dumpFile.path):1: error: the dump does not decode: \(error)")
        }
        let lines = ((try? String(contentsOf: generateLog, encoding: .utf8)) ?? "").components(separatedBy: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        summary = lines.last.map { String($0.reversed().drop(while: { $0.isWhitespace }).reversed()) } ?? ""
        if generateProcess.terminationStatus != 0 {
            log("[conformance] generate exited \(generateProcess.terminationStatus): \(summary)")
        }
    }

    static func start(_ executable: URL, _ arguments: [String], stdout: URL, stderr: URL,
                      environment: [String: String]? = nil) throws -> Process {
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdout)
        let err: FileHandle
        if stderr == stdout {
            err = out
        } else {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            err = try FileHandle(forWritingTo: stderr)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        if let environment { process.environment = environment }
        try process.run()
        return process
    }
}
