/// The diagnostics of a whole run, passed down the stages: each stage reports a page's
/// ``DiagnosticLog`` (or single diagnostics) here, and ``sorted(pageOrder:)`` gives them back
/// ordered by page and line at the end.
public struct DiagnosticCollector: Sendable {
    /// Everything reported so far, in report order.
    public private(set) var reported: [Diagnostic] = []

    /// An empty collector.
    public init() {}

    /// Records one diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) { reported.append(diagnostic) }

    /// Records what a page's log holds.
    public mutating func report(_ log: DiagnosticLog) { reported += log.diagnostics }

    /// Records what another collector holds (a stage run on another core), after this one's.
    public mutating func report(_ other: DiagnosticCollector) { reported += other.reported }

    /// Every diagnostic ordered by page (in `pageOrder`; files not in it last, by name), then by
    /// line; diagnostics of one line keep the order they were reported in.
    public func sorted(pageOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(pageOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let keyed = reported.enumerated().map { index, diagnostic in
            (page: rank[diagnostic.file] ?? pageOrder.count, file: diagnostic.file, line: diagnostic.line, index: index, diagnostic: diagnostic)
        }
        return keyed.sorted { ($0.page, $0.file, $0.line, $0.index) < ($1.page, $1.file, $1.line, $1.index) }.map(\.diagnostic)
    }
}
