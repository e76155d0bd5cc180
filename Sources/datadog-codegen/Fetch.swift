import ArgumentParser
import DatadogCodegen
import Foundation

struct Fetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download reference pages from docs.datadoghq.com into the input folder.",
        discussion: """
            Pages are the markdown export of Datadog's API reference, \
            <base-url>/<tag-slug>/<endpoint-slug>.md, and are written as \
            <output>/<tag-slug>/<endpoint-slug>.md. A page is rewritten only when its text changed. \
            --tag reads the tag's index page (<base-url>/<tag-slug>.md) and fetches every endpoint \
            page of that tag it links to.

            Downloads run a few at a time (--concurrency); an answer 429 or 5xx, or a network error, \
            is retried after a pause that doubles each time (Retry-After is honoured). The run ends \
            with what changed: pages added, updated, unchanged and failed; it exits with status 1 \
            when any page failed.

            Examples:
              datadog-codegen fetch --tag status-pages
              datadog-codegen fetch --endpoint status-pages/list-status-pages --output input
            """
    )

    @Option(name: .customLong("tag"), help: ArgumentHelp(
        "Fetch every endpoint page of this tag, found through its index page (repeatable).",
        valueName: "tag-slug"))
    var tags: [String] = []

    @Option(name: .customLong("endpoint"), help: ArgumentHelp(
        "Fetch this one page (repeatable).",
        valueName: "tag-slug/endpoint-slug"))
    var endpoints: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder the pages are written to.", valueName: "folder"))
    var output: String = "input"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the reference pages are served from.", valueName: "url"))
    var baseURL: String = PageFetcher.Options.defaultBaseURL.absoluteString

    @Option(help: ArgumentHelp("Downloads in flight at most.", valueName: "n"))
    var concurrency: Int = 4

    @Option(help: ArgumentHelp("Retries of a page after 429, 5xx or a network error.", valueName: "n"))
    var retries: Int = 4

    @Option(help: ArgumentHelp("Time limit of one request, in seconds.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        if tags.isEmpty && endpoints.isEmpty {
            throw ValidationError("Name what to fetch: --tag <tag-slug> or --endpoint <tag-slug>/<endpoint-slug>.")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        guard retries >= 0 else { throw ValidationError("--retries must not be negative.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
        guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--base-url must be an http(s) address, for example \(PageFetcher.Options.defaultBaseURL.absoluteString).")
        }
        for endpoint in endpoints {
            do { _ = try PageFetcher.Target(endpointPath: endpoint) } catch { throw ValidationError("--endpoint \(error)") }
        }
    }

    func run() async throws {
        var targets = tags.map { PageFetcher.Target.tag($0) }
        targets += try endpoints.map { try PageFetcher.Target(endpointPath: $0) }
        var trimmedBase = baseURL
        while trimmedBase.hasSuffix("/") { trimmedBase.removeLast() }
        let options = PageFetcher.Options(
            baseURL: URL(string: trimmedBase)!, output: URL(fileURLWithPath: output),
            concurrency: concurrency, maxRetries: retries, timeout: timeout)
        let progress = ProgressLine(label: "fetching")
        progress.start()
        let summary = await PageFetcher(options: options).fetch(targets) { done, total in
            progress.update("\(done)/\(total) pages")
        }
        progress.finish()
        print(summary)
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
