import Foundation

/// `.ci/conformance PAGES TRUTH [CASSETTES]`: figures 1–4, then the SDK build and the example round
/// trip (5), the replay of recorded traffic (6), the summary and the ratchet (7). Prints what the
/// script always printed; returns whether the ratchet passed.
public struct ConformanceRun {
    public struct Options: Sendable {
        public var pages: URL
        public var truth: URL
        public var cassettes: URL?
        /// The repository (its `.ci/harness`, `Package.resolved`, levels and lists).
        public var repository: URL
        public var codegen: URL
        public var workdir: URL
        public var replayOnly: [String] = []
        public var noBuild = false
        public var record = false
        public var levels: URL
        public var expectedFailures: URL
        public var forceRatchet = false
        public var cleanBuild = false
        public var examples = 15
        public var report: URL?
        public var tagsFrom: URL?
        public var excludeTagsFrom: URL?
        public var stripCodeExamples = false

        public init(pages: URL, truth: URL, cassettes: URL?, repository: URL, codegen: URL, workdir: URL, levels: URL, expectedFailures: URL) {
            (self.pages, self.truth, self.cassettes, self.repository, self.codegen, self.workdir, self.levels, self.expectedFailures)
                = (pages, truth, cassettes, repository, codegen, workdir, levels, expectedFailures)
        }
    }

    let options: Options
    let out: (String) -> Void
    let log: (String) -> Void
    var harnessPackage: URL { options.repository.appendingPathComponent(".ci/harness") }
    var sdkPackage: URL { options.workdir.appendingPathComponent("sdk") }

    public init(_ options: Options, out: @escaping (String) -> Void, log: @escaping (String) -> Void) {
        self.options = options
        self.out = out
        self.log = log
    }

    /// The figures the ratchet and `--report` read, by key (`rows_pct`, `replay_passed` …).
    typealias Figures = [String: Double]

