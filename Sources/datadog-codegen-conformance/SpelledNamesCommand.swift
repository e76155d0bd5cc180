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
        try Self.requireFreshFigures(in: work)
        let figures = try JSONDecoder().decode(FiguresReport.self, from: Data(contentsOf: work.appendingPathComponent("figures.json")))
        let dump = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: work.appendingPathComponent("dump.json")))
        let folder = URL(fileURLWithPath: pages)
        let misses = SpelledNameMisses(failing: figures.failing["names"] ?? [], declared: Dictionary(dump.modules.map { ($0.version, Set($0.types)) }, uniquingKeysWith: { $0.union($1) })) { page in
            try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        }
        print(misses.lines.joined(separator: "\n"))
    }

    /// `figures.json` is written by `score --report` only, `dump.json` by every run: a figures file
    /// older than the dump belongs to another generator, and its failing names would be misread.
    static func requireFreshFigures(in work: URL) throws {
        let figures = work.appendingPathComponent("figures.json"), dump = work.appendingPathComponent("dump.json")
        func modified(_ url: URL) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }
        guard let dumped = modified(dump) else {
            throw ConformanceError("\(dump.path): error: no dump; run `datadog-codegen-conformance score PAGES TRUTH --workdir \(work.path) --report \(figures.path)` first")
        }
        guard let scored = modified(figures), scored >= dumped else {
            throw ConformanceError("\(figures.path): error: missing or older than \(dump.lastPathComponent), so it scores another generator; run `datadog-codegen-conformance score PAGES TRUTH --workdir \(work.path) --report \(figures.path)` first")
        }
    }
}
