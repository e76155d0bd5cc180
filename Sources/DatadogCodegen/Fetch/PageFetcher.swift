import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads Datadog API reference pages (the `.md` export of docs.datadoghq.com) into an
/// input folder, as `<tag-slug>/<endpoint-slug>.md`.
///
/// Pages are addressed as `<base>/<tag-slug>/<endpoint-slug>.md`; a whole tag is found through
/// its index page `<base>/<tag-slug>.md`, whose links to endpoint pages of that tag are followed.
/// The fetcher is polite: at most ``Options/concurrency`` downloads at a time, and a `429` or
/// `5xx` answer (or a network error) is retried after a growing pause, honouring `Retry-After`.
/// A page is only rewritten when its text changed.
///
/// ```swift
/// let fetcher = PageFetcher(options: .init(output: URL(fileURLWithPath: "input")))
/// let summary = await fetcher.fetch([.tag("status-pages")])
/// print(summary)
/// ```
public struct PageFetcher: Sendable {
    /// Where to fetch from and write to, and how politely.
    public struct Options: Sendable {
        /// docs.datadoghq.com's API reference: `https://docs.datadoghq.com/api/latest`.
        public static let defaultBaseURL = URL(string: "https://docs.datadoghq.com/api/latest")!

        /// The folder holding `<tag-slug>.md` index pages and `<tag-slug>/<endpoint-slug>.md` pages.
        public var baseURL: URL
        /// The folder pages are written to (`<tag-slug>/<endpoint-slug>.md` below it).
        public var output: URL
        /// Downloads in flight at most.
        public var concurrency: Int
        /// Retries of one download after a `429`, a `5xx` or a network error.
        public var maxRetries: Int
        /// Pause before the first retry, in seconds; it doubles with each further retry.
        public var initialBackoff: Double
        /// Longest pause between two attempts, in seconds (also caps `Retry-After`).
        public var maxBackoff: Double
        /// Time limit of one request, in seconds.
        public var timeout: Double

        /// Creates options; only `output` has no default.
        public init(
            baseURL: URL = Options.defaultBaseURL,
            output: URL,
            concurrency: Int = 4,
            maxRetries: Int = 4,
            initialBackoff: Double = 1,
            maxBackoff: Double = 30,
            timeout: Double = 60
        ) {
            self.baseURL = baseURL
            self.output = output
            self.concurrency = concurrency
            self.maxRetries = maxRetries
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.timeout = timeout
        }
    }

    /// What to fetch.
    public enum Target: Hashable, Sendable {
        /// Every endpoint page linked from the tag's index page `<base>/<tag>.md`.
        case tag(String)
        /// One page, `<base>/<tag>/<endpoint>.md`.
        case endpoint(tag: String, endpoint: String)

        /// Parses `<tag-slug>/<endpoint-slug>` (a trailing `.md` is allowed).
        ///
        /// - Throws: ``FetchError`` when the text is not a tag slug and an endpoint slug
        ///   separated by `/`, or holds characters that are not allowed in a slug.
        public init(endpointPath: String) throws {
            var text = endpointPath.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix(".md") { text.removeLast(3) }
            guard let slash = text.firstIndex(of: "/") else {
                throw FetchError(description: "`\(endpointPath)` is not of the form <tag-slug>/<endpoint-slug>")
            }
            let tag = String(text[..<slash]), endpoint = String(text[text.index(after: slash)...])
            guard PageFetcher.isSlug(tag), PageFetcher.isSlug(endpoint, allowingSlash: true) else {
                throw FetchError(description: "`\(endpointPath)` is not of the form <tag-slug>/<endpoint-slug> (letters, digits, `-`, `_`, `.`)")
            }
            self = .endpoint(tag: tag, endpoint: endpoint)
        }
    }

    /// A problem with what was asked for (not with a download).
    public struct FetchError: Error, CustomStringConvertible {
        /// What is wrong, in a sentence.
        public var description: String
    }

    /// A page (or tag index) that could not be fetched or written.
    public struct Failure: Sendable, Hashable {
        /// The page's path below the output folder (`<tag>/<endpoint>.md`), or `<tag>.md` for an index.
        public var path: String
        /// The address asked for.
        public var url: URL
        /// What went wrong, for example `HTTP 404` or `HTTP 503 after 5 attempts`.
        public var reason: String
    }

    /// What a run changed in the output folder.
    public struct Summary: Sendable, CustomStringConvertible {
        /// Pages that did not exist before.
        public var added: [String] = []
        /// Pages whose text changed.
        public var updated: [String] = []
        /// Pages whose text was already the same.
        public var unchanged: [String] = []
        /// Pages and tag indexes that could not be fetched or written.
        public var failed: [Failure] = []

