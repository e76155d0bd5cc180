import DatadogCodegen
import DocsChanges
import Foundation

/// Mutation fuzzing of the generator: real pages are mutated (rows dropped, duplicated, swapped
/// and shuffled; cells and type strings corrupted; pipes and tab tags broken; truncation;
/// invalid UTF-8; NUL bytes; huge lines and tables; deep nesting; empty and binary files) and
/// pushed through every stage. A crash ends the process (the count is then the failing input's
/// number, printed before it runs); a page taking over 10 s counts as a hang. Every N-th generated
/// SDK (`FUZZ_TYPECHECK_EVERY`, default 50; 0: never) is type-checked with `swiftc -typecheck`
/// against the DatadogRuntime module built with this executable.
///
/// Usage: datadog-codegen-fuzz <count> [seed] [page folders…]   (defaults: 1000, 1, input)
@main
struct Fuzz {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let count = arguments.first.flatMap(Int.init) ?? 1000
        let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
        var folders = Array(arguments.dropFirst(2))
        if folders.isEmpty { folders = ["input"] }
        var corpus: [(String, Data)] = []
        for folder in folders {
            let url = URL(fileURLWithPath: folder)
            for file in (try? Generator.pageFiles(in: url)) ?? [] {
                if let data = try? Data(contentsOf: url.appendingPathComponent(file)), data.count < 2_000_000 {
                    corpus.append((file, data))
                }
            }
        }
        guard !corpus.isEmpty else {
            print("fuzz: no pages found in \(folders.joined(separator: ", "))")
            return
        }
        let templates = try TemplateSet(directory: URL(fileURLWithPath: "templates"))
        // Every input runs the pipeline in memory: the mutated bytes as the only page.
        let options = Pipeline.Options(input: URL(fileURLWithPath: "."), templates: URL(fileURLWithPath: "templates"))
        var rng = SplitMix64(seed: seed)
        var hangs = 0
        var diagnostics = 0
        // Every N-th input's generated SDK is type-checked against the runtime (0: never).
        let environment = ProcessInfo.processInfo.environment
        let typeCheckEvery = environment["FUZZ_TYPECHECK_EVERY"].flatMap(Int.init) ?? 50
        var typeChecker: SDKTypeCheck?
        if typeCheckEvery > 0 {
            do { typeChecker = try SDKTypeCheck.locate() } catch {
                print("fuzz: \(error)")
                exit(2)
            }
        }
        var typeChecked = 0
        var typeCheckFailures = 0
        let started = Date()
        for index in 0..<count {
            let (name, original) = corpus[Int(rng.next() % UInt64(corpus.count))]
            let mutated = Mutator.mutate(original, rng: &rng)
            if let only = ProcessInfo.processInfo.environment["FUZZ_ONLY"].flatMap(Int.init), only != index { continue }
            if let dump = ProcessInfo.processInfo.environment["FUZZ_SAVE"] { try? mutated.write(to: URL(fileURLWithPath: dump)) }
            if ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil { print("input \(index): \(name)") }
            let start = Date()
            let result = Pipeline.run([SourcePage(file: name, data: mutated)], templates: templates, options: options)
            let (sdk, files) = (result.sdk, result.files)
            diagnostics += sdk.diagnostics.count
            // The generator's time only (the type-check below is the compiler's).
            if Date().timeIntervalSince(start) > 10 {
                hangs += 1
                print("fuzz: hang (> 10 s) on input \(index) from \(name)")
            }
            if let typeChecker, index % typeCheckEvery == 0, !sdk.modules.allSatisfy({ $0.types.isEmpty && $0.operations.isEmpty }) {
                typeChecked += 1
                for failure in typeChecker.check(files) {
                    typeCheckFailures += 1
                    print("fuzz: generated SDK does not type-check (input \(index) from \(name), FUZZ_ONLY=\(index) FUZZ_SAVE=page.md to keep it): \(failure)")
                }
            }
            if (index + 1) % 5000 == 0 {
                print("fuzz: \(index + 1) inputs so far, 0 crashes, \(hangs) hangs, \(typeCheckFailures) failing to type-check (seed \(seed))")
                fflush(nil)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("fuzz: \(count) inputs, 0 crashes, \(hangs) hangs, \(typeCheckFailures) of \(typeChecked) generated SDKs failing `swiftc -typecheck`, \(diagnostics) diagnostics, \(String(format: "%.1f", seconds)) s (seed \(seed))")
        if hangs > 0 || typeCheckFailures > 0 { exit(1) }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}

enum Mutator {
    static func mutate(_ data: Data, rng: inout SplitMix64) -> Data {
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rounds = 1 + rng.below(4)
        for _ in 0..<rounds {
            guard !lines.isEmpty else { break }
            let i = rng.below(lines.count)
            switch rng.below(16) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: let j = rng.below(lines.count); lines.swapAt(i, j)
            case 3:
                let start = rng.below(lines.count), length = min(lines.count - start, rng.below(40))
                var slice = Array(lines[start..<(start + length)])
                for k in slice.indices.reversed() { slice.swapAt(k, rng.below(k + 1)) }
                lines.replaceSubrange(start..<(start + length), with: slice)
            case 4: lines[i] = lines[i].replacingOccurrences(of: "|", with: rng.below(2) == 0 ? "" : "||")
            case 5: lines[i] = lines[i].replacingOccurrences(of: "object", with: ["[[[", "<oneOf", "enum", "", "[object"][rng.below(5)])
            case 6: lines[i] = lines[i].replacingOccurrences(of: "{% /tab %}", with: "{% tab")
            case 7: lines = Array(lines.prefix(i))
            case 8: lines[i] += String(repeating: "x|", count: 1 + rng.below(300_000))
            case 9: lines[i] = String(lines[i].prefix(rng.below(lines[i].count + 1)))
            case 10:
                let row = "| data | data | object | Deep. |"
                lines.insert(contentsOf: Array(repeating: row, count: 500), at: i)
            case 11:
                let rows = (0..<10_000).map { "|  | f\($0) | string | Field \($0). |" }
                lines.insert(contentsOf: rows, at: i)
            case 12: lines[i] = "\u{0}" + lines[i] + "\u{0}"
            case 13: lines[i] = lines[i].replacingOccurrences(of: "Option 1", with: "Option 9")
            case 14: lines[i] = lines[i].replacingOccurrences(of: "[*required*]", with: "[*required")
            default: lines[i] = lines[i].replacingOccurrences(of: "`", with: "")
            }
        }
        var bytes = Data(lines.joined(separator: "\n").utf8)
        switch rng.below(20) {
        case 0: bytes = Data()
        case 1: bytes = Data((0..<4096).map { _ in UInt8(rng.below(256)) })
        case 2: if !bytes.isEmpty { bytes[rng.below(bytes.count)] = 0xFF }
        case 3: bytes = bytes.prefix(rng.below(bytes.count + 1))
        default: break
        }
        return bytes
    }
}
