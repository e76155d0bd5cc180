import ArgumentParser
import Conformance
import Foundation

/// Figure 6 in two steps around the `Replay` executable: `replay-input` collects the recorded calls
/// (`replay-input.json`), `replay-judge` judges the executable's output and prints the figure.
struct ReplayOptions: ParsableArguments {
    @Option(help: "The generator's dump (datadog-codegen dump).")
    var dump: String

    @Option(help: "Folder of recorded scenarios (<version>/<feature>/<scenario>.json).")
    var cassettes: String

    @Option(name: .customLong("only"), help: "Replay only this cassette folder (`status-pages` or `v2/status-pages`; repeatable).")
    var only: [String] = []

    @Option(help: "The harness report (datadog-codegen-conformance harness --report).")
    var harness: String

    func calls() throws -> (ReplayCalls, HarnessSources.Summary) {
        let decoded = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: url(dump)))
        let summary = try JSONDecoder().decode(HarnessSources.Summary.self, from: Data(contentsOf: url(harness)))
        return (try ReplayCalls(dump: decoded, cassettes: url(cassettes), only: only), summary)
    }
}

func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }

struct ReplayInputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay-input", abstract: "Writes the replay harness's input: the recorded calls and the cassettes it serves.")

    @OptionGroup var options: ReplayOptions

    @Option(help: "Where to write the input (replay-input.json).")
    var output: String

    func run() throws {
        let (replay, summary) = try options.calls()
        try replay.input(unstable: summary.replayFunctions).write(to: url(output))
    }
}

struct ReplayJudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay-judge",
        abstract: "Judges the replay: prints each failing call, the causes, `replay: N passed, M failed` and the paginated replays.")

    @OptionGroup var options: ReplayOptions

    @Option(help: "The Replay executable's output (one JSON line per call).")
    var output: String

    @Option(help: "JSON object: replay keys left out of the harness (they did not compile) → the compiler's message.")
    var excluded: String?

    @Option(help: "The harness's run time, as printed.")
    var runSeconds = "?"

    @Option(help: "How the harness crashed, if it did.")
    var crash: String?

    @Option(help: "Failure examples shown.")
    var examples = 15

    @Option(help: "Write {passed, failed, paginated_passed, failing} as JSON here.")
    var result: String?

    func run() throws {
        let (replay, summary) = try options.calls()
        let outputs = ReplayOutput.read((try? String(contentsOf: url(output), encoding: .utf8)) ?? "")
        let dropped = try excluded.map { try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url($0))) } ?? [:]
        let report = ReplayReport(replay, outputs: outputs, missing: summary.replayMissing, excluded: dropped,
                                  paged: Set(summary.pagedFunctions), runSeconds: runSeconds, crash: crash, examples: examples)
        print(report.lines.joined(separator: "\n"))
        if let result {
            struct Result: Encodable {
                var passed: Int
                var failed: Int
                var paginatedPassed: Int
                var failing: [String: [FailingItem]]
                enum CodingKeys: String, CodingKey {
                    case passed, failed, failing
                    case paginatedPassed = "paginated_passed"
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(Result(passed: report.passed, failed: report.failed, paginatedPassed: report.pagedPassed,
                                      failing: report.failing)).write(to: url(result))
        }
    }
}
