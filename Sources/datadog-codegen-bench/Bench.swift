import CCmark
import DatadogCodegen
import Foundation

/// Generation benchmark (build with `-c release`):
///
///     swift run -c release datadog-codegen-bench <pages> [--templates templates] [--output <scratch dir>]
///
/// 1. the floor: every page read and parsed by cmark alone, nothing else;
/// 2. the time of each stage, in process;
/// 3. the real `datadog-codegen generate` (release, beside this executable) into an empty folder:
///    wall and CPU time and peak memory; then again with nothing changed (must rewrite no file);
/// then the ratio full run / floor.
@main
struct Bench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let templates = option("--templates") ?? "templates"
        let output = option("--output") ?? NSTemporaryDirectory() + "datadog-codegen-bench-\(getpid())"
        guard let pages = arguments.first else {
            print("usage: datadog-codegen-bench <pages> [--templates dir] [--output dir]")
            exit(2)
        }
        let input = URL(fileURLWithPath: pages)
        let files = try Generator.pageFiles(in: input)
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: input.appendingPathComponent($1).path)[.size] as? Int) ?? 0) }
        print("pages: \(files.count), \(String(format: "%.1f", Double(bytes) / 1e6)) MB")

        let floor = measure {
            for file in files {
                guard let data = try? Data(contentsOf: input.appendingPathComponent(file)) else { continue }
                data.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                    if let document = cmark_parse_document(base, raw.count, CMARK_OPT_DEFAULT) { cmark_node_free(document) }
                }
            }
        }
        print(String(format: "floor (read + cmark parse, 1 core): %.3f s", floor.wall))

        // Stage times, in process.
        try? FileManager.default.removeItem(atPath: output)
        let action = GenerateAction(options: Pipeline.Options(input: input, templates: URL(fileURLWithPath: templates)),
                                    output: URL(fileURLWithPath: output + "-stages"))
        var timings: [(String, Double)] = []
        let inProcess = try measureThrowing {
            var start = DispatchTime.now().uptimeNanoseconds
            let report = try action.run { status in
                // The write stage starts when the action says it is writing.
                if status.hasPrefix("writing") { start = DispatchTime.now().uptimeNanoseconds }
            }
            if let failure = report.writeFailure { throw GeneratorError(description: failure) }
            timings = (report.result?.timings ?? []) + [("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)]
        }
        print(String(format: "stages (in process): wall %.3f s, cpu %.3f s", inProcess.wall, inProcess.cpu))
        for (stage, seconds) in timings { print(String(format: "  %-28@ %.3f s", stage as NSString, seconds)) }
        try? FileManager.default.removeItem(atPath: output + "-stages")

        // The real command, twice: a full run into an empty folder, then nothing changed.
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("datadog-codegen").path
        let command = ["generate", pages, "--output", output, "--templates", templates, "--quiet"]
        let full = try runChild(tool, command)
        print(String(format: "generate (full, release CLI): wall %.3f s, cpu %.3f s, peak memory %.0f MB — %@",
                     full.wall, full.cpu, Double(full.maxRSSKilobytes) / 1024, full.output as NSString))
        let again = try runChild(tool, command)
        print(String(format: "generate (nothing changed): wall %.3f s, cpu %.3f s — %@", again.wall, again.cpu, again.output as NSString))
        print(String(format: "ratio full run / floor: %.2f", full.wall / max(floor.wall, 1e-9)))
        try? FileManager.default.removeItem(atPath: output)
    }

    struct ChildRun { var wall: Double; var cpu: Double; var maxRSSKilobytes: Int; var output: String }

    /// Runs a command, measuring its wall time, CPU time and peak resident memory.
    static func runChild(_ path: String, _ arguments: [String]) throws -> ChildRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var before = rusage()
        getrusage(Usage.children, &before)
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var after = rusage()
        getrusage(Usage.children, &after)
        let cpu = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) - seconds(before.ru_stime)
        let output = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        return ChildRun(wall: wall, cpu: cpu, maxRSSKilobytes: Int(after.ru_maxrss) / Usage.maxRSSUnitsPerKilobyte, output: output)
    }

    static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

    struct Timing { var wall: Double; var cpu: Double }

    static func measure(_ body: () -> Void) -> Timing {
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: cpuSeconds() - cpuStart)
    }

    static func measureThrowing(_ body: () throws -> Void) throws -> Timing {
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: cpuSeconds() - cpuStart)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Usage.current, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

}

/// `getrusage` differs by C library: Glibc imports `who` as an enum, Darwin and Musl as plain
/// integers; `ru_maxrss` is in kilobytes on Linux and in bytes on Darwin.
enum Usage {
    #if canImport(Glibc)
    static let current = RUSAGE_SELF.rawValue, children = RUSAGE_CHILDREN.rawValue
    static let maxRSSUnitsPerKilobyte = 1
    #elseif canImport(Darwin)
    static let current = RUSAGE_SELF, children = RUSAGE_CHILDREN
    static let maxRSSUnitsPerKilobyte = 1024
    #else
    static let current = RUSAGE_SELF, children = RUSAGE_CHILDREN
    static let maxRSSUnitsPerKilobyte = 1
    #endif
}
