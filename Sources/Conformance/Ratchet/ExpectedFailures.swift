import Foundation

/// The expected-failure lists: the ratchet by item (`.ci/expected-failures/<list>.txt`, one failing
/// item a line, sorted, like swift-protobuf's failure_list_swift.txt). A failure not in its list fails
/// the run (named); an item in the list that now passes fails it too, with the hint to re-record.
public struct ExpectedFailures: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    static func header(_ name: String) -> String {
        "# Expected failures of `.ci/conformance PAGES TRUTH CASSETTES` (\(name)): one item a line, sorted.\n"
            + "# A failure not listed fails the run; a listed item that passes fails it too. Re-record: "
            + "`.ci/conformance ../shared/corpus/pages ../shared/corpus/truth ../shared/cassettes --record`.\n"
    }

    /// One line: runs of whitespace become one space, none at the ends.
    static func clean(_ item: String) -> String {
        item.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Code-point order (as the lists have always been sorted).
    static func ordered(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    public func file(_ name: String) -> URL {
        folder.appendingPathComponent(name + ".txt")
    }

    /// The list's items with their counts; nil when it was never recorded.
    func read(_ name: String) -> [String: Int]? {
        guard let text = try? String(contentsOf: file(name), encoding: .utf8) else { return nil }
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false)
        where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
            counts[String(line), default: 0] += 1
        }
        return counts
    }

    public func write(_ name: String, items: [String]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = items.map(Self.clean).sorted(by: Self.ordered)
        try Data((Self.header(name) + lines.map { $0 + "\n" }.joined()).utf8).write(to: file(name))
    }

    /// Compares the failures (`list name → [(item, detail)]`) with the lists; returns the printed
    /// lines and the number of items that differ.
    public func compare(_ failing: [String: [FailingItem]], examples: Int, relative: (URL) -> String) -> (lines: [String], problems: Int) {
        var out: [String] = []
        var problems = 0
        for name in failing.keys.sorted(by: Self.ordered) {
            let items = failing[name] ?? []
            var got: [String: Int] = [:]
            var detail: [String: String] = [:]
            for item in items {
                let key = Self.clean(item.item)
                got[key, default: 0] += 1
                detail[key] = item.detail
            }
            guard let want = read(name) else {
                out.append("   \(name): no list recorded (\(relative(file(name)))); not checked")
                continue
            }
            func excess(_ a: [String: Int], _ b: [String: Int]) -> [String] {
                a.flatMap { key, count in Array(repeating: key, count: max(0, count - (b[key] ?? 0))) }.sorted(by: Self.ordered)
            }
            let new = excess(got, want), fixed = excess(want, got)
            if new.isEmpty && fixed.isEmpty {
                out.append("   \(name): \(got.values.reduce(0, +)) failures, as expected")
                continue
            }
            problems += new.count + fixed.count
            out.append("   \(name): \(new.count) new failures, \(fixed.count) expected failures now pass")
            for item in new.prefix(examples) {
                let why = detail[item].flatMap { $0.isEmpty ? nil : $0 }
                out.append("      NEW FAILURE \(item)" + (why.map { "  (\(String($0.unicodeScalars.prefix(300))))" } ?? ""))
            }
            if new.count > examples { out.append("      … and \(new.count - examples) more new failures") }
            for item in fixed.prefix(examples) { out.append("      NOW PASSES  \(item)") }
            if fixed.count > examples { out.append("      … and \(fixed.count - examples) more now passing") }
            if !fixed.isEmpty {
                out.append("      (fixed: remove them from \(relative(file(name))) — re-record with --record)")
            }
        }
        return (out, problems)
    }
}
