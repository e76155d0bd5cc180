import ArgumentParser
import Conformance
import Foundation

/// Figures 1–4 of `.ci/conformance` (rows, official names, operations and the unstable flag, types):
/// runs the generator over the pages and scores its dump against the truth files.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Scores datadog-codegen's model against the official truth files (figures 1-4 of .ci/conformance).")

    @Argument(help: "Folder of reference pages (<tag>/<page>.md).")
    var pages: String

    @Argument(help: "Folder of truth files (<tag>/<page>.json).")
    var truth: String

    @Option(help: "The generator binary.")
    var codegen: String

    @Option(help: "Scratch folder: dump.json, generated/, pages-view/.")
    var workdir: String

    @Option(help: "Failure examples shown per figure.")
    var examples = 15

    @Option(help: "Write the figures, summary and failing items as JSON here.")
    var report: String?

    @OptionGroup var selection: PageSelection

    func run() throws {
        let run = try FiguresRun(pages: url(pages), truth: url(truth), codegen: url(codegen), workdir: url(workdir), examples: examples,
                                 tagsFrom: selection.tagsFrom.map(url), excludeTagsFrom: selection.excludeTagsFrom.map(url),
                                 stripCodeExamples: selection.stripCodeExamples, log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        print(run.figures.lines.joined(separator: "\n"))
        if let report {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(run.figures).write(to: url(report))
        }
    }
}
