import Foundation
import XCTest

@testable import DatadogRuntime

final class PaginationTests: XCTestCase {
    /// Records the states asked for.
    private actor StateLog {
        var states: [PageState] = []
        func append(_ state: PageState) { states.append(state) }
    }

    func testOffsetStopsOnShortPage() async throws {
        let log = StateLog()
        let all = Array(0..<7)
        let sequence = PaginatedSequence<Int>(initialState: .offset(0, limit: 3)) { state in
            await log.append(state)
            guard case .offset(let offset, let limit) = state else { return ([], nil) }
            let items = Array(all.dropFirst(Int(offset)).prefix(Int(limit)))
            return (items, state.advanced(byReceiving: items.count))
        }
        let collected = try await sequence.collect()
        XCTAssertEqual(collected, all)
        let states = await log.states
        XCTAssertEqual(states, [.offset(0, limit: 3), .offset(3, limit: 3), .offset(6, limit: 3)])
    }

    func testPageStopsOnShortPageEvenIfNextGiven() async throws {
        let log = StateLog()
        let sequence = PaginatedSequence<String>(initialState: .page(0, size: 2)) { state in
            await log.append(state)
            guard case .page(let number, let size) = state else { return ([], nil) }
            let items = number < 2 ? ["a\(number)", "b\(number)"] : ["last"]
            return (items, .page(number + 1, size: size))
        }
        let collected = try await sequence.collect()
        XCTAssertEqual(collected, ["a0", "b0", "a1", "b1", "last"])
        let count = await log.states.count
        XCTAssertEqual(count, 3)
    }

    func testExactMultipleEndsOnEmptyPage() async throws {
        let sequence = PaginatedSequence<Int>(initialState: .offset(0, limit: 2)) { state in
            guard case .offset(let offset, _) = state else { return ([], nil) }
            let items = offset < 4 ? [Int(offset), Int(offset) + 1] : []
            return (items, state.advanced(byReceiving: items.count))
        }
        let collected = try await sequence.collect()
        XCTAssertEqual(collected, [0, 1, 2, 3])
    }

    func testCursorStopsWithoutNextCursor() async throws {
        let pages: [String?: ([Int], String?)] = [nil: ([1, 2], "c1"), "c1": ([3], "c2"), "c2": ([4], nil)]
        let sequence = PaginatedSequence<Int> { state in
            guard case .cursor(let cursor) = state, let page = pages[cursor] else { return ([], nil) }
            return (page.0, page.1.map { .cursor($0) })
        }
        let collected = try await sequence.collect()
        XCTAssertEqual(collected, [1, 2, 3, 4])
    }

    func testCursorStopsOnEmptyAndFailsOnRepeatedCursor() async throws {
        let repeated = PaginatedSequence<Int> { _ in ([1], .cursor("same")) }
        var received: [Int] = []
        do {
            for try await item in repeated { received.append(item) }
            XCTFail("a cursor that repeats itself must end with PaginationError.cycle")
        } catch PaginationError.cycle(let state) {
            XCTAssertEqual(state, .cursor("same"))
        }
        XCTAssertEqual(received, [1, 1], "both pages are delivered before the repeat is detected")
        let empty = PaginatedSequence<Int> { _ in ([1], .cursor("")) }
        let emptyItems = try await empty.collect()
        XCTAssertEqual(emptyItems, [1])
    }

    func testErrorsPropagateAndIterationIsLazy() async throws {
        struct Boom: Error {}
        let log = StateLog()
        let sequence = PaginatedSequence<Int>(initialState: .page(1, size: 1)) { state in
            await log.append(state)
            if case .page(2, _) = state { throw Boom() }
            return ([1], state.advanced(byReceiving: 1))
        }
        var iterator = sequence.makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, 1)
        let fetched = await log.states.count
        XCTAssertEqual(fetched, 1)
        do {
            _ = try await iterator.next()
            XCTFail("expected error")
        } catch is Boom {}
    }

    func testAdvanced() {
        XCTAssertEqual(PageState.offset(10, limit: 5).advanced(byReceiving: 5), .offset(15, limit: 5))
        XCTAssertNil(PageState.offset(10, limit: 5).advanced(byReceiving: 4))
        XCTAssertEqual(PageState.page(0, size: 5).advanced(byReceiving: 5), .page(1, size: 5))
        XCTAssertNil(PageState.page(0, size: 5).advanced(byReceiving: 0))
        XCTAssertNil(PageState.cursor("x").advanced(byReceiving: 5))
    }

    func testEndlessPagesStopAtTheLimitWithAnError() async throws {
        let log = StateLog()
        let endless = PaginatedSequence<Int>(initialState: .offset(0, limit: 2)) { state in
            await log.append(state)
            return ([1, 2], state.advanced(byReceiving: 2))
        }
        do {
            _ = try await endless.limitingPages(to: 4).collect()
            XCTFail("expected the page limit")
        } catch let error as PaginationError {
            XCTAssertEqual(error, .tooManyPages(limit: 4))
            XCTAssertTrue(error.description.contains("maxPages"))
        }
        let count = await log.states.count
        XCTAssertEqual(count, 4)
        XCTAssertEqual(PaginatedSequence<Int>.defaultMaxPages, 1000)
    }

    func testCursorCyclesAreDetectedOverEveryCursorSeen() async throws {
        let cycle = ["A": "B", "B": "C", "C": "A"]
        let sequence = PaginatedSequence<String> { state in
            guard case .cursor(let cursor) = state else { return ([], nil) }
            let current = cursor ?? "start"
            return ([current], .cursor(cycle[current] ?? "A"))
        }
        var seen: [String] = []
        do {
            for try await item in sequence { seen.append(item) }
            XCTFail("expected a cycle")
        } catch let error as PaginationError {
            XCTAssertEqual(error, .cycle(.cursor("A")))
        }
        XCTAssertEqual(seen, ["start", "A", "B", "C"])
    }

    func testTheClientsPageLimitApplies() async throws {
        var configuration = DatadogConfiguration(environment: [:])
        configuration.maxPages = 3
        let transport = FakeTransport(fallback: .json(200, #"{"next":"x"}"#))
        let client = DatadogClient(configuration: configuration, transport: transport)
        let counter = LockedCounter()
        let sequence = PaginatedSequence<Int> { _ in
            let n = counter.increment()
            try await client.send(APIRequest(operationID: "List", method: "GET", path: "/list"))
            return ([n], .cursor("c\(n)"))
        }
        do {
            _ = try await sequence.collect()
            XCTFail("expected the page limit")
        } catch let error as PaginationError {
            XCTAssertEqual(error, .tooManyPages(limit: 3))
        }
        XCTAssertEqual(transport.requests.count, 3)
    }
}

private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
