import ArgumentParser
import Conformance
import Foundation

/// The per-item list of official names the code examples spell that the SDK misses, from a score
/// run's `figures.json` and `dump.json`.
struct SpelledNamesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spelled-names",
        abstract: "Lists the official names a page's code examples spell that the row they denote does not carry, with a reason class.")

    @Argument(help: "The folder of reference pages the score run read.")
    var pages: String

    @Option(help: "The score run's scratch folder (its figures.json and dump.json).")
    var workdir: String

    func run() throws {
        let work = URL(fileURLWithPath: workdir)
        let figures = try JSONDecoder().decode(FiguresReport.self, from: Data(contentsOf: work.appendingPathComponent("figures.json")))
        let dump = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: work.appendingPathComponent("dump.json")))
        let folder = URL(fileURLWithPath: pages)
        let misses = SpelledNameMisses(failing: figures.failing["names"] ?? [], declared: Dictionary(dump.modules.map { ($0.version, Set($0.types)) }, uniquingKeysWith: { $0.union($1) })) { page in
            try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        }
        print(misses.lines.joined(separator: "\n"))
    }
}
