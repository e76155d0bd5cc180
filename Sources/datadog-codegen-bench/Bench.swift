import CCmark
import DatadogCodegen
import Foundation

/// Generation benchmark (build with `-c release`):
///
///     swift run -c release datadog-codegen-bench <pages> [--templates templates] [--output <scratch dir>]
///
/// 1. the floor: every page read and parsed by cmark alone, nothing else;
/// 2. a full `generate` into an empty folder, with the time of each stage, CPU time and peak memory;
/// 3. a second `generate` with nothing changed (must rewrite no file);
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

        try? FileManager.default.removeItem(atPath: output)
        let options = Pipeline.Options(input: input, templates: URL(fileURLWithPath: templates))
        var firstResult: Pipeline.Result?
        var summary = OutputWriter.Summary()
        let full = try measureThrowing {
            let result = try Pipeline.run(options)
            let start = DispatchTime.now().uptimeNanoseconds
            summary = try OutputWriter(directory: URL(fileURLWithPath: output)).write(result.files)
            var withWrite = result
            withWrite.timings.append(("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            firstResult = withWrite
        }
        print(String(format: "generate (full): wall %.3f s, cpu %.3f s, %d files written", full.wall, full.cpu, summary.written.count))
        for (stage, seconds) in firstResult?.timings ?? [] { print(String(format: "  %-28@ %.3f s", stage as NSString, seconds)) }

        var second = OutputWriter.Summary()
        let again = try measureThrowing {
            let result = try Pipeline.run(options)
            second = try OutputWriter(directory: URL(fileURLWithPath: output)).write(result.files)
        }
        print(String(format: "generate (nothing changed): wall %.3f s, %d files rewritten", again.wall, second.written.count + second.removed.count))
        print(String(format: "peak memory (max RSS): %.0f MB", Double(peakRSSKilobytes()) / 1024))
        print(String(format: "ratio full run / floor: %.2f", full.wall / max(floor.wall, 1e-9)))
        try? FileManager.default.removeItem(atPath: output)
    }

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
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}
