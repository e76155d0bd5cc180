@testable import Conformance
import Foundation
import XCTest

/// The harness build's log read back (errors by category) and the SDK synced into the harness package.
final class HarnessBuildTests: XCTestCase {
    func testBuildLogErrorsAreDistinctAndCategorized() {
        let log = """
        [3/9] Compiling HarnessDatadogV2 A.swift
        /x/.ci/harness/Replay/Generated/Ops.swift:12:5: error: cannot find 'Foo' in scope
        /x/.ci/harness/Replay/Generated/Ops.swift:12:5: error: cannot find 'Foo' in scope
        /x/.ci/harness/Replay/Generated/Ops.swift:40:9: error: cannot find 'Bar' in scope
        /x/.ci/harness/SDK/HarnessDatadogV2/Models/T.swift:7:1: error: extra argument 'x' at position 2 in call
        warning: /x/y.swift:1:1: error: not at the start of a line
        """
        let (errors, categories) = HarnessBuild.errors(in: log)
        XCTAssertEqual(errors.map(\.line), [12, 40, 7])
        XCTAssertEqual(categories.map(\.category), ["cannot find '…' in scope", "extra argument '…' at position N in call"])
        XCTAssertEqual(categories.map(\.errors.count), [2, 1])
    }

    func testTheSDKIsSyncedTouchingOnlyChangedFiles() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let source = root.appendingPathComponent("generated/DatadogV2"), target = root.appendingPathComponent("harness/SDK/HarnessDatadogV2")
        try fm.createDirectory(at: source.appendingPathComponent("Models"), withIntermediateDirectories: true)
        try fm.createDirectory(at: target.appendingPathComponent("Old"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: source.appendingPathComponent("Models/A.swift"))
        try Data("b".utf8).write(to: source.appendingPathComponent("B.swift"))
        try Data("stale".utf8).write(to: target.appendingPathComponent("Old/C.swift"))
        try fm.createDirectory(at: target.appendingPathComponent("Models"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: target.appendingPathComponent("Models/A.swift"))
        let old = Date(timeIntervalSince1970: 1_000_000)
        try fm.setAttributes([.modificationDate: old], ofItemAtPath: target.appendingPathComponent("Models/A.swift").path)
        let modules = try HarnessPackage.prepare(package: root.appendingPathComponent("harness"), generated: root.appendingPathComponent("generated"),
                                                 targets: [["DatadogV1", "HarnessDatadogV1"], ["DatadogV2", "HarnessDatadogV2"]],
                                                 repository: root)
        XCTAssertEqual(modules, ["DatadogV2"], "a module the pages have no folder for is left out")
        XCTAssertEqual(Files.below(target), ["B.swift", "Models/A.swift"])
        XCTAssertFalse(fm.fileExists(atPath: target.appendingPathComponent("Old").path), "emptied folders are removed")
        let date = try fm.attributesOfItem(atPath: target.appendingPathComponent("Models/A.swift").path)[.modificationDate] as? Date
        XCTAssertEqual(date, old, "an unchanged file is not rewritten")
    }

    func testOperationKeysSortByVersionThenOperation() {
        XCTAssertEqual(["v2.A", "v1.B", "v1.A"].sorted(by: ConformanceRun.byOperation), ["v1.A", "v1.B", "v2.A"])
    }
}
