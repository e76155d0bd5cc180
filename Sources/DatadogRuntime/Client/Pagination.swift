import Foundation

/// Where the next page of a paginated list starts.
public enum PageState: Sendable, Hashable {
    /// Offset style: skip `offset` items, take `limit`.
    case offset(Int64, limit: Int64)
    /// Page-number style: page `number` (as the API counts) of `size` items.
    case page(Int64, size: Int64)
    /// Cursor style: the opaque cursor, `nil` for the first page.
    case cursor(String?)

    /// The usual next state after a page of `count` items: the following offset or page
    /// number, or `nil` when the page was short (fewer than the page size) or empty.
    /// Cursor states have no implied successor and return `nil`.
    public func advanced(byReceiving count: Int) -> PageState? {
        switch self {
        case .offset(let offset, let limit):
            guard count > 0, Int64(count) >= limit else { return nil }
            return .offset(offset + Int64(count), limit: limit)
        case .page(let number, let size):
            guard count > 0, Int64(count) >= size else { return nil }
            return .page(number + 1, size: size)
        case .cursor:
            return nil
        }
    }
}

/// Why a paginated list stopped with an error instead of ending.
public enum PaginationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More pages than the limit (``DatadogConfiguration/maxPages``, or
    /// ``PaginatedSequence/limitingPages(to:)``) were needed.
    case tooManyPages(limit: Int)
    /// The server sent a page position that was already fetched (a cursor cycle such as
    /// A, B, A), which would loop forever.
    case cycle(PageState)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .tooManyPages(let limit):
            return "Pagination stopped after \(limit) pages (the limit; raise configuration.maxPages to fetch more)"
        case .cycle(let state):
            return "Pagination stopped: the server returned an already fetched page position again (\(state))"
        }
    }
}

/// The page limit of the client serving the current page fetch: the client records its
/// ``DatadogConfiguration/maxPages`` here when a page request goes through it.
final class PaginationScope: @unchecked Sendable {
    @TaskLocal static var current: PaginationScope?

    private let lock = NSLock()
    private var recorded: Int?

    var maxPages: Int? { lock.withLock { recorded } }

    func record(maxPages: Int) {
        lock.withLock { recorded = Swift.min(recorded ?? maxPages, maxPages) }
    }
}

/// The items of a paginated list endpoint, fetched page by page as they are iterated.
///
/// Iteration stops when `fetchPage` returns no next state, when a page is empty, when an
/// offset or page-number page holds fewer items than the page size, or when a cursor is
/// empty. It fails with ``PaginationError`` when a page position
/// comes back that was already fetched (a cycle, a repeated cursor included), or when more pages than the limit would be
/// fetched: ``DatadogConfiguration/maxPages`` of the client the pages are requested through
/// (1,000 by default), or the one given to ``limitingPages(to:)``.
public struct PaginatedSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches one page for a state and says where the next page starts.
    public typealias FetchPage = @Sendable (_ state: PageState) async throws -> (items: [Element], next: PageState?)

    /// The page limit when neither the client nor ``limitingPages(to:)`` sets one.
    public static var defaultMaxPages: Int { 1000 }

    private let initialState: PageState
    private let fetchPage: FetchPage
    private var maxPages: Int?

    /// Creates a sequence starting at `initialState`.
    ///
    /// - Parameters:
    ///   - initialState: The first page's state.
    ///   - fetchPage: Sends the request for a state; returns the items and the next state.
    public init(initialState: PageState, fetchPage: @escaping FetchPage) {
        self.initialState = initialState
        self.fetchPage = fetchPage
    }

    /// Creates a sequence starting with `.cursor(nil)` (the first page of a cursor list).
    public init(fetchPage: @escaping FetchPage) {
        self.init(initialState: .cursor(nil), fetchPage: fetchPage)
    }

    /// The same sequence, failing with ``PaginationError/tooManyPages(limit:)`` rather than
    /// fetching more than `maxPages` pages (overrides the client's
    /// ``DatadogConfiguration/maxPages``).
    public func limitingPages(to maxPages: Int) -> PaginatedSequence {
        var copy = self
        copy.maxPages = Swift.max(1, maxPages)
        return copy
    }

    /// Makes an iterator that starts at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(state: initialState, fetchPage: fetchPage, maxPages: maxPages)
    }

    /// Collects every item (fetching every page).
    ///
    /// - Throws: Whatever `fetchPage` throws, and ``PaginationError``.
    public func collect() async throws -> [Element] {
        var result: [Element] = []
        for try await item in self {
            result.append(item)
        }
        return result
    }

    /// Iterates items across pages.
    public struct Iterator: AsyncIteratorProtocol {
        private var state: PageState?
        private let fetchPage: FetchPage
        private var buffer: [Element] = []
        private var index = 0
        private let explicitMaxPages: Int?
        private let scope = PaginationScope()
        private var seen: Set<PageState> = []

        init(state: PageState, fetchPage: @escaping FetchPage, maxPages: Int?) {
            self.state = state
            self.fetchPage = fetchPage
            self.explicitMaxPages = maxPages
        }

        /// The next item, fetching the next page when needed; `nil` at the end.
        ///
        /// - Throws: Whatever the page fetch throws, and ``PaginationError``.
        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                guard let current = state else { return nil }
                try Task.checkCancellation()
                let limit = explicitMaxPages ?? scope.maxPages ?? PaginatedSequence.defaultMaxPages
                if seen.count >= limit {
                    state = nil
                    throw PaginationError.tooManyPages(limit: limit)
                }
                if !seen.insert(current).inserted {
                    state = nil
                    throw PaginationError.cycle(current)
                }
                let fetchPage = self.fetchPage
                let page = try await PaginationScope.$current.withValue(scope) { try await fetchPage(current) }
                buffer = page.items
                index = 0
                state = Self.following(current, count: page.items.count, next: page.next)
            }
            defer { index += 1 }
            return buffer[index]
        }

        private static func following(_ current: PageState, count: Int, next: PageState?) -> PageState? {
            guard count > 0, let next else { return nil }
            switch current {
            case .offset(_, let limit), .page(_, let limit):
                return Int64(count) < limit ? nil : next
            case .cursor:
                // A repeated cursor is not an end: the next fetch finds it seen and throws a cycle.
                guard case .cursor(let cursor) = next else { return next }
                guard let cursor, !cursor.isEmpty else { return nil }
                return next
            }
        }
    }
}
