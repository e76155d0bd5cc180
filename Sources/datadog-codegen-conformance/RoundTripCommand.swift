import ArgumentParser
import Conformance
import Foundation

/// Figure 5's judging: the `RoundTrip` executable's output against the page examples.
struct RoundTripCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtrip",
        abstract: "Judges the example round trip: prints the failures, their categories and `roundtrip: N passed, M failed`.")

    @Option(help: "The harness report (datadog-codegen-conformance harness --report): the examples.")
    var harness: String

    @Option(help: "The RoundTrip executable's output (one JSON line per example).")
    var output: String

    @Option(help: "JSON object: harness types left out (they did not compile) → the compiler's message.")
    var excluded: String?

    @Option(help: "The harness's build time, as printed.")
    var buildSeconds = "?"

    @Option(help: "The harness's run time, as printed.")
    var runSeconds = "?"

    @Option(help: "How the harness crashed, if it did.")
    var crash: String?

    @Option(help: "Write {passed, failed, placeholder_failures, failing} as JSON here.")
    var result: String

    struct Harness: Decodable {
        var examples: [RoundTripExamples.Example]
    }

    func run() throws {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
        let examples = try JSONDecoder().decode(Harness.self, from: Data(contentsOf: url(harness))).examples
        let text = (try? String(contentsOf: url(output), encoding: .utf8)) ?? ""
        let outputs = text.split(separator: "\n").compactMap { try? JSONDecoder().decode(RoundTripJudge.Output.self, from: Data($0.utf8)) }
        let dropped = try excluded.map { try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url($0))) } ?? [:]
        let judge = RoundTripJudge(examples: examples, outputs: outputs, excluded: dropped)
        print(judge.lines(build: buildSeconds, run: runSeconds, crash: crash).joined(separator: "\n"))
        struct Result: Encodable {
            var passed: Int
            var failed: Int
            var placeholderFailures: Int
            var failing: [FailingItem]
            enum CodingKeys: String, CodingKey {
                case passed, failed, failing
                case placeholderFailures = "placeholder_failures"
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(Result(passed: judge.passed, failed: judge.failures.count, placeholderFailures: judge.placeholderFailures,
                                  failing: judge.failing)).write(to: url(result))
    }
}
