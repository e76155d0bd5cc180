import ArgumentParser
import Conformance
import Foundation

/// Figure 7: the run's figures against the levels file and its failing items against the expected-failure lists.
struct RatchetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratchet",
        abstract: "Applies (or records) the ratchet: levels (.ci/conformance-levels.json) and expected-failure lists.")

    @Option(name: .customLong("run"), help: "The run's figures and failing items (JSON: figures, failing, subset, pages, page_count, operations).")
    var runFile: String

    @Option(help: "The levels file.")
    var levels: String

    @Option(help: "The folder of the expected-failure lists.")
    var expectedFailures: String

    @Option(help: "Failure examples shown per list.")
    var examples = 15

    @Flag(help: "Rewrite the levels file and the expected-failure lists with this run's figures and failures.")
    var record = false

    @Flag(help: "Apply the levels even when they were recorded for another folder of pages.")
    var forceRatchet = false

    func run() throws {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
        let measured = try JSONDecoder().decode(Ratchet.Run.self, from: Data(contentsOf: url(runFile)))
        let ratchet = Ratchet(levelsFile: url(levels), lists: ExpectedFailures(folder: url(expectedFailures)), examples: examples,
                              relative: RelativePath.fromCurrentDirectory)
        let (lines, ok) = try ratchet.apply(measured, record: record, force: forceRatchet)
        print(lines.joined(separator: "\n"))
        if !ok { throw ExitCode(1) }
    }
}
