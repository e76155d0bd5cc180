import Foundation

/// The `generate` command as a library call: runs the ``Pipeline``, then plans or writes its
/// files (stage 6: ``OutputWriter``), keeps the up-to-date stamp (``UpToDateStamp``) and words the
/// summary. The command line, the bench and the tests run it (the SwiftPM plugin runs the command
/// line); ``generate(pages:templates:modulePrefix:tags:operations:)`` is the same run in memory.
public struct GenerateAction: Sendable {
    /// What to generate, from where.
    public var options: Pipeline.Options
    /// The folder the SDK modules are written to.
    public var output: URL
    /// Write nothing: only report which files would change.
    public var check: Bool

    /// An action generating `options` into `output` (with `check`: comparing only).
    public init(options: Pipeline.Options, output: URL, check: Bool = false) {
        self.options = options
        self.output = output
        self.check = check
    }

    /// What a run did.
    public struct Report: Sendable {
        /// The pipeline's result; nil when the stamp showed the output up to date and nothing ran.
        public var result: Pipeline.Result?
        /// The run's diagnostics: the model's (by page and line), then files that could not be
        /// written (errors of the pages they come from).
        public var diagnostics: [Diagnostic] = []
        /// When up to date: the diagnostics of the run that wrote the output, as the stamp recorded them.
        public var recordedDiagnostics: [String] = []
        /// Paths below the output folder that changed (with `check`: that would change).
        public var changed: [String] = []
        /// Why the output folder could not be written at all; nil when it could.
        public var writeFailure: String?
        /// `N pages, N operations, N files (N changed), N warnings, N errors`, plus ` (up to date)` when nothing ran.
        public var summary: String = ""
        /// Number of errors (the model's and the files that could not be written).
        public var errorCount = 0
    }

    /// Runs the pipeline and writes (or plans) its files, unless the stamp shows nothing changed
    /// since the last successful run. `progress` hears what is being done. Throws when the input
    /// folder or the templates cannot be used.
    public func run(progress: (String) -> Void = { _ in }) throws -> Report {
        let pageFiles = (try? Generator.pageFiles(in: options.input)) ?? []
        let inputs = UpToDateStamp.inputs(
            pages: options.input, pageFiles: pageFiles, templates: options.templates,
            options: ["tags " + options.tags.sorted().joined(separator: ","), "operations " + options.operations.sorted().joined(separator: ","),
                      "module prefix " + options.modulePrefix])
        // Nothing changed since the last successful run: nothing to parse, nothing to write.
        if let stamp = UpToDateStamp.load(from: output), stamp.isCurrent(inputs: inputs, directory: output) {
            return Report(result: nil, recordedDiagnostics: stamp.diagnostics, summary: stamp.summary + " (up to date)")
        }
        progress("\(pageFiles.count) pages")
        let result = try Pipeline.run(options)
        var report = Report(result: result, diagnostics: result.sdk.diagnostics)
        progress("\(check ? "comparing" : "writing") \(result.files.count) files")
        let writer = OutputWriter(directory: output)
        let summary: OutputWriter.Summary
        do {
            summary = check ? writer.plan(result.files) : try writer.write(result.files)
        } catch {
            report.writeFailure = "\(error)"
            report.errorCount = result.errorCount + 1
            return report
        }
        // A file that could not be written is an error of the page it comes from; the rest are written.
        let writeErrors = writer.diagnostics(summary, sources: SDKRenderer.sources(result.sdk))
        report.diagnostics += writeErrors
        report.changed = summary.changed
        report.errorCount = result.errorCount + writeErrors.count
        let verb = check ? "would change" : "changed"
        report.summary = "\(result.pageCount) pages, \(result.operationCount) operations, \(result.files.count) files (\(summary.changed.count) \(verb)), \(result.warningCount) warnings, \(report.errorCount) errors"
        if !check, report.errorCount == 0 {
            let stamp = UpToDateStamp(
                inputs: inputs, outputs: UpToDateStamp.outputs(in: output, files: Array(result.files.keys)),
                summary: "\(result.pageCount) pages, \(result.operationCount) operations, \(result.files.count) files (0 changed), \(result.warningCount) warnings, 0 errors",
                diagnostics: result.sdk.diagnostics.map(\.description))
            try? stamp.save(to: output)
        }
        return report
    }

    /// The run in memory: pages as text (path → markdown) in, files as text (path → Swift) out,
    /// with the model and its diagnostics; nothing is read or written. Pages run in path order;
    /// `templates` nil stops after the model.
    public static func generate(pages: [String: String], templates: TemplateSet?, modulePrefix: String = Pipeline.defaultModulePrefix,
                                tags: Set<String> = [], operations: Set<String> = []) -> Pipeline.Result {
        // The folders of the options are not used by an in-memory run.
        var options = Pipeline.Options(input: URL(fileURLWithPath: "."), templates: URL(fileURLWithPath: "."))
        options.modulePrefix = modulePrefix
        options.tags = tags
        options.operations = operations
        let sources = pages.keys.sorted().map { SourcePage(file: $0, text: pages[$0] ?? "") }
        return Pipeline.run(sources, templates: templates, options: options)
    }
}
