import Foundation

/// Renders both harnesses of the scratch package (`.ci/harness`) from the dump: the round trip's
/// tables into `RoundTrip/Generated/` and the replay's functions into `Replay/Generated/`, and
/// reports what a driver needs to build, run and judge them (`harness.json`).
public struct HarnessSources: Sendable {
    /// What was rendered: the examples to feed the round trip, the replay functions, and the owners
    /// of generated lines (a compile error at `<file>:<line>` drops them).
    public struct Report: Encodable, Sendable {
        /// `[module, harness target]` per generated module (`SDK/<target>` holds the module's sources).
        public var modules: [[String]]
        public var examples: [RoundTripExamples.Example]
        /// `[reason, count]`, in first-seen order.
        public var skipped: [[String]]
        public var roundtripLines: [String: [String]]
        /// `<version>.<OperationId>` of every replay function, `…Paginated` ones included.
        public var replayFunctions: [String]
        public var pagedFunctions: [String]
        public var replayMissing: [String: String]
        public var replayLines: [String: [String]]

        enum CodingKeys: String, CodingKey {
            case modules, examples, skipped
            case roundtripLines = "roundtrip_lines"
            case replayFunctions = "replay_functions"
            case pagedFunctions = "paged_functions"
            case replayMissing = "replay_missing"
            case replayLines = "replay_lines"
        }
    }

    /// The part of the report the replay reads back.
    public struct Summary: Decodable, Sendable {
        public var replayFunctions: [String]
        public var pagedFunctions: [String]
        public var replayMissing: [String: String]

        enum CodingKeys: String, CodingKey {
            case replayFunctions = "replay_functions"
            case pagedFunctions = "paged_functions"
            case replayMissing = "replay_missing"
        }
    }

    /// Writes the sources into `package` (`RoundTrip/Generated`, `Replay/Generated`). `empty` renders
    /// harnesses with no entries (the SDK's build is measured alone first); excluded round-trip types
    /// and replay keys are left out (they did not compile).
    public static func write(dump: Dump, package: URL, excludedTypes: Set<String>, excludedOperations: Set<String>,
                             empty: Bool) throws -> Report {
        let modules = dump.modules.map(\.name).sorted()
        let imports = modules.map(SwiftQualifier.target)
        let examples = RoundTripExamples(dump)
        let replay = ReplayHarness(dump)
        let types = empty ? [] : examples.examples.map(\.harnessType).filter { !excludedTypes.contains($0) }
        let roundTrip = RoundTripHarness.files(types: types, imports: imports)
        let replayFiles = replay.files(imports: imports, excluded: empty ? Set(replay.keys) : excludedOperations)
        try HarnessFile.write(roundTrip, into: package.appendingPathComponent("RoundTrip/Generated"))
        try HarnessFile.write(replayFiles, into: package.appendingPathComponent("Replay/Generated"))
        return Report(
            modules: modules.map { [$0, SwiftQualifier.target($0)] }, examples: examples.examples, skipped: examples.skipped.map { [$0.reason, String($0.count)] },
            roundtripLines: HarnessFile.lineOwners(roundTrip), replayFunctions: replay.keys, pagedFunctions: replay.paged,
            replayMissing: replay.missing, replayLines: HarnessFile.lineOwners(replayFiles))
    }
}
