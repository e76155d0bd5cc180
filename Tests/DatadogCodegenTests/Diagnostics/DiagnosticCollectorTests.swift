import Foundation
import XCTest
@testable import DatadogCodegen

/// ``DiagnosticCollector``: the run's diagnostics, ordered by page and line at the end.
final class DiagnosticCollectorTests: XCTestCase {
    func testSortedByPageOrderThenLineKeepingReportOrderOnALine() {
        var collector = DiagnosticCollector()
        var b = DiagnosticLog(file: "b.md")
        b.warning(9, "late")
        b.warning(3, "early")
        collector.report(b)
        collector.report(Diagnostic(.error, file: "a.md", line: 5, "first on 5"))
        collector.report(Diagnostic(.warning, file: "a.md", line: 5, "second on 5"))
        collector.report(Diagnostic(.error, file: "/out/X.swift", line: 1, "not a page"))
        let sorted = collector.sorted(pageOrder: ["a.md", "b.md"]).map(\.message)
        XCTAssertEqual(sorted, ["first on 5", "second on 5", "early", "late", "not a page"])
    }

    /// The model's diagnostics come out by page and line, whichever stage reported them.
    func testStagesReportIntoOneOrder() {
        let text = StagePages.page(path: "/api/v2/things/{thing_id}/{part}", parameters: ["| thing_id [*required*] | string | The thing. |"])
        let result = GenerateAction.generate(pages: ["p.md": text, "empty.md": ""], templates: nil)
        XCTAssertEqual(result.sdk.diagnostics.map(\.file), ["empty.md", "p.md"])
        XCTAssertEqual(result.sdk.diagnostics.map(\.severity), [.error, .warning])
    }
}
