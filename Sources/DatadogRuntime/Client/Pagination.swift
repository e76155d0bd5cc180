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

/// The items of a paginated list endpoint, fetched page by page as they are iterated.
///
/// Iteration stops when `fetchPage` returns no next state, when a page is empty, when an
/// offset or page-number page holds fewer items than the page size, or when a cursor is
/// empty or repeats the previous one.
public struct PaginatedSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches one page for a state and says where the next page starts.
    public typealias FetchPage = @Sendable (_ state: PageState) async throws -> (items: [Element], next: PageState?)

    private let initialState: PageState
    private let fetchPage: FetchPage

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

    /// Makes an iterator that starts at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(state: initialState, fetchPage: fetchPage)
    }

    /// Collects every item (fetching every page).
    ///
    /// - Throws: Whatever `fetchPage` throws.
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

        init(state: PageState, fetchPage: @escaping FetchPage) {
            self.state = state
            self.fetchPage = fetchPage
        }

        /// The next item, fetching the next page when needed; `nil` at the end.
        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                guard let current = state else { return nil }
                try Task.checkCancellation()
                let page = try await fetchPage(current)
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
            case .cursor(let previous):
                guard case .cursor(let cursor) = next else { return next }
                guard let cursor, !cursor.isEmpty, cursor != previous else { return nil }
                return next
            }
        }
    }
}
