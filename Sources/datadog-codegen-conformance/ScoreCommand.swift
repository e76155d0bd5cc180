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

    @Option(help: "Score only the tags (page folders) listed in FILE, one a line (leave-tags-out folds).")
    var tagsFrom: String?

    @Option(help: "Leave out the tags listed in FILE.")
    var excludeTagsFrom: String?

    @Flag(help: "Generate from copies of the pages without their client code examples (curl stays).")
    var stripCodeExamples = false

    func run() throws {
        func path(_ p: String) -> URL { URL(fileURLWithPath: p).standardizedFileURL }
        func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        let originals = path(pages), work = path(workdir)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var scored = originals
        var header = ["== conformance of \(originals.path)"]
        var subset: String?
        if tagsFrom != nil || excludeTagsFrom != nil || stripCodeExamples {
            let view = try PagesView(pages: originals, folder: work.appendingPathComponent("pages-view"),
                                     tagsFrom: tagsFrom.map(path), excludeTagsFrom: excludeTagsFrom.map(path),
                                     stripCodeExamples: stripCodeExamples, warn: { log("[conformance] \($0)") })
            scored = view.folder
            let label = "\(view.tags.count) of \(view.allTags.count) tags" + (stripCodeExamples ? ", code examples stripped" : "")
            header.append("   subset: \(label) (copied to \(scored.path))")
            subset = label
        }
        let codegenURL = path(codegen)
        let generator = try GeneratorRun(codegen: codegenURL, pages: scored, workdir: work, log: log)
        header += ["   generator \(codegenURL.path)", "   generate: \(generator.summary)"]
        let truthFiles = try TruthFiles.load(pages: scored, truth: path(truth))
        let score = TableScore(truth: truthFiles, dump: generator.dump) { page in
            try? String(contentsOf: originals.appendingPathComponent(page), encoding: .utf8)
        }
        var figures = FiguresReport(score: score, census: TypeCensus(generated: generator.generated),
                                    pageCount: truthFiles.count, header: header, examples: examples)
        figures.subset = subset
        print(figures.lines.joined(separator: "\n"))
        if let report {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(figures).write(to: path(report))
        }
    }
}
