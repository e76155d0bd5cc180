import Foundation

/// Figures 1–4 of a run: the generator over the pages (or a leave-tags-out view of them) and its
/// dump scored against the truth files.
public struct FiguresRun: Sendable {
    public var figures: FiguresReport
    public var generator: GeneratorRun
    /// The pages scored: the originals, or `WORKDIR/pages-view` for a subset.
    public var pages: URL

    public init(pages originals: URL, truth: URL, codegen: URL, workdir work: URL, examples: Int, tagsFrom: URL?,
                excludeTagsFrom: URL?, stripCodeExamples: Bool, log: @escaping (String) -> Void) throws {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var scored = originals
        var header = ["== conformance of \(originals.path)"]
        var subset: String?
        if tagsFrom != nil || excludeTagsFrom != nil || stripCodeExamples {
            let view = try PagesView(pages: originals, folder: work.appendingPathComponent("pages-view"), tagsFrom: tagsFrom,
                                     excludeTagsFrom: excludeTagsFrom, stripCodeExamples: stripCodeExamples, warn: { log("[conformance] \($0)") })
            scored = view.folder
            let label = "\(view.tags.count) of \(view.allTags.count) tags" + (stripCodeExamples ? ", code examples stripped" : "")
            header.append("   subset: \(label) (copied to \(scored.path))")
            subset = label
        }
        generator = try GeneratorRun(codegen: codegen, pages: scored, workdir: work, log: log)
        header += ["   generator \(codegen.path)", "   generate: \(generator.summary)"]
        let truthFiles = try TruthFiles.load(pages: scored, truth: truth)
        let score = TableScore(truth: truthFiles, dump: generator.dump) { page in
            try? String(contentsOf: originals.appendingPathComponent(page), encoding: .utf8)
        }
        figures = FiguresReport(score: score, census: TypeCensus(generated: generator.generated), pageCount: truthFiles.count,
                                header: header, examples: examples)
        figures.subset = subset
        pages = scored
    }
}
