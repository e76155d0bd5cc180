import Foundation

/// Figure 7: the ratchet. The measured figures against the minimum levels of
/// `.ci/conformance-levels.json`, and the failing items against the expected-failure lists; `record`
/// rewrites both.
public struct Ratchet: Sendable {
    /// What a run measured (written by the driver).
    public struct Run: Decodable, Sendable {
        /// Figures by key (percentages and counts).
        public var figures: [String: Double]
        public var failing: [String: [FailingItem]]
        /// Set when the run scored a subset of the pages (then nothing is applied).
        public var subset: String?
        public var pages: String
        public var pageCount: Int
        public var operations: Int

        enum CodingKeys: String, CodingKey {
            case figures, failing, subset, pages, operations
            case pageCount = "page_count"
        }
    }

    /// The figures the ratchet guards: key → label (higher is better). Keys ending in `_pct` are percentages.
    static let guarded: [(key: String, label: String)] = [
        ("rows_pct", "rows (path, required, type) %"),
        ("names_pct", "official type names %"),
        ("operations_pct", "operations (operationId, method) %"),
        ("unstable_pct", "unstable flag %"),
        ("sdk_build_ok", "SDK builds (1 = yes)"),
        ("roundtrip_pass_pct", "example round-trip passed %"),
        ("roundtrip_passed", "example round-trips passed"),
        ("replay_passed", "recorded main calls replayed"),
        ("replay_paginated_passed", "paginated replays passed"),
    ]

    static func isPercent(_ key: String) -> Bool { key.hasSuffix("_pct") }

    public var levelsFile: URL
    public var lists: ExpectedFailures
    public var examples: Int
    public var relative: @Sendable (URL) -> String

    public init(levelsFile: URL, lists: ExpectedFailures, examples: Int, relative: @escaping @Sendable (URL) -> String) {
        self.levelsFile = levelsFile
        self.lists = lists
        self.examples = examples
        self.relative = relative
    }

    /// A figure as the levels file and the messages write it: percentages with their decimals (`100.0`), counts as integers.
    static func text(_ key: String, _ value: Double) -> String {
        isPercent(key) ? "\(value)" : String(Int(value))
    }

    /// Applies (or records) the ratchet; returns the printed lines and whether the run passes.
    public func apply(_ run: Run, record: Bool, force: Bool, now: Date = Date()) throws -> (lines: [String], ok: Bool) {
        let levelsJSON = (try? Data(contentsOf: levelsFile)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let levels = (levelsJSON?["levels"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
        if let subset = run.subset {
            return (["== ratchet not applied: \(subset) (levels are for the whole folder as published)"], true)
        }
        var out: [String] = []
        if record {
            var newLevels = levels
            for (key, _) in Self.guarded {
                guard let value = run.figures[key] else { continue }
                // floored to 2 decimals so that the recorded level is never above the measured figure
                newLevels[key] = Self.isPercent(key) ? (value * 100).rounded(.down) / 100 : value
            }
            let at = ISO8601DateFormatter().string(from: now)
            let text = Self.levelsText(levels: newLevels, pages: run.pages, pageCount: run.pageCount, operations: run.operations, at: at)
            try Data(text.utf8).write(to: levelsFile)
            out.append("   recorded levels in \(levelsFile.path)")
            for name in run.failing.keys.sorted(by: ExpectedFailures.ordered) {
                let items = run.failing[name] ?? []
                try lists.write(name, items: items.map(\.item))
                out.append("   recorded \(items.count) expected failures in \(relative(lists.file(name)))")
            }
            return (out, true)
        }
        let recorded = levelsJSON?["recorded_for"] as? [String: Any] ?? [:]
        let recordedPages = recorded["page_count"] as? Int, recordedOperations = recorded["operations"] as? Int
        if levelsJSON != nil, !force, recordedPages != run.pageCount || recordedOperations != run.operations {
            let folder = recorded["pages"] as? String
            return (["== ratchet not applied: levels were recorded for \(recordedPages.map(String.init) ?? "None") pages / "
                     + "\(recordedOperations.map(String.init) ?? "None") operations (\(folder ?? "None")), this folder has "
                     + "\(run.pageCount) / \(run.operations) (use --force-ratchet or --levels FILE)"], true)
        }
        var below: [String] = []
        for (key, label) in Self.guarded {
            guard let level = levels[key], let value = run.figures[key] else { continue }
            if value + 1e-9 < level {
                let current = Self.isPercent(key) ? (value * 100).rounded() / 100 : value
                below.append("\(label): \(Self.text(key, current)) < recorded \(Self.text(key, level))")
            }
        }
        out.append("== expected failures (\(relative(lists.folder)))")
        let (lines, problems) = lists.compare(run.failing, examples: examples, relative: relative)
        out += lines
        if !below.isEmpty || problems > 0 {
            out.append("== RATCHET FAILED" + (problems > 0 ? " (\(problems) items differ from the expected-failure lists; when the change "
                                              + "is intended, re-record with --record)" : ""))
            out += below.map { "   \($0)" }
            return (out, false)
        }
        out.append("== ratchet OK" + (levelsJSON == nil ? " (no levels recorded)" : ""))
        return (out, true)
    }

    /// The levels file: sorted keys, two-space indent, as it has always been written.
    static func levelsText(levels: [String: Double], pages: String, pageCount: Int, operations: Int, at: String) -> String {
        func quoted(_ s: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return data.map { String(decoding: $0, as: UTF8.self).dropFirst().dropLast() }.map(String.init) ?? "\"\(s)\""
        }
        let levelLines = levels.keys.sorted().map { "    \(quoted($0)): \(text($0, levels[$0] ?? 0))" }
        return """
        {
          "_note": \(quoted("Minimum accepted figures for `.ci/conformance PAGES TRUTH`; rewrite with --record. Percentages are floored to 2 decimals.")),
          "levels": {
        \(levelLines.joined(separator: ",\n"))
          },
          "recorded_for": {
            "at": \(quoted(at)),
            "operations": \(operations),
            "page_count": \(pageCount),
            "pages": \(quoted(pages))
          }
        }

        """
    }
}
