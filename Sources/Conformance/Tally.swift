/// Counts by key, in the order keys were first seen (ties in `mostCommon` keep that order, as the
/// figures' breakdowns always printed them).
public struct Tally: Sendable, Equatable {
    public private(set) var keys: [String] = []
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ key: String, _ n: Int = 1) {
        if counts[key] == nil { keys.append(key) }
        counts[key, default: 0] += n
    }

    public subscript(key: String) -> Int { counts[key] ?? 0 }

    public var isEmpty: Bool { keys.isEmpty }

    /// Keys by count, highest first; equal counts in first-seen order.
    public func mostCommon(_ limit: Int? = nil) -> [(key: String, count: Int)] {
        let sorted = keys.enumerated()
            .sorted { a, b in counts[a.element]! != counts[b.element]! ? counts[a.element]! > counts[b.element]! : a.offset < b.offset }
            .map { (key: $0.element, count: counts[$0.element]!) }
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }
}