    public func run() throws -> Bool {
        let started = Date()
        let o = options, n = o.examples
        let scored = try FiguresRun(pages: o.pages, truth: o.truth, codegen: o.codegen, workdir: o.workdir, examples: n, tagsFrom: o.tagsFrom,
                                    excludeTagsFrom: o.excludeTagsFrom, stripCodeExamples: o.stripCodeExamples, log: log)
        let FR = scored.figures
        out(FR.lines.joined(separator: "\n"))
        var figures: Figures = [:]
        for (key, percent) in [("rows", FR.rows), ("names", FR.names), ("operations", FR.operations), ("unstable", FR.unstable)] {
            figures[key + "_pct"] = percent.value
        }
        var failing = FR.failing
        var build: HarnessBuild?
        if !o.noBuild {
            out("")
            if o.cleanBuild { try? FileManager.default.removeItem(at: sdkPackage.appendingPathComponent(".build")) }
            // the harnesses must exist for the package to load; empty ones first so the SDK build is measured alone
            let dump = scored.generator.dump
            let empty = try HarnessSources.write(dump: dump, package: harnessPackage, excludedTypes: [], excludedOperations: [], empty: true)
            let modules = try HarnessPackage.prepare(package: harnessPackage, generated: scored.generator.generated, targets: empty.modules,
                                                     repository: o.repository)
            var skipped = Tally()
            for pair in empty.skipped where pair.count == 2 { skipped.add(pair[0], Int(pair[1]) ?? 0) }
            log("[conformance] building the SDK (\(modules.joined(separator: ", "))) in \(sdkPackage.path) ...")
            // with the replay target in the package, build only what a plain build built before (SDK + RoundTrip)
            let sdkBuild = try HarnessBuild.run(package: harnessPackage, scratch: sdkPackage.appendingPathComponent(".build"),
                                                product: "RoundTrip", log: o.workdir.appendingPathComponent("sdk-build.log"))
            build = sdkBuild
            let (errors, categories) = HarnessBuild.errors(in: sdkBuild.text)
            let ok = sdkBuild.succeeded
            out("== 5. SDK build (debug, \(modules.joined(separator: ", "))): \(ok ? "OK" : "FAILED") in \(sdkBuild.secondsText)s, "
                + "peak memory \(sdkBuild.peakTreeMB) MB (process tree, sampled), largest process \(sdkBuild.largestProcessMB) MB; log \(sdkBuild.log.path)")
            figures["sdk_build_ok"] = ok ? 1 : 0
            figures["sdk_build_s"] = (sdkBuild.seconds * 10).rounded() / 10
            figures["sdk_build_peak_mb"] = Double(sdkBuild.peakTreeMB)
            if !ok {
                out("   \(errors.count) distinct errors in \(Set(errors.map(\.file)).count) files; by category:")
                for (category, items) in categories.prefix(25) {
                    out("   \(ReplayReport.width(items.count)) \(category)")
                    out("          e.g. \(relative(items[0].file)):\(items[0].line): \(ReplayCategory.prefix(items[0].message, 200))")
                }
                if errors.isEmpty { out("   " + lastLines(sdkBuild.text).joined(separator: "\n   ")) }
            }
            out("")
            let skippedText = skipped.mostCommon().map { "\($0.count) \($0.key)" }.joined(separator: ", ")
            out("   round trip: \(empty.examples.count) JSON examples with a model type; skipped: " + (skippedText.isEmpty ? "none" : skippedText))
            out("   \(empty.examples.filter(\.element).count) examples of list bodies show one element (object example, array type): "
                + "checked against the element type")
            if ok && !o.replayOnly.isEmpty {
                out("   round trip: not run (--replay-only)")
            } else if ok {
                roundTrip(dump: dump, examples: empty.examples, figures: &figures, failing: &failing)
            } else {
                out("roundtrip: 0 passed, 0 failed (not run: the SDK does not build)")
                figures["roundtrip_passed"] = 0
                figures["roundtrip_pass_pct"] = 0
            }
            if let cassettes = o.cassettes {
                out("")
                try replay(dump: dump, cassettes: cassettes, sdkBuilds: ok, figures: &figures, failing: &failing)
                if !o.replayOnly.isEmpty {
                    // a subset: reported, never ratcheted or recorded
                    for key in ["replay_passed", "replay_failed", "replay_pass_pct", "replay_paginated_passed"] {
                        if let value = figures.removeValue(forKey: key) { figures["subset_" + key] = value }
                    }
                }
            }
        }

        out("")
        out("== summary")
        for (key, percent) in [("rows", FR.rows), ("names", FR.names), ("operations", FR.operations), ("unstable", FR.unstable)] {
            out("   \(key.padding(toLength: 11, withPad: " ", startingAt: 0)) \(percent.text)")
        }
        for version in FR.types.keys.sorted() {
            let types = FR.types[version]!
            out("   types \(version)    \(types.types) generated vs \(types.officialNames) official names")
        }
        if let build {
            out("   SDK build   \(build.succeeded ? "OK" : "FAILED") \(build.secondsText)s, peak \(build.peakTreeMB) MB")
            if let passed = figures["roundtrip_passed"] {
                out("   round trip  \(Int(passed)) passed (\(String(format: "%.2f", figures["roundtrip_pass_pct"] ?? 0))%)")
            }
            for prefix in ["", "subset_"] {
                guard let passed = figures[prefix + "replay_passed"] else { continue }
                var line = "   replay      \(Int(passed)) passed"
                if let failed = figures[prefix + "replay_failed"] {
                    line += ", \(Int(failed)) failed (\(String(format: "%.2f", figures[prefix + "replay_pass_pct"] ?? 0))%)"
                }
                out(line + (prefix.isEmpty ? "" : " (subset)"))
            }
        }
        out("   took \(String(format: "%.0f", Date().timeIntervalSince(started)))s")
        if let report = o.report { try writeReport(figures, types: FR.types, to: report) }

        // 7. the ratchet
        let ratchet = Ratchet(levelsFile: o.levels, lists: ExpectedFailures(folder: o.expectedFailures), examples: n,
                              relative: RelativePath.fromCurrentDirectory)
        let measured = Ratchet.Run(figures: figures, failing: failing, subset: FR.subset, pages: scored.pages.path, pageCount: FR.pageCount,
                                   operations: FR.operations.total)
        let (lines, passed) = try ratchet.apply(measured, record: o.record, force: o.forceRatchet)
        out(lines.joined(separator: "\n"))
        return passed
    }

    // MARK: figure 5: the round trip

