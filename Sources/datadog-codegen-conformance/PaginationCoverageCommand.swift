import ArgumentParser
import Conformance
import Foundation

/// Pagination coverage on the studied and the held-out tags (CONFORMANCE.md, pagination).
struct PaginationCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pagination-coverage",
        abstract: "Which operations get a …Paginated method, against the evidence (recordings with page follow-ups, position parameters).")

    @Argument(help: "The generator's dump (datadog-codegen dump PAGES).")
    var dump: String

    @Argument(help: "Folder of recorded scenarios (<version>/<feature>/<scenario>.json).")
    var cassettes: String

    @Argument(help: "The studied tags (page folder names); default: the 15 the rules were written on.")
    var studied: [String] = []

    func run() throws {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL }
        let decoded = try JSONDecoder().decode(Dump.self, from: Data(contentsOf: url(dump)))
        let coverage = PaginationCoverage(dump: decoded, recordings: try PaginationCoverage.recordings(in: url(cassettes)),
                                          studied: Set(studied.isEmpty ? PaginationCoverage.studiedTags : studied))
        print(coverage.lines.joined(separator: "\n"))
    }
}
