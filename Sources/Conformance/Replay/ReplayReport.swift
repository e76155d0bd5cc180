import Foundation

/// Figure 6 as printed: every failing call (`cassette[#N]: reason; reason…`), the skipped counts,
/// the failures by first cause, all causes, `replay: N passed, M failed`; then the paginated
/// wrappers (`replay paginated: N passed, M failed`).
public struct ReplayReport: Sendable {
    public var lines: [String] = []
    public var passed = 0
    public var failed = 0
    public var pagedPassed = 0
    /// The expected-failure lists' items: `replay` and `replay-paginated`.
    public var failing: [String: [FailingItem]] = [:]

    /// `missing`: operations without a harness function, with the reason; `excluded`: functions
    /// dropped because they did not compile, with the compiler's message; `paged`: the keys of the
    /// `…Paginated` functions.
    public init(_ replay: ReplayCalls, outputs given: [Int: ReplayOutput], missing: [String: String], excluded: [String: String],
                paged: Set<String>, runSeconds: String, crash: String?, examples n: Int) {
        var outputs = given
        for call in replay.calls where outputs[call.id] == nil {
            let key = call.version + "." + call.operationId
            if let why = missing[key] ?? excluded[key].map({ "harness: the call does not compile: \(ReplayCategory.prefix($0, 200))" }) {
                outputs[call.id] = ReplayOutput(id: call.id, outcome: "error", error: why, requests: [])
            }
        }
        let judge = ReplayJudge(replay, outputs: outputs)
        for failure in judge.failures {
            lines.append("\(failure.label): \(ReplayCategory.prefix(failure.reasons.joined(separator: "; "), 600))")
        }
        var firstCauses: [String: [(label: String, reason: String)]] = [:]
        var causeOrder: [String] = []
        var invalidInput = 0
        var allCauses = Tally()
        for failure in judge.failures {
            let first = failure.reasons[0]
            let category = ReplayCategory.of(first)
            if firstCauses[category] == nil { causeOrder.append(category) }
            firstCauses[category, default: []].append((failure.label, first))
            let status = replay.meta[failure.call].interaction.response.statusCode ?? 0
            if status >= 400 && (first.hasPrefix("argument:") || first.hasPrefix("request body does not decode")) { invalidInput += 1 }
            for reason in failure.reasons { allCauses.add(ReplayCategory.of(reason)) }
        }
        let skipped = replay.skipped.mostCommon().map { "\($0.count) calls: \($0.key)" }.joined(separator: ", ")
        lines.append("   replay run \(runSeconds)s; \(replay.scenarios) scenarios, \(replay.calls.count) calls (main + main_page); skipped: "
                     + (skipped.isEmpty ? "none" : skipped))
        lines += replay.skippedExamples.prefix(n).map { "   skipped \($0)" }
        if !replay.byRoute.isEmpty {
            lines.append("   \(replay.byRoute.count) calls matched by method + path because the operation id differs, e.g. "
                         + replay.byRoute.prefix(3).map { "\($0.cassette) (recorded \($0.recorded), pages \($0.pages))" }.joined(separator: ", "))
        }
        for key in judge.stats.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            lines.append("   \(key): \(judge.stats[key])")
        }
        if let crash { lines.append("   harness crashed: \(crash)") }
        lines.append("   failures by first cause:")
        let byCount = causeOrder.enumerated().sorted { a, b in
            let (ca, cb) = (firstCauses[a.element]?.count ?? 0, firstCauses[b.element]?.count ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }
        for (_, category) in byCount {
            let items = firstCauses[category] ?? []
            lines.append("   \(Self.width(items.count)) \(category)")
            lines += items.prefix(2).map { "          e.g. \($0.label): \(ReplayCategory.prefix($0.reason, 220))" }
        }
        lines.append("   all causes (a call may have several):")
        lines += allCauses.mostCommon().map { "   \(Self.width($0.count)) \($0.key)" }
        lines.append("   \(invalidInput) of the failures are error scenarios (4xx recorded) whose request is invalid input "
                     + "that the typed API cannot express (argument / request body does not decode)")
        lines.append("replay: \(judge.passed) passed, \(judge.failures.count) failed")
        passed = judge.passed
        failed = judge.failures.count
        failing["replay"] = judge.failures.map { FailingItem($0.label, $0.reasons.joined(separator: "; ")) }

        // the wrappers: their requests must match the recorded main and page interactions, in order
        // (one more request past the recordings is allowed: the official tests stop after a few pages)
        var pagedFailures: [FailingItem] = []
        for call in replay.paged {
            let name = replay.served[call.cassette].name
            let pages = call.pages ?? []
            var reason: String?
            if !paged.contains(call.version + "." + call.operationId) {
                reason = "no …Paginated method"
            } else if let output = outputs[call.id] {
                if output.outcome != "ok" {
                    let detail = output.error.flatMap { $0.isEmpty ? nil : $0 } ?? output.status.map(String.init) ?? "None"
                    reason = "\(PythonText.optional(output.outcome)): \(ReplayCategory.prefix(detail, 200))"
                } else {
                    let matched = (output.requests ?? []).map { $0.matched.map(String.init) ?? "None" }
                    let recorded = pages.map(String.init)
                    if Array(matched.prefix(pages.count)) != recorded || matched.count > pages.count + 1 {
                        reason = "requests matched \(PythonText.list(ordered: Array(matched.prefix(12)))), recorded pages \(PythonText.list(ordered: Array(recorded.prefix(12))))"
                    }
                }
            } else {
                reason = "no result"
            }
            if let reason {
                pagedFailures.append(FailingItem(name, reason))
                lines.append("   paginated \(name): \(reason)")
            } else {
                pagedPassed += 1
            }
        }
        lines.append("replay paginated: \(pagedPassed) passed, \(pagedFailures.count) failed")
        failing["replay-paginated"] = pagedFailures
    }

    /// Python's `{:6d}`.
    static func width(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}