        /// A one-line count, then one line per added, updated or failed page.
        public var description: String {
            let total = added.count + updated.count + unchanged.count + failed.count
            var lines = ["\(total) page\(total == 1 ? "" : "s"): \(added.count) added, \(updated.count) updated, \(unchanged.count) unchanged, \(failed.count) failed"]
            lines += added.map { "  added:     \($0)" }
            lines += updated.map { "  updated:   \($0)" }
            lines += failed.map { "  failed:    \($0.path): \($0.reason) (\($0.url.absoluteString))" }
            return lines.joined(separator: "\n")
        }
    }

    /// The run's settings.
    public let options: Options
    private let session: URLSession

    /// Creates a fetcher; it makes its own `URLSession` (no cookies, no cache).
    public init(options: Options) {
        self.options = options
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "datadog-codegen-fetch", "Accept": "text/markdown, text/plain, */*"]
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: configuration)
    }

    /// The address of an endpoint page.
    public func pageURL(tag: String, endpoint: String) -> URL {
        var url = options.baseURL.appendingPathComponent(tag)
        for component in endpoint.split(separator: "/") { url.appendPathComponent(String(component)) }
        return url.appendingPathExtension("md")
    }

    /// The address of a tag's index page.
    public func indexURL(tag: String) -> URL {
        options.baseURL.appendingPathComponent(tag).appendingPathExtension("md")
    }

    /// Fetches the pages of `targets` into the output folder and says what changed.
    ///
    /// Never throws: every page or index that cannot be fetched or written is listed in
    /// ``Summary/failed``, and the others are still fetched. `progress` is called after each page.
    public func fetch(_ targets: [Target], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async -> Summary {
        var summary = Summary()
        var pages: [(tag: String, endpoint: String)] = []
        var seen: Set<String> = []
        func add(_ tag: String, _ endpoint: String) {
            if seen.insert(tag + "/" + endpoint).inserted { pages.append((tag, endpoint)) }
        }

        var tags: [String] = []
        for target in targets {
            switch target {
            case .tag(let tag):
                if !tags.contains(tag) { tags.append(tag) }
            case .endpoint(let tag, let endpoint):
                add(tag, endpoint)
            }
        }
        let invalidTags = tags.filter { !Self.isSlug($0) }
        for tag in invalidTags {
            summary.failed.append(Failure(path: tag + ".md", url: options.baseURL, reason: "not a tag slug (letters, digits, `-`, `_`, `.`)"))
        }
        tags.removeAll { !Self.isSlug($0) }

        // Tag indexes first, then every page they link to.
        let indexes = await Self.map(tags, limit: options.concurrency) { tag in
            (tag, await self.download(self.indexURL(tag: tag)))
        }
        for (tag, result) in indexes {
            let url = indexURL(tag: tag)
            switch result {
            case .success(let data):
                let endpoints = Self.endpointLinks(in: String(decoding: data, as: UTF8.self), tag: tag, pageURL: url, baseURL: options.baseURL)
                if endpoints.isEmpty {
                    summary.failed.append(Failure(path: tag + ".md", url: url, reason: "the index page links to no endpoint page of `\(tag)`"))
                }
                for endpoint in endpoints { add(tag, endpoint) }
            case .failure(let reason):
                summary.failed.append(Failure(path: tag + ".md", url: url, reason: reason.description))
            }
        }

        let total = pages.count
        let counter = ProgressCounter()
        let outcomes = await Self.map(pages, limit: options.concurrency) { page -> (String, Outcome) in
            let outcome = await self.fetchPage(tag: page.tag, endpoint: page.endpoint)
            if let progress { progress(counter.increment(), total) }
            return (page.tag + "/" + page.endpoint + ".md", outcome)
        }
        for (path, outcome) in outcomes {
            switch outcome {
            case .added: summary.added.append(path)
            case .updated: summary.updated.append(path)
            case .unchanged: summary.unchanged.append(path)
            case .failed(let failure): summary.failed.append(failure)
            }
        }
        summary.added.sort()
        summary.updated.sort()
        summary.unchanged.sort()
        summary.failed.sort { $0.path < $1.path }
        return summary
    }

    enum Outcome: Sendable {
        case added, updated, unchanged
        case failed(Failure)
    }

    /// Downloads one page and writes it when it is new or changed.
    func fetchPage(tag: String, endpoint: String) async -> Outcome {
        let url = pageURL(tag: tag, endpoint: endpoint)
        let path = tag + "/" + endpoint + ".md"
        let data: Data
        switch await download(url) {
        case .success(let body): data = body
        case .failure(let reason): return .failed(Failure(path: path, url: url, reason: reason.description))
        }
        guard !data.isEmpty else { return .failed(Failure(path: path, url: url, reason: "empty page")) }
        let file = options.output.appendingPathComponent(path)
        let existing = try? Data(contentsOf: file)
        if existing == data { return .unchanged }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            return .failed(Failure(path: path, url: url, reason: "cannot write \(file.path): \(error.localizedDescription)"))
        }
        return existing == nil ? .added : .updated
    }

    /// Why a download failed.
    struct DownloadFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// GETs `url`, retrying `429`, `5xx` and network errors with backoff.
    func download(_ url: URL) async -> Result<Data, DownloadFailure> {
        var attempt = 0
        while true {
            let delay: Double
            let reason: String
            do {
                let (data, response) = try await get(url)
                if (200..<300).contains(response.statusCode) { return .success(data) }
                reason = "HTTP \(response.statusCode)"
                guard response.statusCode == 429 || (500..<600).contains(response.statusCode) else {
                    return .failure(DownloadFailure(description: reason))
                }
                let retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap(Self.retryAfterSeconds)
                delay = retryAfter.map { min($0, options.maxBackoff) } ?? backoff(attempt: attempt)
            } catch {
                reason = "network error: \(error.localizedDescription)"
                delay = backoff(attempt: attempt)
            }
            guard attempt < options.maxRetries, !Task.isCancelled else {
                return .failure(DownloadFailure(description: attempt == 0 ? reason : "\(reason) after \(attempt + 1) attempts"))
            }
            attempt += 1
            if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
        }
    }

    /// The pause before retry `attempt + 1`: `initialBackoff · 2^attempt`, capped, with ±20 % jitter.
    func backoff(attempt: Int) -> Double {
        let base = min(options.maxBackoff, options.initialBackoff * pow(2, Double(min(attempt, 30))))
        return max(0, base * Double.random(in: 0.8...1.2))
    }

    private func get(_ url: URL) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: url)
        request.timeoutInterval = options.timeout
        let session = self.session
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: (data ?? Data(), http))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }
            task.resume()
        }
    }

    /// `Retry-After` as seconds: a number of seconds or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }

    /// The endpoint slugs of `tag` that a tag index page links to, in order of first appearance.
    ///
    /// Links are read from markdown links (`[text](target)`, `<target>`) and bare URLs, resolved
    /// against the index page's address, and kept when they point below `<base>/<tag>/` or below
    /// `/api/latest/<tag>/` on any host (the export links to docs.datadoghq.com even when served
    /// elsewhere). Fragments, queries, `.md` and trailing `/` are dropped.
    public static func endpointLinks(in markdown: String, tag: String, pageURL: URL, baseURL: URL) -> [String] {
        let pattern = #"\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<(https?://[^>\s]+)>|(https?://[^\s)\]>"'`]+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = markdown as NSString
        var prefixes = [baseURL.path.hasSuffix("/") ? baseURL.path + tag + "/" : baseURL.path + "/" + tag + "/"]
        if !prefixes.contains("/api/latest/" + tag + "/") { prefixes.append("/api/latest/" + tag + "/") }
        var slugs: [String] = []
        for match in regex.matches(in: markdown, range: NSRange(location: 0, length: text.length)) {
            guard let range = (1...3).map({ match.range(at: $0) }).first(where: { $0.location != NSNotFound }) else { continue }
            var link = text.substring(with: range)
            if let cut = link.firstIndex(where: { $0 == "#" || $0 == "?" }) { link = String(link[..<cut]) }
            guard !link.isEmpty, let resolved = URL(string: link, relativeTo: pageURL)?.absoluteURL else { continue }
            let path = resolved.path
            guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else { continue }
            var slug = String(path.dropFirst(prefix.count))
            while slug.hasSuffix("/") { slug.removeLast() }
            if slug.hasSuffix(".md") { slug.removeLast(3) }
            guard isSlug(slug, allowingSlash: true), !slugs.contains(slug) else { continue }
            slugs.append(slug)
        }
        return slugs
    }

    /// Letters, digits, `-`, `_` and `.` (and `/` between such parts when allowed); never `.` or `..`.
    static func isSlug(_ text: String, allowingSlash: Bool = false) -> Bool {
        let parts = allowingSlash ? text.split(separator: "/", omittingEmptySubsequences: false) : [Substring(text)]
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.count <= 200
                && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        }
    }

    /// `body` over `items`, at most `limit` at a time, results in input order.
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Value
    ) async -> [Value] {
        await withTaskGroup(of: (Int, Value).self) { group in
            var results = [Value?](repeating: nil, count: items.count)
            var next = 0
            while next < min(max(1, limit), items.count) {
                let index = next
                group.addTask { (index, await body(items[index])) }
                next += 1
            }
            while let (index, value) = await group.next() {
                results[index] = value
                if next < items.count {
                    let index = next
                    group.addTask { (index, await body(items[index])) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}

/// A thread-safe count of finished pages, for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
