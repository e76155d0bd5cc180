import Foundation
import XCTest
@testable import DatadogCodegen

/// Stage 2: ``PageParser`` reads a page's sections (site table, parameters, body, responses).
final class PageParserTests: XCTestCase {
    func testReadsTheSectionsOfATab() throws {
        let text = StagePages.page(parameters: ["| thing_id [*required*] | string | The thing. |"],
                                   body: ["| | name [*required*] | string | The name. |"], bodyExample: "{\"name\": \"n\"}")
        var log = DiagnosticLog(file: "things/update.md")
        let page = PageParser.parse(SourcePage(file: "things/update.md", text: text), log: &log)
        XCTAssertEqual(log.diagnostics, [])
        XCTAssertEqual(page.title, "Update a thing")
        XCTAssertEqual(page.tag, "Things")
        let operation = try XCTUnwrap(page.operations.first)
        XCTAssertEqual(page.operations.count, 1)
        XCTAssertEqual(operation.version, "v2")
        XCTAssertEqual(operation.line, StagePages.line(of: "{% tab title=\"v2\" %}", in: text))
        XCTAssertEqual(operation.method, "PATCH")
        XCTAssertEqual(operation.path, "/api/v2/things/{thing_id}")
        XCTAssertEqual(operation.siteHosts, [SiteHost(site: "app.datadoghq.com", host: "api.datadoghq.com")])
        XCTAssertEqual(operation.parameters.map(\.name), ["thing_id"])
        XCTAssertEqual(operation.parameters.map(\.location), [.path])
        XCTAssertEqual(operation.parameters.map(\.required), [true])
        XCTAssertEqual(operation.parameters.first?.line, StagePages.line(of: "| thing_id", in: text))
        let body = try XCTUnwrap(operation.requestBody)
        XCTAssertTrue(body.required)
        XCTAssertEqual(body.schema.table?.rows.count, 1)
        XCTAssertEqual(body.schema.example?.trimmingCharacters(in: .whitespacesAndNewlines), "{\"name\": \"n\"}")
        XCTAssertEqual(operation.responses.map(\.status), ["200"])
    }

    func testUnreadableFileIsAnErrorOfLineOne() {
        var log = DiagnosticLog(file: "gone.md")
        let page = PageParser.parse(SourcePage(file: "gone.md", data: nil), log: &log)
        XCTAssertTrue(page.operations.isEmpty)
        XCTAssertEqual(log.diagnostics.map(\.description), ["gone.md:1:1: error: cannot read the file"])
    }

    func testPageWithoutATabIsAnErrorAndGeneratesNothing() {
        let result = GenerateAction.generate(pages: ["notes.md": "# Notes\n\nNothing here.\n"], templates: nil)
        XCTAssertEqual(result.sdk.diagnostics.map(\.severity), [.error])
        XCTAssertEqual(result.sdk.diagnostics.first?.file, "notes.md")
        XCTAssertEqual(result.sdk.diagnostics.first?.line, 1)
        XCTAssertTrue(result.sdk.modules.isEmpty)
        XCTAssertEqual(result.sdk.pages.map(\.file), ["notes.md"])
    }

    func testStrayTabCloserIsAWarningAtItsLine() {
        let text = StagePages.page() + "{% /tab %}\n"
        var log = DiagnosticLog(file: "p.md")
        let page = PageParser.parse(SourcePage(file: "p.md", text: text), log: &log)
        XCTAssertEqual(page.operations.count, 1)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        XCTAssertEqual(log.diagnostics.map(\.description), ["p.md:\(lastLine):1: warning: `{% /tab %}` closes no open tab; ignored"])
    }
}