    func roundTrip(dump: Dump, examples: [RoundTripExamples.Example], figures: inout Figures, failing: inout [String: [FailingItem]]) {
        let o = options
        var excluded: [String: String] = [:]
        var built: HarnessBuild?
        var problem: String?
        do {
            attempts: for attempt in 0..<3 {
                let owners = try HarnessSources.write(dump: dump, package: harnessPackage, excludedTypes: Set(excluded.keys),
                                                      excludedOperations: [], empty: false).roundtripLines
                let build = try HarnessBuild.run(package: harnessPackage, scratch: sdkPackage.appendingPathComponent(".build"), product: "RoundTrip",
                                                 log: o.workdir.appendingPathComponent("sdk-build-roundtrip\(attempt).log"))
                built = build
                if build.succeeded { break attempts }
                let errors = HarnessBuild.errors(in: build.text).errors
                let harness = errors.filter { $0.file.contains("/RoundTrip/") }, sdk = errors.filter { !$0.file.contains("/RoundTrip/") }
                if !sdk.isEmpty || harness.isEmpty {
                    problem = sdk.isEmpty ? "the harness does not build" : "the harness does not build (SDK errors)"
                    break attempts
                }
                var hit = false
                for error in harness {
                    for type in owners[lineKey(error)] ?? [] {
                        excluded[type] = error.message
                        hit = true
                    }
                }
                if !hit {
                    problem = "the harness does not build: " + harness[0].message
                    break attempts
                }
                if attempt == 2 { problem = "the harness does not build after dropping types" }
            }
        } catch {
            problem = "the harness does not build: \(error)"
        }
        if let problem {
            out("   round-trip harness: \(problem)")
            for (category, items) in HarnessBuild.errors(in: built?.text ?? "").categories.prefix(10) {
                out("   \(ReplayReport.width(items.count)) \(category)  e.g. \(relative(items[0].file)):\(items[0].line)")
            }
            figures["roundtrip_passed"] = 0
            figures["roundtrip_pass_pct"] = 0
            return
        }
        struct Entry: Encodable {
            var id: Int
            var type: String
            var json: String
        }
        let input = o.workdir.appendingPathComponent("roundtrip-input.json")
        let outputFile = o.workdir.appendingPathComponent("roundtrip-output.jsonl")
        let started = Date()
        var crash: String?
        do {
            try JSONEncoder().encode(examples.filter { excluded[$0.harnessType] == nil }.map { Entry(id: $0.id, type: $0.harnessType, json: $0.json) })
                .write(to: input)
            let stderr = o.workdir.appendingPathComponent("roundtrip.stderr")
            let process = try GeneratorRun.start(executable("RoundTrip"), [input.path], stdout: outputFile, stderr: stderr)
            process.waitUntilExit()
            if let status = Self.failure(process) { crash = "exit \(status): \(tail(stderr))" }
        } catch {
            crash = "\(error)"
        }
        let runSeconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        let outputs = text.split(separator: "\n").compactMap { try? JSONDecoder().decode(RoundTripJudge.Output.self, from: Data($0.utf8)) }
        let judge = RoundTripJudge(examples: examples, outputs: outputs, excluded: excluded)
        out(judge.lines(build: built?.secondsText ?? "?", run: runSeconds, crash: crash).joined(separator: "\n"))
        failing["roundtrip"] = judge.failing
        figures["roundtrip_failed"] = Double(judge.failures.count)
        figures["roundtrip_placeholder_failures"] = Double(judge.placeholderFailures)
        figures["roundtrip_passed"] = Double(judge.passed)
        figures["roundtrip_pass_pct"] = Percent(judge.passed, judge.passed + judge.failures.count).value
    }

    // MARK: figure 6: the replay

