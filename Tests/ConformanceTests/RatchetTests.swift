@testable import Conformance
import Foundation
import XCTest

final class RatchetTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ratchet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func ratchet() -> Ratchet {
        Ratchet(levelsFile: folder.appendingPathComponent("levels.json"),
                lists: ExpectedFailures(folder: folder.appendingPathComponent("lists")), examples: 15, relative: { $0.lastPathComponent })
    }

    func run(replayed: Double, failing: [String]) -> Ratchet.Run {
        Ratchet.Run(figures: ["names_pct": 55.5789, "replay_passed": replayed, "sdk_build_ok": 1],
                    failing: ["replay": failing.map { FailingItem($0, "why \($0)") }],
                    subset: nil, pages: "/p", pageCount: 3, operations: 4)
    }

    func testRecordedLevelsAndListsHoldTheRunAndCatchChanges() throws {
        let recorded = try ratchet().apply(run(replayed: 10, failing: ["b  c", "a"]), record: true, force: false,
                                           now: Date(timeIntervalSince1970: 0))
        XCTAssertTrue(recorded.ok)
        let levels = try String(contentsOf: folder.appendingPathComponent("levels.json"), encoding: .utf8)
        XCTAssertTrue(levels.contains("\"names_pct\": 55.57,\n"), levels)
        XCTAssertTrue(levels.contains("\"replay_passed\": 10,\n"), levels)
        XCTAssertTrue(levels.contains("\"at\": \"1970-01-01T00:00:00Z\""), levels)
        let list = try String(contentsOf: folder.appendingPathComponent("lists/replay.txt"), encoding: .utf8)
        XCTAssertEqual(list.split(separator: "\n").filter { !$0.hasPrefix("#") }, ["a", "b c"], "one line per item, sorted")

        let same = try ratchet().apply(run(replayed: 10, failing: ["a", "b c"]), record: false, force: false)
        XCTAssertTrue(same.ok, same.lines.joined(separator: "\n"))
        XCTAssertEqual(same.lines.last, "== ratchet OK")

        let worse = try ratchet().apply(run(replayed: 9, failing: ["a", "d"]), record: false, force: false)
        XCTAssertFalse(worse.ok)
        XCTAssertTrue(worse.lines.contains("      NEW FAILURE d  (why d)"), worse.lines.joined(separator: "\n"))
        XCTAssertTrue(worse.lines.contains("      NOW PASSES  b c"))
        XCTAssertTrue(worse.lines.contains("   recorded main calls replayed: 9 < recorded 10"))

        var other = run(replayed: 10, failing: ["a", "b c"])
        other.pageCount = 5
        let elsewhere = try ratchet().apply(other, record: false, force: false)
        XCTAssertTrue(elsewhere.ok)
        XCTAssertTrue(elsewhere.lines[0].hasPrefix("== ratchet not applied: levels were recorded for 3 pages / 4 operations"))
    }

    func testRelativePaths() {
        XCTAssertEqual(RelativePath.relative("/a/b/c", to: "/a"), "b/c")
        XCTAssertEqual(RelativePath.relative("/a/x", to: "/a/b"), "../x")
    }
}
