import ArgumentParser
import Conformance
import Foundation

/// The whole measurement, as `.ci/conformance` runs it (figures 1–7; CONFORMANCE.md, "Command").
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Conformance of datadog-codegen: figures 1-4, the SDK build and example round trip (5), the replay of recorded traffic (6), "
            + "the summary and the ratchet (7).")

    @Argument(help: "Folder of reference pages (<tag>/<page>.md).")
    var pages: String

    @Argument(help: "Folder of truth files (<tag>/<page>.json).")
    var truth: String

    @Argument(help: "Folder of recorded scenarios (v1|v2/<feature>/<scenario>.json): replay them against the SDK.")
    var cassettes: String?

    @Option(help: "The repository (default: the current directory).")
    var repository: String?

    @Option(name: .customLong("replay-only"),
            help: "Replay only these cassette folders (`status-pages` or `v2/status-pages`; repeatable) and skip the example round trip.")
    var replayOnly: [String] = []

    @Flag(help: "Skip the SDK build and the round trip.")
    var noBuild = false

    @Flag(help: "Rewrite the levels file and the expected-failure lists with the current figures.")
    var record = false

    @Option(help: "Levels file (default .ci/conformance-levels.json).")
    var levels: String?

    @Option(help: "Folder of the expected-failure lists (default .ci/expected-failures).")
    var expectedFailures: String?

    @Flag(help: "Apply the levels even when they were recorded for another folder of pages.")
    var forceRatchet = false

    @Option(help: "Generator binary (default: build and use .build/debug/datadog-codegen).")
    var codegen: String?

    @Flag(help: "Build/use the release generator.")
    var releaseCodegen = false

    @Flag(help: "Use the existing generator binary as is.")
    var noCodegenBuild = false

    @Option(help: "Scratch folder (gitignored); the SDK package builds in WORKDIR/sdk.")
    var workdir: String?

    @Flag(help: "Delete the scratch package's .build first.")
    var cleanBuild = false

    @Option(help: "Failure examples shown per figure.")
    var examples = 15

    @Option(help: "Also write the figures as JSON here.")
    var report: String?

    @OptionGroup var selection: PageSelection

    func run() throws {
        let repo = url(repository ?? FileManager.default.currentDirectoryPath)
        func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        let cassettesURL = cassettes.map(url)
        if let cassettesURL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: cassettesURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("no cassette folder \(cassettesURL.path)")
            }
        }
        var options = ConformanceRun.Options(
            pages: url(pages), truth: url(truth), cassettes: cassettesURL, repository: repo, codegen: try generator(repo, log: log),
            workdir: url(workdir ?? repo.appendingPathComponent(".build-conformance").path),
            levels: url(levels ?? repo.appendingPathComponent(".ci/conformance-levels.json").path),
            expectedFailures: url(expectedFailures ?? repo.appendingPathComponent(".ci/expected-failures").path))
        options.replayOnly = replayOnly
        options.noBuild = noBuild
        options.record = record
        options.forceRatchet = forceRatchet
        options.cleanBuild = cleanBuild
        options.examples = examples
        options.report = report.map(url)
        options.tagsFrom = selection.tagsFrom.map(url)
        options.excludeTagsFrom = selection.excludeTagsFrom.map(url)
        options.stripCodeExamples = selection.stripCodeExamples
        let passed = try ConformanceRun(options, out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }, log: log).run()
        if !passed { throw ExitCode(1) }
    }

    /// `--codegen`, `DATADOG_CODEGEN`, or the repository's build (built first unless `--no-codegen-build`).
    func generator(_ repo: URL, log: (String) -> Void) throws -> URL {
        if let codegen { return url(codegen) }
        if let path = ProcessInfo.processInfo.environment["DATADOG_CODEGEN"] { return url(path) }
        let config = releaseCodegen ? "release" : "debug"
        if !noCodegenBuild {
            log("[conformance] swift build -c \(config) --product datadog-codegen (in \(repo.path))")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["swift", "build", "-c", config, "--product", "datadog-codegen"]
            process.currentDirectoryURL = repo
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                print(String(String(decoding: output, as: UTF8.self).suffix(4000)))
                throw ValidationError("building datadog-codegen failed")
            }
        }
        let binary = repo.appendingPathComponent(".build/\(config)/datadog-codegen")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw ValidationError("no generator binary at \(binary.path)") }
        return binary
    }
}