    func replay(dump: Dump, cassettes: URL, sdkBuilds: Bool, figures: inout Figures, failing: inout [String: [FailingItem]]) throws {
        let o = options, n = o.examples
        let calls = try ReplayCalls(dump: dump, cassettes: cassettes, only: o.replayOnly)
        let rendered = ReplayHarness(dump)
        let functions = Set(rendered.keys)
        out("== 6. replay of recorded traffic (\(cassettes.path)\(o.replayOnly.isEmpty ? "" : ", only " + o.replayOnly.joined(separator: ", "))): "
            + "\(calls.calls.count) main calls in \(calls.scenarios) scenarios; harness functions for \(functions.count) operations "
            + "(\(rendered.missing.count) without)")
        for key in rendered.missing.keys.sorted(by: Self.byOperation).prefix(n) {
            out("   no function for \(key): \(rendered.missing[key] ?? "")")
        }
        guard sdkBuilds else {
            out("replay: 0 passed, 0 failed (not run: the SDK does not build)")
            figures["replay_passed"] = 0
            return
        }
        log("[conformance] building and running the replay harness (\(calls.calls.count) calls) ...")
        var excluded: [String: String] = [:]
        var built: HarnessBuild?
        var problem: String?
        attempts: for attempt in 0..<3 {
            let owners = try HarnessSources.write(dump: dump, package: harnessPackage, excludedTypes: [], excludedOperations: Set(excluded.keys),
                                                  empty: false).replayLines
            let build = try HarnessBuild.run(package: harnessPackage, scratch: sdkPackage.appendingPathComponent(".build"), product: "Replay",
                                             log: o.workdir.appendingPathComponent("sdk-build-replay\(attempt).log"))
            built = build
            if build.succeeded { break attempts }
            let errors = HarnessBuild.errors(in: build.text).errors
            let harness = errors.filter { $0.file.contains("/Replay/") }
            if errors.contains(where: { !$0.file.contains("/Replay/") }) || harness.isEmpty {
                problem = "the replay harness does not build" + (harness.isEmpty ? " (errors outside Replay/)" : "")
                break attempts
            }
            var hit = false
            for error in harness {
                for key in owners[lineKey(error)] ?? [] {
                    if excluded[key] == nil { excluded[key] = error.message }
                    hit = true
                }
            }
            if !hit {
                problem = "the replay harness does not build: " + harness[0].message
                break attempts
            }
            if attempt == 2 { problem = "the replay harness does not build after dropping operations" }
        }
        if let problem {
            let (errors, categories) = HarnessBuild.errors(in: built?.text ?? "")
            out("   replay harness: \(problem)")
            for (category, items) in categories.prefix(10) {
                out("   \(ReplayReport.width(items.count)) \(category)  e.g. \(relative(items[0].file)):\(items[0].line)")
            }
            if errors.isEmpty { out("   " + lastLines(built?.text ?? "").joined(separator: "\n   ")) }
            out("replay: 0 passed, \(calls.calls.count) failed (harness does not build)")
            figures["replay_passed"] = 0
            figures["replay_pass_pct"] = 0
            return
        }
        let input = o.workdir.appendingPathComponent("replay-input.json")
        let outputFile = o.workdir.appendingPathComponent("replay-output.jsonl")
        let stderr = o.workdir.appendingPathComponent("replay.stderr")
        try calls.input(unstable: rendered.keys).write(to: input)
        let started = Date()
        var crash: String?
        let process = try GeneratorRun.start(executable("Replay"), [input.path], stdout: outputFile, stderr: stderr)
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 3600, execute: deadline)
        process.waitUntilExit()
        deadline.cancel()
        let runSeconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if let status = Self.failure(process) { crash = "exit \(status): \(tail(stderr))" }
        for key in excluded.keys.sorted(by: Self.byOperation).prefix(n) {
            out("   dropped from the harness (does not compile): \(key): \(ReplayCategory.prefix(excluded[key] ?? "", 200))")
        }
        out("   replay harness build \(built?.secondsText ?? "?")s")
        let outputs = ReplayOutput.read((try? String(contentsOf: outputFile, encoding: .utf8)) ?? "")
        let report = ReplayReport(calls, outputs: outputs, missing: rendered.missing, excluded: excluded, paged: Set(rendered.paged),
                                  runSeconds: runSeconds, crash: crash, examples: n)
        out(report.lines.joined(separator: "\n"))
        figures["replay_paginated_passed"] = Double(report.pagedPassed)
        if o.replayOnly.isEmpty {
            failing["replay"] = report.failing["replay"]
            failing["replay-paginated"] = report.failing["replay-paginated"]
        }
        figures["replay_passed"] = Double(report.passed)
        figures["replay_failed"] = Double(report.failed)
        figures["replay_pass_pct"] = Percent(report.passed, report.passed + report.failed).value
    }

    // MARK: helpers

    /// How a process failed: its exit status, or minus the signal that ended it; nil when it succeeded.
    static func failure(_ process: Process) -> Int32? {
        if process.terminationReason == .uncaughtSignal { return -process.terminationStatus }
        return process.terminationStatus == 0 ? nil : process.terminationStatus
    }

    /// `v1.B` before `v2.A`: by version, then operationId.
    static func byOperation(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.split(separator: ".", maxSplits: 1).map(String.init), b.split(separator: ".", maxSplits: 1).map(String.init))
        if x[0] != y[0] { return x[0].unicodeScalars.lexicographicallyPrecedes(y[0].unicodeScalars) }
        return (x.last ?? "").unicodeScalars.lexicographicallyPrecedes((y.last ?? "").unicodeScalars)
    }

    /// `<file name>:<line>`, the key of the harness report's line owners.
    func lineKey(_ error: HarnessBuild.CompileError) -> String {
        "\((error.file as NSString).lastPathComponent):\(error.line)"
    }

    func executable(_ product: String) -> URL {
        sdkPackage.appendingPathComponent(".build/debug/\(product)")
    }

    /// A compiler error's file relative to the SDK package folder.
    func relative(_ file: String) -> String {
        RelativePath.relative(file, to: sdkPackage.path)
    }

    func lastLines(_ text: String) -> [String] {
        Array(text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n").suffix(15))
    }

    /// The last 500 characters of a file.
    func tail(_ file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return String(String.UnicodeScalarView(text.unicodeScalars.suffix(500)))
    }

    /// `--report FILE`: the figures as JSON (and the type counts of figure 4).
    func writeReport(_ figures: Figures, types: [String: FiguresReport.Types], to file: URL) throws {
        var object: [String: Any] = [:]
        for (key, value) in figures { object[key] = value == value.rounded() && !key.hasSuffix("_pct") ? Int(value) as Any : value as Any }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        object["types"] = try JSONSerialization.jsonObject(with: encoder.encode(types))
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: file)
    }
}
