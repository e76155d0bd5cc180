import FlyingFox
import FlyingSocks
import Foundation
import XCTest
@testable import DatadogCodegen

/// `datadog-codegen fetch` against a real HTTP server on 127.0.0.1 serving the corpus pages of
/// `../shared/corpus/pages` (never the internet).
final class FetchTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pages")
    static let tag = "status-pages"

    var server: PageServer!
    var output: URL!

    override func setUp() async throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent(Self.tag).path) else {
            throw XCTSkip("FetchTests serve the reference pages of \(Self.corpus.path)/\(Self.tag), which is absent; nothing to fetch.")
        }
        server = try await PageServer(corpus: Self.corpus)
        output = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        await server?.stop()
        if let output { try? FileManager.default.removeItem(at: output) }
    }

    func fetcher(concurrency: Int = 4, maxRetries: Int = 3) -> PageFetcher {
        PageFetcher(options: .init(
            baseURL: server.baseURL, output: output, concurrency: concurrency,
            maxRetries: maxRetries, initialBackoff: 0.01, maxBackoff: 0.2, timeout: 10))
    }

    /// The endpoint slugs of the test tag in the corpus.
    var corpusSlugs: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent(Self.tag).path)
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        }
    }

    func corpusPage(_ slug: String) throws -> Data {
        try Data(contentsOf: Self.corpus.appendingPathComponent("\(Self.tag)/\(slug).md"))
    }

    func testTagFollowsIndexLinksAndReportsChanges() async throws {
        let slugs = try corpusSlugs
        XCTAssertGreaterThan(slugs.count, 3)
        // A tag index in the export's style: links in several forms, plus links to elsewhere.
        var index = "---\ntitle: Status Pages\n---\n\n# Status Pages\n\nSee the [scopes](https://docs.datadoghq.com/api/latest/scopes.md#status-pages) and [other tag](https://docs.datadoghq.com/api/latest/incidents/list-incidents.md).\n\n"
        for (number, slug) in slugs.enumerated() {
            switch number % 3 {
            case 0: index += "- [\(slug)](https://docs.datadoghq.com/api/latest/\(Self.tag)/\(slug).md)\n"
            case 1: index += "- [\(slug)](\(Self.tag)/\(slug).md#overview)\n"
            default: index += "- [\(slug)](/api/latest/\(Self.tag)/\(slug)/)\n"
            }
        }
        index += "\nRepeated: [again](\(Self.tag)/\(slugs[0]).md)\n"
        await server.setIndex(Self.tag, index)

        let first = await fetcher().fetch([.tag(Self.tag)])
        XCTAssertEqual(first.added, slugs.map { "\(Self.tag)/\($0).md" }, "\(first)")
        XCTAssertEqual(first.failed, [], "\(first)")
        for slug in slugs {
            let written = try Data(contentsOf: output.appendingPathComponent("\(Self.tag)/\(slug).md"))
            XCTAssertEqual(written, try corpusPage(slug), slug)
        }
        // Each page once, plus the index; never the other tag's page.
        let requested = await server.requestedPaths
        XCTAssertEqual(requested.count, slugs.count + 1, "\(requested)")
        XCTAssertFalse(requested.contains { $0.contains("incidents") })

        // Second run: nothing changed. Then one page edited locally and one removed.
        let second = await fetcher().fetch([.tag(Self.tag)])
        XCTAssertEqual(second.unchanged.count, slugs.count)
        XCTAssertTrue(second.added.isEmpty && second.updated.isEmpty && second.failed.isEmpty, "\(second)")
        try Data("stale".utf8).write(to: output.appendingPathComponent("\(Self.tag)/\(slugs[1]).md"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("\(Self.tag)/\(slugs[2]).md"))
        let third = await fetcher().fetch([.tag(Self.tag)])
        XCTAssertEqual(third.updated, ["\(Self.tag)/\(slugs[1]).md"])
        XCTAssertEqual(third.added, ["\(Self.tag)/\(slugs[2]).md"])
        XCTAssertEqual(third.unchanged.count, slugs.count - 2)
        XCTAssertTrue("\(third)".hasPrefix("\(slugs.count) pages: 1 added, 1 updated, \(slugs.count - 2) unchanged, 0 failed"), "\(third)")
    }

    func testRetries429ThenSucceeds() async throws {
        let slug = try corpusSlugs[0]
        let path = "/api/latest/\(Self.tag)/\(slug).md"
        await server.script(path, [(429, ["Retry-After": "0"]), (429, [:])])
        let summary = await fetcher().fetch([.endpoint(tag: Self.tag, endpoint: slug)])
        XCTAssertEqual(summary.added, ["\(Self.tag)/\(slug).md"], "\(summary)")
        XCTAssertEqual(summary.failed, [])
        let hits = await server.requestedPaths.filter { $0 == path }.count
        XCTAssertEqual(hits, 3)
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("\(Self.tag)/\(slug).md")), try corpusPage(slug))
    }

    func testPersistent5xxFailsAfterRetriesAndOthersStillArrive() async throws {
        let slugs = Array(try corpusSlugs.prefix(3))
        let broken = "/api/latest/\(Self.tag)/\(slugs[0]).md"
        await server.script(broken, Array(repeating: (503, [:]), count: 10))
        let summary = await fetcher(maxRetries: 2).fetch(slugs.map { .endpoint(tag: Self.tag, endpoint: $0) })
        XCTAssertEqual(summary.added, slugs.dropFirst().map { "\(Self.tag)/\($0).md" })
        XCTAssertEqual(summary.failed.map(\.path), ["\(Self.tag)/\(slugs[0]).md"])
        XCTAssertEqual(summary.failed.first?.reason, "HTTP 503 after 3 attempts")
        let hits = await server.requestedPaths.filter { $0 == broken }.count
        XCTAssertEqual(hits, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(Self.tag)/\(slugs[0]).md").path))
    }

    func testNotFoundIsNotRetried() async throws {
        let summary = await fetcher().fetch([.endpoint(tag: Self.tag, endpoint: "no-such-endpoint"), .tag("no-such-tag")])
        XCTAssertEqual(summary.failed.map(\.path), ["no-such-tag.md", "\(Self.tag)/no-such-endpoint.md"])
        XCTAssertEqual(summary.failed.map(\.reason), ["HTTP 404", "HTTP 404"])
        let requested = await server.requestedPaths
        XCTAssertEqual(requested.count, 2, "\(requested)")
        XCTAssertTrue("\(summary)".contains("failed:    \(Self.tag)/no-such-endpoint.md: HTTP 404 (\(server.baseURL.absoluteString)/\(Self.tag)/no-such-endpoint.md)"), "\(summary)")
    }

    func testIndexWithoutEndpointLinksIsAFailure() async throws {
        await server.setIndex(Self.tag, "# Status Pages\n\nNo links here, only [scopes](https://docs.datadoghq.com/api/latest/scopes.md).\n")
        let summary = await fetcher().fetch([.tag(Self.tag)])
        XCTAssertEqual(summary.failed.map(\.path), ["\(Self.tag).md"])
        XCTAssertTrue(summary.failed[0].reason.contains("links to no endpoint page"), summary.failed[0].reason)
    }

    func testConcurrencyLimit() async throws {
        let slugs = Array(try corpusSlugs.prefix(8))
        await server.setDelay(milliseconds: 80)
        let summary = await fetcher(concurrency: 2).fetch(slugs.map { .endpoint(tag: Self.tag, endpoint: $0) })
        XCTAssertEqual(summary.added.count, slugs.count, "\(summary)")
        let peak = await server.peakInFlight
        XCTAssertLessThanOrEqual(peak, 2)
        XCTAssertGreaterThanOrEqual(peak, 1)
    }

    // MARK: Pure parts

    func testEndpointLinks() {
        let page = URL(string: "https://docs.datadoghq.com/api/latest/status-pages.md")!
        let base = URL(string: "https://docs.datadoghq.com/api/latest")!
        let markdown = """
            [a](https://docs.datadoghq.com/api/latest/status-pages/create-component.md)
            [b](status-pages/get-component.md#overview) [c](</api/latest/status-pages/list-components/>)
            https://docs.datadoghq.com/api/latest/status-pages/delete-component.md and
            [x](https://docs.datadoghq.com/api/latest/scopes.md#status-pages) [y](../latest/incidents/list-incidents.md)
            [z](https://docs.datadoghq.com/api/latest/status-pages.md) [q](https://docs.datadoghq.com/api/latest/status-pages/?tab=x)
            [dup](status-pages/create-component.md) [evil](status-pages/..%2F..%2Fetc.md)
            """
        XCTAssertEqual(PageFetcher.endpointLinks(in: markdown, tag: "status-pages", pageURL: page, baseURL: base),
                       ["create-component", "get-component", "list-components", "delete-component"])
        // Served from elsewhere, the export's absolute docs.datadoghq.com links still count.
        let local = URL(string: "http://127.0.0.1:8080/docs/api/latest")!
        XCTAssertEqual(PageFetcher.endpointLinks(in: "[a](https://docs.datadoghq.com/api/latest/status-pages/create-component.md) [b](status-pages/get-component.md)",
                                                 tag: "status-pages", pageURL: local.appendingPathComponent("status-pages.md"), baseURL: local),
                       ["create-component", "get-component"])
    }

    func testEndpointTargets() throws {
        XCTAssertEqual(try PageFetcher.Target(endpointPath: "status-pages/list-status-pages"), .endpoint(tag: "status-pages", endpoint: "list-status-pages"))
        XCTAssertEqual(try PageFetcher.Target(endpointPath: "synthetics/trigger-tests-from-ci/cd-pipelines.md"),
                       .endpoint(tag: "synthetics", endpoint: "trigger-tests-from-ci/cd-pipelines"))
        for bad in ["status-pages", "/etc/passwd", "status-pages/../x", "a/b c", "a/"] {
            XCTAssertThrowsError(try PageFetcher.Target(endpointPath: bad), bad)
        }
        let fetcher = PageFetcher(options: .init(baseURL: URL(string: "https://docs.datadoghq.com/api/latest")!, output: URL(fileURLWithPath: "/tmp")))
        XCTAssertEqual(fetcher.pageURL(tag: "synthetics", endpoint: "trigger-tests-from-ci/cd-pipelines").absoluteString,
                       "https://docs.datadoghq.com/api/latest/synthetics/trigger-tests-from-ci/cd-pipelines.md")
        XCTAssertEqual(fetcher.indexURL(tag: "status-pages").absoluteString, "https://docs.datadoghq.com/api/latest/status-pages.md")
    }

    func testRetryAfterAndBackoff() {
        XCTAssertEqual(PageFetcher.retryAfterSeconds("3"), 3)
        XCTAssertNil(PageFetcher.retryAfterSeconds("soon"))
        XCTAssertEqual(PageFetcher.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT"), 0)
        let fetcher = PageFetcher(options: .init(output: URL(fileURLWithPath: "/tmp"), initialBackoff: 1, maxBackoff: 5))
        XCTAssertEqual(fetcher.backoff(attempt: 0), 1, accuracy: 0.21)
        XCTAssertEqual(fetcher.backoff(attempt: 1), 2, accuracy: 0.41)
        XCTAssertEqual(fetcher.backoff(attempt: 10), 5, accuracy: 1.01)
    }
}

/// Serves `/api/latest/<tag>.md` from indexes the test sets and `/api/latest/<path>.md` from the
/// corpus folder; can answer scripted statuses first, delay answers and count requests in flight.
final class PageServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    let baseURL: URL
    private let state = State()

    actor State {
        var indexes: [String: String] = [:]
        var scripts: [String: [(Int, [String: String])]] = [:]
        var requested: [String] = []
        var delay: UInt64 = 0
        var inFlight = 0
        var peak = 0

        func begin(_ path: String) -> (status: Int, headers: [String: String])? {
            requested.append(path)
            inFlight += 1
            peak = max(peak, inFlight)
            guard var script = scripts[path], !script.isEmpty else { return nil }
            let next = script.removeFirst()
            scripts[path] = script
            return next
        }

        func end() { inFlight -= 1 }
        func setIndex(_ tag: String, _ text: String) { indexes[tag] = text }
        func script(_ path: String, _ answers: [(Int, [String: String])]) { scripts[path] = answers }
        func setDelay(_ nanoseconds: UInt64) { delay = nanoseconds }
    }

    init(corpus: URL) async throws {
        let state = self.state
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("*") { request in
            let path = request.path
            let scripted = await state.begin(path)
            let delay = await state.delay
            if delay > 0 { try? await Task.sleep(nanoseconds: delay) }
            let response = await Self.respond(path: path, scripted: scripted, corpus: corpus, state: state)
            await state.end()
            return response
        }
        self.server = server
        task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)/api/latest")!
    }

    private static func respond(path: String, scripted: (status: Int, headers: [String: String])?, corpus: URL, state: State) async -> HTTPResponse {
        if let (status, headers) = scripted {
            var fields = HTTPHeaders()
            for (name, value) in headers { fields[HTTPHeader(name)] = value }
            return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Scripted"), headers: fields, body: Data("scripted \(status)".utf8))
        }
        let prefix = "/api/latest/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md"), !path.contains("..") else {
            return HTTPResponse(statusCode: .notFound)
        }
        let relative = String(path.dropFirst(prefix.count))
        if !relative.dropLast(3).contains("/") {
            guard let index = await state.indexes[String(relative.dropLast(3))] else { return HTTPResponse(statusCode: .notFound) }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/markdown; charset=utf-8"], body: Data(index.utf8))
        }
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent(relative)) else {
            return HTTPResponse(statusCode: .notFound)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/markdown; charset=utf-8"], body: data)
    }

    var requestedPaths: [String] { get async { await state.requested } }
    var peakInFlight: Int { get async { await state.peak } }
    func setIndex(_ tag: String, _ text: String) async { await state.setIndex(tag, text) }
    func script(_ path: String, _ answers: [(Int, [String: String])]) async { await state.script(path, answers) }
    func setDelay(milliseconds: UInt64) async { await state.setDelay(milliseconds * 1_000_000) }

    func stop() async {
        await server.stop()
        task.cancel()
    }
}
