import Foundation
import DocsChanges
import XCTest
@testable import DatadogCodegen

/// `Generated/` is the golden output of `input/`; small focused cases live in `Golden/`, the
/// edge-case fixtures in `Tests/Fixtures/EdgeCases`.
///
/// Re-record: `swift run datadog-codegen generate input --output Generated` for the SDK, and
/// `RECORD_GOLDEN=1 swift test --filter GoldenTests` for the focused cases and the edge-case
/// fixtures (their generated files and expected diagnostics); review the diff.
final class GoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")

    func testGeneratedMatchesInput() throws {
        let result = try Pipeline.run(Pipeline.Options(input: Self.root.appendingPathComponent("input"), templates: Self.templates))
        XCTAssertEqual(result.errorCount, 0, result.sdk.diagnostics.map(\.description).joined(separator: "\n"))
        try Self.compare(result.files, with: Self.root.appendingPathComponent("Generated"), record: false)
    }

    func testGenerationIsDeterministic() throws {
        let options = Pipeline.Options(input: Self.root.appendingPathComponent("input"), templates: Self.templates)
        let first = try Pipeline.run(options).files
        let second = try Pipeline.run(options).files
        XCTAssertEqual(first, second)
    }

    /// The hand-written edge-case pages (`Tests/Fixtures/EdgeCases/input`) generate the test-only
    /// module `DatadogEdgeCasesV1` in `Tests/Fixtures/EdgeCases/Generated` (their golden output, which
    /// `GeneratedSDKTests` compiles and exercises) with the diagnostics of `expected-diagnostics.txt`.
    func testEdgeCaseFixtures() throws {
        let folder = Self.root.appendingPathComponent("Tests/Fixtures/EdgeCases")
        var options = Pipeline.Options(input: folder.appendingPathComponent("input"), templates: Self.templates)
        options.modulePrefix = "DatadogEdgeCases"
        let result = try Pipeline.run(options)
        XCTAssertEqual(result.sdk.modules.map(\.name), ["DatadogEdgeCasesV1"])
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        try Self.compare(result.files, with: folder.appendingPathComponent("Generated"), record: record, label: "EdgeCases/Generated")
        let diagnostics = result.sdk.diagnostics.map { $0.description + "\n" }.joined()
        let expectedURL = folder.appendingPathComponent("expected-diagnostics.txt")
        if record { try Data(diagnostics.utf8).write(to: expectedURL) }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(diagnostics, expected, UnifiedDiff.make(old: expected, new: diagnostics, oldName: "expected-diagnostics.txt", newName: "diagnostics"))
    }

    /// Package.swift lists exactly the modules in `Generated/` and the edge-case fixtures (a literal
    /// list, as SwiftPM caches the manifest's evaluation by its text; see the comment there).
    func testPackageListsTheGeneratedModules() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        func listed(_ name: String) -> [String] {
            guard let line = manifest.split(separator: "\n").first(where: { $0.hasPrefix("let \(name) = [") }) else { return [] }
            return line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        func folders(_ path: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(path).path).filter { !$0.hasPrefix(".") }.sorted()
        }
        XCTAssertEqual(listed("generatedModules"), try folders("Generated"), "Package.swift: let generatedModules = [the folders of Generated/]")
        XCTAssertEqual(listed("edgeCaseModules"), try folders("Tests/Fixtures/EdgeCases/Generated"),
                       "Package.swift: let edgeCaseModules = [the folders of Tests/Fixtures/EdgeCases/Generated]")
    }

    // One method per focused case in `Golden/` (`swift test --filter GoldenTests/testFocusedCaseOneOf`).
    func testFocusedCaseDiagnostics() throws { try checkFocusedCase("diagnostics") }
    func testFocusedCaseFormats() throws { try checkFocusedCase("formats") }
    func testFocusedCaseKeywords() throws { try checkFocusedCase("keywords") }
    func testFocusedCaseMapAndEnum() throws { try checkFocusedCase("map-and-enum") }
    func testFocusedCaseOfficialNames() throws { try checkFocusedCase("official-names") }
    func testFocusedCaseOneOf() throws { try checkFocusedCase("oneof") }
    func testFocusedCasePagination() throws { try checkFocusedCase("pagination") }
    func testFocusedCaseRequiredInRequests() throws { try checkFocusedCase("required-in-requests") }

    /// Every folder of `Golden/` has its method above.
    func testEveryFocusedCaseHasAMethod() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.focusedCases.path).filter { !$0.hasPrefix(".") }.sorted()
        // The cases the methods above check, read from this file's source (no second list to keep in step).
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let marker = "checkFocusedCase(\""
        let methods = source.components(separatedBy: marker).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        XCTAssertEqual(names, Array(Set(methods)).sorted(), "add a testFocusedCase… method for each folder of Golden/")
    }

    static let focusedCases = root.appendingPathComponent("Tests/DatadogCodegenTests/Golden")

    /// A focused case: `Golden/<name>/input` generates `Golden/<name>/expected` (in memory, through
    /// ``GenerateAction/generate(pages:templates:modulePrefix:tags:operations:)``) with the
    /// diagnostics of `Golden/<name>/diagnostics.txt`, and the expected SDK type-checks against the
    /// runtime as built for the tests (``SDKTypeCheck``; skipped when the runtime module is not found).
    func checkFocusedCase(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = Self.focusedCases.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        let pages = try DocsChangeRun.pages(in: folder.appendingPathComponent("input"))
        XCTAssertFalse(pages.isEmpty, "\(name) has no input pages", file: file, line: line)
        let result = GenerateAction.generate(pages: pages, templates: try TemplateSet(directory: Self.templates))
        try Self.compare(result.files, with: folder.appendingPathComponent("expected"), record: record, label: name, file: file, line: line)

        let diagnostics = result.sdk.diagnostics.map { $0.description + "\n" }.joined()
        let expectedURL = folder.appendingPathComponent("diagnostics.txt")
        if record { try Data(diagnostics.utf8).write(to: expectedURL) }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(diagnostics, expected, UnifiedDiff.make(old: expected, new: diagnostics, oldName: "\(name)/diagnostics.txt", newName: "diagnostics"),
                       file: file, line: line)

        guard let modules = Self.runtimeModules() else { throw XCTSkip("DatadogRuntime.swiftmodule not found next to the tests") }
        let expectedFolder = folder.appendingPathComponent("expected")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: expectedFolder.path), file: file, line: line)
        var files: [String: String] = [:]
        for case let path as String in walker where path.hasSuffix(".swift") {
            files[path] = try String(contentsOf: expectedFolder.appendingPathComponent(path), encoding: .utf8)
        }
        let failures = SDKTypeCheck(modules: modules).check(files)
        XCTAssertTrue(failures.isEmpty, "\(name) does not type-check:\n" + failures.map(\.description).joined(separator: "\n"), file: file, line: line)
    }

    /// The folder holding `DatadogRuntime.swiftmodule` of the build these tests run from.
    static func runtimeModules() -> URL? {
        var candidates: [URL] = []
        for start in [Bundle(for: GoldenTests.self).bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")] {
            var url = start
            for _ in 0..<4 {
                candidates += [url.appendingPathComponent("Modules"), url]
                url = url.deletingLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("DatadogRuntime.swiftmodule").path) }
    }

    /// Compares generated files with a folder, printing a unified diff of each difference.
    static func compare(_ files: [String: String], with folder: URL, record: Bool, label: String = "Generated",
                        file: StaticString = #filePath, line: UInt = #line) throws {
        if record {
            _ = try OutputWriter(directory: folder).write(files)
            return
        }
        let plan = OutputWriter(directory: folder).plan(files)
        for path in plan.written {
            let expected = (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
            let diff = UnifiedDiff.make(old: expected, new: files[path] ?? "", oldName: "\(label)/\(path)", newName: "regenerated/\(path)")
            XCTFail("\(label)/\(path) differs from the regenerated output:\n\(diff)", file: file, line: line)
        }
        for path in plan.removed {
            XCTFail("\(label)/\(path) is not generated any more", file: file, line: line)
        }
    }
}

/// A small line-based unified diff (longest common subsequence), enough for golden failures.
enum UnifiedDiff {
    static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count * b.count < 25_000_000 else { return "--- \(oldName)\n+++ \(newName)\n(files too large to diff: \(a.count) vs \(b.count) lines)" }
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { lines.append((" ", a[i])); i += 1; j += 1 }
            else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] { lines.append(("+", b[j])); j += 1 }
            else { lines.append(("-", a[i])); i += 1 }
        }
        var hunks: [(start: Int, end: Int)] = []
        for index in lines.indices where lines[index].0 != " " {
            let start = max(0, index - context), end = min(lines.count, index + context + 1)
            if let last = hunks.last, start <= last.end { hunks[hunks.count - 1].end = end } else { hunks.append((start, end)) }
        }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks {
            output.append("@@ lines \(hunk.start + 1)-\(hunk.end) @@")
            output.append(contentsOf: lines[hunk.start..<hunk.end].map { String($0.0) + $0.1 })
        }
        return output.joined(separator: "\n")
    }
}
